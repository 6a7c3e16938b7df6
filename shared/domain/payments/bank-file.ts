import { type BatchHeader, type BatchLine, type ControlTotals, controlTotals } from './batches';
import { FUND_SOURCE_LABELS } from './entitlements';
import { formatYuan, parseYuan, plainYuan } from './money';
import { formatPeriod, formatYearMonth } from './periods';

/**
 * 银行代发文件 and 银行回盘 (the bank's result file). The backend writes the
 * rows into xlsx and reads the result's cells as TEXT (never as spreadsheet
 * numbers, which would turn 0.1 + 0.2 into a float); everything here is pure.
 *
 * The bank file: a title row `批次号 <number>`, a totals row
 * `合计笔数 <n> 合计金额(元) <sum>`, then the header BANK_FILE_COLUMNS and one
 * row per pending line. The result file comes back with the same batch number
 * and totals rows, and the header BANK_RESULT_COLUMNS.
 */

export const BANK_FILE_COLUMNS = ['序号', '收款人名称', '证件号码', '账号', '开户行', '金额(元)', '用途/摘要'] as const;
export type BankFileColumn = (typeof BANK_FILE_COLUMNS)[number];
export type BankFileRow = Record<BankFileColumn, string>;

export interface BankFile {
  batchNumber: string;
  /** 控制总数 of the rows: the totals row, and what the bank's result must add up to. */
  totals: ControlTotals;
  rows: BankFileRow[];
}

/** 用途/摘要: 就业补助资金 公益性岗位补贴 2026年1月—2026年3月 (banks cut it at about 30 characters). */
export function purposeText(batch: Pick<BatchHeader, 'fundSource'>, line: Pick<BatchLine, 'policyName' | 'period'>): string {
  return `${FUND_SOURCE_LABELS[batch.fundSource]} ${line.policyName} ${formatPeriod(line.period)}`.slice(0, 40);
}

/** The bank file of a released batch: its pending lines, in line order, with full ID numbers. */
export function bankFileRows(batch: BatchHeader, lines: readonly BatchLine[]): BankFile {
  if (batch.state !== 'released') throw new RangeError(`批次${batch.number}未拨付，不能生成银行文件`);
  const pending = lines.filter((l) => l.state === 'pending').sort((a, b) => a.lineNo - b.lineNo);
  return {
    batchNumber: batch.number,
    totals: controlTotals(pending),
    rows: pending.map((l) => ({
      序号: String(l.lineNo),
      收款人名称: l.payeeName,
      证件号码: l.payeeIdNumber,
      账号: l.account.accountNumber,
      开户行: l.account.bankName,
      '金额(元)': plainYuan(l.amountFen),
      '用途/摘要': purposeText(batch, l),
    })),
  };
}

/**
 * The whole sheet as rows of text cells, as the backend writes it to xlsx (one
 * worksheet, every cell a string so a bank's import never reads 0012 as 12):
 * row 1 批次号, row 2 合计笔数 / 合计金额(元), row 3 the header, then the lines.
 * A bank's result keeps rows 1–2 and the header on row 3 (readBankResult's default).
 */
export function bankFileSheet(file: BankFile): string[][] {
  return [
    ['批次号', file.batchNumber],
    ['合计笔数', String(file.totals.count), '合计金额(元)', plainYuan(file.totals.totalFen)],
    [...BANK_FILE_COLUMNS],
    ...file.rows.map((row) => BANK_FILE_COLUMNS.map((c) => row[c])),
  ];
}

/** `JY202612001 就业补助资金 2026年12月：合计 3 笔，12,345.67 元`. */
export function bankFileCaption(batch: BatchHeader, totals: ControlTotals): string {
  return `${batch.number} ${FUND_SOURCE_LABELS[batch.fundSource]} ${formatYearMonth(batch.month)}：合计 ${totals.count} 笔，${formatYuan(totals.totalFen)} 元`;
}

export const BANK_RESULT_COLUMNS = ['序号', '收款人名称', '账号', '金额(元)', '处理结果', '失败原因'] as const;
type ResultColumn = (typeof BANK_RESULT_COLUMNS)[number];

const PAID_WORDS = ['成功', '已成功', '入账成功', '交易成功'];
const FAILED_WORDS = ['失败', '交易失败', '退回', '入账失败'];

/** What the backend reads from the result sheet, cells as text. */
export interface BankResultFile {
  /** The 批次号 cell of the title row. */
  batchNumber: string;
  /** The 合计笔数 and 合计金额(元) cells the bank wrote. */
  declaredCount: string;
  declaredTotal: string;
  /** The header row, then data rows. */
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** The sheet row number of the header (messages name sheet rows). Default 3. */
  headerRowNumber?: number;
}

