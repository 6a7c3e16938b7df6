import type { CaseListItem, CaseView } from '../../shared/contract';
import type { CaseAction } from '../../shared/domain/workflow';
import type { Role } from '../../shared/roles';
import type { RpcResult } from '../../shared/rpc';
import { OWN_PASSWORD, activeUser, type ActiveUser, type Call } from './accounts-helpers';
import { PASSWORD, expectOk, keyedConnection, type ReadyDesk } from './helpers';
import { ZHANG_SAN, register, rows } from './registry-helpers';

/**
 * Shared steps of the case-handling tests (cases-*.test.ts). Every desk is a
 * real encrypted file built by the migrations (helpers.readyDesk); the
 * administrator 王芳 is also front desk and prepares most cases.
 */

/** A complete 失业登记 form and its two required documents (告知承诺制). */
export const UNEMPLOYMENT_FORM = { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' };
export const UNEMPLOYMENT_DOCS = ['id_card', 'self_declaration'];

/** A complete 就业登记 form for flexible employment (灵活就业) and its documents. */
export const EMPLOYMENT_FORM = { channel: 'flexible', startDate: '2026-11-20' };
export const EMPLOYMENT_DOCS = ['id_card', 'flexible_declaration'];

/** One colleague per role the workflow names, plus one holding two roles. */
export const STAFF: ReadonlyArray<{ username: string; roles: Role[]; displayName: string }> = [
  { username: 'lina', roles: ['reviewer'], displayName: '李娜' },
  { username: 'zhouqiang', roles: ['head'], displayName: '周强' },
  { username: 'sunli', roles: ['counselor'], displayName: '孙丽' },
  { username: 'chenjing', roles: ['front_desk', 'reviewer'], displayName: '陈静' },
  { username: 'liuyang', roles: ['front_desk'], displayName: '刘洋' },
];

export type Colleague = ActiveUser & { username: string; roles: Role[]; displayName: string };

/** Creates the named colleagues of STAFF (each costs a few scrypt hashes). */
export function colleagues<const N extends string>(ready: ReadyDesk, usernames: readonly N[]): Record<N, Colleague> {
  const made = {} as Record<N, Colleague>;
  for (const name of usernames) {
    const spec = STAFF.find((s) => s.username === name);
    if (!spec) throw new Error(`no colleague ${name} in STAFF`);
    made[name] = { ...activeUser(ready, spec.username, spec.roles, spec.displayName), ...spec };
  }
  return made;
}

export function registerPerson(ready: ReadyDesk, input: Record<string, unknown> = ZHANG_SAN): number {
  return register(ready, input).id;
}

export function createCase(
  call: Call,
  personId: number,
  caseType = 'unemployment_registration',
  form: Record<string, string | null> = UNEMPLOYMENT_FORM,
  documents: string[] = UNEMPLOYMENT_DOCS,
): CaseView {
  return expectOk<CaseView>(call('cases.create', { personId, caseType, form, documents }));
}

export function act(call: Call, view: Pick<CaseView, 'id' | 'version'>, action: CaseAction, comment?: string | null): RpcResult<unknown> {
  return call('cases.transition', { id: view.id, version: view.version, action, ...(comment !== undefined ? { comment } : {}) });
}

export function actOk(call: Call, view: Pick<CaseView, 'id' | 'version'>, action: CaseAction, comment?: string | null): CaseView {
  return expectOk<CaseView>(act(call, view, action, comment));
}

export function getCase(call: Call, id: number): CaseView {
  return expectOk<CaseView>(call('cases.get', { id }));
}

export function listCases(call: Call, scope: 'open' | 'mine' | 'person', extra: Record<string, unknown> = {}): { items: CaseListItem[]; total: number } {
  return expectOk(call('cases.list', { scope, ...extra }));
}

/** What a refused call must leave untouched. */
export interface Footprint {
  state: string;
  version: number;
  transitions: number;
  audit: number;
  /** The yearly receipt counters, e.g. `receipt_seq.2026=3`; null before the first acceptance. */
  receiptSeq: string | null;
}

export function footprint(ready: ReadyDesk, caseId: number): Footprint {
  const one = (sql: string, ...params: unknown[]) => rows(ready, sql, ...params)[0]!;
  const row = one('select state, version from cases where id = ?', caseId);
  return {
    state: row.state as string,
    version: row.version as number,
    transitions: one('select count(*) as n from case_transitions where case_id = ?', caseId).n as number,
    audit: one('select count(*) as n from audit_log').n as number,
    receiptSeq: (one(`select group_concat(key || '=' || value, ',') as v from (select key, value from settings where key like 'receipt_seq.%' order by key)`).v as string | null) ?? null,
  };
}

export function caseRow(ready: ReadyDesk, caseId: number): Record<string, unknown> {
  return rows(ready, 'select * from cases where id = ?', caseId)[0]!;
}

export function userId(ready: ReadyDesk, username: string): number {
  return rows(ready, 'select id from users where username = ?', username)[0]!.id as number;
}

/** The administrator's calendar, written on a keyed connection as an administrator's tool would. */
export function setCalendar(ready: ReadyDesk, days: Array<{ date: string; kind: 'holiday' | 'workday'; note?: string }>): void {
  const raw = keyedConnection(ready.dbPath, ready.keyFile);
  const insert = raw.prepare('insert into calendar_days (date, kind, note) values (?, ?, ?)');
  for (const d of days) insert.run(d.date, d.kind, d.note ?? null);
  raw.close();
}

/**
 * The next morning(s): moves the desk's clock by whole days (10:00 Beijing
 * time stays 10:00) and unlocks the administrator's session and those of
 * `others` with their passwords, as staff do when they sit down again.
 */
export function advanceDays(ready: ReadyDesk, days: number, others: Colleague[] = []): void {
  ready.clock.advanceMinutes(days * 24 * 60);
  expectOk(ready.call('auth.unlock', { password: PASSWORD }));
  for (const c of others) expectOk(c.call('auth.unlock', { password: OWN_PASSWORD }));
}
