import { describe, expect, it } from 'vitest';
import { REPORT_SQL, trendRows } from '../../db/queries/reports';
import type { DashboardCharts, DashboardFigures, MonthlyReport, PersonView, ReportTrends, StaffCaseRow } from '../../shared/contract';
import { trendPeriods, trendPoints } from '../../shared/domain/trends';
import { EMPLOYMENT_DOCS, EMPLOYMENT_FORM, UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, actOk, createCase, registerPerson } from './cases-helpers';
import { expectOk, type ReadyDesk } from './helpers';
import { captureStatements } from './plan-helpers';
import { idNumber } from './registry-helpers';
import { approved, clockTo, county, monthly, type County } from './reports-helpers';

/** The 13 periods ending with `last` counted afresh from the database, as if the head opened the charts for the first time. */
function freshTrends(ready: ReadyDesk, last: string): ReportTrends {
  const periods = trendPeriods(last);
  return { periods: trendPoints(periods, trendRows(ready.desk.database(), { first: periods[0]!, last: periods[periods.length - 1]! })) };
}

/** What the head's 工作台 asks for when it opens. */
function dashboardLoad({ staff }: County) {
  const head = staff.zhouqiang.call;
  return {
    figures: expectOk<DashboardFigures>(head('reports.dashboard', {})),
    trends: expectOk<ReportTrends>(head('reports.trends', {})),
    byStaff: expectOk<StaffCaseRow[]>(head('reports.casesByStaff', {})),
    charts: expectOk<DashboardCharts>(head('reports.dashboardCharts', {})),
  };
}

const approvedRegistration = (ready: ReadyDesk, personId: number) =>
  ready.desk.database().sqlite
    .prepare("select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved'")
    .get(personId) as { id: number; version: number };

