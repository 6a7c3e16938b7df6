import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EnterpriseView, ImportReport, JobView } from '../../shared/contract';
import { runCliAsync } from '../../electron/cli/run';
import { cliWorkspace } from './cli-workspace';
import { count, registerEnterprise } from './enterprise-helpers';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';

const FIXTURE = readFileSync('tests/fixtures/enterprises-import.xlsx').toString('base64');
const CODE = '*统一社会信用代码';

/** The report promised for the fixture: Excel's row numbers, the header text, the cell as typed (half-width), the reason. */
const EXPECTED_ROWS = [
  { row: 7, column: CODE, value: '91320506MAPUDXHH8P', reason: '统一社会信用代码校验位（最后一位）不正确，请核对是否录错' },
  { row: 8, column: CODE, value: '9132050613I567897R', reason: '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V' },
  { row: 9, column: CODE, value: '91320506MAM36JHN0', reason: '统一社会信用代码应为18位（2015年前登记的可填15位注册号）' },
  { row: 10, column: CODE, value: '91320506MAM36JHP06', reason: '统一社会信用代码第9–17位的组织机构代码校验位不正确，请核对是否录错' },
  { row: 11, column: CODE, value: '91320506MARJT2FQ52', reason: '统一社会信用代码与第3行重复' },
  { row: 13, column: CODE, value: '320506000012343', reason: '统一社会信用代码15位注册号的校验位不正确，请核对是否录错' },
  { row: 14, column: '*企业名称', value: '', reason: '必填' },
  { row: 15, column: '行业', value: '制造', reason: '不是国民经济行业分类（GB/T 4754-2017）的大类代码或名称' },
  { row: 16, column: '企业规模', value: '特大', reason: '应为以下之一：大型、中型、小型、微型' },
  { row: 17, column: '参保人数', value: '-5', reason: '不能为负数' },
  { row: 18, column: '联系电话', value: '12345', reason: '应为11位手机号码或带区号的固定电话（如 0512-66881234）' },
  { row: 24, column: CODE, value: '91320506MA8104MJ9A', reason: '统一社会信用代码与第4行重复' },
];

async function runImport(ready: ReadyDesk, options: { dryRun: boolean; allOrNothing?: boolean }): Promise<ImportReport> {
  const job = expectOk<JobView>(ready.call('enterprises.importStart', { fileName: '企业名单.xlsx', base64: FIXTURE, ...options }));
  const done = await ready.desk.jobs.settled(job.id);
  expect(done.state, done.error ?? '').toBe('done');
  return done.result as ImportReport;
}

describe('importing the enterprise list fixture', () => {
  it('reports every bad row exactly, and a dry run writes nothing', async () => {
    const ready = readyDesk();
    const report = await runImport(ready, { dryRun: true });
    expect(report).toMatchObject({ sheetName: '企业名单', headerRowNumber: 2, unknownHeaders: ['序号'], total: 22, valid: 10, invalid: 12, created: 10, updated: 0, unchanged: 0, nothingWritten: true });
    expect(report.rows).toEqual(EXPECTED_ROWS);
    expect(count(ready, 'enterprises')).toBe(0);
  });

  it('writes the valid rows: codes normalised, entity types decoded, townships from the address, contacts and headcounts', async () => {
    const ready = readyDesk();
    const report = await runImport(ready, { dryRun: false });
    expect(report).toMatchObject({ created: 10, updated: 0, unchanged: 0, nothingWritten: false });
    const rows = ready.desk.database().sqlite
      .prepare('select coalesce(credit_code, registration_number) as code, entity_type as type, industry_division as division, size_class as size, township_code as township from enterprises order by id')
      .all() as { code: string; type: string; division: string | null; size: string | null; township: string | null }[];
    expect(rows.map((r) => [r.code, r.type, r.division, r.size, r.township])).toEqual([
      ['91320506MARJT2FQ52', 'enterprise', '34', 'small', '320506103'],
      ['91320506MA8104MJ9A', 'enterprise', '39', 'medium', '320506003'],
      ['91320506MAFYQPBA7C', 'enterprise', '17', 'medium', '320506100'],
      ['91320506MAQ08FR6XG', 'enterprise', '54', 'small', '320506104'],
      ['320506000012342', 'enterprise', '14', 'micro', '320506006'],
      ['92320506MAX0LB7KXK', 'sole_trader', '62', 'micro', '320506001'],
      ['93320506MAGWMG6317', 'farmers_coop', '01', 'micro', '320506010'],
      ['52320506MAKM89P6X2', 'social_organisation', '83', 'small', '320506009'],
      ['91320506MAM2UDA28D', 'enterprise', '50', 'small', '320506005'],
      ['91320506MABRDR8E1G', 'enterprise', '36', 'large', '320506004'],
    ]);
    const contacts = ready.desk.database().sqlite.prepare('select name, phone from enterprise_contacts order by id').all();
    expect(contacts).toEqual([
      { name: '周敏', phone: '13912345678' }, { name: '王强', phone: '0512-66881234' }, { name: '李明', phone: '13800001111' },
      { name: '赵刚', phone: '13912340000' }, { name: '孙丽', phone: '13700002222' },
    ]);
    expect(ready.desk.database().sqlite.prepare("select insured_count as n from enterprise_headcounts where source = 'import' order by id").all().map((r) => (r as { n: number }).n)).toEqual([86, 320, 150, 45, 12, 3, 8, 25, 120, 1200]);
  });

  it('dedups against the registry by credit code: a known enterprise is corrected with history, a second import changes nothing', async () => {
    const ready = readyDesk();
    const known = registerEnterprise(ready, { creditCode: '91320506MAQ08FR6XG', name: '苏州胥口运输有限公司', industryDivision: '54', sizeClass: 'small', townshipCode: '320506104', insuredCount: 45 });
    const first = await runImport(ready, { dryRun: false });
    expect(first).toMatchObject({ created: 9, updated: 1, unchanged: 0 });
    const after = expectOk<EnterpriseView>(ready.call('enterprises.get', { id: known.id }));
    expect(after).toMatchObject({ name: '苏州胥口物流有限公司', formerNames: [{ name: '苏州胥口运输有限公司' }], ownershipCode: 'private', address: '胥口镇孙武路1号' });
    expect(count(ready, 'enterprise_corrections')).toBe(3);
    const second = await runImport(ready, { dryRun: false });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 10, nothingWritten: true });
    expect(count(ready, 'enterprises')).toBe(10);
  });

  it('all-or-nothing writes nothing while any row is bad', async () => {
    const ready = readyDesk();
    const report = await runImport(ready, { dryRun: false, allOrNothing: true });
    expect(report.nothingWritten).toBe(true);
    expect(count(ready, 'enterprises')).toBe(0);
  });
});

