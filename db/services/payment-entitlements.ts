/**
 * 应发记录 (payment entitlements): an approved 补贴申请 — typed at the window,
 * opened from a 政策找人 finding, or confirmed in a 免申即享 batch — becomes
 * one entitlement in the decision's transaction (the `record_subsidy_entitlement`
 * effect). The amount is the approved one; it is the engine's when the
 * application came from a finding whose verdict gave that amount, otherwise it
 * is recorded as entered, with the reason.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { EntitlementStatus, EntitlementView, ParsedInputOf } from '../../shared/contract';
import { entitlementProblems, formatPeriod, monthOfDate, type PaymentEntitlement } from '../../shared/domain/payments';
import type { FundSource } from '../../shared/domain/policies';
import type { ServiceContext } from '../context';
import type { DrizzleDb } from '../open';
import { paymentEntitlements, paymentLines, policyFindings, policyVersions } from '../schema';
import { formOf, type CaseRow } from './case-view';
import { codeLabel } from './case-checks';
import { accountsOf, accountView, payeeKey, payeeRecords, recordAccount } from './payment-payees';
import { divisionNames } from './person-view';
import { definitionOf } from './policies';
import { createdStamps } from './row-stamps';

export type EntitlementRow = typeof paymentEntitlements.$inferSelect;

/** The catalogue item 创业担保贷款贴息 is paid from its own fund; other items without a policy from 就业补助资金. */
const defaultFund = (code: string): FundSource => (code === 'startup_loan_interest' ? 'startup_loan_interest' : 'employment_subsidy_fund');

/** The domain's view of a stored entitlement. */
export function entitlementOfRow(row: EntitlementRow): PaymentEntitlement {
  return {
    id: row.id,
    payee: { kind: row.payeeKind, id: row.payeeId },
    beneficiaryPersonId: row.beneficiaryPersonId,
    policyCode: row.policyCode,
    policyVersion: row.policyVersion,
    period: { from: row.periodFrom, to: row.periodTo },
    amountFen: row.amountFen,
    fundSource: row.fundSource,
    basis: row.basis === 'engine' ? { kind: 'engine', evaluatedOn: row.approvedOn, engineAmountFen: row.engineAmountFen ?? row.amountFen } : { kind: 'entered', reason: row.basisReason ?? '', enteredBy: row.createdBy ?? 0 },
    caseId: row.caseId,
    townshipCode: row.townshipCode,
    approvedOn: row.approvedOn,
  };
}

/** Carries out `record_subsidy_entitlement`: the approved application's entitlement, and its account when the form gave one. */
export function recordEntitlementOfCase(ctx: ServiceContext, row: CaseRow, receiptNo: string): void {
  const { db } = ctx.database();
  const form = formOf(row);
  const payee = row.personId !== null ? { kind: 'person' as const, id: row.personId } : { kind: 'enterprise' as const, id: row.enterpriseId! };
  const code = row.itemCode;
  const active = db.select().from(policyVersions).where(and(eq(policyVersions.code, code), eq(policyVersions.status, 'active'))).get();
  const definition = active ? definitionOf(active) : null;
  const finding = db.select({ amountFen: policyFindings.amountFen, policyVersion: policyFindings.policyVersion }).from(policyFindings).where(eq(policyFindings.caseId, row.id)).get();
  const amountFen = Number(form.requestedAmountFen);
  const fromEngine = definition !== null && finding?.amountFen != null && finding.amountFen === amountFen;
  const periodFrom = form.periodFrom ? monthOfDate(form.periodFrom) : monthOfDate(ctx.today);
  const periodTo = form.periodTo ? monthOfDate(form.periodTo) : periodFrom;
  const township = payeeRecords(db, [payee]).get(payeeKey(payee))?.townshipCode ?? null;
  const values = {
    payeeKind: payee.kind,
    payeeId: payee.id,
    beneficiaryPersonId: null,
    policyCode: code,
    policyVersion: definition ? (fromEngine ? finding!.policyVersion : definition.version) : null,
    periodFrom,
    periodTo,
    amountFen,
    fundSource: definition?.fundSource ?? defaultFund(code),
    basis: fromEngine ? ('engine' as const) : ('entered' as const),
    basisReason: fromEngine ? null : definition ? `按审核确认的申请金额（${receiptNo}）` : `补贴目录项目未定义政策，按审核确认的申请金额（${receiptNo}）`,
    engineAmountFen: fromEngine ? finding!.amountFen : null,
    caseId: row.id,
    townshipCode: township,
    approvedOn: ctx.today,
  };
  const problems = entitlementProblems(entitlementOfRow({ id: 1, ...values, ...createdStamps(ctx), version: 1 }));
  if (problems.length > 0) throw new Error(`entitlement of case ${row.id}: ${problems.map((p) => p.message).join('；')}`);
  const created = db.insert(paymentEntitlements).values({ ...values, ...createdStamps(ctx) }).returning({ id: paymentEntitlements.id }).get();
  ctx.audit({ action: 'payments.entitlement', entityType: 'payment_entitlement', entityId: created.id, detail: { caseId: row.id, policyCode: code, amountFen, periodFrom, periodTo } });
  if (form.bankAccount && form.bankName) recordAccount(ctx, payee, form.bankAccount, form.bankName);
}

