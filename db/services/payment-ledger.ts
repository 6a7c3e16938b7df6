/**
 * 补贴发放台账: money events of batch lines, posted through the domain's
 * ledger rules (shared/domain/payments/ledger.ts), and read back as totals by
 * fund, policy, township and month against the year's budget — each figure a
 * sum of rows, so its named list is those rows.
 */
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { BudgetUsageView, LedgerLineView, LedgerTotalsView, LedgerView, ParsedInputOf, PayeePaymentView } from '../../shared/contract';
import { FUND_SOURCE_LABELS, PAYMENT_EVENT_LABELS, amountInChineseCapitals, budgetProblems, budgetUsage, eventRefusal, formatPeriod, formatYearMonth, ledgerFromLines, ledgerTotalsBy, monthOfDate, plainYuan, sumLedger, type LedgerDimension, type LedgerLine, type PaymentEvent } from '../../shared/domain/payments';
import { FUND_SOURCES, type FundSource } from '../../shared/domain/policies';
import { requirePermission, type ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { paymentBudgets, paymentEntitlements, paymentLedger, paymentLines, paymentRecoveries, users } from '../schema';
import { writeXlsx } from '../xlsx';
import { codeLabel } from './case-checks';
import { payeeKey, payeeRecords } from './payment-payees';
import { divisionNames } from './person-view';
import { createdStamps, updatedStamps } from './row-stamps';

type LedgerRow = typeof paymentLedger.$inferSelect;
type LineRow = typeof paymentLines.$inferSelect;

/** A stored row as the domain's ledger line; a recovery is named by its number (ZH2026-0001) when `numbers` knows it. */
export function ledgerLineOf(r: LedgerRow, numbers: ReadonlyMap<number, string> = new Map()): LedgerLine {
  return {
    seq: r.seq, on: r.on, month: r.month, kind: r.kind, recoveryId: r.recoveryId === null ? null : (numbers.get(r.recoveryId) ?? String(r.recoveryId)),
    subject: {
      lineRef: r.lineRef, payee: { kind: r.payeeKind as 'person' | 'enterprise', id: r.payeeId }, payeeName: r.payeeName, policyCode: r.policyCode,
      period: { from: r.periodFrom, to: r.periodTo }, fundSource: r.fundSource as FundSource, townshipCode: r.townshipCode,
    },
    paidFen: r.paidFen, reversedFen: r.reversedFen, recoveryOrderedFen: r.recoveryOrderedFen, repaidFen: r.repaidFen, netFen: r.netFen, reason: r.reason,
  };
}

/** The 乡镇（街道） the ledger counts a line in: the payee's, as recorded with the entitlement on approval. */
export function townshipOfLine(db: DrizzleDb, line: Pick<LineRow, 'entitlementId'>): string | null {
  return db.select({ t: paymentEntitlements.townshipCode }).from(paymentEntitlements).where(eq(paymentEntitlements.id, line.entitlementId)).get()?.t ?? null;
}

export type LedgerPosting =
  | { kind: 'paid'; on: string }
  | { kind: 'failed'; on: string; reason: string }
  | { kind: 'reversal'; on: string; amountFen: number; reason: string }
  | { kind: 'recovery_ordered'; on: string; recoveryId: number; amountFen: number; reason: string }
  | { kind: 'repayment_received'; on: string; recoveryId: number; amountFen: number; reason?: string };

/**
 * Posts one money event of a line, after the domain's ledger has replayed the
 * line's earlier events and found nothing against it; the refusal is its
 * Chinese message. Returns the line's net paid after the event.
 */
export function postToLedger(ctx: ServiceContext, line: LineRow, lineRef: string, townshipCode: string | null, fundSource: string, posting: LedgerPosting): number {
  const { db } = ctx.database();
  const numbers = new Map(db.select({ id: paymentRecoveries.id, number: paymentRecoveries.number }).from(paymentRecoveries).where(eq(paymentRecoveries.lineId, line.id)).all().map((r) => [r.id, r.number]));
  const stored = db.select().from(paymentLedger).where(eq(paymentLedger.lineId, line.id)).orderBy(asc(paymentLedger.seq)).all().map((r) => ledgerLineOf(r, numbers));
  const recoveryName = (id: number) => numbers.get(id) ?? String(id);
  const state = ledgerFromLines(stored);
  const subject = {
    lineRef, payee: { kind: line.payeeKind, id: line.payeeId }, payeeName: line.payeeName, policyCode: line.policyCode,
    period: { from: line.periodFrom, to: line.periodTo }, fundSource: fundSource as FundSource, townshipCode,
  };
  const event: PaymentEvent =
    posting.kind === 'paid' ? { kind: 'paid', on: posting.on, subject, amountFen: line.amountFen }
      : posting.kind === 'failed' ? { kind: 'failed', on: posting.on, subject, reason: posting.reason }
        : posting.kind === 'reversal' ? { kind: 'reversal', on: posting.on, subject, amountFen: posting.amountFen, reason: posting.reason }
          : posting.kind === 'recovery_ordered' ? { kind: 'recovery_ordered', on: posting.on, subject, recoveryId: recoveryName(posting.recoveryId), amountFen: posting.amountFen, reason: posting.reason }
            : { kind: 'repayment_received', on: posting.on, subject, recoveryId: recoveryName(posting.recoveryId), amountFen: posting.amountFen };
  const refusal = eventRefusal(state, event);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const amount = 'amountFen' in event ? event.amountFen : 0;
  const paid = event.kind === 'paid' ? amount : 0;
  const reversed = event.kind === 'reversal' ? amount : 0;
  const repaid = event.kind === 'repayment_received' ? amount : 0;
  db.insert(paymentLedger).values({
    on: posting.on, month: monthOfDate(posting.on), kind: event.kind, lineId: line.id, lineRef, recoveryId: 'recoveryId' in posting ? posting.recoveryId : null,
    payeeKind: line.payeeKind, payeeId: line.payeeId, payeeName: line.payeeName, policyCode: line.policyCode, periodFrom: line.periodFrom, periodTo: line.periodTo,
    fundSource, townshipCode, paidFen: paid, reversedFen: reversed, recoveryOrderedFen: event.kind === 'recovery_ordered' ? amount : 0, repaidFen: repaid,
    netFen: paid - reversed - repaid, reason: 'reason' in posting ? (posting.reason ?? null) : null, by: ctx.actor?.userId ?? null, at: ctx.now.toISOString(),
  }).run();
  const book = state.books.get(lineRef) ?? { paid: 0, reversed: 0, recovered: 0 };
  return book.paid + paid - book.reversed - reversed - book.recovered - (event.kind === 'recovery_ordered' ? amount : 0);
}


function ledgerWhere(input: { year: number; fundSource?: FundSource | undefined; policyCode?: string | undefined; townshipCode?: string | undefined; month?: string | undefined }): SQL | undefined {
  return and(
    like(paymentLedger.month, `${input.year}-%`),
    input.fundSource ? eq(paymentLedger.fundSource, input.fundSource) : undefined,
    input.policyCode ? eq(paymentLedger.policyCode, input.policyCode) : undefined,
    input.townshipCode ? (input.townshipCode === 'unknown' ? sql`${paymentLedger.townshipCode} is null` : eq(paymentLedger.townshipCode, input.townshipCode)) : undefined,
    input.month ? eq(paymentLedger.month, input.month) : undefined,
  );
}

function budgetsOf(db: DrizzleDb, year: number) {
  return db.select().from(paymentBudgets).where(eq(paymentBudgets.year, year)).all().map((b) => ({ fundSource: b.fundSource as FundSource, year: b.year, amountFen: b.amountFen }));
}

export function ledger(ctx: ServiceContext, input: ParsedInputOf<'payments.ledger'>): LedgerView {
  const { db } = ctx.database();
  const rows = db.select().from(paymentLedger).where(ledgerWhere(input)).orderBy(asc(paymentLedger.seq)).all().map((r) => ledgerLineOf(r));
  const names = divisionNames(ctx);
  const labelOf = (dimension: LedgerDimension, value: string) =>
    dimension === 'fund' ? (FUND_SOURCE_LABELS[value as FundSource] ?? value)
      : dimension === 'policy' ? codeLabel(ctx, 'subsidy_catalogue', value)
        : dimension === 'township' ? (value === 'unknown' ? '（乡镇不详）' : (names.get(value) ?? value))
          : formatYearMonth(value);
  const groups = ledgerTotalsBy(rows, input.dimensions).map((g) => ({ key: g.key, labels: g.key.map((v, i) => labelOf(input.dimensions[i]!, v)), totals: g.totals }));
  const totals = sumLedger(rows);
  const allYear = input.fundSource ? db.select().from(paymentLedger).where(ledgerWhere({ year: input.year })).all().map((r) => ledgerLineOf(r)) : rows;
  const used = budgetUsage(budgetsOf(db, input.year), allYear).filter((b) => b.year === input.year);
  // Every fund has its row, so the head can enter a budget before the first payment.
  const budgets: BudgetUsageView[] = FUND_SOURCES.map(([fund]) => used.find((b) => b.fundSource === fund) ?? { fundSource: fund, year: input.year, budgetFen: null, spentFen: 0, remainingFen: null, overBudget: false })
    .filter((b) => !input.fundSource || b.fundSource === input.fundSource);
  ctx.audit({ action: 'payments.ledger', entityType: 'payment_ledger', detail: { year: input.year, fundSource: input.fundSource ?? null } });
  return { year: input.year, fundSource: input.fundSource ?? null, dimensions: input.dimensions, groups, totals, netInCapitals: amountInChineseCapitals(Math.max(0, totals.netFen)), budgets };
}

function lineViews(ctx: ServiceContext, rows: LedgerRow[]): LedgerLineView[] {
  const records = payeeRecords(ctx.database().db, rows.map((r) => ({ kind: r.payeeKind as 'person' | 'enterprise', id: r.payeeId })));
  const names = divisionNames(ctx);
  return rows.map((r) => ({
    seq: r.seq, on: r.on, kind: r.kind, kindLabel: PAYMENT_EVENT_LABELS[r.kind], lineRef: r.lineRef,
    payee: records.get(payeeKey({ kind: r.payeeKind, id: r.payeeId }))?.ref ?? { kind: r.payeeKind as 'person' | 'enterprise', id: r.payeeId, name: r.payeeName, keyMasked: '' },
    policyName: codeLabel(ctx, 'subsidy_catalogue', r.policyCode), periodText: formatPeriod({ from: r.periodFrom, to: r.periodTo }), fundSource: r.fundSource as FundSource,
    townshipName: r.townshipCode ? (names.get(r.townshipCode) ?? null) : null, paidFen: r.paidFen, reversedFen: r.reversedFen, recoveryOrderedFen: r.recoveryOrderedFen,
    repaidFen: r.repaidFen, netFen: r.netFen, reason: r.reason,
  }));
}

export function ledgerLines(ctx: ServiceContext, input: ParsedInputOf<'payments.ledgerLines'>): { items: LedgerLineView[]; total: number; totals: LedgerTotalsView } {
  const { db } = ctx.database();
  const where = ledgerWhere(input);
  const all = db.select().from(paymentLedger).where(where).all().map((r) => ledgerLineOf(r));
  const rows = db.select().from(paymentLedger).where(where).orderBy(asc(paymentLedger.seq)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  ctx.audit({ action: 'payments.ledgerLines', entityType: 'payment_ledger', detail: { year: input.year, policyCode: input.policyCode ?? null, townshipCode: input.townshipCode ?? null, month: input.month ?? null } });
  return { items: lineViews(ctx, rows), total: all.length, totals: sumLedger(all) };
}

const LEDGER_HEADER = ['序号', '记账日期', '类型', '批次明细', '收款对象', '证件号码', '补贴项目', '享受期间', '资金来源', '乡镇（街道）', '发放(元)', '退票(元)', '追回(元)', '退款到账(元)', '净额(元)', '原因'];

export function ledgerXlsx(ctx: ServiceContext, input: ParsedInputOf<'payments.ledgerXlsx'>): { fileName: string; base64: string; rows: number } {
  const { db } = ctx.database();
  const rows = db.select().from(paymentLedger).where(ledgerWhere(input)).orderBy(asc(paymentLedger.seq)).all();
  const views = lineViews(ctx, rows);
  const totals = sumLedger(rows.map((r) => ledgerLineOf(r)));
  const yuan = (fen: number) => (fen === 0 ? '' : plainYuan(fen));
  const body = views.map((v) => [String(v.seq), v.on, v.kindLabel, v.lineRef, v.payee.name, v.payee.keyMasked, v.policyName, v.periodText, FUND_SOURCE_LABELS[v.fundSource], v.townshipName ?? '', yuan(v.paidFen), yuan(v.reversedFen), yuan(v.recoveryOrderedFen), yuan(v.repaidFen), plainYuan(v.netFen), v.reason ?? '']);
  body.push(['合计', '', '', '', '', '', '', '', '', '', plainYuan(totals.paidFen), plainYuan(totals.reversedFen), plainYuan(totals.recoveryOrderedFen), plainYuan(totals.repaidFen), plainYuan(totals.netFen), `净额大写：${amountInChineseCapitals(Math.max(0, totals.netFen))}`]);
  const buffer = writeXlsx('补贴发放台账', LEDGER_HEADER, body, [6, 12, 10, 16, 16, 20, 18, 22, 14, 14, 12, 12, 12, 12, 12, 30], [5]);
  ctx.audit({ action: 'payments.ledgerXlsx', entityType: 'payment_ledger', detail: { year: input.year, fundSource: input.fundSource ?? null, rows: rows.length } });
  return { fileName: `补贴发放台账-${input.year}${input.fundSource ? `-${FUND_SOURCE_LABELS[input.fundSource]}` : ''}.xlsx`, base64: buffer.toString('base64'), rows: rows.length };
}

export function setBudget(ctx: ServiceContext, input: ParsedInputOf<'payments.setBudget'>): BudgetUsageView {
  const { db } = ctx.database();
  const problems = budgetProblems({ fundSource: input.fundSource, year: input.year, amountFen: input.amountFen });
  if (problems.length > 0) throw new AppError('BAD_INPUT', `预算额度：${problems[0]!.message}`, { fields: Object.fromEntries(problems.map((p) => [p.field, p.message])) });
  const existing = db.select().from(paymentBudgets).where(and(eq(paymentBudgets.fundSource, input.fundSource), eq(paymentBudgets.year, input.year))).get();
  if (existing) db.update(paymentBudgets).set({ amountFen: input.amountFen, ...updatedStamps(ctx, existing) }).where(and(eq(paymentBudgets.fundSource, input.fundSource), eq(paymentBudgets.year, input.year))).run();
  else db.insert(paymentBudgets).values({ fundSource: input.fundSource, year: input.year, amountFen: input.amountFen, ...createdStamps(ctx) }).run();
  ctx.audit({ action: 'payments.setBudget', entityType: 'payment_budget', detail: { fundSource: input.fundSource, year: input.year, amountFen: input.amountFen, previousFen: existing?.amountFen ?? null } });
  const lines = db.select().from(paymentLedger).where(and(like(paymentLedger.month, `${input.year}-%`), eq(paymentLedger.fundSource, input.fundSource))).all().map((r) => ledgerLineOf(r));
  return budgetUsage(budgetsOf(db, input.year).filter((b) => b.fundSource === input.fundSource), lines)[0]!;
}

/** A payee's money events, oldest first; a failed payment shows the amount that did not arrive. */
export function payeeEvents(ctx: ServiceContext, payeeKind: 'person' | 'enterprise', payeeId: number): Array<PayeePaymentView & { by: string | null; reason: string | null }> {
  const { db } = ctx.database();
  return db
    .select({ r: paymentLedger, lineAmount: paymentLines.amountFen, by: users.displayName })
    .from(paymentLedger)
    .innerJoin(paymentLines, eq(paymentLines.id, paymentLedger.lineId))
    .leftJoin(users, eq(users.id, paymentLedger.by))
    .where(and(eq(paymentLedger.payeeKind, payeeKind), eq(paymentLedger.payeeId, payeeId)))
    .orderBy(asc(paymentLedger.seq))
    .all()
    .map(({ r, lineAmount, by }) => ({
      on: r.on, kind: r.kind, kindLabel: PAYMENT_EVENT_LABELS[r.kind], lineRef: r.lineRef, policyName: codeLabel(ctx, 'subsidy_catalogue', r.policyCode),
      periodText: formatPeriod({ from: r.periodFrom, to: r.periodTo }),
      amountFen: r.kind === 'failed' ? lineAmount : r.paidFen || r.reversedFen || r.recoveryOrderedFen || r.repaidFen,
      by, reason: r.reason,
    }));
}

export function forPayee(ctx: ServiceContext, input: ParsedInputOf<'payments.forPayee'>): PayeePaymentView[] {
  requirePermission(ctx, input.payeeKind === 'person' ? 'persons.read' : 'enterprises.read');
  return payeeEvents(ctx, input.payeeKind, input.payeeId).map(({ by: _by, reason: _reason, ...view }) => view);
}
