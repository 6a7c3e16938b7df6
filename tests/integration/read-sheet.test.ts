import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, type SheetData } from '../../db/import/read-sheet';
import { checkPersonRows } from '../../shared/domain/person-import';
import { PERSON_IMPORT_COLUMNS } from '../../shared/domain/import-columns';
import { idNumberCell } from '../../shared/domain/import-values';

const FIXTURE = fileURLToPath(new URL('../fixtures/persons-import.xlsx', import.meta.url));
const EXPECTED = JSON.parse(readFileSync(new URL('../fixtures/persons-import.expected.json', import.meta.url), 'utf8')) as {
  sheetName: string;
  headerRowNumber: number;
  today: string;
  rows: unknown[];
};
const options = { headerCandidates: PERSON_IMPORT_COLUMNS };
const HEADERS = ['*姓名', '*公民身份号码', '联系电话', '性别', '出生日期', '民族', '文化程度', '户口性质(城镇/农村)',
  '现居住地', '毕业学校', '所学专业', '毕业时间', '就业状态'];
const LOST = '身份证号被 Excel 存成了数字，后几位已丢失（Excel 只保留15位有效数字），请将该列设为文本后重新录入';

function rowOf(sheet: SheetData, rowNumber: number) {
  const row = sheet.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) throw new Error(`row ${rowNumber} not read`);
  return row;
}

/** The product's row checks, run on what the reader returns. */
function referenceReport(sheet: SheetData, today: string): unknown[] {
  return checkPersonRows(sheet, today);
}

