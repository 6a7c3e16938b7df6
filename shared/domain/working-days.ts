import { addDays, isIsoDate, parseIsoDate } from './calendar';

/**
 * Statutory time limits (办理时限) are counted in working days. China moves
 * working days around public holidays (调休): the State Council publishes each
 * year's schedule in the previous winter, and some Saturdays and Sundays become
 * working days. No schedule is built in: the administrator enters the year's
 * dates, because a list shipped in code is wrong the day the next year's
 * notice appears. A year with no entries counts plain Monday–Friday, so due
 * dates beyond the entered years are provisional.
 */

export interface WorkCalendar {
  /** Days off that would otherwise be working days (法定节假日 and the weekdays added to them). */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays worked in exchange (调休上班). */
  adjustedWorkdays: ReadonlySet<string>;
}

export const PLAIN_WEEK_CALENDAR: WorkCalendar = { holidays: new Set(), adjustedWorkdays: new Set() };

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

/**
 * Problems with the administrator's entries, in Chinese, for the settings
 * screen. A date in both lists is refused because either reading could be the
 * typo; a weekday entered as an adjusted workday is refused because it would
 * silently do nothing, which usually means the wrong date was typed.
 */
export function workCalendarProblems(holidays: Iterable<string>, adjustedWorkdays: Iterable<string>): string[] {
  const problems: string[] = [];
  const holidaySet = new Set<string>();
  for (const day of holidays) {
    if (!isIsoDate(day)) problems.push(`节假日“${day}”不是有效日期（应为YYYY-MM-DD）`);
    else holidaySet.add(day);
  }
  for (const day of adjustedWorkdays) {
    if (!isIsoDate(day)) problems.push(`调休上班日“${day}”不是有效日期（应为YYYY-MM-DD）`);
    else if (holidaySet.has(day)) problems.push(`${day}同时登记为节假日和调休上班日`);
    else if (dayOfWeek(day) !== 0 && dayOfWeek(day) !== 6) problems.push(`${day}是工作日，不需要登记为调休上班日`);
  }
  return problems;
}

/** A WorkCalendar from the administrator's lists; throws with the Chinese problems if any. */
export function buildWorkCalendar(holidays: Iterable<string>, adjustedWorkdays: Iterable<string>): WorkCalendar {
  const holidayList = [...holidays];
  const adjustedList = [...adjustedWorkdays];
  const problems = workCalendarProblems(holidayList, adjustedList);
  if (problems.length > 0) throw new RangeError(problems.join('；'));
  return { holidays: new Set(holidayList), adjustedWorkdays: new Set(adjustedList) };
}

/** Monday–Friday unless a holiday; Saturday and Sunday only when entered as an adjusted workday. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return cal.adjustedWorkdays.has(date);
  return !cal.holidays.has(date);
}

function requireCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/**
 * The due date of an n-working-day limit started on `date`: the n-th working
 * day AFTER `date`. The starting day itself never counts, even when it is a
 * working day, because acceptance can happen at 16:55 and the office should
 * not lose a day to it (the usual 次日起算 reading of administrative limits).
 * So accepted Friday with a 1-day limit is due Monday; n = 0 returns `date`.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  requireCount(n, 'n');
  parseIsoDate(date);
  let day = date;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) counted += 1;
  }
  return day;
}

/**
 * Working days in the half-open range (from, to]: the same counting as
 * addWorkingDays, so workingDaysBetween(d, addWorkingDays(d, n)) = n. When
 * `to` is before `from` the result is the negative count of (to, from], so
 * workingDaysBetween(today, due) reads as "working days left", 0 on the due
 * date and −k when k working days overdue.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  parseIsoDate(from);
  parseIsoDate(to);
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let day = from; day < to; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) count += 1;
  }
  return count;
}

/**
 * A stretch when the clock stands still: 退回补正 from the day the case was
 * returned to the day the applicant resubmitted (null while still waiting).
 */
export interface ClockPause {
  from: string;
  to: string | null;
}

/**
 * The due date when the clock stops during pauses. A pause covers the days
 * (from, to]: the day of return still counts (the office had the case that
 * day) and the day of resubmission does not, exactly as the day of acceptance
 * does not. While a pause is open (to = null) the result is the earliest
 * possible due date, i.e. as if the applicant resubmitted `today`; it moves
 * one working day later for every working day the pause stays open.
 * Pauses that begin after the limit ran out do not move the due date.
 */
export function dueDateWithPauses(
  acceptedOn: string,
  limit: number,
  pauses: readonly ClockPause[],
  cal: WorkCalendar,
  today: string,
): string {
  requireCount(limit, 'limit');
  parseIsoDate(acceptedOn);
  parseIsoDate(today);
  const ranges = pauses.map(({ from, to }) => {
    parseIsoDate(from);
    if (from < acceptedOn) throw new RangeError(`pause ${from} starts before acceptance ${acceptedOn}`);
    if (to !== null) {
      parseIsoDate(to);
      if (to < from) throw new RangeError(`pause ends ${to} before it starts ${from}`);
    }
    return { from, to: to ?? (today > from ? today : from) };
  });
  const paused = (day: string) => ranges.some((r) => day > r.from && day <= r.to);
  let day = acceptedOn;
  let counted = 0;
  while (counted < limit) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal) && !paused(day)) counted += 1;
  }
  return day;
}
