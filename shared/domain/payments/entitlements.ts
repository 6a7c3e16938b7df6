import type { FundSource } from '../policies/definition';
import type { Entitlement } from '../policies/facts';
import { FUND_SOURCES } from '../policies/definition';
import { isFen } from './money';
import { type MonthPeriod, type Payee, periodMonthCount, periodProblem } from './periods';

/**
 * 应发记录 (payment entitlement): what an approved 补贴申请, a sweep's confirmed
 * proposal or a 免申即享 decision owes one payee for one policy and period.
 * It is the input of a payment batch; the batch pays it exactly once (its
 * months are the double-payment key, periods.ts).
 *
 * Not the policies engine's `Entitlement` (the 享受记录 fact the limits read);
 * `toEnjoyedRecord` turns a paid one into that fact.
 */

/** How the amount came about (金额来源). */
export type AmountBasis =
  /** evaluatePolicy on `evaluatedOn` gave `amountFen`; the verdict and snapshot are kept with the decision (case). */
  | { kind: 'engine'; evaluatedOn: string; engineAmountFen: number }
  /** Entered by staff where the policy says so (e.g. 职业培训补贴 by the invoice), with a reason. */
  | { kind: 'entered'; reason: string; enteredBy: number };

export interface PaymentEntitlement {
  id: number;
  payee: Payee;
  /** The person a subsidy paid to an enterprise is for (社会保险补贴 of a hire), when there is one. */
  beneficiaryPersonId?: number | null;
  policyCode: string;
  /** The policy version in force on approval; null for a 补贴目录 item with no policy definition (its amount is entered). */
  policyVersion: number | null;
  period: MonthPeriod;
  amountFen: number;
  /** 资金来源, as in shared/domain/policies: a batch pays one fund. */
  fundSource: FundSource;
  basis: AmountBasis;
  /** The approved case (补贴申请) it comes from, when there is one. */
  caseId?: number | null;
  /** 乡镇（街道）of the payee (residence, or the enterprise's), 9 digits: the ledger's township. */
  townshipCode: string | null;
  /** Day approved (批准日期). */
  approvedOn: string;
}

export const FUND_SOURCE_LABELS = Object.fromEntries(FUND_SOURCES) as Record<FundSource, string>;

export interface EntitlementProblem {
  field: string;
  message: string;
}

/**
 * Why an entitlement cannot be paid as it stands, each problem naming its
 * field; [] = sound. The amount is > 0 (a nothing-to-pay verdict is not an
 * entitlement) and, when the engine computed it, equal to the engine's amount
 * unless staff entered it with a reason.
 */
export function entitlementProblems(e: PaymentEntitlement): EntitlementProblem[] {
  const problems: EntitlementProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!Number.isSafeInteger(e.payee.id) || e.payee.id <= 0) add('payee', '收款对象不明');
  if (e.payee.kind !== 'person' && e.payee.kind !== 'enterprise') add('payee', '收款对象应为个人或单位');
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(e.policyCode)) add('policyCode', '政策代码不正确');
  if (e.policyVersion !== null && (!Number.isInteger(e.policyVersion) || e.policyVersion < 1)) add('policyVersion', '政策版本号应为从1开始的整数');
  if (e.policyVersion === null && e.basis.kind === 'engine') add('basis', '没有政策定义的补贴项目，金额须录入并说明理由');
  const periodIssue = periodProblem(e.period);
  if (periodIssue) add('period', periodIssue);
  if (!isFen(e.amountFen)) add('amountFen', '金额应为以分计的整数');
  else if (e.amountFen <= 0) add('amountFen', '应发金额应大于0');
  if (!(e.fundSource in FUND_SOURCE_LABELS)) add('fundSource', '资金来源应为就业补助资金、失业保险基金或创业担保贷款贴息');
  if (e.basis.kind === 'engine' && isFen(e.amountFen) && e.basis.engineAmountFen !== e.amountFen) {
    add('amountFen', `应发金额与政策计算结果（${e.basis.engineAmountFen}分）不一致；如需调整，请录入金额并说明理由`);
  }
  if (e.basis.kind === 'entered' && e.basis.reason.trim() === '') add('basis.reason', '录入的金额须说明理由');
  return problems;
}

/**
 * The policies engine's 享受记录 of a paid entitlement (its `entitlements`
 * fact, facts.ts): a monthly subsidy spans its months' first to last day; a
 * one-off one is from = to = the approval day with 0 months, as the engine expects.
 */
export function toEnjoyedRecord(e: PaymentEntitlement, kind: 'monthly' | 'one_off'): Entitlement {
  if (kind === 'one_off') return { policyCode: e.policyCode, from: e.approvedOn, to: e.approvedOn, months: 0, amountFen: e.amountFen };
  const [y, m] = e.period.to.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    policyCode: e.policyCode,
    from: `${e.period.from}-01`,
    to: `${e.period.to}-${String(lastDay).padStart(2, '0')}`,
    months: periodMonthCount(e.period),
    amountFen: e.amountFen,
  };
}
