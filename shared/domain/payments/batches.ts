import type { FundSource } from '../policies/definition';
import type { PaymentEntitlement } from './entitlements';
import { FUND_SOURCE_LABELS } from './entitlements';
import { requireFen } from './money';
import { type MonthPeriod, type Payee, type PeriodClaim, type YearMonth, findDoublePayments, formatYearMonth, isYearMonth } from './periods';

/**
 * 发放批次 (payment batch): one fund, one month of payment (发放月份), lines
 * built from approved entitlements. Its life:
 *
 *   prepared 已编制 ──review──▶ reviewed 已审核 ──release──▶ released 已拨付 ──lock──▶ locked 已锁定
 *        ▲    │                     │
 *        └────┼──────return─────────┘   (back to the preparer, with a reason)
 *             └──cancel (from prepared or reviewed, with a reason) ──▶ cancelled 已作废
 *
 * - review: a reviewer or head who is NOT the preparer;
 * - release: a reviewer or head who is NOT the preparer (may be the reviewer),
 *   and only with no blocking control finding (controls.ts) — separation of duties;
 * - lock: once no line is pending (the bank's results are all in); after it the
 *   batch's lines and totals never change, except that a paid line may still be
 *   reversed (银行退票) and a failed or reversed line re-batched into a NEW batch;
 * - cancel: before release only; its lines become `cancelled` and give up their keys.
 *
 * Lines (批次明细): pending 待发 → paid 已发放 | failed 发放失败 (bank result);
 * paid → reversed 已退回 (银行退票, money back in the fund account);
 * failed | reversed → rebatched 已重新编批 (its entitlement is paid by a line of a later batch).
 * A line HOLDS its payment keys while pending or paid (LINE_STATES_HOLDING_KEY).
 */

export const BATCH_STATES = ['prepared', 'reviewed', 'released', 'locked', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];
export const BATCH_STATE_LABELS: Record<BatchState, string> = {
  prepared: '已编制', reviewed: '已审核', released: '已拨付', locked: '已锁定', cancelled: '已作废',
};

export const LINE_STATES = ['pending', 'paid', 'failed', 'reversed', 'rebatched', 'cancelled'] as const;
export type LineState = (typeof LINE_STATES)[number];
export const LINE_STATE_LABELS: Record<LineState, string> = {
  pending: '待发', paid: '已发放', failed: '发放失败', reversed: '已退回', rebatched: '已重新编批', cancelled: '已作废',
};
/** The states whose line occupies its (payee, policy, month) keys: the partial unique index's WHERE. */
export const LINE_STATES_HOLDING_KEY: readonly LineState[] = ['pending', 'paid'];

export type BatchAction = 'review' | 'return' | 'release' | 'lock' | 'cancel';
export const BATCH_ACTION_LABELS: Record<BatchAction, string> = {
  review: '审核', return: '退回', release: '拨付', lock: '锁定', cancel: '作废',
};

/** The roles of the desk (glossary): only reviewers and heads move money. */
export type Role = 'front_desk' | 'counselor' | 'reviewer' | 'head' | 'admin';
const MONEY_ROLES: readonly Role[] = ['reviewer', 'head'];

export interface Actor {
  userId: number;
  role: Role;
}

export interface BatchHeader {
  /** 批次号, see batchNumber. */
  number: string;
  fundSource: FundSource;
  month: YearMonth;
  state: BatchState;
  preparedBy: number;
  reviewedBy: number | null;
  releasedBy: number | null;
}

export interface BankAccount {
  /** 账号 (社保卡金融账户 or the enterprise's basic account), digits only once normalised. */
  accountNumber: string;
  /** 开户行. */
  bankName: string;
}

export interface BatchLine {
  /** 序号 within the batch, from 1: the bank's result is matched by it. */
  lineNo: number;
  entitlementId: number;
  payee: Payee;
  /** 收款人名称: the person's name or the enterprise's registered name. */
  payeeName: string;
  /** 证件号码: the full ID number or credit code (masked on screen, full in the bank file). */
  payeeIdNumber: string;
  account: BankAccount;
  policyCode: string;
  policyName: string;
  policyVersion: number | null;
  period: MonthPeriod;
  amountFen: number;
  state: LineState;
  /** Why it failed or was reversed (the bank's words, or staff's). */
  reason: string | null;
  /** The line of an earlier batch this one pays again, when re-batched. */
  rebatchOf: { batchNumber: string; lineNo: number } | null;
}

