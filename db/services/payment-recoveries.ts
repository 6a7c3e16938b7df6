/**
 * 追回: a decision that a payee owes back part or all of a paid line, and the
 * repayments that settle it. Both are ledger lines; the domain refuses a
 * recovery larger than what the line paid net of reversals and earlier
 * recoveries, and a repayment larger than what is still owed.
 */
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { ParsedInputOf, RecoveryView } from '../../shared/contract';
import { requireAccount, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { paymentBatches, paymentEntitlements, paymentLedger, paymentLines, paymentRecoveries, spotCheckItems, users } from '../schema';
import { codeLabel } from './case-checks';
import { requireBatch, requireLine } from './payment-batches';
import { postToLedger, townshipOfLine } from './payment-ledger';
import { payeeKey, payeeRecords } from './payment-payees';
import { createdStamps, updatedStamps } from './row-stamps';

type RecoveryRow = typeof paymentRecoveries.$inferSelect;

function recoveryViews(ctx: ServiceContext, rows: RecoveryRow[]): RecoveryView[] {
  const { db } = ctx.database();
  if (rows.length === 0) return [];
  const lines = new Map(
    db.select({ line: paymentLines, number: paymentBatches.number }).from(paymentLines).innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId)).where(inArray(paymentLines.id, rows.map((r) => r.lineId))).all().map((x) => [x.line.id, x]),
  );
  const records = payeeRecords(db, [...lines.values()].map(({ line }) => ({ kind: line.payeeKind, id: line.payeeId })));
  const name = (id: number | null) => (id === null ? null : (db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? null));
  return rows.map((r) => {
    const { line, number } = lines.get(r.lineId)!;
    const repayments = db
      .select({ l: paymentLedger, by: users.displayName })
      .from(paymentLedger)
      .leftJoin(users, eq(users.id, paymentLedger.by))
      .where(and(eq(paymentLedger.recoveryId, r.id), eq(paymentLedger.kind, 'repayment_received')))
      .orderBy(paymentLedger.seq)
      .all()
      .map(({ l, by }) => ({ on: l.on, amountFen: l.repaidFen, note: l.reason, by }));
    return {
      id: r.id, number: r.number, lineRef: `${number}#${line.lineNo}`,
      payee: records.get(payeeKey({ kind: line.payeeKind, id: line.payeeId }))?.ref ?? { kind: line.payeeKind, id: line.payeeId, name: line.payeeName, keyMasked: '' },
      policyName: codeLabel(ctx, 'subsidy_catalogue', line.policyCode), amountFen: r.amountFen, repaidFen: r.repaidFen, outstandingFen: r.amountFen - r.repaidFen,
      reason: r.reason, orderedOn: r.orderedOn, orderedBy: name(r.createdBy), state: r.repaidFen >= r.amountFen ? 'settled' : 'open', repayments,
      spotCheckId: r.spotCheckItemId === null ? null : (db.select({ id: spotCheckItems.spotCheckId }).from(spotCheckItems).where(eq(spotCheckItems.id, r.spotCheckItemId)).get()?.id ?? null),
    };
  });
}

