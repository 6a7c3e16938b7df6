import type { CaseView, InForceCase } from '../../shared/contract';
import type { Call } from './accounts-helpers';
import { actOk, createCase, type Colleague } from './cases-helpers';
import { expectOk, type ReadyDesk } from './helpers';
import { rows } from './registry-helpers';

/**
 * Shared steps of the tests of what follows a decision (contacts-*.test.ts,
 * aftercare-*.test.ts): a case taken to approval — prepared and accepted by
 * the administrator 王芳 (also front desk), decided by the reviewer.
 */
export function approve(ready: ReadyDesk, reviewer: Colleague, personId: number, caseType?: string, form?: Record<string, string | null>, documents?: string[]): CaseView {
  const draft = createCase(ready.call, personId, caseType, form, documents);
  const accepted = actOk(ready.call, draft, 'accept');
  return actOk(reviewer.call, actOk(reviewer.call, accepted, 'start_review'), 'approve');
}

export const CERT_FORM = { category: 'zero_employment_family', validFrom: '2026-11-27', validTo: '2027-12-31', evidenceNote: '社区证明' };
export const CERT_DOCS = ['id_card', 'difficulty_application', 'household_register'];

export function contact(call: Call, personId: number, extra: Record<string, unknown> = {}) {
  return call('contacts.record', { personId, contactDate: '2026-11-27', kind: 'follow_up', channel: 'phone', content: '电话回访，求职意向未变', ...extra });
}

export function cases(call: Call, personId: number): InForceCase[] {
  return expectOk<InForceCase[]>(call('registrations.forPerson', { personId }));
}

/** What a refused act must leave untouched: contacts, case events, cases' versions, persons' versions, the audit log. */
export function writes(ready: ReadyDesk): string {
  const one = (sql: string) => JSON.stringify(rows(ready, sql));
  return [
    one('select count(*) as n from person_contacts'),
    one('select count(*) as n from case_events'),
    one('select id, version, ended_on, suspended_on from cases order by id'),
    one('select id, version, employment_status from persons order by id'),
    one('select count(*) as n from audit_log'),
    one('select count(*) as n from exchange_changes'),
  ].join('\n');
}
