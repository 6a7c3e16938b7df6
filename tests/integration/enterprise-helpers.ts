import type { EnterpriseView, VacancyView, VisitView } from '../../shared/contract';
import { PASSWORD, expectOk, type ReadyDesk } from './helpers';

/** Valid credit codes (GB 32100, organisation code GB 11714) computed outside the code base. */
export const CODE_A = '91320100MA1XY8129Y';
export const CODE_B = '91320506MARJT2FQ52';
export const SOLE_TRADER = '92320106MA1N2P3Q0A';
export const REGISTRATION_NUMBER = '320506000012342';

export const DAY_MINUTES = 24 * 60;

export function registerEnterprise(ready: ReadyDesk, input: Record<string, unknown> = {}): EnterpriseView {
  return expectOk<EnterpriseView>(ready.call('enterprises.register', { creditCode: CODE_A, name: '苏州吴中精工机械有限公司', industryDivision: '34', sizeClass: 'small', townshipCode: '320506103', ...input }));
}

/** The administrator of readyDesk is also front desk: the one staff member who visits. */
export function staffId(ready: ReadyDesk): number {
  return expectOk<{ id: number }[]>(ready.call('enterprises.staff', {}))[0]!.id;
}

export function recordVisit(ready: ReadyDesk, enterpriseId: number, input: Record<string, unknown> = {}): VisitView {
  return expectOk<VisitView>(ready.call('enterprises.recordVisit', { enterpriseId, visitDate: '2026-11-20', mode: 'on_site', staffUserIds: [staffId(ready)], ...input }));
}

export function vacanciesOf(ready: ReadyDesk, enterpriseId: number, status = 'all'): VacancyView[] {
  return expectOk<{ items: VacancyView[] }>(ready.call('vacancies.search', { filters: { enterpriseId, status } })).items;
}

export function count(ready: ReadyDesk, table: string): number {
  return (ready.desk.database().sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** Row counts of every enterprise table, to show that a refused call wrote nothing. */
export function enterpriseCounts(ready: ReadyDesk): Record<string, number> {
  const tables = ['enterprises', 'enterprise_contacts', 'enterprise_headcounts', 'enterprise_corrections', 'enterprise_former_names', 'enterprise_visits', 'enterprise_visit_staff', 'enterprise_visit_difficulties', 'enterprise_hiring_plans', 'enterprise_tasks', 'vacancies', 'audit_log'];
  return Object.fromEntries(tables.map((t) => [t, count(ready, t)]));
}

/** Moves the clock on by whole days and unlocks the session the idle lock closed meanwhile. */
export function passDays(ready: ReadyDesk, days: number): void {
  ready.clock.advanceMinutes(days * DAY_MINUTES);
  expectOk(ready.call('auth.unlock', { password: PASSWORD }));
}
