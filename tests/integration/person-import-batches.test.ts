import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditChainStatus, ImportReport, JobView } from '../../shared/contract';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { officeDate } from '../../shared/domain/dates';
import { persons } from '../../db/schema';
import { rosterPersons, rosterXlsx } from '../../db/seed/roster';
import { expectOk, PATHS, readyDesk, type ReadyDesk } from './helpers';

/**
 * A roster import writes its new persons in batches of multi-row statements
 * (db/services/person-import.ts). What it leaves must be what registering the
 * same people one by one leaves: the same records, search keys, key groups
 * and recheck dates, one audit entry per person in the file's order (each
 * digesting the row as stored) in a chain that verifies, and one captured
 * change per person. 1,030 rows: more than one batch, and a last batch that
 * is not a multiple of a statement's rows.
 */
const ROWS = 1_030;

function people(ready: ReadyDesk) {
  return rosterPersons({ rows: ROWS, seed: 11, countyCode: '320506', resourcesDir: PATHS.resourcesDir, today: officeDate(ready.clock.read()) });
}

/** Everything a person's registration writes, keyed by ID number, without ids and times. */
function written(ready: ReadyDesk) {
  const { db, sqlite } = ready.desk.database();
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  const idNumberOf = new Map(all<{ id: number; idNumber: string }>('select id, id_number as idNumber from persons').map((p) => [p.id, p.idNumber]));
  const byPerson = <T extends { personId: number }>(rows: T[]) => {
    const out: Record<string, Array<Omit<T, 'personId'>>> = {};
    for (const { personId, ...rest } of rows) (out[idNumberOf.get(personId)!] ??= []).push(rest);
    return out;
  };
  const records = db.select().from(persons).orderBy(persons.id).all();
  const audit = all<{ action: string; entityId: string; afterDigest: string; detail: string | null }>(
    "select action, entity_id as entityId, after_digest as afterDigest, detail from audit_log where action = 'persons.register' order by id",
  );
  const secret = Buffer.from((sqlite.prepare("select value from settings where key = 'audit_digest_secret'").get() as { value: string }).value, 'hex');
  const rowById = new Map(records.map((r) => [String(r.id), r]));
  return {
    records: records.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest),
    searchKeys: byPerson(all<{ personId: number; key: string }>('select person_id as personId, key from person_search_keys order by person_id, key')),
    keyGroups: byPerson(all<{ personId: number; code: string; asOf: string; until: string | null }>('select person_id as personId, code, as_of as asOf, until from person_key_groups order by person_id, code')),
    rechecks: byPerson(all<{ personId: number; recheckOn: string }>('select person_id as personId, recheck_on as recheckOn from person_key_group_schedule order by person_id')),
    policySubjects: byPerson(all<{ personId: number; recheckOn: string }>("select subject_id as personId, recheck_on as recheckOn from policy_subjects where subject_type = 'person' order by subject_id")),
    // Audited in the order of the file (= of the person ids), each entry digesting the row as it is stored.
    auditedInOrder: audit.map((a) => idNumberOf.get(Number(a.entityId))),
    auditDigestsRows: audit.every((a) => a.afterDigest === createHmac('sha256', secret).update(canonicalJson(rowById.get(a.entityId))).digest('hex')),
    auditDetails: [...new Set(audit.map((a) => a.detail))],
    capturedChanges: all<{ entityId: number }>("select entity_id as entityId from exchange_changes where entity = 'persons' order by seq").map((c) => idNumberOf.get(c.entityId)),
    chain: expectOk<AuditChainStatus>(ready.call('audit.verify', {})).ok,
  };
}

describe('a roster import written in batches', () => {
  it('leaves exactly what registering the same people one by one leaves', async () => {
    const oneByOne = readyDesk();
    const roster = people(oneByOne);
    for (const p of roster) {
      expectOk(oneByOne.call('persons.register', { name: p.name, idNumber: p.idNumber, phone: p.phone, educationCode: p.educationCode, confirmNotDuplicate: true }));
    }

    const imported = readyDesk();
    const started = expectOk<JobView>(imported.call('persons.importStart', { fileName: '花名册.xlsx', base64: rosterXlsx(roster).toString('base64'), dryRun: false, allOrNothing: true }));
    const job = await imported.desk.jobs.settled(started.id);
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.result as ImportReport).toMatchObject({ total: ROWS, valid: ROWS, invalid: 0, created: ROWS, updated: 0, nothingWritten: false });

    const expected = written(oneByOne);
    const actual = written(imported);
    expect(actual.records).toHaveLength(ROWS);
    expect(actual.records).toEqual(expected.records);
    expect(actual.searchKeys).toEqual(expected.searchKeys);
    expect(Object.keys(actual.keyGroups).length).toBeGreaterThan(100);
    expect(actual.keyGroups).toEqual(expected.keyGroups);
    expect(actual.rechecks).toEqual(expected.rechecks);
    expect(actual.policySubjects).toEqual(expected.policySubjects);
    expect(actual.auditedInOrder).toEqual(roster.map((p) => p.idNumber));
    expect(actual.auditedInOrder).toEqual(expected.auditedInOrder);
    expect(actual.auditDigestsRows).toBe(true);
    expect(expected.auditDigestsRows).toBe(true);
    expect(actual.auditDetails).toEqual([JSON.stringify({ source: 'import' })]);
    expect(actual.capturedChanges).toEqual(expected.capturedChanges);
    expect(actual.chain).toBe(true);
    expect(expected.chain).toBe(true);
    oneByOne.desk.close();
    imported.desk.close();
  }, 120_000);

  it('audits in the order of the file when a known person stands between new ones', async () => {
    const ready = readyDesk();
    const [first, known, last] = people(ready).slice(0, 3);
    const knownView = expectOk<{ id: number }>(ready.call('persons.register', { name: known!.name, idNumber: known!.idNumber, confirmNotDuplicate: true }));
    const file = rosterXlsx([first!, { ...known!, phone: '13700001111' }, last!]);
    const started = expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: file.toString('base64'), dryRun: false, allOrNothing: true }));
    const job = await ready.desk.jobs.settled(started.id);
    expect(job.result as ImportReport).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    const { sqlite } = ready.desk.database();
    const entries = sqlite.prepare("select action, entity_id as entityId from audit_log where action in ('persons.register', 'persons.update') order by id").all();
    const idOf = (p: { idNumber: string }) => String((sqlite.prepare('select id from persons where id_number = ?').get(p.idNumber) as { id: number }).id);
    expect(entries).toEqual([
      { action: 'persons.register', entityId: String(knownView.id) },
      { action: 'persons.register', entityId: idOf(first!) },
      { action: 'persons.update', entityId: String(knownView.id) },
      { action: 'persons.register', entityId: idOf(last!) },
    ]);
    expect(Number(idOf(first!))).toBeLessThan(Number(idOf(last!)));
    expect(expectOk<AuditChainStatus>(ready.call('audit.verify', {})).ok).toBe(true);
    ready.desk.close();
  });
});
