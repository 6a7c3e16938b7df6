/**
 * Reads the data table out of an .xlsx roster as township offices send them:
 * a merged title row (XX镇2026年失业人员花名册), perhaps a note or a merged
 * sub-header, then the header row, then data with stray empty rows. Cells
 * come back raw (exceljs values) because the parsers need to see what Excel
 * stored: an ID number kept as a number has lost digits, and only the raw
 * number tells.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { matchHeaders, type ColumnSpec } from '../../shared/domain/import-columns';
import { cellText } from '../../shared/domain/import-values';
import { AppError } from '../errors';

export interface SheetRow {
  /** The row number Excel shows, so staff can find the row in their file. */
  rowNumber: number;
  /** Raw exceljs values, index i = column of headers[i]; null where the cell is empty. */
  cells: unknown[];
}

export interface SheetData {
  sheetName: string;
  headerRowNumber: number;
  /** cellText of each header cell up to the last non-blank one ('' for blank cells in between). */
  headers: string[];
  rows: SheetRow[];
  /** The workbook counts dates from 1904 (old Mac files): pass it to dateCell for serial numbers. */
  date1904: boolean;
}

export interface ReadSheetOptions {
  /** The columns the import knows; the header row is the one naming most of them. */
  headerCandidates: ColumnSpec[];
  /** How many rows from the top may hold the header row. */
  maxHeaderScan?: number;
  /** Read this sheet; by default the visible sheet whose header matches best (a 填表说明 sheet often comes first). */
  sheetName?: string;
  /** Rows converted so far and in all; called every PROGRESS_STEP rows and at the end. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_STEP = 500;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function loadWorkbook(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const bytes = typeof file === 'string' ? await readFile(file) : file;
  // .xls (Excel 97-2003, WPS .et) and password-protected .xlsx are OLE containers; exceljs reads neither.
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new AppError('BAD_INPUT', '这是旧版 Excel（.xls）文件或设了打开密码的文件，请在 Excel 中另存为不带密码的 .xlsx 工作簿后再导入');
  }
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new AppError('BAD_INPUT', '不是 Excel 工作簿（.xlsx）文件，请在 Excel 中另存为 .xlsx 后再导入');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its parameter as its own ArrayBuffer-like `Buffer`; at run time it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_INPUT', '文件已损坏或不是 Excel 工作簿（.xlsx），无法读取');
  }
  return workbook;
}

/** Text of one row's cells 1..width; merged cells read as their top-left cell, as Excel shows them. */
function rowTexts(row: ExcelJS.Row | undefined, width: number): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= width; c += 1) texts.push(row ? cellText(row.getCell(c).value) : '');
  return texts;
}

interface HeaderGuess {
  sheet: ExcelJS.Worksheet;
  rowNumber: number;
  headers: string[];
  score: number;
}

/** The row within the first `scan` rows naming the most known fields; ties go to the upper row. */
function findHeader(sheet: ExcelJS.Worksheet, specs: ColumnSpec[], scan: number): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const width = sheet.columnCount;
  for (let r = 1; r <= Math.min(scan, sheet.rowCount); r += 1) {
    const texts = rowTexts(sheet.findRow(r), width);
    const score = Object.keys(matchHeaders(texts, specs).columns).length;
    if (score > 0 && (!best || score > best.score)) {
      let last = texts.length;
      while (last > 0 && texts[last - 1] === '') last -= 1;
      best = { sheet, rowNumber: r, headers: texts.slice(0, last), score };
    }
  }
  return best;
}

export async function readSheet(file: string | Buffer, options: ReadSheetOptions): Promise<SheetData> {
  const workbook = await loadWorkbook(file);
  const scan = options.maxHeaderScan ?? 10;
  let sheets = workbook.worksheets;
  if (options.sheetName !== undefined) {
    sheets = sheets.filter((s) => s.name === options.sheetName);
    if (sheets.length === 0) throw new AppError('BAD_INPUT', `文件中没有名为“${options.sheetName}”的工作表`);
  } else {
    sheets = sheets.filter((s) => s.state === 'visible');
  }

  let header: HeaderGuess | null = null;
  for (const sheet of sheets) {
    const guess = findHeader(sheet, options.headerCandidates, scan);
    if (guess && (!header || guess.score > header.score)) header = guess;
  }
  if (!header) {
    const names = options.headerCandidates.filter((s) => s.required).map((s) => `“${s.label}”`);
    throw new AppError(
      'BAD_INPUT',
      `前${scan}行中没有找到表头（应有${names.join('、') || '可识别的列名'}等列），请检查是否选对了工作表和文件`,
    );
  }

  const { sheet, rowNumber: headerRowNumber, headers } = header;
  const rows: SheetRow[] = [];
  const last = sheet.rowCount;
  const total = Math.max(0, last - headerRowNumber);
  for (let r = headerRowNumber + 1; r <= last; r += 1) {
    const row = sheet.findRow(r);
    if (row) {
      const cells = headers.map((_, i) => row.getCell(i + 1).value ?? null);
      // Rows that only carry formatting, or content outside the headed columns, hold nothing to import.
      if (cells.some((cell) => cellText(cell) !== '')) rows.push({ rowNumber: r, cells });
    }
    const done = r - headerRowNumber;
    if (options.onProgress && (done % PROGRESS_STEP === 0 || r === last)) options.onProgress(done, total);
  }
  if (total === 0) options.onProgress?.(0, 0);
  return { sheetName: sheet.name, headerRowNumber, headers, rows, date1904: workbook.properties.date1904 === true };
}
