import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { seedDatabase } from '../../db/seed/seed';
import { runCliAsync } from '../../electron/cli/run';
import { parseCreditCode } from '../../shared/domain/credit-code';
import { FACT_SOURCES } from '../../shared/domain/department-facts';
import { parseIdNumber } from '../../shared/domain/id-number';
import { CASE_TYPES, missingRequiredDocuments, type CaseTypeCode } from '../../shared/domain/case-types';
import { applyTransition, CASE_STATES, type CaseAction, type CaseState } from '../../shared/domain/workflow';
import type { Role } from '../../shared/roles';
import { PATHS, tempDir } from './helpers';

const AS_OF = '2026-11-27';

function openRaw(dbPath: string, keyFile: string): Database.Database {
  const sqlite = new Database(dbPath, { readonly: true });
  sqlite.pragma(`key = "x'${readKeyFile(keyFile).toString('hex')}'"`);
  return sqlite;
}

/** Replays every case's history through the pure workflow: each recorded step must be one the rules allow. */
function illegalTransitions(sqlite: Database.Database): string[] {
  const roles = new Map<number, Role[]>();
  for (const r of sqlite.prepare('select user_id as id, role from user_roles').all() as { id: number; role: Role }[]) roles.set(r.id, [...(roles.get(r.id) ?? []), r.role]);
  const cases = sqlite
    .prepare(`select id, case_type as type, state, form, documents, prepared_by as preparedBy, case when enterprise_id is null then 'person' else 'enterprise' end as applicant from cases order by id`)
    .all() as { id: number; type: CaseTypeCode; state: CaseState; form: string; documents: string; preparedBy: number; applicant: 'person' | 'enterprise' }[];
  const history = sqlite.prepare('select case_id as caseId, action, from_state as fromState, to_state as toState, actor_user_id as actor, at, comment from case_transitions order by id').all() as { caseId: number; action: CaseAction; fromState: CaseState; toState: CaseState; actor: number; at: string; comment: string | null }[];
  const byCase = new Map<number, typeof history>();
  for (const h of history) byCase.set(h.caseId, [...(byCase.get(h.caseId) ?? []), h]);
  const problems: string[] = [];
  for (const c of cases) {
    const type = CASE_TYPES[c.type];
    let state: CaseState = 'draft';
    let facts = { preparedBy: c.preparedBy, acceptedBy: null as number | null, missingRequiredDocuments: missingRequiredDocuments(type, JSON.parse(c.form), JSON.parse(c.documents), c.applicant) };
    for (const step of byCase.get(c.id) ?? []) {
      const outcome = applyTransition(type.workflow, state, step.action, { userId: step.actor, roles: roles.get(step.actor) ?? [] }, facts, step.comment, step.at);
      if (!outcome.ok || outcome.to !== step.toState || step.fromState !== state) {
        problems.push(`case ${c.id}: ${step.action} from ${state}: ${outcome.ok ? 'recorded differently' : outcome.reason}`);
        break;
      }
      state = outcome.to;
      facts = outcome.facts;
    }
    if (state !== c.state) problems.push(`case ${c.id}: history ends in ${state}, row says ${c.state}`);
  }
  return problems;
}

/**
 * The policy road of the seed's last two weeks (db/seed/seed-policies.ts): every department's file
 * imported, a finished sweep, outreach, applications opened from findings and approved, and a
 * decided 免申即享 batch of 一次性扩岗补助.
 */
