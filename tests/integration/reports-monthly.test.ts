import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonthlyReport, NamedList } from '../../shared/contract';
import { REPORT_FIGURES } from '../../shared/contract/reports';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { expectError, expectOk } from './helpers';
import { clockTo, county, monthly } from './reports-helpers';

function list(call: (m: string, i?: unknown) => ReturnType<typeof monthly>, input: Record<string, unknown>): NamedList {
  return expectOk<NamedList>(call('reports.namedList', { pageSize: 2000, ...input }));
}

const names = (l: NamedList) => l.rows.map((r) => r.cells[1]).sort();

// Each test builds a small county through the router (~60 router calls): generous on a shared machine.
describe('就业失业情况月报 over cases decided through the router', { timeout: 60_000 }, () => {
  it('counts each figure from its named list, with the period closing at 23:59 on the 20th, Beijing time', () => {
    const { staff } = county();
    const head = staff.zhouqiang.call;
    const report = expectOk<MonthlyReport>(monthly(head, '2026-12'));
    expect(report).toMatchObject({ period: '2026-12', from: '2026-11-21', to: '2026-12-20', bureauName: '吴中区人力资源和社会保障局' });
    expect(report.counts).toEqual({
      new_employment: 2, registered_unemployed: 2, new_unemployment: 4, jobseekers: 4, vacancies: 1, difficulty_certified: 1, difficulty_employed: 1, subsidies_approved: 0,
    });
    for (const figure of REPORT_FIGURES) {
      const named = list(head, { period: '2026-12', figure });
      expect(named.total, figure).toBe(report.counts[figure]);
      expect(named.rows, figure).toHaveLength(report.counts[figure]);
    }
    // D was decided at 23:59 on 12-20 (in), E at 00:00 on 12-21 (out, in the next period).
    expect(names(list(head, { period: '2026-12', figure: 'new_unemployment' }))).toEqual(['张三', '张丽', '曾小贤', '李秀英'].sort());
    expect(names(list(head, { period: '2026-12', figure: 'registered_unemployed' }))).toEqual(['张丽', '曾小贤'].sort());
    expect(names(list(head, { period: '2026-12', figure: 'difficulty_employed' }))).toEqual(['李秀英']);
    const next = expectOk<MonthlyReport>(monthly(head, '2027-01'));
    expect(names(list(head, { period: '2027-01', figure: 'new_unemployment' }))).toEqual(['单田芳']);
    expect(next.counts.registered_unemployed).toBe(3);
    expect(next.counts.new_employment).toBe(0);
    // Nothing was decided in the period before.
    expect(Object.values(expectOk<MonthlyReport>(monthly(head, '2026-11')).counts).every((n) => n === 0)).toBe(true);
  });

  it('ends a registration on the day of its 注销: out of the registered unemployed from then, still a jobseeker of that period', () => {
    const { ready, staff, persons } = county();
    const head = staff.zhouqiang.call;
    const reg = ready.desk.database().sqlite
      .prepare("select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved'")
      .get(persons.b) as { id: number; version: number };
    clockTo(ready, '2027-01-05T02:00:00Z', staff);
    expectOk(staff.lina.call('registrations.cancel', { caseId: reg.id, version: reg.version, reason: 'stopped_seeking', onDate: '2027-01-05' }));
    // December closed before the 注销: 张丽 was registered at its end.
    expect(names(list(head, { period: '2026-12', figure: 'registered_unemployed' }))).toEqual(['张丽', '曾小贤'].sort());
    const january = expectOk<MonthlyReport>(monthly(head, '2027-01'));
    expect(names(list(head, { period: '2027-01', figure: 'registered_unemployed' }))).toEqual(['单田芳', '曾小贤'].sort());
    expect(january.counts.registered_unemployed).toBe(2);
    expect(names(list(head, { period: '2027-01', figure: 'jobseekers' }))).toEqual(['单田芳', '张丽', '曾小贤'].sort());
  });

  it('shows persons masked, and every breakdown cell opens a list of exactly its count', () => {
    const { staff } = county();
    const head = staff.zhouqiang.call;
    const employed = list(head, { period: '2026-12', figure: 'new_employment' });
    expect(employed.columns).toContain('身份证号');
    const zhang = employed.rows.find((r) => r.cells[1] === '张三')!;
    expect(String(zhang.cells[4])).toMatch(/^3205\*{10}\d{3}[\dX]$/);
    expect(String(zhang.cells[5])).toBe('139****1234');
    expect(zhang.link).toMatch(/^\/persons\/\d+$/);

    const report = expectOk<MonthlyReport>(monthly(head, '2026-12'));
    const channel = report.breakdowns.find((b) => b.figure === 'new_employment' && b.dimension === 'channel')!;
    expect(channel.cells.filter((c) => c.count > 0).map((c) => [c.label, c.count])).toEqual([['自主创业', 1], ['灵活就业', 1]]);
    const sex = report.breakdowns.find((b) => b.figure === 'registered_unemployed' && b.dimension === 'sex')!;
    expect(sex.cells.map((c) => [c.label, c.count])).toEqual([['男', 1], ['女', 1]]);
    const township = report.breakdowns.find((b) => b.figure === 'new_unemployment' && b.dimension === 'township')!;
    expect(township.cells.map((c) => [c.label, c.count])).toEqual([['长桥街道', 2], ['木渎镇', 1], ['未填', 1]]);
    const age = report.breakdowns.find((b) => b.figure === 'new_unemployment' && b.dimension === 'age')!;
    expect(age.cells.map((c) => c.count)).toEqual([0, 4, 0, 0]);
    for (const b of report.breakdowns) {
      expect(b.cells.reduce((n, c) => n + c.count, 0), `${b.figure}/${b.dimension}`).toBe(report.counts[b.figure]);
      for (const cell of b.cells) {
        const cellList = list(head, { period: '2026-12', figure: b.figure, dimension: b.dimension, value: cell.value });
        expect(cellList.total, `${b.figure}/${b.dimension}/${cell.value}`).toBe(cell.count);
      }
    }
  });

  it('uses the external figures as entered: the rate with two decimals, the surveyed rate never computed', () => {
    const { ready, staff } = county();
    const head = staff.zhouqiang.call;
    const before = expectOk<MonthlyReport>(monthly(head, '2026-12'));
    expect(before.registeredUnemploymentRate).toBeNull();
    expect(before.external).toMatchObject({ urbanEmployed: null, surveyedUnemploymentRate: null, naturalAttrition: 0, version: null });
    expect(before.newUrbanEmployment).toBe(2);
    // 求人倍率 = 3 openings ÷ 4 jobseekers.
    expect(before.jobsToSeekersRatio).toBe('0.75');

    const auditFrom = lastAuditId(ready);
    const saved = expectOk<{ version: number }>(head('reports.saveExternalFigures', { period: '2026-12', urbanEmployed: 599, surveyedUnemploymentRate: '5.1', naturalAttrition: 1, version: null }));
    const after = expectOk<MonthlyReport>(monthly(head, '2026-12'));
    // 2 ÷ (599 + 2) = 0.3328 %.
    expect(after.registeredUnemploymentRate).toBe('0.33');
    expect(after.external).toMatchObject({ urbanEmployed: 599, surveyedUnemploymentRate: '5.10', naturalAttrition: 1, updatedByName: '周强' });
    expect(after.newUrbanEmployment).toBe(1);
    const audit = storedAudit(ready, auditFrom).filter((a) => a.action === 'reports.saveExternalFigures');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('"urbanEmployed":599');

    // A stale version is refused; the administrator may enter figures too, but not read the report.
    expectError(head('reports.saveExternalFigures', { period: '2026-12', urbanEmployed: 1, surveyedUnemploymentRate: null, naturalAttrition: 0, version: null }), 'CONFLICT');
    expectOk(ready.call('reports.saveExternalFigures', { period: '2026-12', urbanEmployed: 600, surveyedUnemploymentRate: null, naturalAttrition: 0, version: saved.version }));
    expect(expectOk<MonthlyReport>(monthly(head, '2026-12')).external.surveyedUnemploymentRate).toBeNull();
    expectError(monthly(ready.call, '2026-12'), 'FORBIDDEN');
    expect(expectError(head('reports.saveExternalFigures', { period: '2026-12', urbanEmployed: -5, surveyedUnemploymentRate: '5.123', naturalAttrition: 0, version: 2 }), 'BAD_INPUT').message).toMatch(/城镇从业人员数|调查失业率/);
  });

  it('is refused to the front desk, and a saved list is masked and audited', async () => {
    const { ready, staff } = county();
    expectError(monthly(staff.liuyang.call, '2026-12'), 'FORBIDDEN');
    expectError(staff.liuyang.call('reports.namedList', { period: '2026-12', figure: 'new_employment' }), 'FORBIDDEN');
    expect(expectError(monthly(staff.zhouqiang.call, '2026-13'), 'BAD_INPUT').message).toMatch(/报告期/);

    const auditFrom = lastAuditId(ready);
    const file = expectOk<{ fileName: string; base64: string; rows: number }>(staff.zhouqiang.call('reports.exportNamedList', { period: '2026-12', figure: 'registered_unemployed' }));
    expect(file.rows).toBe(2);
    expect(file.fileName).toBe('实名制台账-期末登记失业人数-2026-12.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const ids = [2, 3].map((r) => String(sheet.getRow(r).getCell(5).value));
    for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(storedAudit(ready, auditFrom).map((a) => a.action)).toEqual(['reports.exportNamedList']);
  });
});
