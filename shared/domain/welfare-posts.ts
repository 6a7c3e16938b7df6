/**
 * 公益性岗位 (public-welfare posts): who may be placed, until when, when the
 * placement must end, when staff are reminded, and the monthly subsidy while
 * in post. Pure; db/services/welfare-posts.ts carries the decisions out.
 */
import { addDays, addYears, daysInMonth } from './calendar';
import { ageOn } from './dates';
import { MIN_WORKING_AGE, lastWorkingAgeDay, withinYearsOfRetirement, type FemaleRetirementCategory } from './retirement';

/** [confirm] A placement lasts at most 3 years; someone hired within 5 years of retirement may stay until retirement. */
export const PLACEMENT_YEARS = 3;
export const NEAR_RETIREMENT_YEARS = 5;
/** Staff are reminded this many days before a placement's planned end. */
export const REMINDER_DAYS = 30;

export const PLACEMENT_END_REASONS = [
  ['certification_ended', '就业困难人员认定终止'], ['term_reached', '安置期满'], ['resigned', '本人辞职'], ['dismissed', '单位解除'], ['other', '其他'],
] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number][0];
/** The reasons staff record by hand; the other two are the daily check's. */
export const MANUAL_END_REASONS: readonly PlacementEndReason[] = ['resigned', 'dismissed', 'other'];

export const placementEndReasonLabel = (code: string | null) => (code === null ? '' : (PLACEMENT_END_REASONS.find(([c]) => c === code)?.[1] ?? code));

export interface PlacementPerson {
  birthDate: string;
  sex: 'male' | 'female';
  femaleRetirementCategory: FemaleRetirementCategory | null;
}

/**
 * The last day of a placement begun on `hiredOn`: three years less a day, or
 * — for someone within five years of retirement on the day of hire — the day
 * before the retirement date (never later than that day in any case), and
 * never after the post's own period.
 */
export function plannedEndOf(hiredOn: string, person: PlacementPerson, postPeriodTo = '9999-12-31'): { plannedEndOn: string; untilRetirement: boolean } {
  const category = person.femaleRetirementCategory ?? undefined;
  const lastDay = lastWorkingAgeDay(person.birthDate, person.sex, category);
  const untilRetirement = withinYearsOfRetirement(person.birthDate, person.sex, hiredOn, NEAR_RETIREMENT_YEARS, category);
  const term = addDays(addYears(hiredOn, PLACEMENT_YEARS), -1);
  const end = untilRetirement || lastDay < term ? lastDay : term;
  // Never beyond the post itself: a placement ends with the post's period.
  return { plannedEndOn: postPeriodTo < end ? postPeriodTo : end, untilRetirement };
}

/** The certification as the hire sees it: approved, with its validity, and whether it has ended or is on hold. */
export interface CertificationState {
  validFrom: string | null;
  validTo: string | null;
  endedOn: string | null;
  suspendedOn: string | null;
}

/** Why the person may not be placed in the post on `hiredOn` (per field), or an empty record. */
export function hireProblems(
  post: { status: 'open' | 'closed'; periodFrom: string; periodTo: string; positions: number; filled: number; title: string },
  person: PlacementPerson & { inPost: string | null },
  certification: CertificationState | null,
  hiredOn: string,
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (hiredOn > today) problems.hiredOn = `上岗日期不能晚于今天（${today}）`;
  if (post.status !== 'open') problems.postId = `岗位“${post.title}”已关闭`;
  else if (hiredOn < post.periodFrom || hiredOn > post.periodTo) problems.hiredOn = `上岗日期应在岗位开发期限内（${post.periodFrom}至${post.periodTo}）`;
  else if (post.filled >= post.positions) problems.postId = `岗位“${post.title}”已满员（${post.positions}人）`;
  if (certification === null) {
    problems.personId = '此人没有有效的就业困难人员认定：公益性岗位只能安置经认定的就业困难人员，请先办理就业困难人员认定';
  } else if (certification.endedOn !== null && certification.endedOn <= hiredOn) {
    problems.personId = `此人的就业困难人员认定已于${certification.endedOn}终止，不能安置到公益性岗位`;
  } else if (certification.suspendedOn !== null) {
    problems.personId = `此人的就业困难人员认定自${certification.suspendedOn}暂停，暂停期间不能安置到公益性岗位`;
  } else if ((certification.validFrom && hiredOn < certification.validFrom) || (certification.validTo && hiredOn > certification.validTo)) {
    problems.personId = `上岗日期不在就业困难人员认定的有效期内（${certification.validFrom ?? '—'}至${certification.validTo ?? '—'}）`;
  }
  if (!problems.personId) {
    if (ageOn(person.birthDate, hiredOn) < MIN_WORKING_AGE) problems.personId = `上岗日未满${MIN_WORKING_AGE}周岁`;
    else if (hiredOn > lastWorkingAgeDay(person.birthDate, person.sex, person.femaleRetirementCategory ?? undefined)) problems.personId = '上岗日已达法定退休年龄';
    else if (person.inPost) problems.personId = `此人已在公益性岗位“${person.inPost}”，不能同时安置两个岗位`;
  }
  return problems;
}

/**
 * What the daily check does with a placement still open on `today`: end it
 * because its certification ended (on that day), or because its planned end
 * has passed (on the planned end); null to leave it.
 */
export function dueExit(placement: { plannedEndOn: string }, certificationEndedOn: string | null, today: string): { reason: 'certification_ended' | 'term_reached'; endedOn: string } | null {
  if (certificationEndedOn !== null && certificationEndedOn <= today && certificationEndedOn <= placement.plannedEndOn) return { reason: 'certification_ended', endedOn: certificationEndedOn };
  if (placement.plannedEndOn < today) return { reason: 'term_reached', endedOn: placement.plannedEndOn };
  return null;
}

/** The placement is on the reminder list from REMINDER_DAYS before its planned end up to that day. */
export function reminderDue(plannedEndOn: string, today: string): boolean {
  return today <= plannedEndOn && addDays(today, REMINDER_DAYS) >= plannedEndOn;
}

/**
 * [confirm] The subsidy for `month` (YYYY-MM): the monthly amount for a month
 * wholly in post, prorated by calendar days in post otherwise, in fen (rounded).
 */
export function monthlySubsidyFen(monthlyFen: number, placement: { hiredOn: string; lastDay: string }, month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = daysInMonth(year, m);
  const first = `${month}-01`;
  const last = `${month}-${String(days).padStart(2, '0')}`;
  const from = placement.hiredOn > first ? placement.hiredOn : first;
  const to = placement.lastDay < last ? placement.lastDay : last;
  if (to < from) return 0;
  const inPost = Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
  return inPost === days ? monthlyFen : Math.round((monthlyFen * inPost) / days);
}

/**
 * Why the subsidy of `month` (YYYY-MM) cannot be recorded for payment on `today`, or null: a month is paid
 * for days spent in post, so only once it is over.
 */
export function subsidyMonthProblem(month: string, today: string): string | null {
  const current = today.slice(0, 7);
  if (month > current) return `补贴月份（${month}）不能晚于本月（${current}）：公益性岗位补贴按在岗天数计发，不能预发`;
  if (month === current) return `补贴月份${month}尚未结束：公益性岗位补贴按在岗天数计发，月末后方可记入应发`;
  return null;
}