function policyRoad(sqlite: Database.Database, summary: { persons: number; policies: Record<string, number> }): void {
  const count = (sql: string, ...params: unknown[]) => Number(sqlite.prepare(sql).pluck().get(...params));
  // One dated file of each source, by the administrator or the head, matched to the registry; each also names someone not registered here.
  const imports = sqlite.prepare('select source, as_of as asOf, rows, matched, unmatched from fact_imports order by id').all() as { source: string; asOf: string; rows: number; matched: number; unmatched: number }[];
  expect(imports.map((i) => i.source).sort()).toEqual(FACT_SOURCES.map(([source]) => source).sort());
  for (const i of imports) {
    expect(i.matched, i.source).toBeGreaterThan(0);
    expect(i.unmatched, i.source).toBeGreaterThan(0);
    expect(i.matched + i.unmatched, i.source).toBe(i.rows);
    expect(i.asOf < AS_OF, i.source).toBe(true);
  }
  expect(sqlite.prepare('select distinct r.role from fact_imports f join user_roles r on r.user_id = f.imported_by order by 1').pluck().all()).toEqual(['admin', 'head']);
  // 社保个人 covers a realistic share of the registry; employers and businesses carry valid credit codes, certificates the holder's ID number.
  const insured = count('select count(*) from person_insurance');
  expect(insured).toBeGreaterThan(summary.persons * 0.3);
  expect(insured).toBeLessThan(summary.persons * 0.8);
  const codes = sqlite.prepare('select employer_credit_code from person_insurance where employer_credit_code is not null union select credit_code from person_businesses').pluck().all() as string[];
  expect(codes.filter((v) => !parseCreditCode(v).ok)).toEqual([]);
  expect(count('select count(*) from person_disabilities d join persons p on p.id = d.person_id where substr(d.certificate_no, 1, 18) != p.id_number')).toBe(0);
  expect(count('select count(*) from person_insurance i join persons p on p.id = i.person_id where i.enterprise_id is not null and i.employer_since > p.graduation_date and p.graduation_date like ?', `${AS_OF.slice(0, 4)}%`), 'this year’s graduates hired by seeded employers').toBeGreaterThan(0);
  // 社保单位: every enterprise the registry held when the file came in.
  expect(count('select count(*) from employer_insurance')).toBe(count("select count(*) from enterprises where created_at < (select imported_at from fact_imports where source = 'employer_insurance')"));
  expect(count('select count(*) from person_deaths')).toBeGreaterThanOrEqual(3);

  // One finished full sweep of everyone; its findings in several states.
  expect(sqlite.prepare('select mode, finished_at is not null as finished, evaluated >= ? as everyone from policy_sweeps').all(summary.persons)).toEqual([{ mode: 'full', finished: 1, everyone: 1 }]);
  const statuses = sqlite.prepare('select distinct status from policy_findings').pluck().all();
  for (const status of ['open', 'contacted', 'applied', 'declined']) expect(statuses).toContain(status);
  // Outreach by phone and by the suggested SMS text; some people said no.
  expect(count("select count(*) from policy_outreach where channel = 'phone'")).toBeGreaterThan(0);
  expect(count("select count(*) from policy_outreach o join policy_findings f on f.id = o.finding_id where o.channel = 'sms' and o.message like '【%】%您好：经比对%'")).toBeGreaterThan(0);
  expect(count("select count(*) from policy_outreach where outcome = 'declined' and note is not null")).toBeGreaterThan(0);
  expect(count('select count(*) from policy_outreach o join policy_findings f on f.id = o.finding_id where o.contacted_on < substr(f.first_found_at, 1, 10)')).toBe(0);
  // Applications opened from findings, approved by someone who neither prepared nor accepted them.
  const opened = `select count(*) from policy_findings f join cases c on c.id = f.case_id
    where c.state = 'approved' and c.decided_by not in (c.prepared_by, c.accepted_by) and f.batch_id is null`;
  expect(count(opened)).toBeGreaterThan(0);
  // A decided batch of 一次性扩岗补助: proposed by one, decided by another, one rejected with a reason, the confirmed approved by a third.
  const batches = sqlite.prepare("select id, state, created_by as proposer from policy_batches where policy_code = 'job_expansion'").all() as { id: number; state: string; proposer: number }[];
  expect(batches.map((b) => b.state)).toEqual(['decided']);
  const items = sqlite.prepare('select f.decision, f.decision_reason as reason, f.decided_by as decider, c.state, c.decided_by as approver from policy_findings f left join cases c on c.id = f.case_id where f.batch_id = ?').all(batches[0]!.id) as { decision: string; reason: string | null; decider: number; state: string | null; approver: number | null }[];
  expect(items.filter((i) => i.decision === 'rejected' && i.reason).length).toBeGreaterThan(0);
  const confirmed = items.filter((i) => i.decision === 'confirmed');
  expect(confirmed.length).toBeGreaterThan(0);
  for (const item of items) expect(item.decider).not.toBe(batches[0]!.proposer);
  for (const item of confirmed) {
    expect(item.state).toBe('approved');
    expect([item.decider, batches[0]!.proposer]).not.toContain(item.approver);
  }
  expect(summary.policies).toMatchObject({ imports: FACT_SOURCES.length, findings: count('select count(*) from policy_findings'), outreach: count('select count(*) from policy_outreach'), batches: 1 });
}

