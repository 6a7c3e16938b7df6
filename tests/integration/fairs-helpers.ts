import type { FairAttendanceView, FairView, VacancyView } from '../../shared/contract';
import { CODE_A, CODE_B, count, registerEnterprise } from './enterprise-helpers';
import { expectOk, type ReadyDesk } from './helpers';

export const FAIR = { name: '2026年就业援助月专场招聘会', campaign: 'assistance_month', targetGroup: 'difficulty', channel: 'on_site', startDate: '2026-11-27', venue: '吴中区人力资源市场', organizer: '吴中区人力资源和社会保障局' };

export function createFair(ready: ReadyDesk, input: Record<string, unknown> = {}): FairView {
  return expectOk<FairView>(ready.call('fairs.create', { ...FAIR, ...input }));
}

export function postVacancy(ready: ReadyDesk, enterpriseId: number, title = '数控车工', openings = 3): VacancyView {
  return expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId, source: 'fair', occupationCode: '6-18-01', title, openings, salaryMinFen: 550_000, salaryMaxFen: 700_000 }));
}

/** A fair with two enterprises, each bringing one vacancy (3 + 2 openings). */
export function fairWithEnterprises(ready: ReadyDesk) {
  const fair = createFair(ready);
  const a = registerEnterprise(ready);
  const b = registerEnterprise(ready, { creditCode: CODE_B, name: '苏州吴中恒鑫电子科技有限公司' });
  const va = postVacancy(ready, a.id);
  const vb = postVacancy(ready, b.id, '电子装配工', 2);
  expectOk(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: a.id, boothNumber: 'A01', vacancyIds: [va.id] }));
  const view = expectOk<FairView>(ready.call('fairs.addEnterprise', { fairId: fair.id, enterpriseId: b.id, boothNumber: 'A02', vacancyIds: [vb.id] }));
  return { fair: view, a, b, va, vb };
}

export function checkIn(ready: ReadyDesk, fairId: number, idNumber: string, extra: Record<string, unknown> = {}): FairAttendanceView {
  return expectOk<{ attendance: FairAttendanceView }>(ready.call('fairs.checkIn', { fairId, idNumber, ...extra })).attendance;
}

/** Row counts of every fair table, the persons and the audit log: "nothing written" made checkable. */
export function fairCounts(ready: ReadyDesk): Record<string, number> {
  const tables = ['fairs', 'fair_enterprises', 'fair_vacancies', 'fair_attendances', 'fair_intentions', 'persons', 'audit_log', 'exchange_changes'];
  return Object.fromEntries(tables.map((t) => [t, count(ready, t)]));
}

export { CODE_A };
