import { addYears } from './calendar';

/**
 * 就业困难人员认定 after approval: why a certification is suspended or ends, and when it is reviewed.
 * The categories themselves are each province's own: an administrator's table
 * (code_entries 'difficulty_categories', seeded by migration 0013 from DOMAIN.md §3).
 */

/** [confirm] Why a certification is put on hold, pending the annual review or a check. */
export const DIFFICULTY_SUSPENSION_REASONS = [
  ['review_missed', '未按期参加年度复核'], ['short_term_work', '阶段性就业（就业期间暂停享受）'], ['under_verification', '信息核查中'],
] as const;

/** [confirm] Why a certification ends (DOMAIN.md §3, plus the obvious end of working age and death). */
export const DIFFICULTY_EXIT_REASONS = [
  ['registration_cancelled', '失业登记已注销'], ['family_member_employed', '家庭成员实现稳定就业'],
  ['business_income', '取得经营性收入'], ['moved_out', '户籍迁出本地'], ['retirement_age', '达到法定退休年龄'],
  ['expired', '认定有效期届满'], ['false_information', '提供虚假材料'], ['death', '死亡'],
] as const;

/** The annual review falls a year after the certification or the last review, whichever is later. */
export function annualReviewDue(certifiedOn: string, lastReviewedOn: string | null): string {
  return addYears(lastReviewedOn !== null && lastReviewedOn > certifiedOn ? lastReviewedOn : certifiedOn, 1);
}