/** Three stations with a clerk at one whose accepted cases carry it; business starts with loans (and 贴息期) and incubation. */
function stationsAndStartups(sqlite: Database.Database): void {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  expect(count('select count(*) from stations')).toBe(3);
  expect(count('select count(*) from users where station_id is not null')).toBe(1);
  expect(count('select count(*) from cases where station_id is not null')).toBeGreaterThan(0);
  expect(count('select count(*) from cases c join users u on u.id = c.accepted_by where c.station_id is not u.station_id')).toBe(0);
  expect(count('select count(*) from business_starts')).toBeGreaterThanOrEqual(4);
  expect(count('select count(*) from startup_loans where granted_on is not null')).toBeGreaterThan(0);
  expect(count('select count(*) from startup_loan_interest_periods')).toBe(count('select count(*) from startup_loans'));
}

/** Two years of monthly batches, released by the head (not the preparer), a failed line paid again, a recovery repaid, a finished spot check. */
function paymentRoad(sqlite: Database.Database): void {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  const months = sqlite.prepare("select distinct substr(month, 1, 4) from payment_batches where state = 'locked'").pluck().all();
  expect(months.length, 'batches locked in both years').toBeGreaterThanOrEqual(2);
  expect(count("select count(*) from payment_batches where state = 'locked'")).toBeGreaterThan(6);
  expect(count('select count(*) from payment_batches where released_by = prepared_by')).toBe(0);
  expect(count("select count(*) from payment_lines where state = 'rebatched'")).toBeGreaterThan(0);
  expect(count("select count(*) from payment_lines l join payment_lines old on old.id = l.rebatch_of_line_id where l.state = 'paid' and old.state = 'rebatched'")).toBeGreaterThan(0);
  expect(count('select count(*) from payment_recoveries where repaid_fen = amount_fen')).toBe(1);
  expect(count("select count(*) from spot_checks where state = 'finished'")).toBe(1);
  expect(count('select count(*) from spot_check_items where finding is null')).toBe(0);
  // The ledger adds up: paid lines' amounts are what the ledger says was paid.
  expect(count("select coalesce(sum(paid_fen), 0) from payment_ledger")).toBe(count("select coalesce(sum(amount_fen), 0) from payment_lines where state in ('paid', 'reversed')"));
  expect(count('select count(*) from (select 1 from payment_months group by payee_kind, payee_id, policy_code, month having count(*) > 1)')).toBe(0);
}

/** Four weeks of the 零工市场: jobs dispatched, completed and rated both ways, none given more people than it asked for, the seed's day still open. */
function gigRoad(sqlite: Database.Database): void {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  expect(count('select count(distinct work_date) from gig_demands')).toBeGreaterThan(20);
  expect(count("select count(*) from gig_dispatches where status = 'completed' and worker_rating is not null and demand_rating is not null")).toBeGreaterThan(20);
  expect(count("select count(*) from gig_demands d where people_needed < (select count(*) from gig_dispatches x where x.demand_id = d.id and x.status != 'cancelled')")).toBe(0);
  expect(count(`select count(*) from gig_dispatches x join gig_demands d on d.id = x.demand_id where d.work_date = '${AS_OF}' and x.status = 'dispatched'`)).toBeGreaterThan(0);
}

/** Two public-welfare posts filled with persons certified on the day of hire, and every ended month's subsidy recorded once. */
function welfareRoad(sqlite: Database.Database): void {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  expect(count('select count(*) from welfare_posts')).toBe(2);
  expect(count('select count(*) from welfare_placements')).toBeGreaterThan(0);
  expect(count(`select count(*) from welfare_placements w join cases c on c.id = w.certification_case_id
    where c.case_type != 'difficulty_certification' or c.state != 'approved' or c.person_id != w.person_id`)).toBe(0);
  expect(count('select count(distinct month) from welfare_subsidy_months')).toBeGreaterThanOrEqual(3);
  expect(count('select count(*) from (select 1 from welfare_subsidy_months group by placement_id, month having count(*) > 1)')).toBe(0);
  // A training provider's 培训补贴 claim, approved, paid per qualified trainee.
  expect(count("select count(*) from cases where case_type = 'training_subsidy_claim' and state = 'approved' and enterprise_id is not null")).toBe(1);
  expect(count('select count(*) from training_claim_trainees')).toBeGreaterThan(0);
}

