/** A payment batch as staff see it: header, masked lines, control findings and history. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PaymentBatchListItem, PaymentBatchView, PaymentLineView } from '../../shared/contract';
import { amountInChineseCapitals, BATCH_ACTION_LABELS, formatPeriod, maskAccount, type BatchAction } from '../../shared/domain/payments';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { paymentBatchEvents, paymentBatches, paymentLines, paymentRecoveries, users } from '../schema';
import { batchControls } from './payment-controls';
import { payeeKey, payeeRecords } from './payment-payees';

const EVENT_LABELS: Record<string, string> = {
  ...BATCH_ACTION_LABELS, prepare: '编制', bank_file: '导出银行文件', bank_result: '导入银行回盘', remove_line: '移出明细', reverse_line: '银行退票', acknowledge: '确认核查提示',
};

export function batchViewOf(ctx: ServiceContext, id: number): PaymentBatchView {
  const { db } = ctx.database();
  const found = db.select().from(paymentBatches).where(eq(paymentBatches.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的发放批次`);
  const name = (userId: number | null) => (userId === null ? null : (db.select({ n: users.displayName }).from(users).where(eq(users.id, userId)).get()?.n ?? null));
  const lines = db.select().from(paymentLines).where(eq(paymentLines.batchId, id)).orderBy(paymentLines.lineNo).all();
  const records = payeeRecords(db, lines.map((l) => ({ kind: l.payeeKind, id: l.payeeId })));
  const rebatchIds = lines.map((l) => l.rebatchOfLineId).filter((x): x is number => x !== null);
  const rebatchRefs = new Map(
    rebatchIds.length === 0 ? [] : db.select({ id: paymentLines.id, lineNo: paymentLines.lineNo, number: paymentBatches.number }).from(paymentLines).innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId)).where(inArray(paymentLines.id, rebatchIds)).all().map((r) => [r.id, `${r.number}#${r.lineNo}`]),
  );
  const recovered = new Map(
    lines.length === 0 ? [] : db.select({ lineId: paymentRecoveries.lineId, total: sql<number>`sum(${paymentRecoveries.amountFen})` }).from(paymentRecoveries).where(inArray(paymentRecoveries.lineId, lines.map((l) => l.id))).groupBy(paymentRecoveries.lineId).all().map((r) => [r.lineId, r.total]),
  );
  const lineViews: PaymentLineView[] = lines.map((l) => ({
    lineNo: l.lineNo,
    entitlementId: l.entitlementId,
    payee: records.get(payeeKey({ kind: l.payeeKind, id: l.payeeId }))?.ref ?? { kind: l.payeeKind, id: l.payeeId, name: l.payeeName, keyMasked: '' },
    account: { accountMasked: maskAccount(l.accountNumber), bankName: l.bankName },
    policyCode: l.policyCode,
    policyName: l.policyName,
    periodText: formatPeriod({ from: l.periodFrom, to: l.periodTo }),
    amountFen: l.amountFen,
    state: l.state,
    reason: l.reason,
    rebatchOf: l.rebatchOfLineId === null ? null : (rebatchRefs.get(l.rebatchOfLineId) ?? null),
    recoveredFen: recovered.get(l.id) ?? 0,
  }));
  const controls = found.state === 'prepared' || found.state === 'reviewed' ? batchControls(db, id) : { findings: [], unresolved: 0 };
  const events = db
    .select({ e: paymentBatchEvents, by: users.displayName })
    .from(paymentBatchEvents)
    .leftJoin(users, eq(users.id, paymentBatchEvents.by))
    .where(and(eq(paymentBatchEvents.batchId, id)))
    .orderBy(paymentBatchEvents.id)
    .all()
    .map(({ e, by }) => ({ action: e.action as BatchAction, label: EVENT_LABELS[e.action] ?? e.action, by, at: e.at, note: e.note }));
  const item = listItemOf(db, found, name(found.preparedBy));
  return {
    ...item,
    reviewedBy: name(found.reviewedBy),
    releasedBy: name(found.releasedBy),
    preparedById: found.preparedBy,
    lines: lineViews,
    controls: controls.findings,
    unresolvedControls: controls.unresolved,
    bankFile: found.bankFileSm3 ? { sm3: found.bankFileSm3, at: found.bankFileAt!, count: found.bankFileCount ?? 0, totalFen: found.bankFileTotalFen ?? 0 } : null,
    events,
    totalInCapitals: amountInChineseCapitals(item.totalFen),
  };
}

export function listItemOf(db: DrizzleDb, b: typeof paymentBatches.$inferSelect, preparedBy: string | null): PaymentBatchListItem {
  const t = db
    .get<{ count: number; total: number; paid: number; failed: number }>(sql`select count(*) as count, coalesce(sum(amount_fen), 0) as total,
      coalesce(sum(case when state = 'paid' then amount_fen else 0 end), 0) as paid, sum(state in ('failed', 'rebatched')) as failed
      from payment_lines where batch_id = ${b.id} and state <> 'cancelled'`);
  return {
    id: b.id, number: b.number, fundSource: b.fundSource, month: b.month, state: b.state, count: t.count, totalFen: t.total, paidFen: t.paid,
    failedCount: t.failed ?? 0, preparedBy, createdAt: b.createdAt,
  };
}