export interface BankResultProblem {
  /** Sheet row number, or null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface LineOutcome {
  lineNo: number;
  result: 'paid' | 'failed';
  reason: string | null;
}

export type BankResultReading =
  | { ok: true; outcomes: LineOutcome[]; /** Lines of the batch still pending and not in this file (a partial result). */ missing: number[] }
  | { ok: false; problems: BankResultProblem[] };

/**
 * Reads a bank result against its batch, all or nothing: any problem refuses
 * the whole file and nothing is applied. Refused: a file for another batch; a
 * missing column; a 序号 that is not a line of the batch or appears twice; an
 * amount that differs from the line; a result neither 成功 nor 失败, or a 失败
 * without a reason; a line that already has a DIFFERENT result (the same
 * result again is accepted, so re-importing a file is harmless); declared
 * totals that do not add up to the rows. Lines not in the file stay pending
 * (a bank may answer in parts); lock waits for them.
 */
export function readBankResult(batch: BatchHeader, lines: readonly BatchLine[], file: BankResultFile): BankResultReading {
  const problems: BankResultProblem[] = [];
  const headerRow = file.headerRowNumber ?? 3;
  const problem = (row: number | null, column: string | null, message: string) => problems.push({ row, column, message });
  if (file.batchNumber.trim() !== batch.number) {
    problem(null, '批次号', `回盘文件的批次号为「${file.batchNumber.trim()}」，不是本批次${batch.number}的结果`);
    return { ok: false, problems };
  }
  if (batch.state !== 'released') {
    problem(null, null, `批次${batch.number}不在“已拨付”状态，不能导入银行结果`);
    return { ok: false, problems };
  }
  const index = new Map<ResultColumn, number>();
  for (const column of BANK_RESULT_COLUMNS) {
    const at = file.header.findIndex((h) => h.trim() === column);
    if (at < 0) problem(headerRow, column, `缺少「${column}」列`);
    else index.set(column, at);
  }
  if (problems.length > 0) return { ok: false, problems };
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  const seen = new Map<number, number>();
  const outcomes: LineOutcome[] = [];
  let sumFen = 0;
  // An unreadable amount is reported on its row; the sum check would only repeat it.
  let allAmountsRead = true;
  file.rows.forEach((cells, i) => {
    const row = headerRow + 1 + i;
    const cell = (c: ResultColumn) => String(cells[index.get(c)!] ?? '').trim();
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const no = Number(cell('序号'));
    const line = Number.isInteger(no) ? byNo.get(no) : undefined;
    if (!line) { problem(row, '序号', `第${row}行「序号」${cell('序号') || '（空）'}不是本批次的明细`); return; }
    if (seen.has(no)) { problem(row, '序号', `第${row}行「序号」${no}与第${seen.get(no)}行重复`); return; }
    seen.set(no, row);
    const amount = parseYuan(cell('金额(元)'));
    if (amount === null) allAmountsRead = false;
    if (amount === null) problem(row, '金额(元)', `第${row}行「金额(元)」“${cell('金额(元)')}”不是金额`);
    else {
      sumFen += amount;
      if (amount !== line.amountFen) problem(row, '金额(元)', `第${row}行「金额(元)」${formatYuan(amount)}与本批次第${no}笔的${formatYuan(line.amountFen)}不符`);
    }
    const word = cell('处理结果');
    const result = PAID_WORDS.includes(word) ? 'paid' : FAILED_WORDS.includes(word) ? 'failed' : null;
    if (!result) { problem(row, '处理结果', `第${row}行「处理结果」应为“成功”或“失败”，收到“${word}”`); return; }
    const reason = cell('失败原因');
    if (result === 'failed' && !reason) { problem(row, '失败原因', `第${row}行发放失败，「失败原因」不能为空`); return; }
    if (line.state !== 'pending' && line.state !== result) {
      problem(row, '处理结果', `第${row}行：本批次第${no}笔已是${line.state === 'paid' ? '已发放' : line.state === 'failed' ? '发放失败' : '其他状态'}，不能改为${result === 'paid' ? '成功' : '失败'}`);
      return;
    }
    if (line.state === 'pending') outcomes.push({ lineNo: no, result, reason: result === 'failed' ? reason : null });
  });
  const count = Number(file.declaredCount.trim());
  if (!Number.isInteger(count) || count !== seen.size) {
    problem(null, '合计笔数', `「合计笔数」${file.declaredCount.trim() || '（空）'}与明细行数${seen.size}不符`);
  }
  const declared = parseYuan(file.declaredTotal);
  if (allAmountsRead && (declared === null || declared !== sumFen)) {
    problem(null, '合计金额(元)', `「合计金额(元)」${file.declaredTotal.trim() || '（空）'}与明细金额之和${formatYuan(sumFen)}不符`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const answered = new Set(seen.keys());
  const missing = lines.filter((l) => l.state === 'pending' && !answered.has(l.lineNo)).map((l) => l.lineNo).sort((a, b) => a - b);
  return { ok: true, outcomes, missing };
}