describe('readSheet on the committed roster fixture', () => {
  it('finds the header row below the merged title and note rows', async () => {
    const sheet = await readSheet(FIXTURE, options);
    expect(sheet.sheetName).toBe('花名册');
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.headers).toEqual(HEADERS);
    expect(sheet.date1904).toBe(false);
  });

  it('skips the empty row 20 and keeps the row numbers Excel shows', async () => {
    const sheet = await readSheet(FIXTURE, options);
    const expected = [...Array.from({ length: 16 }, (_, i) => 4 + i), ...Array.from({ length: 18 }, (_, i) => 21 + i)];
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual(expected);
    expect(rowOf(sheet, 21).cells[0]).toBe('韩梅梅');
    expect(sheet.rows.every((r) => r.cells.length === 13)).toBe(true);
  });

  it('hands over raw values: the 18-digit ID stored as a number arrives as a number and is reported as lost', async () => {
    const sheet = await readSheet(FIXTURE, options);
    const cell = rowOf(sheet, 21).cells[1];
    expect(cell).toBe(320585199909162000);
    expect(idNumberCell(cell, EXPECTED.today)).toEqual({ ok: false, reason: LOST });
  });

  it('hands over the 15-digit legacy number as a number, which converts exactly', async () => {
    const cell = rowOf(await readSheet(FIXTURE, options), 10).cells[1];
    expect(cell).toBe(320506650101123);
    expect(idNumberCell(cell, EXPECTED.today)).toMatchObject({ ok: true, value: { idNumber: '320506196501011232', convertedFrom15: true } });
  });

  it('keeps Date cells, serial numbers, rich text, hyperlinks and formulas as exceljs gives them', async () => {
    const sheet = await readSheet(FIXTURE, options);
    expect(rowOf(sheet, 4).cells[4]).toEqual(new Date('1990-03-07T00:00:00Z'));
    expect(rowOf(sheet, 5).cells[4]).toBe(33618);
    expect(rowOf(sheet, 5).cells[2]).toBe(13812345678);
    const row35 = rowOf(sheet, 35).cells;
    expect(row35[0]).toMatchObject({ richText: [{ text: '刘' }, { text: '洋' }] });
    expect(row35[2]).toEqual({ text: '13912345683', hyperlink: 'tel:13912345683' });
    expect(row35[3]).toEqual({ formula: 'IF(MOD(MID(B35,17,1),2)=1,"男","女")', result: '女' });
    expect(rowOf(sheet, 14).cells.slice(4)).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('agrees with persons-import.expected.json, row by row, reason by reason', async () => {
    const sheet = await readSheet(FIXTURE, options);
    expect(sheet.sheetName).toBe(EXPECTED.sheetName);
    expect(sheet.headerRowNumber).toBe(EXPECTED.headerRowNumber);
    expect(EXPECTED.rows).toHaveLength(34);
    expect(referenceReport(sheet, EXPECTED.today)).toEqual(EXPECTED.rows);
  });

  it('reads a Buffer as it reads a file, and reports progress', async () => {
    const calls: [number, number][] = [];
    const sheet = await readSheet(readFileSync(FIXTURE), { ...options, onProgress: (done, total) => calls.push([done, total]) });
    expect(sheet.rows).toHaveLength(34);
    expect(calls).toEqual([[35, 35]]);
  });
});

async function workbookBuffer(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readSheet on other layouts', () => {
  it('picks the roster sheet after an instructions sheet, and a header under a merged two-level title', async () => {
    const file = await workbookBuffer((wb) => {
      wb.addWorksheet('填表说明').getCell('A1').value = '请按模板填写，身份证号列设为文本';
      const ws = wb.addWorksheet('名单');
      ws.getCell('A1').value = 'XX镇2026年失业人员花名册';
      ws.mergeCells('A1:E1');
      // Row 2 heads groups; 姓名 and 身份证号 span rows 2–3 vertically, as real two-level headers do.
      ws.getCell('A2').value = '姓名';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = '身份证号';
      ws.mergeCells('B2:B3');
      ws.getCell('C2').value = '毕业情况';
      ws.mergeCells('C2:D2');
      ws.getCell('C3').value = '毕业院校';
      ws.getCell('D3').value = '专业';
      ws.getCell('E2').value = '联系电话';
      ws.mergeCells('E2:E3');
      ws.getRow(4).values = ['张三', '32050619920115004X', '苏州大学', '会计', '13912345678'];
      ws.getRow(5).values = ['', ' ', '\u3000'];
      ws.getCell('A5').font = { bold: true };
      ws.getRow(7).values = ['李四', '320102199003071239'];
    });
    const sheet = await readSheet(file, options);
    expect(sheet.sheetName).toBe('名单');
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.headers).toEqual(['姓名', '身份证号', '毕业院校', '专业', '联系电话']);
    expect(sheet.rows).toEqual([
      { rowNumber: 4, cells: ['张三', '32050619920115004X', '苏州大学', '会计', '13912345678'] },
      { rowNumber: 7, cells: ['李四', '320102199003071239', null, null, null] },
    ]);
  });

  it('looks for the header only in the first maxHeaderScan rows', async () => {
    const file = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getRow(12).values = ['姓名', '身份证号'];
      ws.getRow(13).values = ['张三', '32050619920115004X'];
    });
    await expect(readSheet(file, options)).rejects.toThrow('前10行中没有找到表头（应有“姓名”、“身份证号”等列），请检查是否选对了工作表和文件');
    const sheet = await readSheet(file, { ...options, maxHeaderScan: 12 });
    expect(sheet.headerRowNumber).toBe(12);
    expect(sheet.rows).toEqual([{ rowNumber: 13, cells: ['张三', '32050619920115004X'] }]);
  });

  it('reports the 1904 date system of old Mac workbooks', async () => {
    const file = await workbookBuffer((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet('Sheet1').getRow(1).values = ['姓名', '身份证号'];
    });
    expect((await readSheet(file, options)).date1904).toBe(true);
  });

  it('reads a named sheet and refuses a name that is not there', async () => {
    const file = await workbookBuffer((wb) => {
      wb.addWorksheet('一月').getRow(1).values = ['姓名', '身份证号', '性别'];
      wb.addWorksheet('二月').getRow(1).values = ['姓名', '身份证号'];
    });
    expect((await readSheet(file, options)).sheetName).toBe('一月');
    expect((await readSheet(file, { ...options, sheetName: '二月' })).sheetName).toBe('二月');
    await expect(readSheet(file, { ...options, sheetName: '三月' })).rejects.toThrow('文件中没有名为“三月”的工作表');
  });

  it('explains .xls files and files that are no workbook', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readSheet(xls, options)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('.xls') });
    await expect(readSheet(Buffer.from('姓名,身份证号\n'), options)).rejects.toThrow('不是 Excel 工作簿（.xlsx）文件');
    await expect(readSheet(Buffer.from('PK\u0003\u0004broken'), options)).rejects.toThrow('文件已损坏');
  });
});
