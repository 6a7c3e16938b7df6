/**
 * The bank's side of a batch: the 银行代发文件 of a released batch (full ID
 * numbers and accounts, so it is audited and its SM3 digest kept), the bank's
 * result (回盘) read all or nothing, and a 退票 after a paid result.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf, PaymentBatchView } from '../../shared/contract';
import { bankFileRows, bankFileSheet, lineTransition, readBankResult } from '../../shared/domain/payments';
import { sm3Hex } from '../../shared/exchange/sm';
import { requireAccount, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { paymentBatches, paymentLines } from '../schema';
import { writeXlsx } from '../xlsx';
import { readXlsxTextRows } from '../xlsx-read';
import { batchViewOf } from './payment-batch-view';
import { domainLine, headerOf, recordBatchEvent, releaseMonths, requireBatch, requireLine, type LineRow } from './payment-batches';
import { postToLedger, townshipOfLine } from './payment-ledger';

export function bankFile(ctx: ServiceContext, input: ParsedInputOf<'payments.bankFile'>): { fileName: string; base64: string; sm3: string; count: number; totalFen: number } {
  const { db } = ctx.database();
  requireAccount(ctx, '导出银行文件需要以个人账号登录');
  const batch = requireBatch(db, input.id);
  const lines = db.select().from(paymentLines).where(eq(paymentLines.batchId, batch.id)).all();
  if (batch.state !== 'released') throw new AppError('CONFLICT', batch.state === 'locked' ? `批次${batch.number}已锁定，银行结果已全部导入` : `批次${batch.number}未拨付，不能生成银行文件`);
  const file = bankFileRows(headerOf(batch), lines.map((l) => domainLine(l)));
  if (file.rows.length === 0) throw new AppError('CONFLICT', `批次${batch.number}没有待发明细`);
  const [title, ...rest] = bankFileSheet(file);
  const buffer = writeXlsx('银行代发', title!, rest, [8, 20, 22, 26, 24, 14, 40], [0, 1, 2, 3, 4, 5, 6]);
  const sm3 = sm3Hex(buffer);
  db.update(paymentBatches).set({ bankFileSm3: sm3, bankFileAt: ctx.now.toISOString(), bankFileCount: file.totals.count, bankFileTotalFen: file.totals.totalFen }).where(eq(paymentBatches.id, batch.id)).run();
  recordBatchEvent(ctx, batch.id, 'bank_file', `SM3 ${sm3.slice(0, 16)}…，${file.totals.count}笔`);
  ctx.audit({ action: 'payments.bankFile', entityType: 'payment_batch', entityId: batch.id, detail: { number: batch.number, sm3, count: file.totals.count, totalFen: file.totals.totalFen } });
  return { fileName: `银行代发-${batch.number}.xlsx`, base64: buffer.toString('base64'), sm3, count: file.totals.count, totalFen: file.totals.totalFen };
}

/** The result sheet's rows: 批次号 on its title row, the totals row, the header (searched in the first rows), the lines. */
function resultFile(rows: string[][]) {
  const cell = (r: string[] | undefined, label: string) => {
    const at = r?.findIndex((c) => c.trim() === label) ?? -1;
    return at >= 0 ? (r![at + 1] ?? '') : '';
  };
  const headerAt = rows.findIndex((r, i) => i < 10 && r.some((c) => c.trim() === '序号') && r.some((c) => c.trim() === '处理结果'));
  const titleRow = rows.find((r) => r.some((c) => c.trim() === '批次号'));
  const totalsRow = rows.find((r) => r.some((c) => c.trim() === '合计笔数'));
  return {
    batchNumber: cell(titleRow, '批次号'),
    declaredCount: cell(totalsRow, '合计笔数'),
    declaredTotal: cell(totalsRow, '合计金额(元)'),
    header: headerAt >= 0 ? rows[headerAt]! : [],
    rows: headerAt >= 0 ? rows.slice(headerAt + 1) : [],
    headerRowNumber: headerAt >= 0 ? headerAt + 1 : 3,
  };
}

