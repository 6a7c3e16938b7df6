/**
 * 培训补贴申领: the training institution claims the subsidy for one class,
 * paid per qualified trainee (结业 and 考核合格, certificate not revoked) at
 * the programme's 补贴标准. A trainee is paid once: not again in another
 * claim, nor [confirm] a second time for the same occupation and level
 * (同一职业同一等级只享受一次). Pure; db/services/training-claims.ts reads the
 * facts and records the decision.
 */
import type { AssessmentResult, ClassStatus, EnrolmentStatus } from './catalogue';

/** The class as the claim sees it: who runs it, when it ended, what each qualified trainee earns. */
export interface ClaimClass {
  classNumber: string;
  endDate: string;
  status: ClassStatus;
  providerCreditCode: string;
  providerName: string;
  subsidyPerPersonFen: number;
}

/** Why `claimantCreditCode` may not claim for the class on `today`, or null. */
export function claimClassProblem(cls: ClaimClass | null, classNumber: string, claimantCreditCode: string | null, today: string): string | null {
  if (cls === null) return `没有编号为“${classNumber}”的培训期次`;
  if (claimantCreditCode === null || claimantCreditCode !== cls.providerCreditCode) {
    return `培训期次“${cls.classNumber}”由${cls.providerName}（${cls.providerCreditCode}）承办，只能由该培训机构申领培训补贴`;
  }
  if (cls.status === 'cancelled') return `培训期次“${cls.classNumber}”已取消，不能申领培训补贴`;
  if (cls.endDate >= today) return `培训期次“${cls.classNumber}”尚未结束（结束日期${cls.endDate}），结业后方可申领培训补贴`;
  if (cls.status !== 'closed') return `培训期次“${cls.classNumber}”尚未登记结业，结业后方可申领培训补贴`;
  return null;
}

export interface ClaimTraineeFacts {
  enrolmentId: number;
  personId: number;
  personName: string;
  status: EnrolmentStatus;
  assessmentResult: AssessmentResult | null;
  certificateNumber: string | null;
  certificateRevoked: boolean;
  /** The receipt number of another claim that already took this trainee (this enrolment, or the same occupation and level), or null. */
  claimedIn: string | null;
}

export interface ClaimLine {
  enrolmentId: number;
  personId: number;
  personName: string;
  certificateNumber: string | null;
  /** Paid at the 补贴标准, or 0 with the reason it is not. */
  amountFen: number;
  refusal: string | null;
}

/** Qualified: completed, assessed 合格, and no revoked certificate. */
export function qualifiedForSubsidy(t: Pick<ClaimTraineeFacts, 'status' | 'assessmentResult' | 'certificateRevoked'>): boolean {
  return t.status === 'completed' && t.assessmentResult === 'passed' && !t.certificateRevoked;
}

/**
 * The claim's list: every qualified trainee of the class, each at the
 * 补贴标准 unless another claim already took them (then 0, with its receipt).
 */
export function claimLines(trainees: readonly ClaimTraineeFacts[], subsidyPerPersonFen: number): { lines: ClaimLine[]; totalFen: number; paidCount: number } {
  const lines = trainees.filter(qualifiedForSubsidy).map((t) => ({
    enrolmentId: t.enrolmentId,
    personId: t.personId,
    personName: t.personName,
    certificateNumber: t.certificateNumber,
    amountFen: t.claimedIn === null ? subsidyPerPersonFen : 0,
    refusal: t.claimedIn === null ? null : `已在${t.claimedIn}中申领过培训补贴，不再重复补贴`,
  }));
  const paid = lines.filter((l) => l.refusal === null);
  return { lines, totalFen: paid.reduce((sum, l) => sum + l.amountFen, 0), paidCount: paid.length };
}

/** Why nothing can be claimed, or null: no qualified trainee, or every one already claimed. */
export function emptyClaimProblem(classNumber: string, lines: readonly ClaimLine[], subsidyPerPersonFen: number): string | null {
  if (subsidyPerPersonFen <= 0) return `培训期次“${classNumber}”所属项目未设补贴标准，不能申领培训补贴`;
  if (lines.length === 0) return `培训期次“${classNumber}”没有结业且考核合格的学员，不能申领培训补贴`;
  const refused = lines.filter((l) => l.refusal !== null);
  if (refused.length === lines.length) return `培训期次“${classNumber}”的合格学员均已申领过培训补贴（${refused.map((l) => `${l.personName}：${l.refusal}`).join('；')}）`;
  return null;
}
