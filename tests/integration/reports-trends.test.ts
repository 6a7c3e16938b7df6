import { describe, expect, it } from 'vitest';
import type { CaseView, MonthlyReport, ReportTrends } from '../../shared/contract';
import type { TrendPoint } from '../../shared/domain/trends';
import { actOk } from './cases-helpers';
import { expectError, expectOk, login, openDesk } from './helpers';
import { OWN_PASSWORD } from './accounts-helpers';
import { REPORT_SQL } from '../../db/queries/reports';
import { approved, clockTo, county, monthly } from './reports-helpers';

const PERSON_SUBSIDY = { subsidyCode: 'flexible_social_insurance', periodFrom: '2026-10-01', periodTo: '2026-12-31', requestedAmountFen: '120000' };
const PERSON_SUBSIDY_DOCS = ['id_card', 'subsidy_application_form', 'bank_account'];

/** A trend point as the monthly report of its period gives it: each chart point opens that report's named list. */
function fromMonthly(r: MonthlyReport): TrendPoint {
  return {
    period: r.period,
    newUnemployment: r.counts.new_unemployment,
    newEmployment: r.counts.new_employment,
    registeredUnemployed: r.counts.registered_unemployed,
    jobseekers: r.counts.jobseekers,
    vacancyOpenings: r.vacancyOpenings,
    jobsToSeekersRatio: r.jobsToSeekersRatio,
    subsidiesApproved: r.counts.subsidies_approved,
  };
}

// Each test builds a small county through the router (~60 router calls): generous on a shared machine.
describe('局领导看板: the key figures of the last 13 periods', { timeout: 60_000 }, () => {
  it('gives 13 periods ending with today\'s, each the same as that period\'s monthly report, 注销 and subsidies included', () => {
    const { ready, staff, persons } = county();
    const head = staff.zhouqiang.call;
    // In 2027-01: 张丽 gets a subsidy approved and her registration is cancelled; an enterprise's subsidy does not count persons.
    clockTo(ready, '2027-01-05T02:00:00Z', staff);
    approved(ready, staff, persons.b, 'subsidy_application', PERSON_SUBSIDY, PERSON_SUBSIDY_DOCS);
    const enterprise = ready.desk.database().sqlite.prepare('select id from enterprises').get() as { id: number };
    const forFirm = expectOk<CaseView>(ready.call('cases.create', {
      enterpriseId: enterprise.id, caseType: 'subsidy_application', documents: ['business_license', 'subsidy_application_form', 'bank_account'],
      form: { subsidyCode: 'social_insurance', periodFrom: '2026-10-01', periodTo: '2026-12-31', requestedAmountFen: '1200000' },
    }));
    ready.clock.advanceMinutes(1);
    const firmInReview = actOk(staff.lina.call, actOk(ready.call, forFirm, 'accept'), 'start_review');
    ready.clock.advanceMinutes(1);
    actOk(staff.lina.call, firmInReview, 'approve');
    const reg = ready.desk.database().sqlite
      .prepare("select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved'")
      .get(persons.b) as { id: number; version: number };
    expectOk(staff.lina.call('registrations.cancel', { caseId: reg.id, version: reg.version, reason: 'stopped_seeking', onDate: '2027-01-05' }));

    const trends = expectOk<ReportTrends>(head('reports.trends', {}));
    expect(trends.periods.map((p) => p.period)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01',
    ]);
    for (const point of trends.periods) expect(point, point.period).toEqual(fromMonthly(expectOk<MonthlyReport>(monthly(head, point.period))));
    const [december, january] = trends.periods.slice(-2);
    expect(december).toMatchObject({ newUnemployment: 4, newEmployment: 2, registeredUnemployed: 2, jobseekers: 4, vacancyOpenings: 3, jobsToSeekersRatio: '0.75', subsidiesApproved: 0 });
    // 张丽 cancelled on 01-05: still a jobseeker of January, no longer registered at its end.
    expect(january).toMatchObject({ newUnemployment: 1, registeredUnemployed: 2, jobseekers: 3, subsidiesApproved: 1, jobsToSeekersRatio: '0.00' });

    // An earlier window on request; the front desk does not see the head's charts.
    expect(expectOk<ReportTrends>(head('reports.trends', { period: '2026-12' })).periods.at(-1)).toEqual(december);
    expect(expectError(head('reports.trends', { period: '2026-13' }), 'BAD_INPUT').message).toContain('报告期');
    expectError(staff.liuyang.call('reports.trends', {}), 'FORBIDDEN');
  });

  it('are counted as soon as the desk opens, before anyone signs in, so the head\'s first load finds them kept', async () => {
    const { ready, staff } = county();
    const before = expectOk<ReportTrends>(staff.zhouqiang.call('reports.trends', {}));
    ready.desk.close();
    const desk = openDesk(ready, { clock: ready.clock });
    try {
      // Count each run of the statement that reads the window's registrations, on the new connection.
      const { sqlite } = desk.database();
      let windowReads = 0;
      const prepare = sqlite.prepare.bind(sqlite);
      sqlite.prepare = ((sql: string) => {
        const statement = prepare(sql);
        if (sql === REPORT_SQL.trendRegistrations) {
          const all = statement.all.bind(statement);
          statement.all = ((...params: unknown[]) => {
            windowReads += 1;
            return all(...(params as []));
          }) as typeof statement.all;
        }
        return statement;
      }) as typeof sqlite.prepare;
      expect(windowReads).toBe(0);
      // The desk's thread is free: the window is read once, ahead of the head.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(windowReads, 'the trends counted on opening').toBe(1);
      const session = login(desk, 'zhouqiang', OWN_PASSWORD);
      expect(expectOk<ReportTrends>(desk.call(session, 'reports.trends', {}).result)).toEqual(before);
      expect(windowReads, 'the first load reads the window no more').toBe(1);
    } finally {
      desk.close();
    }
  });

  it('are kept between loads only while nothing they count has changed: a 注销 dated back into a closed period and a vacancy withdrawn outside the services both show at once', () => {
    const { ready, staff, persons } = county();
    const head = staff.zhouqiang.call;
    const december = () => expectOk<ReportTrends>(head('reports.trends', {})).periods.find((p) => p.period === '2026-12')!;
    expect(december()).toMatchObject({ registeredUnemployed: 2, vacancyOpenings: 3 });
    // Loaded again with nothing changed: the same figures.
    expect(december()).toMatchObject({ registeredUnemployed: 2, vacancyOpenings: 3 });

    // In January, 张丽's registration is cancelled as of 2026-12-15: December, a closed period, changes.
    clockTo(ready, '2027-01-05T02:00:00Z', staff);
    const reg = ready.desk.database().sqlite
      .prepare("select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved'")
      .get(persons.b) as { id: number; version: number };
    expectOk(staff.lina.call('registrations.cancel', { caseId: reg.id, version: reg.version, reason: 'stopped_seeking', onDate: '2026-12-15' }));
    expect(december()).toMatchObject({ registeredUnemployed: 1, jobseekers: 4, vacancyOpenings: 3 });
    expect(december()).toEqual(fromMonthly(expectOk<MonthlyReport>(monthly(head, '2026-12'))));

    // A write that bypasses the services (another connection, a repair by hand) is seen too.
    ready.desk.database().sqlite.prepare("update vacancies set status = 'withdrawn'").run();
    expect(december()).toMatchObject({ vacancyOpenings: 0, jobsToSeekersRatio: '0.00' });
  });
});

