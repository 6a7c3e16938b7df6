import { isIsoDate } from '../calendar';
import type { FundSource } from '../policies/definition';
import { FUND_SOURCE_LABELS } from './entitlements';
import { formatYuan, isFen } from './money';
import { type MonthPeriod, type Payee, type YearMonth, monthOfDate, paymentKeyString, paymentKeys } from './periods';

/**
 * 补贴发放台账 (fund ledger) arithmetic. Money events of batch lines become
 * ledger lines; every figure of the ledger is a sum of its lines, so the named
 * list behind a figure is the lines of its group.
 *
 *   paid 已发放           +paid            (the bank's result)
 *   failed 发放失败        no money moved   (kept, so the list shows it)
 *   reversal 退票冲回     +reversed        (money back from the bank after a paid result)
 *   recovery_ordered 追回 +recoveryOrdered (a decision that the payee owes money back)
 *   repayment_received 退款到账 +repaid    (money of a recovery back in the fund)
 *
 * net = paid − reversed − repaid: what left the fund and stayed out. A
 * recovery ordered but not yet repaid is still spent (outstanding = ordered − repaid).
 * Refused, each with a Chinese reason: a line paid twice, or any payee, policy
 * and month paid while another line still holds it; a reversal or recovery of a
 * line not paid; a reversal or a recovery larger than what is paid net of
 * earlier reversals and recoveries; a repayment of an unknown recovery or
 * larger than what it still owes; amounts not > 0.
 */

/** The batch line an event is about, with what the ledger groups by. */
export interface LedgerSubject {
  /** `JY202612001#3`: batch number and 序号, unique for ever. */
  lineRef: string;
  payee: Payee;
  payeeName: string;
  policyCode: string;
  period: MonthPeriod;
  fundSource: FundSource;
  /** 乡镇（街道）code, or null when unknown (its own row in a township breakdown). */
  townshipCode: string | null;
}

export type PaymentEvent =
  | { kind: 'paid'; on: string; subject: LedgerSubject; amountFen: number }
  | { kind: 'failed'; on: string; subject: LedgerSubject; reason: string }
  | { kind: 'reversal'; on: string; subject: LedgerSubject; amountFen: number; reason: string }
  | { kind: 'recovery_ordered'; on: string; subject: LedgerSubject; recoveryId: string; amountFen: number; reason: string }
  | { kind: 'repayment_received'; on: string; subject: LedgerSubject; recoveryId: string; amountFen: number };
export type PaymentEventKind = PaymentEvent['kind'];

export const PAYMENT_EVENT_LABELS: Record<PaymentEventKind, string> = {
  paid: '已发放', failed: '发放失败', reversal: '退票冲回', recovery_ordered: '追回', repayment_received: '退款到账',
};

export interface LedgerLine {
  /** Order in the ledger, from 1. */
  seq: number;
  on: string;
  /** 记账月份: the month of `on`, the ledger's month (not the period paid for). */
  month: YearMonth;
  kind: PaymentEventKind;
  subject: LedgerSubject;
  recoveryId: string | null;
  paidFen: number;
  reversedFen: number;
  recoveryOrderedFen: number;
  repaidFen: number;
  /** paid − reversed − repaid of this line. */
  netFen: number;
  reason: string | null;
}

export interface LedgerTotals {
  lines: number;
  paidFen: number;
  reversedFen: number;
  recoveryOrderedFen: number;
  repaidFen: number;
  /** Recoveries ordered and not yet repaid. */
  outstandingRecoveryFen: number;
  netFen: number;
}

interface LineBook { paid: number; reversed: number; recovered: number; failed: boolean }

/** What the ledger knows so far; build it with `emptyLedger` and `postEvent`. */
export interface LedgerState {
  lines: LedgerLine[];
  books: Map<string, LineBook>;
  recoveries: Map<string, { lineRef: string; ordered: number; repaid: number }>;
  /** payment key → the lineRef holding it (paid and not wholly reversed). */
  held: Map<string, string>;
}

export function emptyLedger(): LedgerState {
  return { lines: [], books: new Map(), recoveries: new Map(), held: new Map() };
}

/** What a line has paid net of reversals and recoveries ordered: the ceiling of a new reversal or recovery. */
export function netPaidOf(state: LedgerState, lineRef: string): number {
  const b = state.books.get(lineRef);
  return b ? b.paid - b.reversed - b.recovered : 0;
}

