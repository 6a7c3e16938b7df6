import type { CaseView } from '../../shared/contract';
import { OWN_PASSWORD, type Call } from './accounts-helpers';
import { EMPLOYMENT_DOCS, EMPLOYMENT_FORM, UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, actOk, colleagues, createCase, registerPerson, type Colleague } from './cases-helpers';
import { PASSWORD, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { CHANGQIAO, LI_XIUYING, MUDU, SHAN_TIANFANG, ZENG_XIAOXIAN, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

/**
 * A small county for the report tests, every case taken through the router:
 * 王芳 (front desk) prepares and accepts, 李娜 (reviewer) reviews and decides,
 * 周强 is the head. The desk's clock starts at 2026-11-27 10:00 Beijing time,
 * inside the period 2026-12 (2026-11-21 … 2026-12-20).
 */

export const SELF_EMPLOYED_FORM = { channel: 'self_employed', businessName: '张三小吃店', startDate: '2026-11-26' };
export const SELF_EMPLOYED_DOCS = ['id_card', 'business_license'];
export const CERTIFICATION_FORM = { category: 'long_term_unemployed', validFrom: '2026-11-01' };
export const CERTIFICATION_DOCS = ['id_card', 'difficulty_application'];

export type Staff = Record<'lina' | 'zhouqiang' | 'liuyang', Colleague>;

/** Moves the desk's clock forward to `iso` (UTC) and unlocks everyone's session, as staff do when they sit down again. */
export function clockTo(ready: ReadyDesk, iso: string, staff: Staff): void {
  const minutes = (new Date(iso).getTime() - ready.clock.read().getTime()) / 60_000;
  if (minutes < 0) throw new Error(`the clock only moves forward (now ${ready.clock.read().toISOString()})`);
  ready.clock.advanceMinutes(minutes);
  expectOk(ready.call('auth.unlock', { password: PASSWORD }));
  for (const c of Object.values(staff)) expectOk(c.call('auth.unlock', { password: OWN_PASSWORD }));
}

/** Created and accepted at the window, taken into review by the reviewer: ready to be decided. */
export function toReview(ready: ReadyDesk, staff: Staff, personId: number, caseType: string, form: Record<string, string | null>, docs: string[]): CaseView {
  const accepted = actOk(ready.call, createCase(ready.call, personId, caseType, form, docs), 'accept');
  ready.clock.advanceMinutes(1);
  return actOk(staff.lina.call, accepted, 'start_review');
}

/** A case approved one minute after it went into review (decisions stay strictly ordered). */
export function approved(ready: ReadyDesk, staff: Staff, personId: number, caseType: string, form: Record<string, string | null>, docs: string[]): CaseView {
  const view = toReview(ready, staff, personId, caseType, form, docs);
  ready.clock.advanceMinutes(1);
  const done = actOk(staff.lina.call, view, 'approve');
  ready.clock.advanceMinutes(1);
  return done;
}

export interface County {
  ready: ReadyDesk;
  staff: Staff;
  persons: Record<'a' | 'b' | 'c' | 'd' | 'e', number>;
}

/**
 * A (张三, man, 36): 失业登记 then 就业登记 as self-employed, both in 2026-12.
 * B (张丽, woman, 38): 失业登记, still registered.
 * C (李秀英, woman, 34): 失业登记, certified 就业困难人员, then 就业登记 (flexible).
 * D (曾小贤, man, 41): 失业登记 decided 2026-12-20 23:59 Beijing time — the period's last minute.
 * E (单田芳, man, 56): 失业登记 decided 2026-12-21 00:00 Beijing time — the next period.
 * One vacancy of 3 openings valid from 2026-11-27.
 */
export function county(): County {
  const ready = readyDesk();
  const staff = colleagues(ready, ['lina', 'zhouqiang', 'liuyang']);
  const persons = {
    a: registerPerson(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, educationCode: '20' }),
    b: registerPerson(ready, { ...ZHANG_LI, residenceTownshipCode: MUDU.code, educationCode: '44' }),
    c: registerPerson(ready, { ...LI_XIUYING, residenceTownshipCode: CHANGQIAO.code }),
    d: registerPerson(ready, ZENG_XIAOXIAN),
    e: registerPerson(ready, SHAN_TIANFANG),
  };
  for (const id of [persons.a, persons.b, persons.c]) approved(ready, staff, id, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
  approved(ready, staff, persons.a, 'employment_registration', SELF_EMPLOYED_FORM, SELF_EMPLOYED_DOCS);
  approved(ready, staff, persons.c, 'difficulty_certification', CERTIFICATION_FORM, CERTIFICATION_DOCS);
  approved(ready, staff, persons.c, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS);
  const enterprise = expectOk<{ id: number }>(ready.call('enterprises.register', { creditCode: '91320100MA1XY8129Y', name: '苏州示例精密机械有限公司' }));
  expectOk(ready.call('vacancies.create', { enterpriseId: enterprise.id, source: 'walk_in', occupationCode: '6-18-01', title: '焊工', openings: 3 }));
  const d = toReview(ready, staff, persons.d, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
  const e = toReview(ready, staff, persons.e, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
  clockTo(ready, '2026-12-20T15:59:00Z', staff);
  actOk(staff.lina.call, d, 'approve');
  clockTo(ready, '2026-12-20T16:00:00Z', staff);
  actOk(staff.lina.call, e, 'approve');
  return { ready, staff, persons };
}

export function monthly(call: Call, period: string) {
  return call('reports.monthly', { period });
}
