/**
 * 人岗匹配 benchmark (issue 23): `matching.forPerson` among N open vacancies and
 * `matching.forVacancy` among M persons, through the whole service layer
 * (session, permission, zod, transaction), p95 against the goal of 200 ms.
 *
 * Builds its own encrypted county in a temp folder (the real migrations), then
 * writes enterprises, vacancies and persons raw in one transaction each, with
 * what matching reads: occupation codes over 60 intentions in every group,
 * townships of 吴中区, pay ranges, education, 60 % of persons seeking work and
 * 80 % of those with a registered intention. No ANALYZE: the app never runs it.
 *
 *   tsx scripts/bench/matching.ts [--persons 200000] [--vacancies 50000] [--iterations 100]
 *
 * The suite's default is small (200,000 persons, ~1 min); the figure is
 * `--persons 1000000`. Prints one JSON object (with `misses`) to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDivisions, townshipsOf } from '../../db/divisions';
import { appPaths } from '../../electron/paths';
import type { PersonMatches, VacancyMatches } from '../../shared/contract';
import { MATCHING_SQL } from '../../db/queries/matching';
import { prng } from '../../db/seed/person-generator';
import { BENCH_ADMIN, BENCH_COUNTY, benchPaths, loginAs, openBenchDesk, unwrap } from './build-persons';
import { nsToMs, summarize, type Summary } from './stats';

export const MATCHING_GOAL_MS = 200;
const PATHS = appPaths(resolve(import.meta.dirname, '..', '..'));

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`bad --${name}`);
  return value;
}

/** 60 occupations: 8 中类 in each of groups 2, 4, 6 (where most demand is), a few in 1, 3, 5, 8. */
function occupations(): string[] {
  const codes: string[] = [];
  for (const group of ['2', '4', '6']) for (let mid = 1; mid <= 8; mid += 1) for (let small = 1; small <= 2; small += 1) codes.push(`${group}-0${mid}-0${small}`);
  for (const group of ['1', '3', '5', '8']) for (let mid = 1; mid <= 3; mid += 1) codes.push(`${group}-0${mid}-01`);
  return codes;
}

const EDUCATION = ['10', '20', '20', '30', '30', '41', '60', '60', '70', '70', '80', null];
const VACANCY_EDUCATION = [null, null, null, null, '60', '30', '20'];

function timed<T>(runs: number, work: (i: number) => T): { summary: Summary; last: T } {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs + 5; i += 1) {
    const start = process.hrtime.bigint();
    last = work(i);
    if (i >= 5) times.push(nsToMs(process.hrtime.bigint() - start));
  }
  return { summary: summarize(times), last };
}