describe('seed: a synthetic county', () => {
  it('passes the validators, reaches every workflow state legally, and the same seed gives the same database', async () => {
    const dir = tempDir('desk-seed-');
    const first = { dbPath: join(dir, 'a', 'desk.db'), keyFile: join(dir, 'a', 'desk.key') };
    const lines: string[] = [];
    const code = await runCliAsync(['seed', '--db', first.dbPath, '--key-file', first.keyFile, '--scale', 'demo', '--seed', '7', '--as-of', AS_OF, '--json'], {}, (line) => lines.push(line));
    expect(code, lines.join('\n')).toBe(0);
    const summary = JSON.parse(lines.at(-1)!) as { digest: string; refusals: string[]; persons: number; cases: number; policies: Record<string, number> };
    expect(summary.refusals).toEqual([]);

    const second = await seedDatabase({
      dbPath: join(dir, 'b', 'desk.db'), keys: keyProviderFrom({ keyFile: join(dir, 'b', 'desk.key') }), migrationsDir: PATHS.migrationsDir,
      resourcesDir: PATHS.resourcesDir, appVersion: '0.1.0', scale: 'demo', seed: 7, asOf: AS_OF, worker: false, log: () => undefined,
    });
    expect(second.digest).toBe(summary.digest);
    const other = await runCliAsync(['seed', '--db', join(dir, 'a', 'desk.db'), '--key-file', first.keyFile, '--scale', 'demo', '--seed', '7'], {}, () => undefined);
    expect(other, 'never over an existing file').toBe(1);

    const sqlite = openRaw(first.dbPath, first.keyFile);
    try {
      const ids = sqlite.prepare('select id_number as v from persons').pluck().all() as string[];
      expect(ids.length).toBe(summary.persons);
      expect(ids.filter((v) => !parseIdNumber(v, AS_OF).ok)).toEqual([]);
      const codes = sqlite.prepare('select credit_code as v from enterprises').pluck().all() as string[];
      expect(codes.length).toBeGreaterThan(50);
      expect(codes.filter((v) => !parseCreditCode(v).ok)).toEqual([]);

      const states = new Set(sqlite.prepare('select distinct state from cases').pluck().all());
      expect([...CASE_STATES].filter((s) => !states.has(s)), 'every workflow state is reached').toEqual([]);
      const types = new Set(sqlite.prepare('select distinct case_type from cases').pluck().all());
      expect(types.size).toBe(Object.keys(CASE_TYPES).length);
      // Employers apply for subsidies too, each from the catalogue and for an amount in fen.
      const employerSubsidies = sqlite.prepare(`select item_code as code, json_extract(form, '$.requestedAmountFen') as fen from cases where enterprise_id is not null and case_type = 'subsidy_application'`).all() as { code: string; fen: string }[];
      expect(employerSubsidies.length).toBeGreaterThan(0);
      for (const s of employerSubsidies) {
        expect(['social_insurance', 'hiring_one_time', 'job_expansion']).toContain(s.code);
        expect(Number(s.fen)).toBeGreaterThan(0);
      }
      expect(illegalTransitions(sqlite)).toEqual([]);

      // "Registered unemployed" only ever comes from an approved 失业登记.
      const unbacked = sqlite
        .prepare("select count(*) from persons p where employment_status = 'unemployed_registered' and not exists (select 1 from cases c where c.person_id = p.id and c.case_type = 'unemployment_registration' and c.state = 'approved')")
        .pluck().get();
      expect(unbacked).toBe(0);
      // Key groups are computed, never typed: every active person has a recheck date.
      expect(sqlite.prepare('select count(*) from person_key_group_schedule').pluck().get()).toBe(summary.persons);
      expect(sqlite.prepare('select count(*) from vacancies').pluck().get()).toBeGreaterThan(10);
      expect(sqlite.prepare('select count(*) from enterprise_visits').pluck().get()).toBeGreaterThan(10);
      // Contacts: about 2.5 per person; registrations followed up, some ended by 注销, some after six months without contact.
      expect(sqlite.prepare('select count(*) from person_contacts').pluck().get()).toBeGreaterThan(summary.persons * 2);
      expect(sqlite.prepare("select count(*) from person_contacts where kind = 'follow_up'").pluck().get()).toBeGreaterThan(20);
      expect(sqlite.prepare("select count(*) from cases where end_reason = 'no_contact_6_months'").pluck().get()).toBeGreaterThan(0);
      expect(sqlite.prepare("select count(*) from person_contacts c join vacancies v on v.id = c.vacancy_id where c.contact_date < v.valid_from or c.contact_date > v.valid_to").pluck().get()).toBe(0);
      // Job fairs with enterprises, door check-ins (no one twice at a fair) and intentions.
      expect(sqlite.prepare("select count(*) from fairs where status = 'held'").pluck().get()).toBeGreaterThan(3);
      expect(sqlite.prepare('select count(*) from fair_attendances').pluck().get()).toBeGreaterThan(100);
      expect(sqlite.prepare('select count(*) from fair_intentions').pluck().get()).toBeGreaterThan(5);
      expect(sqlite.prepare('select count(*) from (select 1 from fair_attendances group by fair_id, person_id having count(*) > 1)').pluck().get()).toBe(0);
      // A year of 职业指导: sessions with plans, referrals answered (some 录用), follow-ups recorded and some missed.
      expect(sqlite.prepare('select count(*) from guidance_sessions').pluck().get()).toBeGreaterThan(100);
      expect(sqlite.prepare('select count(*) from guidance_plan_items').pluck().get()).toBeGreaterThan(50);
      expect(sqlite.prepare("select count(*) from guidance_referrals where state = 'hired'").pluck().get()).toBeGreaterThan(0);
      expect(sqlite.prepare("select count(*) from guidance_referrals where state in ('not_hired', 'taken_up', 'not_taken_up')").pluck().get()).toBeGreaterThan(0);
      expect(sqlite.prepare("select count(*) from guidance_follow_ups where status = 'done'").pluck().get()).toBeGreaterThan(50);
      expect(sqlite.prepare("select count(*) from guidance_follow_ups where status = 'due' and due_on < ?").pluck().get(AS_OF)).toBeGreaterThan(0);
      expect(sqlite.prepare("select count(*) from satisfaction_ratings where channel = 'window'").pluck().get()).toBeGreaterThan(20);
      expect(sqlite.prepare("select count(*) from satisfaction_ratings where channel = 'phone'").pluck().get()).toBeGreaterThan(5);
      expect(sqlite.prepare('select count(*) from guidance_referrals g join vacancies v on v.id = g.vacancy_id where g.referred_on < v.valid_from or g.referred_on > v.valid_to').pluck().get()).toBe(0);
      // A year of 职业培训: classes run to 结业 with certificates (one revoked), trainees employed through 录用, one class still running.
      expect(sqlite.prepare("select count(*) from training_classes where status = 'closed'").pluck().get()).toBeGreaterThan(10);
      expect(sqlite.prepare("select count(*) from training_classes where status = 'planned'").pluck().get()).toBeGreaterThan(0);
      expect(sqlite.prepare("select count(*) from training_enrolments where status = 'completed'").pluck().get()).toBeGreaterThan(100);
      expect(sqlite.prepare("select count(*) from training_enrolments where status = 'not_completed'").pluck().get()).toBeGreaterThan(0);
      expect(sqlite.prepare('select count(*) from training_certificates where revoked_on is null').pluck().get()).toBeGreaterThan(50);
      expect(sqlite.prepare('select count(*) from training_certificates where revoked_on is not null').pluck().get()).toBe(1);
      expect(sqlite.prepare("select count(*) from guidance_referrals where state = 'hired' and note like '%培训结业推荐'").pluck().get()).toBeGreaterThan(10);
      policyRoad(sqlite, summary);
      paymentRoad(sqlite);
      gigRoad(sqlite);
      stationsAndStartups(sqlite);
      welfareRoad(sqlite);

      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(sqlite).ok).toBe(true);
      expect(sqlite.prepare("select value from settings where key = 'demo'").pluck().get()).toBe('true');
    } finally {
      sqlite.close();
    }
  }, 240_000);
});
