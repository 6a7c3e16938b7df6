/**
 * 发放批次: built from approved entitlements of one fund for one month, then
 * reviewed, released by a second person, and locked once the bank has
 * answered for every line. shared/domain/payments decides every step; this
 * service reads the facts and writes the outcome in the call's transaction.
 * The months a line pays are written to payment_months, whose unique index
 * refuses a second line for the same payee, policy and month even when two
 * connections race.
 */
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { BuildPaymentBatchResult, ParsedInputOf, PaymentBatchListItem, PaymentBatchView } from '../../shared/contract';
import {
  BATCH_ACTION_LABELS, batchNumber, batchTransition, buildBatchLines, lineClaim, lineTransition,
  paymentKeys, type BatchAction, type BatchHeader, type BatchLine, type Role,
} from '../../shared/domain/payments';
import { requireAccount, type ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { paymentAcknowledgements, paymentBatchEvents, paymentBatches, paymentEntitlements, paymentLedger, paymentLines, paymentMonths, users } from '../schema';
import { codeLabel } from './case-checks';
import { batchControls } from './payment-controls';
import { entitlementOfRow, lastLineState } from './payment-entitlements';
import { accountsOf, payeeKey, payeeRecords } from './payment-payees';
import { batchViewOf, listItemOf } from './payment-batch-view';
import { createdStamps } from './row-stamps';

export type BatchRow = typeof paymentBatches.$inferSelect;
export type LineRow = typeof paymentLines.$inferSelect;

export function requireBatch(db: DrizzleDb, id: number): BatchRow {
  const row = db.select().from(paymentBatches).where(eq(paymentBatches.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的发放批次`);
  return row;
}

export function requireLine(db: DrizzleDb, batch: BatchRow, lineNo: number): LineRow {
  const line = db.select().from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.lineNo, lineNo))).get();
  if (!line) throw new AppError('NOT_FOUND', `批次${batch.number}没有第${lineNo}笔`);
  return line;
}

export const headerOf = (b: BatchRow): BatchHeader => ({
  number: b.number, fundSource: b.fundSource, month: b.month, state: b.state, preparedBy: b.preparedBy, reviewedBy: b.reviewedBy, releasedBy: b.releasedBy,
});

export const domainLine = (l: LineRow, rebatchOf: BatchLine['rebatchOf'] = null): BatchLine => ({
  lineNo: l.lineNo, entitlementId: l.entitlementId, payee: { kind: l.payeeKind, id: l.payeeId }, payeeName: l.payeeName, payeeIdNumber: l.payeeIdNumber,
  account: { accountNumber: l.accountNumber, bankName: l.bankName }, policyCode: l.policyCode, policyName: l.policyName, policyVersion: l.policyVersion,
  period: { from: l.periodFrom, to: l.periodTo }, amountFen: l.amountFen, state: l.state, reason: l.reason, rebatchOf,
});

export function recordBatchEvent(ctx: ServiceContext, batchId: number, action: string, note: string | null = null): void {
  ctx.database().db.insert(paymentBatchEvents).values({ batchId, action, note, by: ctx.actor?.userId ?? null, at: ctx.now.toISOString() }).run();
}

/** A line gives up its months (failed, cancelled, wholly reversed): another line may pay them. */
export function releaseMonths(db: DrizzleDb, lineId: number): void {
  db.delete(paymentMonths).where(eq(paymentMonths.lineId, lineId)).run();
}

/** A line takes its months; a month already held anywhere is a double payment, refused by the unique index. */
export function holdMonths(db: DrizzleDb, lineId: number, line: Pick<BatchLine, 'payee' | 'policyCode' | 'period'>, ref: string): void {
  for (const key of paymentKeys(line.payee, line.policyCode, line.period)) {
    try {
      db.insert(paymentMonths).values({ lineId, ...key }).run();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      throw new AppError('CONFLICT', `重复发放：${ref}的${key.month.replace('-', '年')}月已由另一笔发放占用（同一收款对象、同一政策、同一月份只能发放一次）`);
    }
  }
}

/** The desk's roles, as the payments domain names the one that acts: a head acts as head. */
function actingRole(ctx: ServiceContext): Role {
  const roles = ctx.actor?.roles ?? [];
  return roles.includes('head') ? 'head' : roles.includes('reviewer') ? 'reviewer' : (roles[0] ?? 'front_desk');
}

export function buildBatch(ctx: ServiceContext, input: ParsedInputOf<'payments.buildBatch'>): BuildPaymentBatchResult {
  const { db } = ctx.database();
  const preparer = requireAccount(ctx, '编制发放批次需要以个人账号登录').userId;
  if (input.month > ctx.today.slice(0, 7)) throw new AppError('BAD_INPUT', `发放月份：不能晚于本月（${ctx.today.slice(0, 7)}）`, { fields: { month: '不能晚于本月' } });
  const chosen = input.entitlementIds ? inArray(paymentEntitlements.id, input.entitlementIds) : sql`coalesce(${lastLineState}, 'failed') in ('failed', 'reversed')`;
  const rows = db.select().from(paymentEntitlements).where(and(eq(paymentEntitlements.fundSource, input.fundSource), chosen)).orderBy(paymentEntitlements.id).all();
  if (input.entitlementIds) {
    const found = new Set(rows.map((r) => r.id));
    const other = input.entitlementIds.find((id) => !found.has(id));
    if (other !== undefined) throw new AppError('BAD_INPUT', `应发记录：编号${other}不存在或不属于所选资金来源`, { fields: { entitlementIds: `编号${other}不存在或不属于所选资金来源` } });
  }
  const ids = rows.map((r) => r.id);
  const lastLines = new Map<number, LineRow & { number: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const { line, number } of db.select({ line: paymentLines, number: paymentBatches.number }).from(paymentLines).innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId)).where(and(inArray(paymentLines.entitlementId, ids.slice(i, i + 500)), sql`${paymentLines.state} <> 'cancelled'`)).orderBy(paymentLines.id).all()) {
      lastLines.set(line.entitlementId, { ...line, number });
    }
  }
  const payees = rows.map((r) => ({ kind: r.payeeKind, id: r.payeeId }));
  const records = payeeRecords(db, payees);
  const accounts = accountsOf(db, payees);
  const refusedEarly: BuildPaymentBatchResult['refused'] = [];
  const nameOf = (r: (typeof rows)[number]) => records.get(payeeKey({ kind: r.payeeKind, id: r.payeeId }))?.ref.name ?? '（已不在库中）';
  const payable = rows.filter((r) => {
    const k = payeeKey({ kind: r.payeeKind, id: r.payeeId });
    if (!records.has(k)) refusedEarly.push({ entitlementId: r.id, payeeName: nameOf(r), message: '收款对象已不在库中' });
    else if (!accounts.has(k)) refusedEarly.push({ entitlementId: r.id, payeeName: nameOf(r), message: '没有收款账户，请先登记收款账号和开户银行' });
    else return true;
    return false;
  });
  const sequence = (db.select({ n: max(paymentBatches.sequence) }).from(paymentBatches).where(and(eq(paymentBatches.fundSource, input.fundSource), eq(paymentBatches.month, input.month))).get()?.n ?? 0) + 1;
  const number = batchNumber(input.fundSource, input.month, sequence);
  const holding = db
    .select({ line: paymentLines, number: paymentBatches.number })
    .from(paymentLines)
    .innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId))
    .where(and(inArray(paymentLines.state, ['pending', 'paid']), inArray(paymentLines.payeeId, [...new Set(payable.map((r) => r.payeeId))])))
    .all()
    .map(({ line, number: n }) => lineClaim(n, domainLine(line)));
  const held = new Set([...lastLines.values()].filter((l) => l.state === 'pending' || l.state === 'paid').map((l) => l.entitlementId));
  const rebatch = new Map([...lastLines.values()].filter((l) => l.state === 'failed' || l.state === 'reversed').map((l) => [l.entitlementId, { batchNumber: l.number, lineNo: l.lineNo }]));
  const built = buildBatchLines({
    batchNumber: number,
    fund: input.fundSource,
    month: input.month,
    entitlements: payable.map(entitlementOfRow),
    details: (e) => {
      const k = payeeKey(e.payee);
      const account = accounts.get(k)!;
      return { payeeName: records.get(k)!.ref.name, payeeIdNumber: records.get(k)!.key, account: { accountNumber: account.accountNumber, bankName: account.bankName }, policyName: codeLabel(ctx, 'subsidy_catalogue', e.policyCode) };
    },
    holding,
    paidOrPendingEntitlementIds: held,
    rebatch,
  });
  const refused = [...refusedEarly, ...built.refused.map((r) => ({ entitlementId: r.entitlementId, payeeName: nameOf(rows.find((x) => x.id === r.entitlementId)!), message: r.message }))];
  if (built.lines.length === 0) {
    const reasons = [...new Set(refused.map((r) => `${r.payeeName}：${r.message}`))].slice(0, 3).join('；');
    throw new AppError('CONFLICT', refused.length ? `没有可编入批次的应发记录（${refused.length}条未编入）：${reasons}` : '没有可编入批次的应发记录（没有待发放的应发记录）');
  }
  const batch = db.insert(paymentBatches).values({ number, fundSource: input.fundSource, month: input.month, sequence, state: 'prepared', preparedBy: preparer, ...createdStamps(ctx) }).returning().get();
  for (const line of built.lines) {
    const old = line.rebatchOf ? lastLines.get(line.entitlementId) : undefined;
    if (old) {
      const moved = lineTransition(domainLine(old), { kind: 'rebatched' });
      if (!moved.ok) throw new AppError('CONFLICT', moved.message);
      db.update(paymentLines).set({ state: 'rebatched' }).where(eq(paymentLines.id, old.id)).run();
    }
    const inserted = db
      .insert(paymentLines)
      .values({
        batchId: batch.id, lineNo: line.lineNo, entitlementId: line.entitlementId, payeeKind: line.payee.kind, payeeId: line.payee.id, payeeName: line.payeeName,
        payeeIdNumber: line.payeeIdNumber, accountNumber: line.account.accountNumber, bankName: line.account.bankName, policyCode: line.policyCode,
        policyName: line.policyName, policyVersion: line.policyVersion, periodFrom: line.period.from, periodTo: line.period.to, amountFen: line.amountFen,
        state: 'pending', rebatchOfLineId: old?.id ?? null,
      })
      .returning({ id: paymentLines.id })
      .get();
    holdMonths(db, inserted.id, line, `${line.payeeName}（应发记录${line.entitlementId}）`);
  }
  recordBatchEvent(ctx, batch.id, 'prepare', `${built.lines.length}笔`);
  ctx.audit({ action: 'payments.buildBatch', entityType: 'payment_batch', entityId: batch.id, detail: { number, lines: built.lines.length, refused: refused.length } });
  return { batch: batchViewOf(ctx, batch.id), refused };
}

export function transition(ctx: ServiceContext, input: ParsedInputOf<'payments.transition'>): PaymentBatchView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '批次操作需要以个人账号登录');
  const batch = requireBatch(db, input.id);
  const action = input.action as BatchAction;
  const pendingLines = db.select({ n: sql<number>`count(*)` }).from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.state, 'pending'))).get()!.n;
  const blockingFindings = action === 'release' ? batchControls(db, batch.id).unresolved : 0;
  const result = batchTransition(headerOf(batch), action, { userId: actor.userId, role: actingRole(ctx) }, { pendingLines, blockingFindings, reason: input.reason ?? '' });
  if (!result.ok) throw new AppError(result.code === 'forbidden' || result.code === 'same_person' ? 'FORBIDDEN' : result.code === 'reason_required' ? 'BAD_INPUT' : 'CONFLICT', result.message, result.code === 'reason_required' ? { fields: { reason: '必填' } } : {});
  if (action === 'release' && pendingLines === 0) throw new AppError('CONFLICT', `批次${batch.number}没有待发明细，不能拨付`);
  const changed = db
    .update(paymentBatches)
    .set({ state: result.state, reviewedBy: result.reviewedBy, releasedBy: result.releasedBy, updatedAt: ctx.now.toISOString(), updatedBy: actor.userId, version: batch.version + 1 })
    .where(and(eq(paymentBatches.id, batch.id), eq(paymentBatches.version, batch.version)))
    .run();
  if (changed.changes !== 1) throw new AppError('CONFLICT', `批次${batch.number}已被他人修改，请刷新后重试`);
  if (action === 'cancel') {
    for (const line of db.select().from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.state, 'pending'))).all()) cancelLine(db, line, input.reason ?? '');
  }
  recordBatchEvent(ctx, batch.id, action, input.reason ?? null);
  ctx.audit({ action: 'payments.transition', entityType: 'payment_batch', entityId: batch.id, detail: { action, label: BATCH_ACTION_LABELS[action], number: batch.number } });
  return batchViewOf(ctx, batch.id);
}

/** A pending line leaves its batch: its months are free, and an earlier line it re-batched may be paid again. */
function cancelLine(db: DrizzleDb, line: LineRow, reason: string): void {
  db.update(paymentLines).set({ state: 'cancelled', reason }).where(eq(paymentLines.id, line.id)).run();
  releaseMonths(db, line.id);
  if (line.rebatchOfLineId !== null) {
    const old = db.select().from(paymentLines).where(eq(paymentLines.id, line.rebatchOfLineId)).get();
    // The earlier failed or reversed line is again what stands for the entitlement: reversed if it had been paid.
    const wasPaid = db.select({ seq: paymentLedger.seq }).from(paymentLedger).where(and(eq(paymentLedger.lineId, line.rebatchOfLineId), eq(paymentLedger.kind, 'paid'))).get();
    if (old?.state === 'rebatched') db.update(paymentLines).set({ state: wasPaid ? 'reversed' : 'failed' }).where(eq(paymentLines.id, old.id)).run();
  }
}

export function removeLine(ctx: ServiceContext, input: ParsedInputOf<'payments.removeLine'>): PaymentBatchView {
  const { db } = ctx.database();
  requireAccount(ctx, '批次操作需要以个人账号登录');
  const batch = requireBatch(db, input.batchId);
  if (batch.state !== 'prepared' && batch.state !== 'reviewed') throw new AppError('CONFLICT', `批次${batch.number}已${batch.state === 'cancelled' ? '作废' : '拨付'}，不能移出明细`);
  const line = requireLine(db, batch, input.lineNo);
  const moved = lineTransition(domainLine(line), { kind: 'cancelled' });
  if (!moved.ok) throw new AppError('CONFLICT', moved.message);
  cancelLine(db, line, input.reason);
  // Lines changed after review: the batch is reviewed again.
  db.update(paymentBatches).set({ state: 'prepared', reviewedBy: null, updatedAt: ctx.now.toISOString(), version: batch.version + 1 }).where(eq(paymentBatches.id, batch.id)).run();
  recordBatchEvent(ctx, batch.id, 'remove_line', `第${line.lineNo}笔：${input.reason}`);
  ctx.audit({ action: 'payments.removeLine', entityType: 'payment_batch', entityId: batch.id, detail: { lineNo: line.lineNo, reason: input.reason } });
  return batchViewOf(ctx, batch.id);
}

export function acknowledge(ctx: ServiceContext, input: ParsedInputOf<'payments.acknowledge'>): PaymentBatchView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '确认核查提示需要以个人账号登录');
  const batch = requireBatch(db, input.batchId);
  if (batch.state !== 'prepared' && batch.state !== 'reviewed') throw new AppError('CONFLICT', `批次${batch.number}已不在拨付前，不能再确认核查提示`);
  const finding = batchControls(db, batch.id).findings.find((f) => f.lineNo === input.lineNo && f.code === input.code);
  if (!finding) throw new AppError('NOT_FOUND', `第${input.lineNo}笔没有该核查提示`);
  if (finding.severity === 'block') throw new AppError('CONFLICT', `第${input.lineNo}笔的“${finding.label}”是拦截项，须移出批次，不能确认放行`);
  db.insert(paymentAcknowledgements).values({ batchId: batch.id, lineNo: input.lineNo, code: input.code, note: input.note, by: actor.userId, at: ctx.now.toISOString() })
    .onConflictDoUpdate({ target: [paymentAcknowledgements.batchId, paymentAcknowledgements.lineNo, paymentAcknowledgements.code], set: { note: input.note, by: actor.userId, at: ctx.now.toISOString() } })
    .run();
  recordBatchEvent(ctx, batch.id, 'acknowledge', `第${input.lineNo}笔 ${finding.label}：${input.note}`);
  ctx.audit({ action: 'payments.acknowledge', entityType: 'payment_batch', entityId: batch.id, detail: { lineNo: input.lineNo, code: input.code } });
  return batchViewOf(ctx, batch.id);
}

export function batch(ctx: ServiceContext, input: ParsedInputOf<'payments.batch'>): PaymentBatchView {
  const view = batchViewOf(ctx, input.id);
  ctx.audit({ action: 'payments.batch', entityType: 'payment_batch', entityId: input.id });
  return view;
}

export function batches(ctx: ServiceContext, input: ParsedInputOf<'payments.batches'>): { items: PaymentBatchListItem[]; total: number } {
  const { db } = ctx.database();
  const where = and(input.fundSource ? eq(paymentBatches.fundSource, input.fundSource) : undefined, input.state ? eq(paymentBatches.state, input.state) : undefined);
  const total = db.select({ n: sql<number>`count(*)` }).from(paymentBatches).where(where).get()!.n;
  const rows = db
    .select({ b: paymentBatches, preparedBy: users.displayName })
    .from(paymentBatches)
    .leftJoin(users, eq(users.id, paymentBatches.preparedBy))
    .where(where)
    .orderBy(desc(paymentBatches.month), desc(paymentBatches.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { items: rows.map(({ b, preparedBy }) => listItemOf(db, b, preparedBy)), total };
}


