import { describe, expect, it } from 'vitest';
import { CODE_A, CODE_B, SOLE_TRADER, registerEnterprise } from './enterprise-helpers';
import {
  AS_OF, NOT_HERE, REGISTERED_A, REGISTERED_B, departmentFile, expectNoPersonalData, factAudit, factCounts, importFacts, registerBoth, rowsOf,
} from './fact-helpers';
import { readyDesk } from './helpers';

const problems = (report: { rows: { row: number; column: string; reason: string; kind?: string }[] }) => report.rows.map((r) => [r.row, r.column, r.reason, r.kind ?? 'problem']);

describe('each department source is checked, matched and kept under its dated import', () => {
  it('社保单位: enterprises by credit code, amounts in 元 kept in 分, arrears; an unknown code is 未在本县登记', async () => {
    const ready = readyDesk();
    const a = registerEnterprise(ready);
    const sole = registerEnterprise(ready, { creditCode: SOLE_TRADER, name: '吴中区李记小吃店' });
    const file = departmentFile(
      ['统一社会信用代码', '单位名称', '参保人数', '上年同期参保人数', '上年初参保人数', '上年度减员人数', '上年度实缴失业保险费（元）', '是否欠费'],
      [
        [CODE_A, '苏州吴中精工机械有限公司', 120, 100, 110, 6, '12,345.67', '否'],
        [SOLE_TRADER, '李记小吃', 3, null, null, null, null, '是'],
        [CODE_B, '苏州另一家有限公司', 50, null, null, null, 800, '否'],
        ['91320100MA1XY81290', '校验位错误的公司', 10, null, null, null, null, '否'],
        [CODE_A, '苏州吴中精工机械有限公司', -1, null, null, null, '十元', '不知道'],
      ],
    );
    const auditFrom = factCounts(ready).audit_log;
    const report = await importFacts(ready, { source: 'employer_insurance', base64: file });
    expect(report).toMatchObject({ total: 5, matched: 2, unmatched: 1, invalid: 2 });
    expect(problems(report)).toEqual([
      [3, '单位名称', '单位名称与企业库登记的（含曾用名）不一致，请核对', 'warning'],
      [4, '统一社会信用代码', '未在本县登记', 'unmatched'],
      [5, '统一社会信用代码', '统一社会信用代码校验位（最后一位）不正确，请核对是否录错', 'problem'],
      [6, '统一社会信用代码', '统一社会信用代码与第2行重复', 'problem'],
      [6, '参保人数', '不能为负数', 'problem'],
      [6, '上年度实缴失业保险费(元)', '应为金额（元），如 4500', 'problem'],
      [6, '是否欠费', '应为以下之一：是、否', 'problem'],
    ]);
    expect(rowsOf(ready, 'select enterprise_id as id, insured_headcount as n, headcount_year_ago as yearAgo, headcount_start_last_year as start, reductions_last_year as cut, ui_paid_last_year_fen as fen, arrears from employer_insurance order by id')).toEqual([
      { id: a.id, n: 120, yearAgo: 100, start: 110, cut: 6, fen: 1_234_567, arrears: 0 },
      { id: sole.id, n: 3, yearAgo: null, start: null, cut: null, fen: null, arrears: 1 },
    ]);
    const [start, commit] = factAudit(ready, auditFrom);
    expect(commit!.detail).toMatchObject({ source: 'employer_insurance', asOf: AS_OF, total: 5, matched: 2, unmatched: 1 });
    expectNoPersonalData(start!.raw + commit!.raw);
  });

  it('民政: 低保/特困/低收入 per person and 类别, periods checked', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const file = departmentFile(['身份证号', '姓名', '类别', '起始日期', '终止日期'], [
      [REGISTERED_A.idNumber, REGISTERED_A.name, '城市低保', '2024-01-01', null],
      [REGISTERED_A.idNumber, REGISTERED_A.name, '低收入', '2023-05-01', '2027-04-30'],
      [REGISTERED_B.idNumber, REGISTERED_B.name, '特困', '2025-06-01', '2025-01-01'],
      [NOT_HERE.idNumber, NOT_HERE.name, '低收入', '2025-01-01', null],
      [REGISTERED_B.idNumber, REGISTERED_B.name, '五保', '2026-11-01', null],
      [REGISTERED_A.idNumber, REGISTERED_A.name, '低保', null, null],
    ]);
    const report = await importFacts(ready, { source: 'assistance', base64: file });
    expect(problems(report)).toEqual([
      [4, '终止日期', '终止日期不能早于起始日期', 'problem'],
      [5, '身份证号', '未在本县登记', 'unmatched'],
      [6, '类别', '应为以下之一：低保、特困、低收入', 'problem'],
      [6, '起始日期', `起始日期不能晚于数据截止日期（${AS_OF}）`, 'problem'],
      [7, '身份证号', '身份证号与第2行重复', 'problem'],
    ]);
    expect(rowsOf(ready, 'select person_id as personId, kind, from_date as "from", to_date as "to" from person_assistance order by id')).toEqual([
      { personId: a, kind: 'dibao', from: '2024-01-01', to: null },
      { personId: a, kind: 'low_income', from: '2023-05-01', to: '2027-04-30' },
    ]);
  });

  it('死亡: a date within the life and not after 数据截止日期; a differing name keeps the row out', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const file = departmentFile(['身份证号', '姓名', '死亡日期'], [
      [REGISTERED_A.idNumber, REGISTERED_A.name, '2026年10月1日'],
      [REGISTERED_B.idNumber, '张莉', '2026-09-01'],
      [NOT_HERE.idNumber, NOT_HERE.name, '2026-09-02'],
      [REGISTERED_B.idNumber.slice(0, 17) + '0', REGISTERED_B.name, '2026-11-02'],
    ]);
    const report = await importFacts(ready, { source: 'deaths', base64: file });
    expect(problems(report)).toEqual([
      [3, '姓名', '姓名与一人一档登记的不一致，死亡记录不予写入，请核对后重新导入', 'problem'],
      [4, '身份证号', '未在本县登记', 'unmatched'],
      [5, '身份证号', '身份证号：校验位不正确，请核对是否录错', 'problem'],
      [5, '死亡日期', `死亡日期不能晚于数据截止日期（${AS_OF}）`, 'problem'],
    ]);
    expect(rowsOf(ready, 'select person_id as personId, died_on as diedOn from person_deaths')).toEqual([{ personId: a, diedOn: '2026-10-01' }]);
    const dates = await importFacts(ready, { source: 'deaths', base64: departmentFile(['身份证号', '姓名', '死亡日期'], [
      [REGISTERED_B.idNumber, REGISTERED_B.name, '2026-11-02'], [REGISTERED_B.idNumber, REGISTERED_B.name, null],
    ]), dryRun: true });
    expect(problems(dates)).toEqual([
      [2, '死亡日期', `死亡日期不能晚于数据截止日期（${AS_OF}）`, 'problem'],
      [3, '身份证号', '身份证号与第2行重复', 'problem'],
      [3, '死亡日期', '必填', 'problem'],
    ]);
  });

  it('市场监管: the legal representative or operator matched by ID number, the business linked when it is in the enterprise registry', async () => {
    const ready = readyDesk();
    const { a, b } = registerBoth(ready);
    const firm = registerEnterprise(ready);
    const file = departmentFile(['统一社会信用代码', '主体名称', '法定代表人或经营者身份证号', '姓名', '成立日期', '登记状态'], [
      [CODE_A, '苏州吴中精工机械有限公司', REGISTERED_A.idNumber, REGISTERED_A.name, '2019-04-08', '在营'],
      [SOLE_TRADER, '吴中区张记小吃店', REGISTERED_B.idNumber, REGISTERED_B.name, '2020-06-01', '注销'],
      [CODE_B, '苏州另一家有限公司', NOT_HERE.idNumber, NOT_HERE.name, '2018-01-01', '存续（在营、开业、在册）'],
      [CODE_A, '苏州吴中精工机械有限公司', REGISTERED_B.idNumber, REGISTERED_B.name, '2026-11-01', '歇业'],
    ]);
    const report = await importFacts(ready, { source: 'business_registrations', base64: file });
    expect(problems(report)).toEqual([
      [4, '法定代表人或经营者身份证号', '未在本县登记', 'unmatched'],
      [5, '统一社会信用代码', '统一社会信用代码与第2行重复', 'problem'],
      [5, '成立日期', `成立日期不能晚于数据截止日期（${AS_OF}）`, 'problem'],
      [5, '登记状态', '应为以下之一：在营、注销', 'problem'],
    ]);
    expect(rowsOf(ready, 'select person_id as personId, credit_code as code, business_name as name, founded_on as founded, operating, enterprise_id as enterpriseId from person_businesses order by id')).toEqual([
      { personId: a, code: CODE_A, name: '苏州吴中精工机械有限公司', founded: '2019-04-08', operating: 1, enterpriseId: firm.id },
      { personId: b, code: SOLE_TRADER, name: '吴中区张记小吃店', founded: '2020-06-01', operating: 0, enterpriseId: null },
    ]);
  });

  it('残联: the 20-digit certificate number carries the ID number, the category and the grade', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const file = departmentFile(['身份证号', '姓名', '残疾人证号', '残疾类别', '残疾等级', '有效期至'], [
      [REGISTERED_A.idNumber, REGISTERED_A.name, `${REGISTERED_A.idNumber}42`, null, null, '2030-05-01'],
      [REGISTERED_B.idNumber, REGISTERED_B.name, `${REGISTERED_B.idNumber}11`, '听力残疾', '一级', null],
      [REGISTERED_B.idNumber, REGISTERED_B.name, '苏残证字第0012号', '言语', '三级', null],
      [NOT_HERE.idNumber, NOT_HERE.name, `${NOT_HERE.idNumber}54`, null, null, null],
      [REGISTERED_A.idNumber, REGISTERED_A.name, `${REGISTERED_B.idNumber}42`, null, null, null],
    ]);
    const report = await importFacts(ready, { source: 'disability_certificates', base64: file });
    expect(problems(report)).toEqual([
      [3, '残疾类别', '残疾类别与残疾人证号第19位不符（按证号应为视力残疾）', 'problem'],
      [4, '身份证号', '身份证号与第3行重复', 'problem'],
      [5, '身份证号', '未在本县登记', 'unmatched'],
      [6, '身份证号', '身份证号与第2行重复', 'problem'],
      [6, '残疾人证号', '残疾人证号的前18位应为本人身份证号', 'problem'],
    ]);
    expect(rowsOf(ready, 'select person_id as personId, certificate_no as no, category, grade, valid_to as validTo from person_disabilities order by id')).toEqual([
      { personId: a, no: `${REGISTERED_A.idNumber}42`, category: '4', grade: '2', validTo: '2030-05-01' },
    ]);
  });
});
