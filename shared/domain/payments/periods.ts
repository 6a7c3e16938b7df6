/**
 * Periods of payment (享受期间 / 发放所属期) and the double-payment key (重复发放键).
 *
 * The unit is the CALENDAR MONTH `YYYY-MM`, from and to both inclusive:
 * monthly subsidies (社会保险补贴, 公益性岗位补贴, 灵活就业社保补贴) are granted and
 * paid per month, and a day-level period would let 2026-03-01..15 and
 * 2026-03-16..31 both pass as "not overlapping" although the bureau pays a
 * month only once. A one-off subsidy (一次性扩岗补助, 技能提升补贴, …) has a
 * one-month period: the month of the event it pays for (the hire, the
 * certificate), from = to.
 *
 * The key is (payee kind, payee id, policy CODE, month) — the code, not the
 * version: paying version 1 and version 2 of 公益性岗位补贴 for the same month
 * is a double payment. Two lines of the same payee and policy whose periods
 * share a month are a double payment even when neither equals the other
 * (2026-01..06 and 2026-04..09 share 04–06). The database mirrors this with
 * one row per (payee_kind, payee_id, policy_code, month) of each line that
 * HOLDS its months (see LINE_STATES_HOLDING_KEY in batches.ts) under a unique
 * index, so two connections racing to pay the same month cannot both commit.
 */

/** `YYYY-MM`, month 01–12. */
export type YearMonth = string;

export interface MonthPeriod {
  /** First month paid for, inclusive. */
  from: YearMonth;
  /** Last month paid for, inclusive (= from for a one-off subsidy). */
  to: YearMonth;
}

export type PayeeKind = 'person' | 'enterprise';

/** 收款对象: a person (一人一档 id) or an enterprise (用人单位 id). */
export interface Payee {
  kind: PayeeKind;
  id: number;
}

export const PAYEE_KIND_LABELS: Record<PayeeKind, string> = { person: '个人', enterprise: '单位' };

/** One month of one policy for one payee: the unit that may be paid at most once. */
export interface PaymentKey {
  payeeKind: PayeeKind;
  payeeId: number;
  policyCode: string;
  month: YearMonth;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

/** 2026-03 → 24314 (months since year 0), for arithmetic; throws on a malformed month. */
export function monthIndex(month: YearMonth): number {
  const m = YEAR_MONTH.exec(month);
  if (!m) throw new RangeError(`月份应为 YYYY-MM，收到 ${String(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

export function addMonthsToYearMonth(month: YearMonth, months: number): YearMonth {
  return monthFromIndex(monthIndex(month) + months);
}

/** The month of an ISO date: 2026-03-31 → 2026-03. */
export function monthOfDate(isoDate: string): YearMonth {
  const month = isoDate.slice(0, 7);
  monthIndex(month);
  return month;
}

/** 2026年3月. */
export function formatYearMonth(month: YearMonth): string {
  monthIndex(month);
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 2026年1月—2026年6月, or 2026年3月 for a one-month period. */
export function formatPeriod(period: MonthPeriod): string {
  return period.from === period.to ? formatYearMonth(period.from) : `${formatYearMonth(period.from)}—${formatYearMonth(period.to)}`;
}

/** Why a period is not sound, in Chinese; null when it is. */
export function periodProblem(period: MonthPeriod): string | null {
  if (!isYearMonth(period.from)) return '享受期间的起始月份应为 YYYY-MM';
  if (!isYearMonth(period.to)) return '享受期间的终止月份应为 YYYY-MM';
  if (period.to < period.from) return '享受期间的终止月份不能早于起始月份';
  return null;
}

/** Months in a period (a one-off period counts 1). */
export function periodMonthCount(period: MonthPeriod): number {
  return monthIndex(period.to) - monthIndex(period.from) + 1;
}

/** Every month of a period, in order. */
export function periodMonths(period: MonthPeriod): YearMonth[] {
  const start = monthIndex(period.from);
  return Array.from({ length: periodMonthCount(period) }, (_, i) => monthFromIndex(start + i));
}

/** The months two periods share, or null when they share none. */
export function periodOverlap(a: MonthPeriod, b: MonthPeriod): MonthPeriod | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

export function containsMonth(period: MonthPeriod, month: YearMonth): boolean {
  return period.from <= month && month <= period.to;
}

/** The rows a unique index holds for one line: one per month of its period. */
export function paymentKeys(payee: Payee, policyCode: string, period: MonthPeriod): PaymentKey[] {
  return periodMonths(period).map((month) => ({ payeeKind: payee.kind, payeeId: payee.id, policyCode, month }));
}

/** `person:12:public_welfare_post:2026-03`: one string per key, for maps and messages. */
export function paymentKeyString(key: PaymentKey): string {
  return `${key.payeeKind}:${key.payeeId}:${key.policyCode}:${key.month}`;
}

/** A claim on months of a policy for a payee: an entitlement, or a batch line holding its key. */
export interface PeriodClaim {
  /** Whatever identifies the claim to the caller (`line 3`, an entitlement id). */
  ref: string;
  payee: Payee;
  policyCode: string;
  period: MonthPeriod;
}

/** Two claims on the same months: a double payment. */
export interface DoublePayment {
  first: string;
  second: string;
  payee: Payee;
  policyCode: string;
  /** The months both claim. */
  months: MonthPeriod;
  message: string;
}

const samePayeePolicy = (a: PeriodClaim, b: PeriodClaim) =>
  a.payee.kind === b.payee.kind && a.payee.id === b.payee.id && a.policyCode === b.policyCode;

/**
 * Every pair of claims on a shared month of the same payee and policy, among
 * `candidates` themselves and between a candidate and `existing` (claims
 * already holding their keys; pairs within `existing` are not reported). Pure,
 * O(n log n) per payee and policy plus the pairs found.
 */
export function findDoublePayments(candidates: readonly PeriodClaim[], existing: readonly PeriodClaim[] = []): DoublePayment[] {
  const groups = new Map<string, { claim: PeriodClaim; isNew: boolean }[]>();
  for (const [list, isNew] of [[existing, false], [candidates, true]] as const) {
    for (const claim of list) {
      const problem = periodProblem(claim.period);
      if (problem) throw new RangeError(`${claim.ref}：${problem}`);
      const k = `${claim.payee.kind}:${claim.payee.id}:${claim.policyCode}`;
      const group = groups.get(k) ?? [];
      group.push({ claim, isNew });
      groups.set(k, group);
    }
  }
  const found: DoublePayment[] = [];
  for (const group of groups.values()) {
    group.sort((x, y) => (x.claim.period.from < y.claim.period.from ? -1 : x.claim.period.from > y.claim.period.from ? 1 : 0));
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length && group[j]!.claim.period.from <= group[i]!.claim.period.to; j += 1) {
        const a = group[i]!;
        const b = group[j]!;
        if (!a.isNew && !b.isNew) continue;
        const months = periodOverlap(a.claim.period, b.claim.period);
        if (!months || !samePayeePolicy(a.claim, b.claim)) continue;
        const [first, second] = a.isNew && !b.isNew ? [b, a] : [a, b];
        found.push({
          first: first.claim.ref,
          second: second.claim.ref,
          payee: a.claim.payee,
          policyCode: a.claim.policyCode,
          months,
          message: `${second.claim.ref}与${first.claim.ref}重复发放：同一${PAYEE_KIND_LABELS[a.claim.payee.kind]}同一政策的${formatPeriod(months)}已有发放`,
        });
      }
    }
  }
  return found;
}
