import type { Role } from '../roles';
import { addDays, addMonths } from './calendar';
import type { EmploymentStatusCode } from './code-tables';
import { CANCELLATION_REASONS, DIFFICULTY_EXIT_REASONS, DIFFICULTY_SUSPENSION_REASONS, NO_CONTACT_CANCELLATION_MONTHS, proposeCancellation } from './case-types';
import type { DifficultyCertification } from './key-groups';

/**
 * What happens to a person after a decision: service contacts (联系记录)
 * that satisfy the follow-up and keep a registration alive, the 注销 of a
 * registration, and the life of a 就业困难人员 certification (annual review,
 * suspension, exit). Pure rules; the services in db/services own the tables.
 */

export const CONTACT_KINDS = [
  ['follow_up', '回访/跟踪联系'], ['counseling', '职业指导'], ['job_referral', '岗位推荐'],
  ['policy_info', '政策宣传'], ['training_referral', '培训推荐'], ['other', '其他'],
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number][0];

export const CONTACT_CHANNELS = [['visit', '来访'], ['phone', '电话'], ['sms', '短信'], ['wechat', '微信'], ['home_visit', '上门']] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number][0];

export function contactKindLabel(code: string): string {
  return CONTACT_KINDS.find(([c]) => c === code)?.[1] ?? code;
}

export function contactChannelLabel(code: string): string {
  return CONTACT_CHANNELS.find(([c]) => c === code)?.[1] ?? code;
}

/** Why a contact date cannot be right, in Chinese; null when it can. */
export function contactDateProblem(contactDate: string, today: string, birthDate: string): string | null {
  if (contactDate > today) return '联系日期不能晚于今天';
  if (contactDate < birthDate) return '联系日期不能早于本人出生日期';
  return null;
}

/**
 * The person's employment status after 注销, by reason. Work of any kind
 * (including a stable income from it) is 已就业; a pension is 已退休; the
 * reasons that take the person out of the labour market are 非劳动力; a lost
 * contact or a local rule only says the person is no longer registered.
 */
export const STATUS_AFTER_CANCELLATION: Record<string, EmploymentStatusCode> = {
  employed: 'employed',
  self_employed: 'employed',
  stable_income: 'employed',
  pension: 'retired',
  unable_to_work: 'not_in_labour_force',
  school_military_emigration: 'not_in_labour_force',
  imprisoned: 'not_in_labour_force',
  stopped_seeking: 'not_in_labour_force',
  no_contact_6_months: 'unemployed_unregistered',
  death: 'not_in_labour_force',
  local_rule: 'unemployed_unregistered',
};

/**
 * DOMAIN.md lists "registration cancelled" as an exit from 就业困难人员 status.
 * Ending the registration because the person found work is not such an exit:
 * 公益性岗位 and the employment subsidies are for certified people who work,
 * and a job is a suspension (short_term_work) if anything. Every other 注销
 * reason ends an active certification with exit reason registration_cancelled.
 */
export function cancellationExitsCertification(reasonCode: string): boolean {
  return STATUS_AFTER_CANCELLATION[reasonCode] !== 'employed';
}

export function cancellationReasonLabel(code: string): string {
  return CANCELLATION_REASONS.find((r) => r.code === code)?.label ?? code;
}

/**
 * The latest last-contact date that makes a registration due for 注销 on
 * `asOf` (proposeCancellation is monotone in the contact date), so a list can
 * select `last_contact <= cutoff` in SQL and still agree with the rule day
 * for day, end-of-month clamping included.
 */
export function noContactCutoff(asOf: string): string {
  let day = addDays(addMonths(asOf, -NO_CONTACT_CANCELLATION_MONTHS), 4);
  while (!proposeCancellation(day, asOf)) day = addDays(day, -1);
  return day;
}

// ---------- 就业困难人员认定 after approval ----------

export type CertificationEventKind = 'review' | 'suspend' | 'resume' | 'exit';
export type RegistrationEventKind = 'cancel';
export type AftercareEventKind = CertificationEventKind | RegistrationEventKind;

export const AFTERCARE_EVENT_LABELS: Record<AftercareEventKind, string> = {
  review: '年度复核', suspend: '暂停认定', resume: '恢复认定', exit: '退出认定', cancel: '注销失业登记',
};

/** Who may take each step of a certification's life: the review at the window, the rest as a decision. */
export const CERTIFICATION_EVENT_ROLES: Record<CertificationEventKind, readonly Role[]> = {
  review: ['front_desk', 'counselor', 'reviewer', 'head'],
  suspend: ['reviewer', 'head'],
  resume: ['reviewer', 'head'],
  exit: ['reviewer', 'head'],
};

export function suspensionReasonLabel(code: string): string {
  return DIFFICULTY_SUSPENSION_REASONS.find(([c]) => c === code)?.[1] ?? code;
}

export function exitReasonLabel(code: string): string {
  return DIFFICULTY_EXIT_REASONS.find(([c]) => c === code)?.[1] ?? code;
}

export interface CertificationEvent { kind: AftercareEventKind; onDate: string }

/**
 * The periods in which a certification gives the key-group tag: its validity,
 * cut by each suspension (the tag is off from the suspension day) until the
 * resumption, and ended by the exit. Events are in the order they happened.
 */
export function certificationPeriods(
  cert: { category: string; validFrom: string; validTo: string | null },
  events: readonly CertificationEvent[],
): DifficultyCertification[] {
  const periods: DifficultyCertification[] = [];
  let start: string | null = cert.validFrom;
  for (const event of events) {
    if (event.kind === 'suspend' && start !== null) {
      periods.push({ ...cert, validFrom: start, endedOn: event.onDate });
      start = null;
    } else if (event.kind === 'resume' && start === null) {
      start = event.onDate > cert.validFrom ? event.onDate : cert.validFrom;
    } else if (event.kind === 'exit' || event.kind === 'cancel') {
      if (start !== null) periods.push({ ...cert, validFrom: start, endedOn: event.onDate });
      return periods;
    }
  }
  if (start !== null) periods.push({ ...cert, validFrom: start, endedOn: null });
  return periods;
}
