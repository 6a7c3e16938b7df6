import { describe, expect, it } from 'vitest';
import { CODE_A, registerEnterprise } from './enterprise-helpers';
import {
  AS_OF, BAD_CHECK_DIGIT, NOT_HERE, REGISTERED_A, REGISTERED_B, departmentFile, expectNoPersonalData, factAudit, factCounts, importFacts, registerBoth, rowsOf,
} from './fact-helpers';
import { expectError, expectOk, readyDesk } from './helpers';

const HEADER = ['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数', '参保单位统一社会信用代码', '本单位参保起始日期'];

/** 李秀英 at a registered employer, 张丽 under another spelling, 张伟 (not registered here), and a mistyped ID number. */
function insuranceFile(): string {
  return departmentFile(HEADER, [
    [REGISTERED_A.idNumber, REGISTERED_A.name, 40, 12, CODE_A, '2025-03-01'],
    [REGISTERED_B.idNumber, '张莉', 100, 6, null, null],
    [NOT_HERE.idNumber, NOT_HERE.name, 30, 12, null, null],
    [BAD_CHECK_DIGIT, NOT_HERE.name, 30, 12, null, null],
  ]);
}

describe('社保个人: contribution months matched to registered persons by ID number', () => {
  it('a dry run reports matched, unmatched (未在本县登记), a differing name and the bad check digit, and writes nothing', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    const before = factCounts(ready);
    const report = await importFacts(ready, { source: 'person_insurance', base64: insuranceFile(), dryRun: true });
    expect(report).toMatchObject({ total: 4, valid: 3, invalid: 1, matched: 2, unmatched: 1, created: 2, nothingWritten: true });
    expect(report.importId).toBeUndefined();
    expect(report.rows).toEqual([
      { row: 3, column: '姓名', value: '张莉', reason: '姓名与一人一档登记的不一致，请核对', kind: 'warning' },
      { row: 4, column: '身份证号', value: NOT_HERE.idNumber, reason: '未在本县登记', kind: 'unmatched' },
      { row: 5, column: '身份证号', value: BAD_CHECK_DIGIT, reason: '身份证号：校验位不正确，请核对是否录错' },
    ]);
    // Only the start of the dry run is audited.
    expect(factCounts(ready)).toEqual({ ...before, audit_log: before.audit_log + 1 });
  });

  it('writes one dated import with the matched rows, links the registered employer, and audits it without personal data', async () => {
    const ready = readyDesk();
    const { a, b } = registerBoth(ready);
    const employer = registerEnterprise(ready);
    const auditFrom = factCounts(ready).audit_log;
    const report = await importFacts(ready, { source: 'person_insurance', base64: insuranceFile(), fileName: '社保个人缴费202610.xlsx' });
    expect(report).toMatchObject({ matched: 2, unmatched: 1, invalid: 1, nothingWritten: false });
    expect(rowsOf(ready, 'select source, as_of as asOf, file_name as fileName, rows, matched, unmatched, imported_by as importedBy from fact_imports')).toEqual([
      { source: 'person_insurance', asOf: AS_OF, fileName: '社保个人缴费202610.xlsx', rows: 4, matched: 2, unmatched: 1, importedBy: 1 },
    ]);
    expect(rowsOf(ready, 'select import_id as importId, person_id as personId, months_total as total, months_last12 as last12, employer_credit_code as code, enterprise_id as enterpriseId, employer_since as since from person_insurance order by person_id')).toEqual([
      { importId: report.importId, personId: a, total: 40, last12: 12, code: CODE_A, enterpriseId: employer.id, since: '2025-03-01' },
      { importId: report.importId, personId: b, total: 100, last12: 6, code: null, enterpriseId: null, since: null },
    ]);
    const audit = factAudit(ready, auditFrom);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['facts.importStart', '王芳'], ['facts.importCommit', '王芳']]);
    expect(audit[0]!.detail).toMatchObject({ source: 'person_insurance', asOf: AS_OF, fileName: '社保个人缴费202610.xlsx', dryRun: false });
    expect(audit[1]!.detail).toMatchObject({ source: 'person_insurance', asOf: AS_OF, fileName: '社保个人缴费202610.xlsx', total: 4, matched: 2, unmatched: 1, importId: report.importId });
    for (const entry of audit) expectNoPersonalData(entry.raw);
  });

  it('a later file is a later import: the earlier rows stay as they were', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    await importFacts(ready, { source: 'person_insurance', base64: insuranceFile() });
    const second = await importFacts(ready, { source: 'person_insurance', asOf: '2026-11-20', base64: departmentFile(HEADER, [[REGISTERED_A.idNumber, REGISTERED_A.name, 41, 12, null, null]]) });
    expect(second).toMatchObject({ total: 1, matched: 1, unmatched: 0, rows: [] });
    expect(rowsOf(ready, 'select f.as_of as asOf, p.months_total as total from person_insurance p join fact_imports f on f.id = p.import_id order by p.id')).toEqual([
      { asOf: AS_OF, total: 40 }, { asOf: AS_OF, total: 100 }, { asOf: '2026-11-20', total: 41 },
    ]);
  });

  it('all-or-nothing writes nothing while a row is bad; unmatched rows alone never block it', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    const before = factCounts(ready);
    const blocked = await importFacts(ready, { source: 'person_insurance', base64: insuranceFile(), allOrNothing: true });
    expect(blocked).toMatchObject({ invalid: 1, nothingWritten: true });
    expect(factCounts(ready)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    const sound = departmentFile(HEADER, [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 12, null, null], [NOT_HERE.idNumber, NOT_HERE.name, 30, 12, null, null]]);
    const written = await importFacts(ready, { source: 'person_insurance', base64: sound, allOrNothing: true });
    expect(written).toMatchObject({ invalid: 0, matched: 1, unmatched: 1, nothingWritten: false });
  });

  it.each([false, true])('a file whose ID numbers fail their check digit names 身份证号 and the rule, and writes nothing (all-or-nothing: %s)', async (allOrNothing) => {
    const ready = readyDesk();
    registerBoth(ready);
    const before = factCounts(ready);
    const wrongA = REGISTERED_A.idNumber.slice(0, 17) + (REGISTERED_A.idNumber.endsWith('X') ? '1' : 'X');
    const file = departmentFile(HEADER, [[wrongA, REGISTERED_A.name, 40, 12, null, null], [BAD_CHECK_DIGIT, NOT_HERE.name, 30, 12, null, null]]);
    const report = await importFacts(ready, { source: 'person_insurance', base64: file, allOrNothing });
    expect(report).toMatchObject({ total: 2, valid: 0, invalid: 2, matched: 0, nothingWritten: true });
    expect(report.rows.map((r) => [r.row, r.column, r.reason])).toEqual([
      [2, '身份证号', '身份证号：校验位不正确，请核对是否录错'],
      [3, '身份证号', '身份证号：校验位不正确，请核对是否录错'],
    ]);
    expect(factCounts(ready)).toEqual({ ...before, audit_log: before.audit_log + 1 });
  });

  it('checks months (0–12, not above the total, not before 16) and dates (not after 数据截止日期, not before birth)', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    // 李秀英 was born 1992-01-15: from her 16th birthday to 2026-10 she can have contributed at most 226 months.
    const file = departmentFile(HEADER, [
      [REGISTERED_A.idNumber, REGISTERED_A.name, 227, 13, CODE_A, '2026-11-01'],
      [REGISTERED_B.idNumber, REGISTERED_B.name, 5, 6, CODE_A, '1980-01-01'],
      [NOT_HERE.idNumber, NOT_HERE.name, -1, '', 'ABC', null],
    ]);
    const report = await importFacts(ready, { source: 'person_insurance', base64: file, dryRun: true });
    expect(report.rows.map((r) => [r.row, r.column, r.reason])).toEqual([
      [2, '累计缴费月数', '累计缴费月数超过本人16周岁至数据截止日期的月数（最多226个月）'],
      [2, '近12个月缴费月数', '不能大于12'],
      [2, '本单位参保起始日期', `本单位参保起始日期不能晚于数据截止日期（${AS_OF}）`],
      [3, '近12个月缴费月数', '近12个月缴费月数不能大于累计缴费月数'],
      [3, '本单位参保起始日期', '本单位参保起始日期不能早于本人出生日期（1985-12-31）'],
      [4, '累计缴费月数', '不能为负数'],
      [4, '近12个月缴费月数', '必填'],
      [4, '参保单位统一社会信用代码', '统一社会信用代码应为18位（2015年前登记的可填15位注册号）'],
    ]);
  });

  it('refuses a 数据截止日期 in the future, naming it, before any job starts', () => {
    const ready = readyDesk();
    const before = factCounts(ready);
    const error = expectError(ready.call('facts.importStart', { source: 'deaths', asOf: '2026-11-28', fileName: '死亡名单.xlsx', base64: insuranceFile(), dryRun: true }), 'BAD_INPUT');
    expect(error.message).toBe('数据截止日期：不能晚于今天（2026-11-27）');
    expect(error.fields).toEqual({ asOf: '不能晚于今天（2026-11-27）' });
    const impossible = expectError(ready.call('facts.importStart', { source: 'deaths', asOf: '2026-02-30', fileName: '死亡名单.xlsx', base64: insuranceFile(), dryRun: true }), 'BAD_INPUT');
    expect(impossible.message).toContain('数据截止日期');
    const unknown = expectError(ready.call('facts.importStart', { source: 'tax', asOf: AS_OF, fileName: 'x.xlsx', base64: insuranceFile(), dryRun: true }), 'BAD_INPUT');
    expect(unknown.message).toContain('数据来源');
    expect(factCounts(ready)).toEqual(before);
  });

  it('remembers a column mapping per source', async () => {
    const ready = readyDesk();
    registerBoth(ready);
    const file = departmentFile(['证件号', '姓名', '缴费总月数', '近12个月缴费月数'], [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 12]]);
    const missing = await importFacts(ready, { source: 'person_insurance', base64: file, dryRun: true });
    expect(missing.missingRequired).toEqual(['身份证号', '累计缴费月数']);
    const mapping = { 证件号: 'idNumber', 缴费总月数: 'monthsTotal' };
    const job = expectOk<{ id: string }>(ready.call('facts.importStart', { source: 'person_insurance', asOf: AS_OF, fileName: 'a.xlsx', base64: file, dryRun: true, mapping }));
    expect((await ready.desk.jobs.settled(job.id)).state).toBe('done');
    // Next time the same layout is read the same way, without the mapping; another source keeps its own.
    expect(await importFacts(ready, { source: 'person_insurance', base64: file, dryRun: true })).toMatchObject({ missingRequired: [], matched: 1 });
    expect(rowsOf(ready, "select key from settings where key like 'import_mapping.%'")).toEqual([{ key: 'import_mapping.facts.person_insurance' }]);
  });
});
