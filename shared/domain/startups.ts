/**
 * 创业服务 (entrepreneurship services): business starts (a person and the
 * enterprise they started), 创业担保贷款 (guaranteed start-up loans) with
 * their interest-subsidy periods, and 创业孵化 places. Pure rules;
 * db/services/startups*.ts carries them out.
 */
import { addMonths } from './calendar';
import { ageOn } from './dates';
import { MIN_WORKING_AGE } from './retirement';

export const BUSINESS_KINDS = [
  ['sole_trader', '个体工商户'], ['enterprise', '企业'], ['farmers_coop', '农民专业合作社'], ['other', '其他'],
] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number][0];
export const BUSINESS_KIND_CODES = BUSINESS_KINDS.map(([c]) => c) as [BusinessKind, ...BusinessKind[]];

/** The kind a credit code's entity type suggests (2nd character under 9: 1 enterprise, 2 个体工商户, 3 合作社; GB 32100). */
export function businessKindOfCreditCode(creditCode: string | null): BusinessKind {
  const type = creditCode?.length === 18 && creditCode[0] === '9' ? creditCode[1] : null;
  return type === '2' ? 'sole_trader' : type === '3' ? 'farmers_coop' : type === '1' ? 'enterprise' : 'other';
}

/** Who borrows: the founder in person (个人创业) or the small or micro enterprise (小微企业). */
export const BORROWER_KINDS = [['individual', '个人'], ['small_enterprise', '小微企业']] as const;
export type BorrowerKind = (typeof BORROWER_KINDS)[number][0];
export const BORROWER_KIND_CODES = BORROWER_KINDS.map(([c]) => c) as [BorrowerKind, ...BorrowerKind[]];

/** [confirm] How the loan is guaranteed (担保方式); the county's guarantee fund sets the accepted kinds. */
export const GUARANTEE_KINDS = [
  ['guarantee_fund', '创业担保基金担保'], ['with_counter_guarantee', '担保基金担保＋反担保'], ['counter_guarantee_waived', '免除反担保（信用）'], ['other', '其他'],
] as const;
export type GuaranteeKind = (typeof GUARANTEE_KINDS)[number][0];
export const GUARANTEE_KIND_CODES = GUARANTEE_KINDS.map(([c]) => c) as [GuaranteeKind, ...GuaranteeKind[]];

/**
 * [confirm] Upper limits of a 创业担保贷款 by borrower: amount in fen and term in
 * months. National rules as read from secondary sources (个人 up to 30万元 for 3
 * years, 小微企业 up to 400万元 for 2 years); 苏财金〔2025〕149号 and the county's
 * rules decide. Data, so a changed limit is an edit here, not a new branch.
 */
export const LOAN_LIMITS: Record<BorrowerKind, { maxAmountFen: number; maxTermMonths: number }> = {
  individual: { maxAmountFen: 30_000_000, maxTermMonths: 36 },
  small_enterprise: { maxAmountFen: 400_000_000, maxTermMonths: 24 },
};

export const labelOfCode = (list: readonly (readonly [string, string])[], code: string | null) => (code === null ? '' : (list.find(([c]) => c === code)?.[1] ?? code));

/** Why a business start cannot be recorded (per field), or an empty record. */
export function businessStartProblems(person: { birthDate: string }, startedOn: string, today: string): Record<string, string> {
  if (startedOn > today) return { startedOn: `创业日期不能晚于今天（${today}）` };
  if (ageOn(person.birthDate, startedOn) < MIN_WORKING_AGE) {
    const birthday = `${Number(person.birthDate.slice(0, 4)) + MIN_WORKING_AGE}${person.birthDate.slice(4)}`;
    return { startedOn: `创业日期不能早于本人年满${MIN_WORKING_AGE}周岁之日（${birthday}）` };
  }
  return {};
}

export interface InterestPeriod {
  periodFrom: string;
  periodTo: string;
  amountFen: number;
}

/** 到期日: the term in months from the day it was granted (the same day of the month, or the month's last day). */
export function loanLastDay(grantedOn: string, termMonths: number): string {
  return addMonths(grantedOn, termMonths);
}

/**
 * Why a loan application cannot be recorded (per field), or an empty record:
 * the term and amount within the borrower's limits, the dates in order, and
 * each interest-subsidy period inside the loan's term, in order, not
 * overlapping another, with an amount above nothing.
 */
export function loanProblems(
  loan: { borrower: BorrowerKind; amountFen: number; termMonths: number; appliedOn: string; grantedOn: string | null; interestPeriods: readonly InterestPeriod[] },
  businessStartedOn: string,
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const limit = LOAN_LIMITS[loan.borrower];
  const borrower = labelOfCode(BORROWER_KINDS, loan.borrower);
  if (loan.termMonths <= 0) problems.termMonths = '贷款期限应至少1个月';
  else if (loan.termMonths > limit.maxTermMonths) problems.termMonths = `贷款期限不能超过${limit.maxTermMonths}个月（${borrower}创业担保贷款的上限）`;
  if (loan.amountFen <= 0) problems.amountFen = '贷款金额应大于0';
  else if (loan.amountFen > limit.maxAmountFen) problems.amountFen = `贷款金额不能超过${limit.maxAmountFen / 1_000_000}万元（${borrower}创业担保贷款的上限）`;
  if (loan.appliedOn > today) problems.appliedOn = `申请日期不能晚于今天（${today}）`;
  else if (loan.appliedOn < businessStartedOn) problems.appliedOn = `申请日期不能早于创业日期（${businessStartedOn}）`;
  if (loan.grantedOn !== null) {
    if (loan.grantedOn < loan.appliedOn) problems.grantedOn = `放款日期不能早于申请日期（${loan.appliedOn}）`;
    else if (loan.grantedOn > today) problems.grantedOn = `放款日期不能晚于今天（${today}）`;
  }
  if (loan.interestPeriods.length > 0 && loan.grantedOn === null) problems.interestPeriods = '尚未放款的贷款不能登记贴息期';
  else if (loan.grantedOn !== null && !problems.termMonths) {
    const last = loanLastDay(loan.grantedOn, loan.termMonths);
    const sorted = [...loan.interestPeriods].sort((a, b) => (a.periodFrom < b.periodFrom ? -1 : 1));
    sorted.forEach((p, i) => {
      const name = `第${loan.interestPeriods.indexOf(p) + 1}个贴息期`;
      if (p.periodTo < p.periodFrom) problems.interestPeriods ??= `${name}的止日不能早于起日`;
      else if (p.periodFrom < loan.grantedOn! || p.periodTo > last) problems.interestPeriods ??= `${name}应在贷款期限内（${loan.grantedOn}至${last}）`;
      else if (i > 0 && p.periodFrom <= sorted[i - 1]!.periodTo) problems.interestPeriods ??= `${name}与其他贴息期重叠`;
      if (p.amountFen <= 0) problems.interestPeriods ??= `${name}的贴息金额应大于0`;
    });
  }
  return problems;
}

/** Why an incubator place cannot be recorded, or an empty record. */
export function incubationProblems(place: { fromOn: string; toOn: string | null }, today: string): Record<string, string> {
  // A place may begin before the business is registered (预孵化), so the start date does not bound it.
  if (place.fromOn > today) return { fromOn: `入孵起日不能晚于今天（${today}）` };
  if (place.toOn !== null && place.toOn < place.fromOn) return { toOn: `入孵止日不能早于入孵起日（${place.fromOn}）` };
  return {};
}
