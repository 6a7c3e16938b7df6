import { describe, expect, it } from 'vitest';
import type { DashboardCharts, DashboardFigures, StaffCaseRow } from '../../shared/contract';
import { UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, actOk, createCase, registerPerson } from './cases-helpers';
import { idNumber } from './registry-helpers';
import { expectError, expectOk } from './helpers';
import { clockTo, county } from './reports-helpers';

// Each test builds a small county through the router (~60 router calls): generous on a shared machine.
describe('工作台', { timeout: 60_000 }, () => {
  it('shows open, overdue and soon-due cases, and the head sees them by staff and type, each cell opening its queue', () => {
    const { ready, staff, persons } = county();
    // Now 2026-12-21 08:00 Beijing time (Monday): a new 失业登记 accepted today, due in 3 working days.
    clockTo(ready, '2026-12-21T00:00:00Z', staff);
    const f = registerPerson(ready, { idNumber: idNumber('320506', '1995-06-01', '018'), name: '王小红' });
    actOk(ready.call, createCase(ready.call, f, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS), 'accept');
    createCase(ready.call, persons.b, 'difficulty_certification', { category: 'age_4050' }, ['id_card']);
    // 2026-12-24 (Thursday) is that case's due date; on 12-28 it is overdue.
    const early = expectOk<DashboardFigures>(staff.lina.call('reports.dashboard', {}));
    expect(early).toMatchObject({ today: '2026-12-21', period: '2027-01', openCases: 2, overdueCases: 0, dueSoonCases: 0, newRegistrationsThisPeriod: 1, openVacancies: 1, openVacancyOpenings: 3 });
    clockTo(ready, '2026-12-23T02:00:00Z', staff);
    expect(expectOk<DashboardFigures>(staff.lina.call('reports.dashboard', {}))).toMatchObject({ dueSoonCases: 1, dueSoonUntil: '2026-12-25', overdueCases: 0 });
    clockTo(ready, '2026-12-28T02:00:00Z', staff);
    expect(expectOk<DashboardFigures>(staff.zhouqiang.call('reports.dashboard', {}))).toMatchObject({ openCases: 2, overdueCases: 1, dueSoonCases: 0 });

    const table = expectOk<StaffCaseRow[]>(staff.zhouqiang.call('reports.casesByStaff', {}));
    expect(table.map((r) => r.staffName)).toEqual(['王芳']);
    const cell = (type: string) => table[0]!.cells.find((c) => c.caseType === type)!;
    expect(cell('unemployment_registration')).toEqual({ caseType: 'unemployment_registration', open: 1, overdue: 1 });
    expect(cell('difficulty_certification')).toEqual({ caseType: 'difficulty_certification', open: 1, overdue: 0 });
    const queue = expectOk<{ items: Array<{ applicantName: string; overdue: boolean }>; total: number }>(
      staff.zhouqiang.call('reports.caseQueue', { staffUserId: table[0]!.staffUserId, caseType: 'unemployment_registration', overdueOnly: true }),
    );
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({ applicantName: '王小红', overdue: true });
    expect(expectOk<{ total: number }>(staff.zhouqiang.call('reports.caseQueue', { caseType: 'difficulty_certification' })).total).toBe(1);

    // The front desk keeps its own first screen and does not see the staff table.
    expectError(staff.liuyang.call('reports.dashboard', {}), 'FORBIDDEN');
    expectError(staff.liuyang.call('reports.casesByStaff', {}), 'FORBIDDEN');
  });

  it('draws the head\'s breakdown charts, each bar counting the very list it opens', () => {
    const { ready, staff, persons } = county();
    clockTo(ready, '2026-12-21T00:00:00Z', staff);
    createCase(ready.call, persons.b, 'difficulty_certification', { category: 'age_4050' }, ['id_card']);
    const f = registerPerson(ready, { idNumber: idNumber('320506', '1995-06-01', '018'), name: '王小红' });
    actOk(ready.call, createCase(ready.call, f, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS), 'accept');
    const charts = expectOk<DashboardCharts>(staff.zhouqiang.call('reports.dashboardCharts', {}));
    expect(charts.casesByState).toEqual([{ state: 'draft', count: 1 }, { state: 'accepted', count: 1 }, { state: 'in_review', count: 0 }, { state: 'returned', count: 0 }]);
    for (const { state, count } of charts.casesByState) {
      const queue = expectOk<{ items: Array<{ state: string }>; total: number }>(staff.zhouqiang.call('reports.caseQueue', { state }));
      expect(queue.total, state).toBe(count);
      expect(queue.items.every((c) => c.state === state), state).toBe(true);
    }
    // The county's one vacancy (焊工 6-18-01, 3 openings) is under 生产制造及有关人员; every group is drawn, empty ones as 0.
    expect(charts.vacanciesByGroup).toHaveLength(8);
    expect(charts.vacanciesByGroup.find((g) => g.group === '6')).toMatchObject({ label: '生产制造及有关人员', vacancies: 1, openings: 3 });
    expect(charts.vacanciesByGroup.filter((g) => g.group !== '6').every((g) => g.vacancies === 0)).toBe(true);
    const sheet = expectOk<{ total: number }>(staff.zhouqiang.call('vacancies.search', { filters: { status: 'open', occupationGroup: '6' } }));
    expect(sheet.total).toBe(1);
    for (const g of charts.keyGroups) {
      const found = expectOk<{ total: number }>(staff.zhouqiang.call('persons.search', { query: '', filters: { keyGroup: g.code } }));
      expect(found.total, g.code).toBe(g.persons);
    }
    expect(charts.keyGroups.find((g) => g.code === 'employment_difficulty')?.persons).toBe(1);
    expectError(staff.liuyang.call('reports.dashboardCharts', {}), 'FORBIDDEN');
  });
});

