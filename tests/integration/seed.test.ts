import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { seedDatabase } from '../../db/seed/seed';
import { runCliAsync } from '../../electron/cli/run';
import { parseCreditCode } from '../../shared/domain/credit-code';
import { parseIdNumber } from '../../shared/domain/id-number';
import { MATTER_TYPES, missingRequiredDocuments, type MatterTypeCode } from '../../shared/domain/matter-types';
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
    .prepare(`select id, matter_type as type, state, form, documents, prepared_by as preparedBy, case when enterprise_id is null then 'person' else 'enterprise' end as applicant from cases order by id`)
    .all() as { id: number; type: MatterTypeCode; state: CaseState; form: string; documents: string; preparedBy: number; applicant: 'person' | 'enterprise' }[];
  const history = sqlite.prepare('select case_id as caseId, action, from_state as fromState, to_state as toState, actor_user_id as actor, at, comment from case_transitions order by id').all() as { caseId: number; action: CaseAction; fromState: CaseState; toState: CaseState; actor: number; at: string; comment: string | null }[];
  const byCase = new Map<number, typeof history>();
  for (const h of history) byCase.set(h.caseId, [...(byCase.get(h.caseId) ?? []), h]);
  const problems: string[] = [];
  for (const c of cases) {
    const type = MATTER_TYPES[c.type];
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

describe('seed: a synthetic county', () => {
  it('passes the validators, reaches every workflow state legally, and the same seed gives the same database', async () => {
    const dir = tempDir('desk-seed-');
    const first = { dbPath: join(dir, 'a', 'desk.db'), keyFile: join(dir, 'a', 'desk.key') };
    const lines: string[] = [];
    const code = await runCliAsync(['seed', '--db', first.dbPath, '--key-file', first.keyFile, '--scale', 'demo', '--seed', '7', '--as-of', AS_OF, '--json'], {}, (line) => lines.push(line));
    expect(code, lines.join('\n')).toBe(0);
    const summary = JSON.parse(lines.at(-1)!) as { digest: string; refusals: string[]; persons: number; cases: number };
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
      const types = new Set(sqlite.prepare('select distinct matter_type from cases').pluck().all());
      expect(types.size).toBe(Object.keys(MATTER_TYPES).length);
      // Employers apply for subsidies too, each from the catalogue and for an amount in fen.
      const employerSubsidies = sqlite.prepare(`select item_code as code, json_extract(form, '$.requestedAmountFen') as fen from cases where enterprise_id is not null`).all() as { code: string; fen: string }[];
      expect(employerSubsidies.length).toBeGreaterThan(0);
      for (const s of employerSubsidies) {
        expect(['social_insurance', 'hiring_one_time', 'job_expansion']).toContain(s.code);
        expect(Number(s.fen)).toBeGreaterThan(0);
      }
      expect(illegalTransitions(sqlite)).toEqual([]);

      // "Registered unemployed" only ever comes from an approved 失业登记.
      const unbacked = sqlite
        .prepare("select count(*) from persons p where employment_status = 'unemployed_registered' and not exists (select 1 from cases c where c.person_id = p.id and c.matter_type = 'unemployment_registration' and c.state = 'approved')")
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

      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(sqlite).ok).toBe(true);
      expect(sqlite.prepare("select value from settings where key = 'demo'").pluck().get()).toBe('true');
    } finally {
      sqlite.close();
    }
  }, 240_000);
});
