import { ROLE_LABELS } from '../labels/zh-CN';
import type { Role } from '../roles';
import { addMonths, parseIsoDate } from './calendar';
import type { EmploymentChannel } from './case-code-tables';
import type { EmploymentStatusCode } from './code-tables';
import { ageOn } from './dates';
import type { Sex } from './id-number';
import { type FemaleRetirementCategory, MIN_WORKING_AGE, statutoryRetirement } from './retirement';
import type { WorkflowActor } from './workflow';
import { addWorkingDays, type WorkCalendar } from './working-days';

/** 失业登记 after approval: who may register, the follow-up contact, and cancellation (注销). */

export const FOLLOW_UP_WORKING_DAYS = 5;
export const NO_CONTACT_CANCELLATION_MONTHS = 6;

export interface UnemploymentEligibilityFacts {
  birthDate: string;
  sex: Sex;
  femaleRetirementCategory?: FemaleRetirementCategory;
  employmentStatus: EmploymentStatusCode;
}

/**
 * Why a person cannot register as unemployed on `asOf`, in Chinese; empty
 * when eligible. Ability and willingness to work are declared by the person
 * (告知承诺) and not judged here. A woman whose original retirement category
 * is unknown is judged by the later one (see ASSUMED_FEMALE_CATEGORY), so the
 * check never refuses someone who may still be of working age.
 */
export function checkUnemploymentEligibility(facts: UnemploymentEligibilityFacts, asOf: string): string[] {
  parseIsoDate(asOf);
  const reasons: string[] = [];
  if (ageOn(facts.birthDate, asOf) < MIN_WORKING_AGE) reasons.push(`未满${MIN_WORKING_AGE}周岁`);
  const retirement = statutoryRetirement(facts.birthDate, facts.sex, facts.femaleRetirementCategory);
  if (asOf >= retirement.retirementDate) {
    reasons.push(`已达到法定退休年龄（${retirement.label}，${retirement.retirementDate}起）`);
  }
  if (facts.employmentStatus === 'employed') reasons.push('目前为就业状态，须先办理就业状态变更');
  if (facts.employmentStatus === 'retired') reasons.push('已退休（领取基本养老金）');
  if (facts.employmentStatus === 'unemployed_registered') reasons.push('已有有效的失业登记，不能重复登记');
  return reasons;
}

/** Staff must contact a newly registered person within 5 working days of acceptance. */
export function followUpDue(acceptedOn: string, cal: WorkCalendar): string {
  return addWorkingDays(acceptedOn, FOLLOW_UP_WORKING_DAYS, cal);
}

/**
 * True once 6 months have passed since the last contact (the registration date
 * if there was none): asOf ≥ addMonths(lastContactOn, 6), end-of-month
 * clamped, so a contact on 08-31 makes the case due on 02-28/29. This only
 * proposes 注销 for reason no_contact_6_months; a reviewer confirms it.
 */
export function proposeCancellation(lastContactOn: string, asOf: string): boolean {
  parseIsoDate(asOf);
  return asOf >= addMonths(lastContactOn, NO_CONTACT_CANCELLATION_MONTHS);
}

export interface CancellationReason {
  code: string;
  label: string;
  /** Who may record it; the 6-month rule is proposed by the system and only confirmed by a reviewer. */
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['front_desk', 'counselor', 'reviewer', 'head'];

/** 注销 reasons (DOMAIN.md §3). */
export const CANCELLATION_REASONS: readonly CancellationReason[] = [
  { code: 'employed', label: '实现就业', roles: STAFF },
  { code: 'self_employed', label: '自主创业（含从事个体经营）', roles: STAFF },
  { code: 'stable_income', label: '有稳定收入且不低于当地最低工资标准', roles: STAFF },
  { code: 'pension', label: '领取基本养老金', roles: STAFF },
  { code: 'unable_to_work', label: '完全丧失劳动能力', roles: STAFF },
  { code: 'school_military_emigration', label: '入学、服兵役或移居境外', roles: STAFF },
  { code: 'imprisoned', label: '被判刑收监执行', roles: STAFF },
  { code: 'stopped_seeking', label: '无求职意愿或拒绝公共就业服务', roles: STAFF },
  { code: 'no_contact_6_months', label: '连续6个月未与公共就业服务机构联系', roles: ['reviewer', 'head'] },
  { code: 'death', label: '死亡', roles: STAFF },
  { code: 'local_rule', label: '地方规定的其他情形', roles: STAFF },
];

/**
 * Null when `actor` may cancel for `reasonCode`, else why not. "Other" needs
 * a note because its code alone does not say why the registration ended.
 */
export function cancellationRefusal(reasonCode: string, actor: WorkflowActor, note: string | null): string | null {
  const reason = CANCELLATION_REASONS.find((r) => r.code === reasonCode);
  if (!reason) return `未知的注销原因：${reasonCode}`;
  if (!reason.roles.some((r) => actor.roles.includes(r))) {
    return `以“${reason.label}”为由注销须由${reason.roles.map((r) => ROLE_LABELS[r]).join('或')}办理`;
  }
  if (reasonCode === 'local_rule' && (note === null || note.trim() === '')) return '以“地方规定的其他情形”注销须填写说明';
  return null;
}

/** The 注销 reason recorded when an approved 就业登记 closes an open 失业登记. */
export function cancellationReasonForChannel(channel: EmploymentChannel): 'employed' | 'self_employed' {
  return channel === 'self_employed' ? 'self_employed' : 'employed';
}