describe('importing vacancies', () => {
  async function sheet(rows: unknown[][]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('岗位');
    ws.addRow(['统一社会信用代码', '单位名称', '岗位名称', '职业代码', '招聘人数', '最低月薪', '最高月薪', '学历要求', '工作经验', '有效期至']);
    for (const row of rows) ws.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  it('needs the enterprise registered, checks salary ranges and counts, and re-importing the same list changes nothing', async () => {
    const ready = readyDesk();
    registerEnterprise(ready, { creditCode: '91320506MARJT2FQ52' });
    const base64 = await sheet([
      ['91320506MARJT2FQ52', '苏州吴中精工机械有限公司', '焊工', '6-18-02', 5, 6000, 8000, '初中', '2年', '2027-01-31'],
      ['91320506MARJT2FQ52', '苏州吴中精工机械有限公司', '质检员', '6-31-03', '２', '4,500', '5500元', '不限', '不限', null],
      ['91320506MA8104MJ9A', '苏州越溪电子科技有限公司', '普工', '6-28', 10, null, null, null, null, null],
      ['91320506MARJT2FQ52', '苏州吴中精工机械有限公司', '仓管', '4-02-06', -1, 7000, 5000, null, null, '2026-01-01'],
    ]);
    const run = async () => {
      const job = expectOk<JobView>(ready.call('vacancies.importStart', { fileName: '岗位.xlsx', base64, dryRun: false }));
      return (await ready.desk.jobs.settled(job.id)).result as ImportReport;
    };
    const report = await run();
    expect(report).toMatchObject({ total: 4, valid: 2, invalid: 2, created: 2 });
    expect(report.rows).toEqual([
      { row: 4, column: '统一社会信用代码', value: '91320506MA8104MJ9A', reason: '该企业尚未登记，请先登记或导入企业' },
      { row: 5, column: '招聘人数', value: '-1', reason: '至少为1' },
      { row: 5, column: '最高月薪', value: '5000', reason: '最高月薪不能低于最低月薪' },
      { row: 5, column: '有效期至', value: '2026-01-01', reason: '有效期已过' },
    ]);
    const stored = ready.desk.database().sqlite.prepare('select title, openings, salary_min_fen as min, salary_max_fen as max, education_code as edu, experience_years as exp, source from vacancies order by id').all();
    expect(stored).toEqual([
      { title: '焊工', openings: 5, min: 600_000, max: 800_000, edu: '70', exp: 2, source: 'import' },
      { title: '质检员', openings: 2, min: 450_000, max: 550_000, edu: null, exp: null, source: 'import' },
    ]);
    expect(await run()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});

describe('the command line', () => {
  it('imports the enterprise list as the administrator’s command line, with the same report', async () => {
    const ws = cliWorkspace();
    const lines: string[] = [];
    const code = await runCliAsync(['import', 'enterprises', 'tests/fixtures/enterprises-import.xlsx', ...ws.common, '--json'], {}, (line) => lines.push(line));
    expect(code).toBe(1); // bad rows: a non-zero exit for scripts
    expect(JSON.parse(lines.join('\n'))).toEqual({ total: 22, valid: 10, invalid: 12, created: 10, updated: 0, unchanged: 0, rows: EXPECTED_ROWS });
    const other: string[] = [];
    expect(await runCliAsync(['import', 'fairs', 'x.xlsx', ...ws.common], {}, (line) => other.push(line))).toBe(2);
    expect(other.join('\n')).toContain('支持 import persons、enterprises、vacancies');
  });
});