/** The state of the last line (not cancelled) that took the entitlement, as SQL. */
export const lastLineState: SQL<string | null> = sql`(select l.state from ${paymentLines} l where l.entitlement_id = ${paymentEntitlements.id} and l.state <> 'cancelled' order by l.id desc limit 1)`;

const STATUS_OF_LINE: Record<string, EntitlementStatus> = { pending: 'in_batch', paid: 'paid', failed: 'failed', reversed: 'reversed' };
export const statusOfLastLine = (state: string | null): EntitlementStatus => (state === null ? 'unpaid' : (STATUS_OF_LINE[state] ?? 'in_batch'));

function statusCondition(status: EntitlementStatus): SQL {
  if (status === 'unpaid') return sql`${lastLineState} is null`;
  const state = Object.entries(STATUS_OF_LINE).find(([, s]) => s === status)![0];
  return sql`${lastLineState} = ${state}`;
}

/** Entitlements as staff see them, with status, account and the line that holds them. */
export function entitlementViews(ctx: ServiceContext, rows: readonly EntitlementRow[]): EntitlementView[] {
  const { db } = ctx.database();
  const payees = rows.map((r) => ({ kind: r.payeeKind, id: r.payeeId }));
  const records = payeeRecords(db, payees);
  const accounts = accountsOf(db, payees);
  const names = divisionNames(ctx);
  return rows.map((r) => {
    const last = lastLineOf(db, r.id);
    const k = payeeKey({ kind: r.payeeKind, id: r.payeeId });
    const account = accounts.get(k);
    return {
      id: r.id,
      payee: records.get(k)?.ref ?? { kind: r.payeeKind, id: r.payeeId, name: '（已不在库中）', keyMasked: '' },
      policyCode: r.policyCode,
      policyName: codeLabel(ctx, 'subsidy_catalogue', r.policyCode),
      policyVersion: r.policyVersion,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      periodText: formatPeriod({ from: r.periodFrom, to: r.periodTo }),
      amountFen: r.amountFen,
      fundSource: r.fundSource,
      basis: r.basis,
      basisReason: r.basisReason,
      caseId: r.caseId,
      receiptNo: r.caseId === null ? null : (db.get<{ receiptNo: string | null }>(sql`select receipt_no as receiptNo from cases where id = ${r.caseId}`)?.receiptNo ?? null),
      townshipName: r.townshipCode ? (names.get(r.townshipCode) ?? null) : null,
      approvedOn: r.approvedOn,
      status: statusOfLastLine(last?.state ?? null),
      account: account ? accountView(account) : null,
      lineRef: last ? `${last.batchNumber}#${last.lineNo}` : null,
    };
  });
}

function lastLineOf(db: DrizzleDb, entitlementId: number): { state: string; batchNumber: string; lineNo: number } | undefined {
  return db.get<{ state: string; batchNumber: string; lineNo: number }>(sql`
    select l.state, b.number as batchNumber, l.line_no as lineNo from payment_lines l join payment_batches b on b.id = l.batch_id
    where l.entitlement_id = ${entitlementId} and l.state <> 'cancelled' order by l.id desc limit 1`);
}

export function entitlements(ctx: ServiceContext, input: ParsedInputOf<'payments.entitlements'>): { items: EntitlementView[]; total: number } {
  const { db } = ctx.database();
  const conditions = [input.fundSource ? eq(paymentEntitlements.fundSource, input.fundSource) : undefined, input.status ? statusCondition(input.status) : undefined].filter((c) => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(paymentEntitlements).where(where).get()!.n;
  const rows = db.select().from(paymentEntitlements).where(where).orderBy(desc(paymentEntitlements.approvedOn), desc(paymentEntitlements.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  ctx.audit({ action: 'payments.entitlements', entityType: 'payment_entitlement', detail: { status: input.status ?? null, page: input.page } });
  return { items: entitlementViews(ctx, rows), total };
}
