/**
 * Training rates benchmark (part of `npm run bench`, its own process): on the
 * benchmark county (build-persons.ts, reused; a city is 1,000,000 persons),
 * loads a year of 职业培训 once — 40 providers, 200 programmes, 2,000 classes
 * ending in 2025, 50,000 trainees (one in twenty in two classes) with their
 * completion, assessments and certificates (some revoked), and the facts the
 * rates read: 就业登记 approved, referrals answered 录用, twelve monthly 社保缴费
 * files — then times, through the service layer as the 培训成效 page calls it,
 *
 * - `training.rates` for the year (all three rates, per provider, programme and class);
 * - each rate alone, as its named list for the whole year (`training.rateList`).
 *
 * Goal (issue 24): each under 2 s at city scale.
 *
 *   tsx scripts/bench/training-rates.ts [--scale demo|county|city | --persons N] [--dir .bench] [--iterations 5]
 */
import type Database from 'better-sqlite3';
import type { TrainingRateList, TrainingRatesReport } from '../../shared/contract';
import { BENCH_USER, buildPersons, loginAs, openBenchDesk, parseBenchArgs, unwrap } from './build-persons';
import { prng } from '../../db/seed/person-generator';
import { summarize, type Summary } from './stats';

const GOAL_MS = 2000;
const TRAINEES = 50_000;
const CLASS_SIZE = 25;
const PROVIDERS = 40;
const PROGRAMMES = 200;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const MARK = 'BENCH-';

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A year of training and its facts, written once in one transaction; a database that has them is reused. */
function loadTrainingYear(sqlite: Database.Database, benchUserId: number, log: (line: string) => void): { trainees: number; classes: number } {
  const have = (sqlite.prepare('select count(*) as n from training_classes where class_number like ?').get(`${MARK}%`) as { n: number }).n;
  const employees = (sqlite.prepare('select count(*) as n from training_enrolments where employer_enterprise_id is not null').get() as { n: number }).n;
  if (have > 0 && employees > 0) {
    const trainees = (sqlite.prepare('select count(*) as n from training_enrolments e join training_classes c on c.id = e.class_id where c.class_number like ?').get(`${MARK}%`) as { n: number }).n;
    log(`training: reusing ${have} classes, ${trainees} enrolments`);
    return { trainees, classes: have };
  }
  const started = performance.now();
  const random = prng(0x7a1);
  const at = '2025-01-01T00:00:00.000Z';
  const stamps = { at, by: benchUserId };
  const people = (sqlite.prepare("select id from persons where merged_into_id is null and birth_date between '1968-01-01' and '2004-12-31' order by random() limit ?").all(TRAINEES) as Array<{ id: number }>).map((p) => p.id);
  const insertProvider = sqlite.prepare("insert into training_providers (name, credit_code, created_at, updated_at, created_by, updated_by) values (?, ?, @at, @at, @by, @by)".replace(/@at/g, `'${stamps.at}'`).replace(/@by/g, String(stamps.by)));
  const insertProgramme = sqlite.prepare(`insert into training_programmes (provider_id, name, occupation_code, skill, level, kind, eligibility, hours, subsidy_per_person_fen, valid_from, valid_to, created_at, updated_at, created_by, updated_by)
    values (?, ?, '6-29-03-05', '技能', 'level5', ?, ?, 80, 120000, '2024-01-01', '2026-12-31', '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertClass = sqlite.prepare(`insert into training_classes (programme_id, class_number, start_date, end_date, place, teacher, capacity, status, created_at, updated_at, created_by, updated_by)
    values (?, ?, ?, ?, '实训基地', '教师', ${CLASS_SIZE + 5}, 'closed', '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertEnrolment = sqlite.prepare(`insert into training_enrolments (class_id, person_id, employer_enterprise_id, enrolled_on, status, completed_on, assessment_result, assessed_on, created_at, updated_at, created_by, updated_by)
    values (?, ?, ?, ?, ?, ?, ?, ?, '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertCertificate = sqlite.prepare(`insert into training_certificates (enrolment_id, certificate_number, level, issued_on, revoked_on, revoke_reason, created_at, updated_at, created_by, updated_by)
    values (?, ?, 'level5', ?, ?, ?, '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertCase = sqlite.prepare(`insert into cases (case_type, person_id, state, form, documents, prepared_by, accepted_on, decided_at, created_at, updated_at, created_by, updated_by)
    values ('employment_registration', ?, 'approved', ?, '[]', ${benchUserId}, ?, ?, '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertReferral = sqlite.prepare(`insert into guidance_referrals (person_id, counselor_user_id, kind, target_name, referred_on, state, state_on, created_at, updated_at, created_by, updated_by)
    values (?, ${benchUserId}, 'vacancy', '岗位', ?, 'hired', ?, '${at}', '${at}', ${benchUserId}, ${benchUserId})`);
  const insertImport = sqlite.prepare("insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values ('person_insurance', ?, ?, 0, 0, 0, ?)");
  const insertInsurance = sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12, enterprise_id, employer_since) values (?, ?, 24, 12, ?, ?)');
  // Employers: the county's enterprises, or 500 made here when the benchmark county has none.
  if (!sqlite.prepare('select 1 from enterprises limit 1').get()) {
    const insertEnterprise = sqlite.prepare(`insert into enterprises (name, entity_type, created_at, updated_at) values (?, 'enterprise', '${at}', '${at}')`);
    sqlite.transaction(() => { for (let i = 1; i <= 500; i += 1) insertEnterprise.run(`${MARK}用人单位${i}`); })();
  }
  const enterprises = (sqlite.prepare('select id from enterprises limit 500').all() as Array<{ id: number }>).map((e) => e.id);

  sqlite.transaction(() => {
    const providers = Array.from({ length: PROVIDERS }, (_, i) => Number(insertProvider.run(`${MARK}培训机构${i + 1}`, `${MARK}${String(i).padStart(12, '0')}`).lastInsertRowid));
    const kinds = Array.from({ length: PROGRAMMES }, (_, i) => (i % 20 < 12 ? 'employment_skills' : i % 20 < 15 ? 'entrepreneurship' : 'employee_upskilling'));
    const programmes = kinds.map((kind, i) => Number(insertProgramme.run(providers[i % PROVIDERS]!, `${MARK}项目${i + 1}`, kind, kind === 'employee_upskilling' ? 'employee' : 'working_age').lastInsertRowid));
    const classCount = TRAINEES / CLASS_SIZE;
    // Employees (and their files): the persons of upskilling classes, each at an employer.
    const employeeAt = new Map<number, number | null>();
    const evidenceFor: Array<{ personId: number; on: string }> = [];
    let next = 0;
    let certificate = 0;
    for (let c = 0; c < classCount; c += 1) {
      const p = c % PROGRAMMES;
      const kind = kinds[p]!;
      const start = Math.floor(random() * 330);
      const end = start + 4 + Math.floor(random() * 30);
      const classId = Number(insertClass.run(programmes[p]!, `${MARK}${c + 1}`, day(start), day(Math.min(end, 364))).lastInsertRowid);
      const firstOfClass = next;
      for (let s = 0; s < CLASS_SIZE; s += 1) {
        // One trainee in twenty was in an earlier class too (overlaps are not avoided: the bench writes past the service).
        const personId = firstOfClass > 2000 && random() < 0.05 ? people[Math.floor(random() * firstOfClass)]! : people[next++ % people.length]!;
        const roll = random();
        const status = roll < 0.92 ? 'completed' : roll < 0.97 ? 'not_completed' : 'withdrawn';
        const completed = status === 'completed';
        const employer = kind === 'employee_upskilling' ? (enterprises[Math.floor(random() * enterprises.length)] ?? null) : null;
        const assessed = completed && kind === 'entrepreneurship' ? (random() < 0.8 ? 'passed' : 'failed') : null;
        const endDay = day(Math.min(end, 364));
        const enrolmentId = Number(insertEnrolment.run(classId, personId, employer, day(Math.max(0, start - 5)), status, completed ? endDay : null, assessed, assessed ? endDay : null).lastInsertRowid);
        if (assessed === 'passed') {
          const revoked = random() < 0.02;
          insertCertificate.run(enrolmentId, `${MARK}C${++certificate}`, endDay, revoked ? day(364) : null, revoked ? '抽查撤销' : null);
        }
        if (employer !== null) employeeAt.set(personId, employer);
        if (kind === 'employment_skills' && random() < 0.65) evidenceFor.push({ personId, on: day(Math.min(start + Math.floor(random() * 240), 364 + 120)) });
      }
    }
    // Employment evidence split over the three sources.
    evidenceFor.forEach(({ personId, on }, i) => {
      if (i % 3 === 0) insertCase.run(personId, JSON.stringify({ channel: 'flexible', startDate: on }), on, `${on}T02:00:00.000Z`);
      else if (i % 3 === 1) insertReferral.run(personId, on, on);
      else employeeAt.set(personId, employeeAt.get(personId) ?? enterprises[i % Math.max(1, enterprises.length)] ?? null);
    });
    const since = new Map(evidenceFor.filter((_, i) => i % 3 === 2).map((e) => [e.personId, e.on]));
    // Twelve monthly files from 2025-07 to 2026-06: nine in ten employees stay with their employer each month.
    for (let m = 0; m < 12; m += 1) {
      const asOf = new Date(Date.UTC(2025, 7 + m, 0)).toISOString().slice(0, 10);
      const importId = Number(insertImport.run(asOf, `${MARK}社保${asOf}.xlsx`, `${asOf}T08:00:00.000Z`).lastInsertRowid);
      for (const [personId, employer] of employeeAt) {
        if (random() < 0.1) continue;
        insertInsurance.run(importId, personId, employer, since.get(personId) ?? '2023-01-01');
      }
    }
  })();
  log(`training: loaded ${TRAINEES / CLASS_SIZE} classes, ${TRAINEES} enrolments and their facts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { trainees: TRAINEES, classes: TRAINEES / CLASS_SIZE };
}

function time(iterations: number, work: () => void): Summary {
  work(); // warm the statement cache and the page cache
  const runs: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t = performance.now();
    work();
    runs.push(performance.now() - t);
  }
  return summarize(runs);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const iterations = Number(args.rest.get('iterations') ?? 5);
  args.rest.delete('iterations');
  const log = (line: string) => console.error(line);
  const built = await buildPersons({ ...args, log });
  const desk = openBenchDesk(built.paths);
  try {
    const { sqlite } = desk.database();
    const benchUserId = (sqlite.prepare('select id from users where username = ?').get(BENCH_USER.username) as { id: number }).id;
    const loaded = loadTrainingYear(sqlite, benchUserId, log);
    const session = loginAs(desk, BENCH_USER.username, BENCH_USER.password);
    const call = <T>(method: string, input: unknown) => unwrap(desk.call(session, method, input).result, method) as T;
    let rows = 0;
    const report = time(iterations, () => {
      rows = call<TrainingRatesReport>('training.rates', YEAR).rows.length;
    });
    log(`training: training.rates for ${YEAR.from}..${YEAR.to} (${rows} rows) p50 ${report.p50.toFixed(0)} ms, p95 ${report.p95.toFixed(0)} ms (goal < ${GOAL_MS} ms)`);
    const lists: Record<string, Summary & { total: number }> = {};
    for (const rate of ['employment', 'entrepreneurship', 'retention6', 'retention12']) {
      let total = 0;
      const summary = time(iterations, () => {
        total = call<TrainingRateList>('training.rateList', { ...YEAR, rate, grouping: 'all', groupId: 0, member: 'denominator' }).total;
      });
      lists[rate] = { ...summary, total };
      log(`training: ${rate} named list (${total} persons) p50 ${summary.p50.toFixed(0)} ms, p95 ${summary.p95.toFixed(0)} ms`);
    }
    const misses = [
      ...(report.p95 < GOAL_MS ? [] : [`training.rates p95 ${report.p95.toFixed(0)} ms (goal < ${GOAL_MS} ms)`]),
      ...Object.entries(lists).filter(([, s]) => s.p95 >= GOAL_MS).map(([rate, s]) => `${rate} list p95 ${s.p95.toFixed(0)} ms (goal < ${GOAL_MS} ms)`),
    ];
    process.stdout.write(`${JSON.stringify({ persons: built.persons, ...loaded, goalMs: GOAL_MS, report: { ...report, rows }, lists, pass: misses.length === 0, misses }, null, 2)}\n`);
  } finally {
    desk.close();
  }
}

await main();
