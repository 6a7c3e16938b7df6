import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';
import { CHANGQIAO, LI_XIUYING, MUDU, ZENG_XIAOXIAN, ZHANG_LI, ZHANG_SAN, register } from './registry-helpers';

type Export = { fileName: string; base64: string; rows: number };
type Cell = string | number | null;

const HEADER = ['序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态'];

/** The sheet as exceljs reads it back: one array of nine cells per row, empty cells as null. */
async function readBack(file: Export): Promise<{ sheetName: string; rows: Cell[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: HEADER.length }, (_, i) => (row.getCell(i + 1).value ?? null) as Cell));
  });
  return { sheetName: sheet.name, rows };
}

function withFour(): ReadyDesk {
  const ready = readyDesk();
  register(ready, { ...ZHANG_SAN, residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'employed' });
  register(ready, { ...ZHANG_LI, residenceTownshipCode: MUDU.code, employmentStatus: 'unemployed_registered' });
  register(ready, { ...LI_XIUYING, residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'unemployed_registered' });
  register(ready, { idNumber: ZENG_XIAOXIAN.idNumber, name: ZENG_XIAOXIAN.name });
  return ready;
}

describe('exporting the person list', () => {
  it('writes an xlsx with a header row and one masked row per matching person', async () => {
    const ready = withFour();
    const file = expectOk<Export>(ready.call('persons.exportXlsx', { query: '', filters: { residenceTownshipCode: CHANGQIAO.code } }));
    expect(file.fileName).toBe('人员名单-2026-11-27.xlsx');
    expect(file.rows).toBe(2);
    const sheet = await readBack(file);
    expect(sheet.sheetName).toBe('人员名单');
    expect(sheet.rows).toEqual([
      HEADER,
      [1, '张三', '男', '1990-05-12', 36, '3205**********0134', '139****1234', '长桥街道', '已就业'],
      [2, '李秀英', '女', '1992-01-15', 34, '3205**********004X', '151****9876', '长桥街道', '登记失业'],
    ]);
  });

  it('exports what the query finds, leaving unknown phone and township empty', async () => {
    const ready = withFour();
    const byName = await readBack(expectOk<Export>(ready.call('persons.exportXlsx', { query: 'zhang' })));
    expect(byName.rows.slice(1).map((r) => r[1])).toEqual(['张三', '张丽']);
    const zeng = await readBack(expectOk<Export>(ready.call('persons.exportXlsx', { query: 'cxx' })));
    expect(zeng.rows).toEqual([HEADER, [1, '曾小贤', '男', '1985-07-21', 41, '3205**********0314', null, null, '未就业（未登记失业）']]);
  });

  it('never puts a full ID number or phone into the file', async () => {
    const ready = withFour();
    const all = await readBack(expectOk<Export>(ready.call('persons.exportXlsx', { query: '' })));
    expect(all.rows).toHaveLength(5);
    const text = all.rows.flat().join('|');
    for (const secret of [ZHANG_SAN.idNumber, ZHANG_LI.idNumber, LI_XIUYING.idNumber, ZENG_XIAOXIAN.idNumber, ZHANG_SAN.phone, ZHANG_LI.phone, LI_XIUYING.phone]) {
      expect(text).not.toContain(secret);
    }
    expect(all.rows.slice(1).every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(String(r[5])))).toBe(true);
  });

  it('audits the export with its filters and row count, but not the query typed', async () => {
    const ready = withFour();
    const before = lastAuditId(ready);
    expectOk(ready.call('persons.exportXlsx', { query: '', filters: { residenceTownshipCode: CHANGQIAO.code } }));
    expectOk(ready.call('persons.exportXlsx', { query: '李秀英' }));
    const audit = storedAudit(ready, before).map(({ action, actorName, entityType, entityId, detail }) => ({ action, actorName, entityType, entityId, detail }));
    expect(audit).toEqual([
      { action: 'persons.exportXlsx', actorName: '王芳', entityType: null, entityId: null, detail: { query: '', filters: { residenceTownshipCode: '320506001' }, rows: 2 } },
      { action: 'persons.exportXlsx', actorName: '王芳', entityType: null, entityId: null, detail: { query: '（有查询条件）', filters: {}, rows: 1 } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('李秀英');
  });
});