function main(): void {
  const personCount = option('persons', 200_000);
  const vacancyCount = option('vacancies', 50_000);
  const iterations = option('iterations', 100);
  const log = (line: string) => console.error(line);
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-matching-'));
  const desk = openBenchDesk(benchPaths(root));
  try {
    unwrap(desk.call(null, 'setup.initialize', {
      countyCode: BENCH_COUNTY, adminUsername: BENCH_ADMIN.username, adminDisplayName: BENCH_ADMIN.displayName, password: BENCH_ADMIN.password, alsoFrontDesk: true,
    }).result, 'setup.initialize');
    const session = loginAs(desk, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const sqlite = desk.database().sqlite;
    const random = prng(20261127);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const townships = townshipsOf(loadDivisions(PATHS.resourcesDir), BENCH_COUNTY).map((t) => t.code);
    const codes = occupations();
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const started = process.hrtime.bigint();

    const enterprises = 2_000;
    const insertEnterprise = sqlite.prepare("insert into enterprises (name, entity_type, township_code, created_at, updated_at) values (?, 'enterprise', ?, ?, ?)");
    sqlite.transaction(() => { for (let i = 1; i <= enterprises; i += 1) insertEnterprise.run(`基准企业${i}`, pick(townships), now, now); })();
    const insertVacancy = sqlite.prepare(`insert into vacancies (enterprise_id, occupation_code, title, openings, salary_min_fen, salary_max_fen, education_code, valid_from, valid_to, source, status, created_at, updated_at)
      values (?, ?, ?, 1, ?, ?, ?, ?, ?, 'walk_in', 'open', ?, ?)`);
    sqlite.transaction(() => {
      for (let i = 1; i <= vacancyCount; i += 1) {
        const min = 250_000 + Math.floor(random() * 60) * 10_000;
        insertVacancy.run(1 + Math.floor(random() * enterprises), pick(codes), `基准岗位${i}`, min, min + 200_000, pick(VACANCY_EDUCATION), '2026-01-01', '2099-12-31', now, now);
      }
    })();
    const insertPerson = sqlite.prepare(`insert into persons (id_number, name, sex, birth_date, employment_status, intended_occupation_code, intended_salary_min_fen, intended_salary_max_fen,
      education_code, residence_township_code, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const seekerIds: number[] = [];
    sqlite.transaction(() => {
      for (let i = 1; i <= personCount; i += 1) {
        const r = random();
        const status = r < 0.4 ? 'unemployed_registered' : r < 0.6 ? 'unemployed_unregistered' : 'employed';
        const seeking = status !== 'employed';
        const intention = seeking && random() < 0.8 ? pick(codes) : null;
        const min = 300_000 + Math.floor(random() * 40) * 10_000;
        const id = insertPerson.run(`BENCH${String(i).padStart(13, '0')}`, `基准${i}`, i % 2 === 0 ? 'female' : 'male', `19${60 + (i % 45)}-01-01`, status, intention, min, min + 200_000,
          pick(EDUCATION), pick(townships), now, now).lastInsertRowid;
        if (intention && seekerIds.length < 10_000) seekerIds.push(Number(id));
      }
    })();
    const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    log(`matching: built ${personCount} persons, ${vacancyCount} open vacancies in ${buildSeconds.toFixed(1)} s`);

    // The candidates' SQL alone, for a group of the most demand, and its plan.
    const candidatesSql = sqlite.prepare(MATCHING_SQL.vacanciesInRange);
    const rawCandidates = timed(iterations, () => candidatesSql.all('4', '5', today, today, '[]').length);
    const plan = (sqlite.prepare(`explain query plan ${MATCHING_SQL.vacanciesInRange}`).all('4', '5', today, today, '[]') as { detail: string }[]).map((r) => r.detail);
    log(`matching: candidate vacancies of one group (${rawCandidates.last} rows) raw p50 ${rawCandidates.summary.p50} ms, p95 ${rawCandidates.summary.p95} ms; plan ${plan.join(' / ')}`);
    const vacancyIds = (sqlite.prepare('select id from vacancies order by id').all() as { id: number }[]).map((v) => v.id);
    const forPerson = timed(iterations, (i) => unwrap<VacancyMatches>(desk.call(session, 'matching.forPerson', { personId: seekerIds[(i * 7919) % seekerIds.length]! }).result, 'matching.forPerson'));
    const forVacancy = timed(iterations, (i) => unwrap<PersonMatches>(desk.call(session, 'matching.forVacancy', { vacancyId: vacancyIds[(i * 104_729) % vacancyIds.length]! }).result, 'matching.forVacancy'));
    log(`matching.forPerson among ${vacancyCount} open vacancies: p50 ${forPerson.summary.p50} ms, p95 ${forPerson.summary.p95} ms (considered ${forPerson.last.considered})`);
    log(`matching.forVacancy among ${personCount} persons: p50 ${forVacancy.summary.p50} ms, p95 ${forVacancy.summary.p95} ms (considered ${forVacancy.last.considered})`);
    const misses = [
      ...(forPerson.summary.p95 < MATCHING_GOAL_MS ? [] : [`matching.forPerson p95 ${forPerson.summary.p95} ms (goal < ${MATCHING_GOAL_MS} ms)`]),
      ...(forVacancy.summary.p95 < MATCHING_GOAL_MS ? [] : [`matching.forVacancy p95 ${forVacancy.summary.p95} ms (goal < ${MATCHING_GOAL_MS} ms)`]),
    ];
    process.stdout.write(`${JSON.stringify({
      persons: personCount, vacancies: vacancyCount, iterations, buildSeconds: Math.round(buildSeconds * 10) / 10, goalMs: MATCHING_GOAL_MS,
      rawCandidateVacancies: { rows: rawCandidates.last, ...rawCandidates.summary, plan },
      forPerson: { ...forPerson.summary, lastConsidered: forPerson.last.considered }, forVacancy: { ...forVacancy.summary, lastConsidered: forVacancy.last.considered },
      pass: misses.length === 0, misses,
    }, null, 2)}\n`);
  } finally {
    desk.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main();