export function recoveries(ctx: ServiceContext, input: ParsedInputOf<'payments.recoveries'>): { items: RecoveryView[]; total: number } {
  const { db } = ctx.database();
  const where = input.state === 'open' ? sql`${paymentRecoveries.repaidFen} < ${paymentRecoveries.amountFen}` : input.state === 'settled' ? sql`${paymentRecoveries.repaidFen} >= ${paymentRecoveries.amountFen}` : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(paymentRecoveries).where(where).get()!.n;
  const rows = db.select().from(paymentRecoveries).where(where).orderBy(desc(paymentRecoveries.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: recoveryViews(ctx, rows), total };
}

export function orderRecovery(ctx: ServiceContext, input: ParsedInputOf<'payments.orderRecovery'>): RecoveryView {
  const { db } = ctx.database();
  requireAccount(ctx, '登记追回需要以个人账号登录');
  const batch = requireBatch(db, input.batchId);
  const line = requireLine(db, batch, input.lineNo);
  if (input.on > ctx.today) throw new AppError('BAD_INPUT', '追回决定日期：不能晚于今天', { fields: { on: '不能晚于今天' } });
  if (line.resultOn && input.on < line.resultOn) throw new AppError('BAD_INPUT', `追回决定日期：不能早于发放日期${line.resultOn}`, { fields: { on: `不能早于${line.resultOn}` } });
  if (input.spotCheckItemId !== undefined) {
    const item = db.select().from(spotCheckItems).where(eq(spotCheckItems.id, input.spotCheckItemId)).get();
    if (!item || item.finding !== 'irregular') throw new AppError('BAD_INPUT', '抽查记录：只有核查结论为“有问题”的抽查可以发起追回', { fields: { spotCheckItemId: '不是有问题的抽查记录' } });
    const entitlement = db.select({ caseId: paymentEntitlements.caseId }).from(paymentEntitlements).where(eq(paymentEntitlements.id, line.entitlementId)).get();
    if (entitlement?.caseId !== item.caseId) throw new AppError('BAD_INPUT', `抽查记录：批次${batch.number}第${line.lineNo}笔不是该抽查申请的发放`, { fields: { lineNo: '不是该抽查申请的发放' } });
  }
  const year = input.on.slice(0, 4);
  const seq = db.select({ n: sql<number>`count(*)` }).from(paymentRecoveries).where(like(paymentRecoveries.number, `ZH${year}-%`)).get()!.n + 1;
  const number = `ZH${year}-${String(seq).padStart(4, '0')}`;
  const created = db
    .insert(paymentRecoveries)
    .values({ number, lineId: line.id, amountFen: input.amountFen, reason: input.reason, orderedOn: input.on, spotCheckItemId: input.spotCheckItemId ?? null, ...createdStamps(ctx) })
    .returning()
    .get();
  // The domain refuses a recovery above what the line paid net; the error rolls the whole call back.
  postToLedger(ctx, line, `${batch.number}#${line.lineNo}`, townshipOfLine(db, line), batch.fundSource, { kind: 'recovery_ordered', on: input.on, recoveryId: created.id, amountFen: input.amountFen, reason: input.reason });
  ctx.audit({ action: 'payments.orderRecovery', entityType: 'payment_recovery', entityId: created.id, detail: { number, line: `${batch.number}#${line.lineNo}`, amountFen: input.amountFen } });
  return recoveryViews(ctx, [created])[0]!;
}

export function recordRepayment(ctx: ServiceContext, input: ParsedInputOf<'payments.recordRepayment'>): RecoveryView {
  const { db } = ctx.database();
  requireAccount(ctx, '登记到账需要以个人账号登录');
  const recovery = db.select().from(paymentRecoveries).where(eq(paymentRecoveries.id, input.recoveryId)).get();
  if (!recovery) throw new AppError('NOT_FOUND', `没有编号为 ${input.recoveryId} 的追回记录`);
  if (input.on > ctx.today) throw new AppError('BAD_INPUT', '到账日期：不能晚于今天', { fields: { on: '不能晚于今天' } });
  if (input.on < recovery.orderedOn) throw new AppError('BAD_INPUT', `到账日期：不能早于追回决定日期${recovery.orderedOn}`, { fields: { on: `不能早于${recovery.orderedOn}` } });
  const line = db.select().from(paymentLines).where(eq(paymentLines.id, recovery.lineId)).get()!;
  const batch = requireBatch(db, line.batchId);
  postToLedger(ctx, line, `${batch.number}#${line.lineNo}`, townshipOfLine(db, line), batch.fundSource, { kind: 'repayment_received', on: input.on, recoveryId: recovery.id, amountFen: input.amountFen, ...(input.note ? { reason: input.note } : {}) });
  db.update(paymentRecoveries).set({ repaidFen: recovery.repaidFen + input.amountFen, ...updatedStamps(ctx, recovery) }).where(eq(paymentRecoveries.id, recovery.id)).run();
  ctx.audit({ action: 'payments.recordRepayment', entityType: 'payment_recovery', entityId: recovery.id, detail: { number: recovery.number, amountFen: input.amountFen } });
  return recoveryViews(ctx, [db.select().from(paymentRecoveries).where(eq(paymentRecoveries.id, recovery.id)).get()!])[0]!;
}
