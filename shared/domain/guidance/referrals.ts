/**
 * 推荐 (referral): a counselor sends a person to a vacancy, a training class
 * or programme, a subsidy application or entrepreneurship services, and
 * follows it to its outcome. The states and the moves between them are
 * decided here; the services only carry them out.
 */
import { vacancyStatusOn } from '../vacancy';

export const REFERRAL_KINDS = [
  ['vacancy', '岗位推荐'], ['training', '培训推荐'], ['subsidy', '补贴申请推荐'], ['entrepreneurship', '创业服务推荐'],
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number][0];

export const REFERRAL_STATES = [
  ['referred', '已推荐'], ['interview', '面试'], ['hired', '录用'], ['not_hired', '未录用'],
  ['taken_up', '已参加/已申请'], ['not_taken_up', '未参加/未申请'],
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number][0];

/**
 * Where a referral may go next. A vacancy referral runs 推荐 → 面试 → 录用/未录用
 * (the employer may answer without an interview being recorded); the others
 * end when the person took the service up or did not. Outcomes are final: a
 * wrong outcome is a new referral, not an edit, so the report's counts never move back.
 */
const MOVES: Record<ReferralKind, Partial<Record<ReferralState, readonly ReferralState[]>>> = {
  vacancy: { referred: ['interview', 'hired', 'not_hired'], interview: ['hired', 'not_hired'] },
  training: { referred: ['taken_up', 'not_taken_up'] },
  subsidy: { referred: ['taken_up', 'not_taken_up'] },
  entrepreneurship: { referred: ['taken_up', 'not_taken_up'] },
};

export function nextReferralStates(kind: ReferralKind, from: ReferralState): readonly ReferralState[] {
  return MOVES[kind][from] ?? [];
}

export function isFinalReferralState(kind: ReferralKind, state: ReferralState): boolean {
  return nextReferralStates(kind, state).length === 0;
}

export const referralKindLabel = (code: string) => REFERRAL_KINDS.find(([c]) => c === code)?.[1] ?? code;
export const referralStateLabel = (code: string) => REFERRAL_STATES.find(([c]) => c === code)?.[1] ?? code;

/** Why a referral cannot move to `to` on `onDate`, in Chinese, or null. */
export function referralMoveProblem(
  referral: { kind: ReferralKind; state: ReferralState; referredOn: string; lastMoveOn: string },
  to: ReferralState,
  onDate: string,
  today: string,
): { field: 'state' | 'onDate'; message: string } | null {
  const allowed = nextReferralStates(referral.kind, referral.state);
  if (allowed.length === 0) return { field: 'state', message: `该推荐已有结果（${referralStateLabel(referral.state)}），不能再更改；如结果有误，请重新推荐` };
  if (!allowed.includes(to)) {
    return { field: 'state', message: `${referralKindLabel(referral.kind)}不能从“${referralStateLabel(referral.state)}”改为“${referralStateLabel(to)}”，可选：${allowed.map(referralStateLabel).join('、')}` };
  }
  if (onDate < referral.lastMoveOn) return { field: 'onDate', message: `日期不能早于上一步的日期（${referral.lastMoveOn}）` };
  if (onDate > today) return { field: 'onDate', message: `日期不能晚于今天（${today}）` };
  return null;
}

/** Why a person cannot be referred to this vacancy on `referredOn`, or null: only an open vacancy valid that day takes referrals. */
export function vacancyReferralProblem(vacancy: { status: 'open' | 'filled' | 'withdrawn'; validFrom: string; validTo: string; title: string }, referredOn: string): string | null {
  const status = vacancyStatusOn(vacancy.status, vacancy.validTo, referredOn);
  if (status === 'filled') return `岗位“${vacancy.title}”已招满，不能再推荐`;
  if (status === 'withdrawn') return `岗位“${vacancy.title}”已撤下，不能再推荐`;
  if (status === 'expired') return `岗位“${vacancy.title}”已于${vacancy.validTo}过期，不能再推荐`;
  if (referredOn < vacancy.validFrom) return `岗位“${vacancy.title}”${vacancy.validFrom}起才开始招聘`;
  return null;
}

/**
 * What a 录用 proposes: the 就业登记 form's values known from the referral, so
 * the window only adds the contract and the documents (shared/domain/case-types.ts).
 */
export function employmentRegistrationProposal(hiredOn: string, employer: { name: string; creditCode: string | null }): Record<string, string | null> {
  return { channel: 'employer_job', employerName: employer.name, employerCreditCode: employer.creditCode, startDate: hiredOn };
}
