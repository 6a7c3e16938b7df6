import { addDays } from './calendar';
import { previousPeriod, ratio, reportPeriod, type PeriodCode, type ReportPeriod } from './statistics';

/**
 * The head's trend charts (局领导看板): the monthly report's key figures over
 * the last 13 periods, counted from one read of the cases instead of 13
 * monthly reports. The definitions are the monthly report's (db/queries/reports.ts),
 * so a chart's point and the named list it opens always agree:
 * - a registration (approved 失业登记) is registered from its decision until the
 *   first later approved 就业登记 of the person, or its 注销 day (`endedOn`);
 * - registered unemployed at a period's end: registered before the end and not
 *   ended before it; jobseekers: registered before the end and not ended before
 *   the period's start;
 * - each figure counts persons, each once.
 */

export const TREND_PERIOD_COUNT = 13;

/** The `count` periods ending with `last`, oldest first. */
export function trendPeriods(last: PeriodCode, count = TREND_PERIOD_COUNT): ReportPeriod[] {
  const codes = [last];
  while (codes.length < count) codes.unshift(previousPeriod(codes[0]!));
  return codes.map(reportPeriod);
}

/** An approved 失业登记 with what ended it. Instants are UTC ISO strings as stored; `endedOn` an office date. */
export interface RegistrationSpan {
  personId: number;
  decidedAt: string;
  /** The first approved 就业登记 of the person decided after this registration, or null. */
  employedAt: string | null;
  /** 注销 day, or null. */
  endedOn: string | null;
}

/** A decided case (就业登记, 补贴申请) counted in the period of its decision. */
export interface DecidedCase {
  personId: number | null;
  decidedAt: string;
}

export interface PostedVacancy {
  validFrom: string;
  openings: number;
}

export interface TrendPoint {
  period: PeriodCode;
  /** 本期新增失业登记人数 (named list `new_unemployment`). */
  newUnemployment: number;
  /** 新增就业人员 (named list `new_employment`). */
  newEmployment: number;
  /** 期末登记失业人数 (named list `registered_unemployed`). */
  registeredUnemployed: number;
  jobseekers: number;
  vacancyOpenings: number;
  /** 求人倍率 = vacancyOpenings ÷ jobseekers, 2 decimals; null without jobseekers. */
  jobsToSeekersRatio: string | null;
  /** 本期批准补贴申请的人数 (named list `subsidies_approved`). */
  subsidiesApproved: number;
}

/** The index of the period holding `value` (compared with `lower(p)` ≤ value < next period's lower bound), or -1 outside all. */
function periodIndex(periods: readonly ReportPeriod[], value: string, lower: (p: ReportPeriod) => string, upperOfLast: string): number {
  if (periods.length === 0 || value < lower(periods[0]!) || value >= upperOfLast) return -1;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lower(periods[mid]!) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Registered at the instant `at` when not ended by an employment before it nor by a 注销 before the office day `onDay`. */
function stillRegistered(r: RegistrationSpan, at: string, onDay: string): boolean {
  return (r.employedAt === null || r.employedAt >= at) && (r.endedOn === null || r.endedOn >= onDay);
}

/**
 * One pass over each list, whatever the number of periods: a decided case or a vacancy falls in one
 * period (found by bisection), and a registration counts from the period of its decision until the
 * first period it no longer reaches (periods are consecutive, so once ended it stays ended). It was
 * every registration of the county read once per period, with an office date computed each time —
 * most of the head's dashboard load.
 */
export function trendPoints(
  periods: readonly ReportPeriod[],
  data: { registrations: readonly RegistrationSpan[]; employments: readonly DecidedCase[]; subsidies: readonly DecidedCase[]; vacancies: readonly PostedVacancy[] },
): TrendPoint[] {
  const count = periods.length;
  if (count === 0) return [];
  const last = periods[count - 1]!;
  const sets = () => periods.map(() => new Set<number>());
  const [registered, jobseekers, newUnemployment, newEmployment, subsidies] = [sets(), sets(), sets(), sets(), sets()];
  const dayAfter = periods.map((p) => addDays(p.to, 1));
  const byDecision = (instant: string) => periodIndex(periods, instant, (p) => p.startInstant, last.endInstant);

  for (const r of data.registrations) {
    if (r.decidedAt >= last.endInstant) continue;
    const decidedIn = byDecision(r.decidedAt);
    if (decidedIn >= 0) newUnemployment[decidedIn]!.add(r.personId);
    for (let i = Math.max(decidedIn, 0); i < count; i += 1) {
      const p = periods[i]!;
      if (!stillRegistered(r, p.startInstant, p.from)) break;
      jobseekers[i]!.add(r.personId);
      if (!stillRegistered(r, p.endInstant, dayAfter[i]!)) break;
      registered[i]!.add(r.personId);
    }
  }
  for (const [cases, into] of [[data.employments, newEmployment], [data.subsidies, subsidies]] as const) {
    for (const c of cases) {
      const i = c.personId === null ? -1 : byDecision(c.decidedAt);
      if (i >= 0) into[i]!.add(c.personId!);
    }
  }
  const openings = periods.map(() => 0);
  for (const v of data.vacancies) {
    const i = periodIndex(periods, v.validFrom, (p) => p.from, dayAfter[count - 1]!);
    if (i >= 0) openings[i]! += v.openings;
  }
  return periods.map((p, i) => ({
    period: p.code,
    newUnemployment: newUnemployment[i]!.size,
    newEmployment: newEmployment[i]!.size,
    registeredUnemployed: registered[i]!.size,
    jobseekers: jobseekers[i]!.size,
    vacancyOpenings: openings[i]!,
    jobsToSeekersRatio: ratio(openings[i]!, jobseekers[i]!.size),
    subsidiesApproved: subsidies[i]!.size,
  }));
}