/** Why `event` cannot be posted, in Chinese; null when it can. */
export function eventRefusal(state: LedgerState, event: PaymentEvent): string | null {
  const ref = event.subject.lineRef;
  if (!isIsoDate(event.on)) return `${ref}：日期应为 YYYY-MM-DD`;
  if ('amountFen' in event && (!isFen(event.amountFen) || event.amountFen <= 0)) return `${ref}：金额应为大于0的整数（分）`;
  const book = state.books.get(ref);
  switch (event.kind) {
    case 'paid': {
      if (book && book.paid > 0) return `${ref}已发放，不能重复发放`;
      if (book?.failed) return `${ref}已发放失败，须重新编批后发放`;
      for (const key of paymentKeys(event.subject.payee, event.subject.policyCode, event.subject.period)) {
        const holder = state.held.get(paymentKeyString(key));
        if (holder) return `${ref}重复发放：${key.month}已由${holder}发放`;
      }
      return null;
    }
    case 'failed':
      if (book && book.paid > 0) return `${ref}已发放，不能改为发放失败（已到账的退回请记退票）`;
      if (book?.failed) return `${ref}已记为发放失败`;
      return null;
    case 'reversal':
    case 'recovery_ordered': {
      const what = event.kind === 'reversal' ? '退票金额' : '追回金额';
      if (!book || book.paid === 0) return `${ref}未发放，不能${event.kind === 'reversal' ? '退票' : '追回'}`;
      if (event.kind === 'recovery_ordered' && state.recoveries.has(event.recoveryId)) return `追回编号${event.recoveryId}已存在`;
      const net = netPaidOf(state, ref);
      if (event.amountFen > net) return `${what}${formatYuan(event.amountFen)}元超过${ref}已发放净额${formatYuan(net)}元`;
      if (!event.reason.trim()) return `${ref}：${what}须说明原因`;
      return null;
    }
    case 'repayment_received': {
      const r = state.recoveries.get(event.recoveryId);
      if (!r || r.lineRef !== ref) return `${ref}没有追回编号${event.recoveryId}`;
      const owed = r.ordered - r.repaid;
      if (event.amountFen > owed) return `退款${formatYuan(event.amountFen)}元超过追回${event.recoveryId}尚欠的${formatYuan(owed)}元`;
      return null;
    }
  }
}

/** Posts one event; a refused event throws a RangeError with eventRefusal's message (check it first). */
export function postEvent(state: LedgerState, event: PaymentEvent): LedgerLine {
  const refusal = eventRefusal(state, event);
  if (refusal) throw new RangeError(refusal);
  const ref = event.subject.lineRef;
  const book = state.books.get(ref) ?? { paid: 0, reversed: 0, recovered: 0, failed: false };
  state.books.set(ref, book);
  const line: LedgerLine = {
    seq: state.lines.length + 1, on: event.on, month: monthOfDate(event.on), kind: event.kind, subject: event.subject,
    recoveryId: null, paidFen: 0, reversedFen: 0, recoveryOrderedFen: 0, repaidFen: 0, netFen: 0, reason: null,
  };
  const keys = paymentKeys(event.subject.payee, event.subject.policyCode, event.subject.period).map(paymentKeyString);
  switch (event.kind) {
    case 'paid':
      book.paid = event.amountFen;
      line.paidFen = event.amountFen;
      for (const k of keys) state.held.set(k, ref);
      break;
    case 'failed':
      book.failed = true;
      line.reason = event.reason;
      break;
    case 'reversal':
      book.reversed += event.amountFen;
      line.reversedFen = event.amountFen;
      line.reason = event.reason;
      // Wholly returned: the months are free to be paid by a re-batched line.
      if (book.reversed === book.paid) for (const k of keys) state.held.delete(k);
      break;
    case 'recovery_ordered':
      book.recovered += event.amountFen;
      state.recoveries.set(event.recoveryId, { lineRef: ref, ordered: event.amountFen, repaid: 0 });
      line.recoveryId = event.recoveryId;
      line.recoveryOrderedFen = event.amountFen;
      line.reason = event.reason;
      break;
    case 'repayment_received':
      state.recoveries.get(event.recoveryId)!.repaid += event.amountFen;
      line.recoveryId = event.recoveryId;
      line.repaidFen = event.amountFen;
      break;
  }
  line.netFen = line.paidFen - line.reversedFen - line.repaidFen;
  state.lines.push(line);
  return line;
}

/** The ledger of a sequence of events, skipping (and reporting) the refused ones. */
export function buildLedger(events: readonly PaymentEvent[]): { state: LedgerState; refused: { index: number; message: string }[] } {
  const state = emptyLedger();
  const refused: { index: number; message: string }[] = [];
  events.forEach((event, index) => {
    const message = eventRefusal(state, event);
    if (message) refused.push({ index, message });
    else postEvent(state, event);
  });
  return { state, refused };
}

/** The event a stored ledger line records (the inverse of postEvent). */
export function eventOfLine(line: LedgerLine): PaymentEvent {
  const { on, subject } = line;
  const reason = line.reason ?? '';
  switch (line.kind) {
    case 'paid': return { kind: 'paid', on, subject, amountFen: line.paidFen };
    case 'failed': return { kind: 'failed', on, subject, reason };
    case 'reversal': return { kind: 'reversal', on, subject, amountFen: line.reversedFen, reason };
    case 'recovery_ordered': return { kind: 'recovery_ordered', on, subject, recoveryId: line.recoveryId ?? '', amountFen: line.recoveryOrderedFen, reason };
    case 'repayment_received': return { kind: 'repayment_received', on, subject, recoveryId: line.recoveryId ?? '', amountFen: line.repaidFen };
  }
}

