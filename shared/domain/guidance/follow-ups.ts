/**
 * 回访 (follow-up) of guidance: scheduled by the rules below when a session or
 * a referral is recorded, or set by hand. Due days are counted in working
 * days from the administrator's calendar (shared/domain/working-days.ts).
 */
import { addWorkingDays, isWorkingDay, type WorkCalendar } from '../working-days';
import { addDays } from '../calendar';

export const FOLLOW_UP_REASONS = [
  ['session', '指导后回访'], ['referral', '推荐后回访'], ['plan_item', '计划到期回访'], ['manual', '手工安排'],
] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number][0];

export const FOLLOW_UP_STATUSES = [['due', '待回访'], ['done', '已回访'], ['cancelled', '已取消']] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number][0];

export const followUpReasonLabel = (code: string) => FOLLOW_UP_REASONS.find(([c]) => c === code)?.[1] ?? code;

/**
 * [confirm] How long after an event the counselor calls back, in working days:
 * a session after two weeks, a vacancy referral after one (the employer
 * usually answers within it), other referrals after two.
 */
export const FOLLOW_UP_WORKING_DAYS = { session: 10, vacancyReferral: 5, otherReferral: 10 } as const;

/** A day that is not a working day moves to the next working day (a plan due on Saturday is followed up on Monday). */
export function onOrAfterWorkingDay(date: string, cal: WorkCalendar): string {
  let day = date;
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}

export interface PlannedFollowUp {
  reason: FollowUpReason;
  dueOn: string;
  /** Index into the session's plan items, for reason plan_item. */
  planItemIndex?: number;
}

/**
 * The follow-ups a session schedules: one after the session, and one on each
 * plan item's due date (moved to a working day). Plan items due on the same
 * day as the session's own follow-up add nothing: one call covers both.
 */
export function sessionFollowUps(sessionDate: string, planDueDates: readonly string[], cal: WorkCalendar): PlannedFollowUp[] {
  const afterSession = addWorkingDays(sessionDate, FOLLOW_UP_WORKING_DAYS.session, cal);
  const planned: PlannedFollowUp[] = [{ reason: 'session', dueOn: afterSession }];
  const seen = new Set([afterSession]);
  planDueDates.forEach((due, i) => {
    const day = onOrAfterWorkingDay(due, cal);
    if (seen.has(day)) return;
    seen.add(day);
    planned.push({ reason: 'plan_item', dueOn: day, planItemIndex: i });
  });
  return planned;
}

/** The follow-up a referral schedules. */
export function referralFollowUp(kind: 'vacancy' | 'training' | 'subsidy' | 'entrepreneurship', referredOn: string, cal: WorkCalendar): PlannedFollowUp {
  const days = kind === 'vacancy' ? FOLLOW_UP_WORKING_DAYS.vacancyReferral : FOLLOW_UP_WORKING_DAYS.otherReferral;
  return { reason: 'referral', dueOn: addWorkingDays(referredOn, days, cal) };
}

/** Why a follow-up set by hand cannot be due on `dueOn`, or null: not before the day it is set, and within a year. */
export function manualFollowUpProblem(dueOn: string, today: string, latestServiceOn: string | null): string | null {
  if (latestServiceOn !== null && dueOn < latestServiceOn) return `回访日期不能早于最近一次指导或推荐的日期（${latestServiceOn}）`;
  if (dueOn < today) return `回访日期不能早于今天（${today}）`;
  if (dueOn > addDays(today, 366)) return '回访日期不能晚于一年以后';
  return null;
}

/** Why a follow-up cannot be recorded as done on `doneOn`, or null. */
export function followUpDoneProblem(status: FollowUpStatus, doneOn: string, scheduledOn: string, today: string): string | null {
  if (status !== 'due') return status === 'done' ? '该回访已经记录过' : '该回访已取消';
  if (doneOn > today) return `回访日期不能晚于今天（${today}）`;
  if (doneOn < scheduledOn) return `回访日期不能早于安排回访的日期（${scheduledOn}）`;
  return null;
}

export type FollowUpStanding = 'overdue' | 'today' | 'upcoming';

/** A due follow-up seen on `today`: late (missed, for the head's list), today's, or still ahead. */
export function followUpStanding(dueOn: string, today: string): FollowUpStanding {
  return dueOn < today ? 'overdue' : dueOn === today ? 'today' : 'upcoming';
}