// Each test builds a small county through the router (~60 router calls): generous on a shared machine.
describe('the head\'s 工作台 right after a write', { timeout: 60_000 }, () => {
  it('shows a person registered and a 失业登记 accepted, then approved, at once, and leaves the closed periods as they were', () => {
    const c = county();
    const { ready, staff } = c;
    // 2026-12-21 08:00 Beijing time: the period 2027-01 has begun; 2026-12 is closed.
    clockTo(ready, '2026-12-21T00:00:00Z', staff);
    const before = dashboardLoad(c);

    // 王秀兰, 45, registered at the front desk: each key group she falls in counts her at once.
    const f = registerPerson(ready, { idNumber: idNumber('320506', '1981-06-01', '028'), name: '王秀兰' });
    const tags = expectOk<PersonView>(ready.call('persons.get', { id: f })).keyGroups.map((t) => t.code);
    expect(tags.length).toBeGreaterThan(0);
    const registered = dashboardLoad(c);
    for (const group of registered.charts.keyGroups) {
      const was = before.charts.keyGroups.find((g) => g.code === group.code)!.persons;
      expect(group.persons, group.code).toBe(was + (tags.includes(group.code) ? 1 : 0));
    }

    // Her 失业登记 accepted: one more open case on the figures, the state chart and her acceptor's row.
    const accepted = actOk(ready.call, createCase(ready.call, f, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS), 'accept');
    const afterAccept = dashboardLoad(c);
    expect(afterAccept.figures.openCases).toBe(before.figures.openCases + 1);
    expect(afterAccept.charts.casesByState.find((s) => s.state === 'accepted')!.count).toBe(before.charts.casesByState.find((s) => s.state === 'accepted')!.count + 1);
    const openOf = (rows: StaffCaseRow[]) => rows.flatMap((r) => r.cells).filter((cell) => cell.caseType === 'unemployment_registration').reduce((n, cell) => n + cell.open, 0);
    expect(openOf(afterAccept.byStaff)).toBe(openOf(before.byStaff) + 1);
    // Accepted is not yet registered: the trends stand.
    expect(afterAccept.trends).toEqual(before.trends);

    // Approved: registered this period, on the figures and on the current period's points; closed periods unchanged.
    ready.clock.advanceMinutes(1);
    actOk(staff.lina.call, actOk(staff.lina.call, accepted, 'start_review'), 'approve');
    const afterApprove = dashboardLoad(c);
    expect(afterApprove.figures.newRegistrationsThisPeriod).toBe(before.figures.newRegistrationsThisPeriod + 1);
    expect(afterApprove.figures.openCases).toBe(before.figures.openCases);
    const current = (t: ReportTrends) => t.periods.at(-1)!;
    expect(current(afterApprove.trends)).toMatchObject({
      period: '2027-01',
      newUnemployment: current(before.trends).newUnemployment + 1,
      registeredUnemployed: current(before.trends).registeredUnemployed + 1,
      jobseekers: current(before.trends).jobseekers + 1,
    });
    expect(afterApprove.trends.periods.slice(0, -1)).toEqual(before.trends.periods.slice(0, -1));
    expect(afterApprove.trends).toEqual(freshTrends(ready, '2027-01'));
  });

  it('keeps the 13 periods equal to a fresh count through a mix of writes, one dated back into a closed period, a merge and repairs by hand, reading only the persons written', () => {
    const c = county();
    const { ready, staff, persons } = c;
    const head = staff.zhouqiang.call;
    const captured = captureStatements(ready);
    const trends = () => expectOk<ReportTrends>(head('reports.trends', {}));
    const wholeWindowReads = () => captured.filter((s) => s.sql === REPORT_SQL.trendRegistrations).length;
    const personReads = () => captured.filter((s) => s.sql === REPORT_SQL.trendRegistrationsOf).length;
    clockTo(ready, '2027-01-05T02:00:00Z', staff);
    trends();
    expect(wholeWindowReads()).toBe(1);
    const december = () => trends().periods.find((p) => p.period === '2026-12')!;
    const decemberBefore = december();
    const fresh = () => freshTrends(ready, '2027-01');

    // Each write, and whether it touched persons' cases (a vacancy's sums are read again instead).
    const writes: Array<[string, () => void, boolean]> = [
      ['a new 失业登记 approved today', () => {
        const g = registerPerson(ready, { idNumber: idNumber('320506', '1992-02-02', '037'), name: '陈刚' });
        approved(ready, staff, g, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
      }, true],
      ['张丽 employed today, which ends her registration', () => {
        approved(ready, staff, persons.b, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS);
      }, true],
      ['曾小贤\'s registration cancelled as of 2026-12-15, inside the closed period 2026-12', () => {
        const reg = approvedRegistration(ready, persons.d);
        expectOk(staff.lina.call('registrations.cancel', { caseId: reg.id, version: reg.version, reason: 'stopped_seeking', onDate: '2026-12-15' }));
      }, true],
      ['李秀英\'s record merged into 张三\'s: December counts them once', () => {
        expectOk(staff.lina.call('persons.merge', { keepId: persons.a, mergeId: persons.c, reason: '同一人重复建档' }));
      }, true],
      ['a repair by hand moves 张三\'s December 就业登记 to 单田芳, whose registration it now ends', () => {
        ready.desk.database().sqlite
          .prepare("update cases set person_id = ? where person_id = ? and case_type = 'employment_registration' and decided_at < '2026-12-20T16:00:00Z'")
          .run(persons.e, persons.a);
      }, true],
      ['the vacancy withdrawn by hand', () => {
        ready.desk.database().sqlite.prepare("update vacancies set status = 'withdrawn'").run();
      }, false],
    ];
    for (const [write, run, touchesPersons] of writes) {
      run();
      const [whole, persons] = [wholeWindowReads(), personReads()];
      const loaded = trends();
      // Counted person by person: the window is not read again, only the persons written.
      expect([wholeWindowReads() - whole, personReads() - persons], write).toEqual([0, touchesPersons ? 1 : 0]);
      expect(loaded, write).toEqual(fresh());
    }
    // Captured rows removed (as after an export): the changes since the last load cannot be told, so the window is read afresh.
    const d = approvedRegistration(ready, persons.e);
    expectOk(staff.lina.call('registrations.cancel', { caseId: d.id, version: d.version, reason: 'stopped_seeking', onDate: '2027-01-05' }));
    ready.desk.database().sqlite.prepare('delete from exchange_changes where seq = (select max(seq) from exchange_changes)').run();
    const whole = wholeWindowReads();
    const reread = trends();
    expect(wholeWindowReads() - whole).toBe(1);
    expect(reread).toEqual(fresh());
    // The writes reached back into December, and each point is still its monthly report's.
    expect(december()).not.toEqual(decemberBefore);
    expect(december()).toMatchObject({ vacancyOpenings: 0, jobsToSeekersRatio: '0.00' });
    for (const point of trends().periods.slice(-2)) {
      const report = expectOk<MonthlyReport>(monthly(head, point.period));
      expect(point, point.period).toMatchObject({
        newUnemployment: report.counts.new_unemployment,
        newEmployment: report.counts.new_employment,
        registeredUnemployed: report.counts.registered_unemployed,
        jobseekers: report.counts.jobseekers,
      });
    }
  });
});