/**
 * The ledger state behind stored lines, in seq order — how a service asks
 * eventRefusal about a new event: it reads the stored lines of that batch line
 * (the payee's other months are guarded by the unique index) and replays them.
 * Throws when the stored lines themselves break a rule (a damaged ledger).
 */
export function ledgerFromLines(lines: readonly LedgerLine[]): LedgerState {
  const state = emptyLedger();
  for (const line of [...lines].sort((a, b) => a.seq - b.seq)) postEvent(state, eventOfLine(line));
  return state;
}

export function sumLedger(lines: readonly LedgerLine[]): LedgerTotals {
  const t: LedgerTotals = { lines: 0, paidFen: 0, reversedFen: 0, recoveryOrderedFen: 0, repaidFen: 0, outstandingRecoveryFen: 0, netFen: 0 };
  for (const l of lines) {
    t.lines += 1;
    t.paidFen += l.paidFen;
    t.reversedFen += l.reversedFen;
    t.recoveryOrderedFen += l.recoveryOrderedFen;
    t.repaidFen += l.repaidFen;
    t.netFen += l.netFen;
  }
  t.outstandingRecoveryFen = t.recoveryOrderedFen - t.repaidFen;
  return t;
}

export type LedgerDimension = 'fund' | 'policy' | 'township' | 'month' | 'year';

/** The value of a line on a dimension; a township of null groups as `unknown`. */
export function dimensionValue(line: LedgerLine, dimension: LedgerDimension): string {
  switch (dimension) {
    case 'fund': return line.subject.fundSource;
    case 'policy': return line.subject.policyCode;
    case 'township': return line.subject.townshipCode ?? 'unknown';
    case 'month': return line.month;
    case 'year': return line.month.slice(0, 4);
  }
}

export interface LedgerGroup {
  /** One value per dimension asked, in that order. */
  key: string[];
  totals: LedgerTotals;
  /** The named list behind the figures: the group's lines. */
  lines: LedgerLine[];
}

/** Totals by one or more dimensions (`['fund', 'month']`), groups in key order. */
export function ledgerTotalsBy(lines: readonly LedgerLine[], dimensions: readonly LedgerDimension[]): LedgerGroup[] {
  const groups = new Map<string, LedgerLine[]>();
  for (const l of lines) {
    const key = JSON.stringify(dimensions.map((d) => dimensionValue(l, d)));
    const list = groups.get(key) ?? [];
    list.push(l);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key: JSON.parse(key) as string[], totals: sumLedger(group), lines: group }));
}

/** 预算额度 of one fund for one year, in fen. */
export interface Budget {
  fundSource: FundSource;
  year: number;
  amountFen: number;
}

export function budgetProblems(b: Budget): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!(b.fundSource in FUND_SOURCE_LABELS)) problems.push({ field: 'fundSource', message: '资金来源应为就业补助资金、失业保险基金或创业担保贷款贴息' });
  if (!Number.isInteger(b.year) || b.year < 2000 || b.year > 2100) problems.push({ field: 'year', message: '年度应为2000–2100之间的年份' });
  if (!isFen(b.amountFen)) problems.push({ field: 'amountFen', message: '预算额度应为以分计的整数' });
  else if (b.amountFen < 0) problems.push({ field: 'amountFen', message: '预算额度不能为负数' });
  return problems;
}

export interface BudgetUsage {
  fundSource: FundSource;
  year: number;
  /** null = no budget entered for this fund and year. */
  budgetFen: number | null;
  /** Net spent in the year (paid − reversed − repaid, by the ledger's date). */
  spentFen: number;
  /** budget − spent; negative when over budget; null without a budget. */
  remainingFen: number | null;
  overBudget: boolean;
}

/** Budget against spending for every fund and year that has either. */
export function budgetUsage(budgets: readonly Budget[], lines: readonly LedgerLine[]): BudgetUsage[] {
  const rows = new Map<string, BudgetUsage>();
  const row = (fundSource: FundSource, year: number) => {
    const k = `${fundSource}:${year}`;
    let r = rows.get(k);
    if (!r) { r = { fundSource, year, budgetFen: null, spentFen: 0, remainingFen: null, overBudget: false }; rows.set(k, r); }
    return r;
  };
  for (const b of budgets) {
    const problems = budgetProblems(b);
    if (problems.length > 0) throw new RangeError(problems[0]!.message);
    const r = row(b.fundSource, b.year);
    if (r.budgetFen !== null) throw new RangeError(`${FUND_SOURCE_LABELS[b.fundSource]}${b.year}年的预算额度重复`);
    r.budgetFen = b.amountFen;
  }
  for (const l of lines) row(l.subject.fundSource, Number(l.month.slice(0, 4))).spentFen += l.netFen;
  return [...rows.values()]
    .map((r) => {
      const remainingFen = r.budgetFen === null ? null : r.budgetFen - r.spentFen;
      return { ...r, remainingFen, overBudget: remainingFen !== null && remainingFen < 0 };
    })
    .sort((a, b) => a.year - b.year || (a.fundSource < b.fundSource ? -1 : 1));
}