const FUND_PREFIX: Record<FundSource, string> = {
  employment_subsidy_fund: 'JY', unemployment_insurance_fund: 'SY', startup_loan_interest: 'CD',
};

/** 批次号: fund prefix + 发放月份 + 3-digit sequence in that fund and month, e.g. JY202612001. */
export function batchNumber(fund: FundSource, month: YearMonth, sequence: number): string {
  if (!isYearMonth(month)) throw new RangeError(`发放月份应为 YYYY-MM，收到 ${month}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) throw new RangeError('批次序号应为1–999');
  return `${FUND_PREFIX[fund]}${month.replace('-', '')}${String(sequence).padStart(3, '0')}`;
}

export type TransitionResult =
  | { ok: true; state: BatchState; reviewedBy: number | null; releasedBy: number | null }
  | { ok: false; code: 'not_allowed' | 'forbidden' | 'same_person' | 'pending_lines' | 'blocked' | 'reason_required'; message: string };

export interface TransitionContext {
  /** Lines still pending (lock needs 0). */
  pendingLines: number;
  /** Blocking control findings not resolved (release needs 0). */
  blockingFindings: number;
  /** Required for return and cancel. */
  reason?: string;
}

const FROM: Record<BatchAction, readonly BatchState[]> = {
  review: ['prepared'], return: ['reviewed'], release: ['reviewed'], lock: ['released'], cancel: ['prepared', 'reviewed'],
};
const TO: Record<BatchAction, BatchState> = {
  review: 'reviewed', return: 'prepared', release: 'released', lock: 'locked', cancel: 'cancelled',
};

/** The one place that decides whether `actor` may do `action` to a batch, and what follows. */
export function batchTransition(batch: BatchHeader, action: BatchAction, actor: Actor, context: TransitionContext): TransitionResult {
  const label = BATCH_ACTION_LABELS[action];
  if (!FROM[action].includes(batch.state)) {
    return { ok: false, code: 'not_allowed', message: `批次${batch.number}${BATCH_STATE_LABELS[batch.state]}，不能${label}` };
  }
  if (!MONEY_ROLES.includes(actor.role)) return { ok: false, code: 'forbidden', message: `只有审核员或局领导可以${label}发放批次` };
  if ((action === 'review' || action === 'release') && actor.userId === batch.preparedBy) {
    return { ok: false, code: 'same_person', message: `编制人不能${label}自己编制的批次，须由另一人${label}` };
  }
  if ((action === 'return' || action === 'cancel') && !context.reason?.trim()) {
    return { ok: false, code: 'reason_required', message: `${label}批次须说明理由` };
  }
  if (action === 'release' && context.blockingFindings > 0) {
    return { ok: false, code: 'blocked', message: `批次有${context.blockingFindings}条拦截的核查结果，处理后才能拨付` };
  }
  if (action === 'lock' && context.pendingLines > 0) {
    return { ok: false, code: 'pending_lines', message: `还有${context.pendingLines}笔未收到银行结果，不能锁定` };
  }
  return {
    ok: true,
    state: TO[action],
    reviewedBy: action === 'review' ? actor.userId : action === 'return' ? null : batch.reviewedBy,
    releasedBy: action === 'release' ? actor.userId : batch.releasedBy,
  };
}

/** Who is paid and where, per entitlement: read by the backend from the person or enterprise record. */
export interface PayeeDetails {
  payeeName: string;
  payeeIdNumber: string;
  account: BankAccount;
  policyName: string;
}

export interface BatchRefusal {
  entitlementId: number;
  message: string;
}

/** `JY202612001#3`: a line's name for ever (batch number and 序号), the ledger's lineRef. */
export const lineRef = (batchNo: string, lineNo: number) => `${batchNo}#${lineNo}`;

/** A line already holding keys (pending or paid, in any batch), as the double-payment check sees it. */
export const lineClaim = (batchNo: string, line: Pick<BatchLine, 'lineNo' | 'payee' | 'policyCode' | 'period'>): PeriodClaim => ({
  ref: `批次${batchNo}第${line.lineNo}笔`, payee: line.payee, policyCode: line.policyCode, period: line.period,
});

/**
 * The lines of a new batch of `fund` for `month` from approved entitlements
 * (and entitlements of failed or reversed lines to pay again, `rebatch`).
 * Refused, each with a Chinese reason: another fund; a period ending after the
 * payment month (no payment in advance); a month already held by a pending or
 * paid line (`holding`) or by an earlier entitlement of this same build; an
 * entitlement already paid or in a batch (`paidOrPendingEntitlementIds`).
 */
export function buildBatchLines(input: {
  batchNumber: string;
  fund: FundSource;
  month: YearMonth;
  entitlements: readonly PaymentEntitlement[];
  details: (e: PaymentEntitlement) => PayeeDetails;
  holding: readonly PeriodClaim[];
  paidOrPendingEntitlementIds: ReadonlySet<number>;
  /** entitlement id → the failed/reversed line it pays again. */
  rebatch?: ReadonlyMap<number, { batchNumber: string; lineNo: number }>;
}): { lines: BatchLine[]; refused: BatchRefusal[] } {
  const lines: BatchLine[] = [];
  const refused: BatchRefusal[] = [];
  const claims: PeriodClaim[] = [...input.holding];
  for (const e of input.entitlements) {
    const refuse = (message: string) => refused.push({ entitlementId: e.id, message });
    requireFen(e.amountFen, '应发金额');
    if (e.fundSource !== input.fund) { refuse(`资金来源为${FUND_SOURCE_LABELS[e.fundSource]}，不属于本批次（${FUND_SOURCE_LABELS[input.fund]}）`); continue; }
    if (e.period.to > input.month) { refuse(`享受期间到${formatYearMonth(e.period.to)}，晚于发放月份${formatYearMonth(input.month)}：不得预发`); continue; }
    if (input.paidOrPendingEntitlementIds.has(e.id)) { refuse('该应发记录已发放或已在其他批次中'); continue; }
    const claim: PeriodClaim = { ref: `应发记录${e.id}`, payee: e.payee, policyCode: e.policyCode, period: e.period };
    const doubles = findDoublePayments([claim], claims);
    if (doubles.length > 0) { refuse(doubles[0]!.message); continue; }
    const d = input.details(e);
    const line: BatchLine = {
      lineNo: lines.length + 1,
      entitlementId: e.id,
      payee: e.payee,
      payeeName: d.payeeName,
      payeeIdNumber: d.payeeIdNumber,
      account: d.account,
      policyCode: e.policyCode,
      policyName: d.policyName,
      policyVersion: e.policyVersion,
      period: e.period,
      amountFen: e.amountFen,
      state: 'pending',
      reason: null,
      rebatchOf: input.rebatch?.get(e.id) ?? null,
    };
    lines.push(line);
    claims.push(lineClaim(input.batchNumber, line));
  }
  return { lines, refused };
}

export type LineEvent =
  | { kind: 'paid' }
  | { kind: 'failed'; reason: string }
  | { kind: 'reversed'; reason: string }
  | { kind: 'rebatched' }
  | { kind: 'cancelled' };

const LINE_FROM: Record<LineEvent['kind'], readonly LineState[]> = {
  paid: ['pending'], failed: ['pending'], reversed: ['paid'], rebatched: ['failed', 'reversed'], cancelled: ['pending'],
};

/** The line after `event`, or a Chinese refusal naming the line. */
export function lineTransition(line: BatchLine, event: LineEvent): { ok: true; line: BatchLine } | { ok: false; message: string } {
  if (!LINE_FROM[event.kind].includes(line.state)) {
    return { ok: false, message: `第${line.lineNo}笔${LINE_STATE_LABELS[line.state]}，不能改为${LINE_STATE_LABELS[event.kind]}` };
  }
  if ((event.kind === 'failed' || event.kind === 'reversed') && !event.reason.trim()) {
    return { ok: false, message: `第${line.lineNo}笔${LINE_STATE_LABELS[event.kind]}须有原因` };
  }
  const reason = event.kind === 'failed' || event.kind === 'reversed' ? event.reason.trim() : line.reason;
  return { ok: true, line: { ...line, state: event.kind, reason } };
}

/** 控制总数: the count and sum a bank checks a file against. */
export interface ControlTotals {
  count: number;
  totalFen: number;
}

export function controlTotals(lines: readonly Pick<BatchLine, 'amountFen'>[]): ControlTotals {
  let totalFen = 0;
  for (const l of lines) totalFen += requireFen(l.amountFen, '明细金额');
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('金额合计超出可精确计算的范围');
  return { count: lines.length, totalFen };
}