export function bankResult(ctx: ServiceContext, input: ParsedInputOf<'payments.bankResult'>): { paid: number; failed: number; missing: number[]; batch: PaymentBatchView } {
  const { db } = ctx.database();
  requireAccount(ctx, '导入银行结果需要以个人账号登录');
  const batch = requireBatch(db, input.id);
  let rows: string[][];
  try {
    rows = readXlsxTextRows(Buffer.from(input.base64, 'base64'));
  } catch (error) {
    throw new AppError('BAD_INPUT', `回盘文件：${error instanceof RangeError ? error.message : '无法读取，请确认是银行返回的 Excel（.xlsx）文件'}`, { fields: { fileName: '无法读取' } });
  }
  const lines = db.select().from(paymentLines).where(eq(paymentLines.batchId, batch.id)).all();
  const file = resultFile(rows);
  const reading = readBankResult(headerOf(batch), lines.map((l) => domainLine(l)), file);
  if (!reading.ok) {
    const first = reading.problems[0]!;
    const more = reading.problems.length > 1 ? `（共${reading.problems.length}处问题，未导入任何结果）` : '（未导入任何结果）';
    throw new AppError('BAD_INPUT', `回盘文件：${first.message}${more}`, { fields: { fileName: first.message }, details: { problems: reading.problems.map((p) => p.message).join('\n') } });
  }
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  let paid = 0;
  let failed = 0;
  for (const outcome of reading.outcomes) {
    const line = byNo.get(outcome.lineNo)!;
    const moved = lineTransition(domainLine(line), outcome.result === 'paid' ? { kind: 'paid' } : { kind: 'failed', reason: outcome.reason ?? '' });
    if (!moved.ok) throw new AppError('CONFLICT', moved.message);
    db.update(paymentLines).set({ state: moved.line.state, reason: moved.line.reason, resultOn: ctx.today }).where(eq(paymentLines.id, line.id)).run();
    const townshipCode = townshipOfLine(db, line);
    const ref = `${batch.number}#${line.lineNo}`;
    if (outcome.result === 'paid') {
      postToLedger(ctx, line, ref, townshipCode, batch.fundSource, { kind: 'paid', on: ctx.today });
      paid += 1;
    } else {
      postToLedger(ctx, line, ref, townshipCode, batch.fundSource, { kind: 'failed', on: ctx.today, reason: outcome.reason ?? '' });
      releaseMonths(db, line.id);
      failed += 1;
    }
  }
  recordBatchEvent(ctx, batch.id, 'bank_result', `${input.fileName}：成功${paid}笔，失败${failed}笔${reading.missing.length ? `，未回盘${reading.missing.length}笔` : ''}`);
  ctx.audit({ action: 'payments.bankResult', entityType: 'payment_batch', entityId: batch.id, detail: { number: batch.number, paid, failed, missing: reading.missing.length } });
  return { paid, failed, missing: reading.missing, batch: batchViewOf(ctx, batch.id) };
}

export function reverseLine(ctx: ServiceContext, input: ParsedInputOf<'payments.reverseLine'>): PaymentBatchView {
  const { db } = ctx.database();
  requireAccount(ctx, '登记退票需要以个人账号登录');
  const batch = requireBatch(db, input.batchId);
  const line: LineRow = requireLine(db, batch, input.lineNo);
  if (input.on > ctx.today) throw new AppError('BAD_INPUT', '退票日期：不能晚于今天', { fields: { on: '不能晚于今天' } });
  if (line.resultOn && input.on < line.resultOn) throw new AppError('BAD_INPUT', `退票日期：不能早于发放结果日期${line.resultOn}`, { fields: { on: `不能早于${line.resultOn}` } });
  const moved = lineTransition(domainLine(line), { kind: 'reversed', reason: input.reason });
  if (!moved.ok) throw new AppError('CONFLICT', moved.message);
  const townshipCode = townshipOfLine(db, line);
  postToLedger(ctx, line, `${batch.number}#${line.lineNo}`, townshipCode, batch.fundSource, { kind: 'reversal', on: input.on, amountFen: line.amountFen, reason: input.reason });
  db.update(paymentLines).set({ state: 'reversed', reason: input.reason }).where(and(eq(paymentLines.id, line.id), sql`${paymentLines.state} = 'paid'`)).run();
  releaseMonths(db, line.id);
  recordBatchEvent(ctx, batch.id, 'reverse_line', `第${line.lineNo}笔：${input.reason}`);
  ctx.audit({ action: 'payments.reverseLine', entityType: 'payment_batch', entityId: batch.id, detail: { lineNo: line.lineNo, reason: input.reason } });
  return batchViewOf(ctx, batch.id);
}
