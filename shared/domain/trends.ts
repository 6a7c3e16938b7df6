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

/** The person figures of a trend point. */
const PERSON_FIGURES = ['newUnemployment', 'newEmployment', 'registeredUnemployed', 'jobseekers', 'subsidiesApproved'] as const;
type PersonFigure = (typeof PERSON_FIGURES)[number];

/** One person's share of the counts: per figure, bit i set when the person counts in period i. */
export type PersonShare = Record<PersonFigure, number>;

/** One person's rows (a registration's or case's personId is this person's). */
export interface PersonTrendRows {
  registrations: readonly RegistrationSpan[];
  employments: readonly DecidedCase[];
  subsidies: readonly DecidedCase[];
}

/** The periods with what every share needs of them, worked out once. */
export interface TrendFrame {
  periods: readonly ReportPeriod[];
  dayAfter: readonly string[];
}

/** Bits of a 32-bit integer hold a person's periods: more than 31 periods are not drawn. */
export const MAX_TREND_PERIODS = 31;

export function trendFrame(periods: readonly ReportPeriod[]): TrendFrame {
  if (periods.length > MAX_TREND_PERIODS) throw new Error(`at most ${MAX_TREND_PERIODS} trend periods`);
  return { periods, dayAfter: periods.map((p) => addDays(p.to, 1)) };
}

/**
 * A person's share, one pass over their rows: a decided case falls in one period (found by bisection), and a
 * registration counts from the period of its decision until the first period it no longer reaches (periods
 * are consecutive, so once ended it stays ended).
 */
export function personShare({ periods, dayAfter }: TrendFrame, rows: PersonTrendRows): PersonShare {
  const share: PersonShare = { newUnemployment: 0, newEmployment: 0, registeredUnemployed: 0, jobseekers: 0, subsidiesApproved: 0 };
  const count = periods.length;
  if (count === 0) return share;
  const last = periods[count - 1]!;
  const byDecision = (instant: string) => periodIndex(periods, instant, (p) => p.startInstant, last.endInstant);
  for (const r of rows.registrations) {
    if (r.decidedAt >= last.endInstant) continue;
    const decidedIn = byDecision(r.decidedAt);
    if (decidedIn >= 0) share.newUnemployment |= 1 << decidedIn;
    for (let i = Math.max(decidedIn, 0); i < count; i += 1) {
      const p = periods[i]!;
      if (!stillRegistered(r, p.startInstant, p.from)) break;
      share.jobseekers |= 1 << i;
      if (!stillRegistered(r, p.endInstant, dayAfter[i]!)) break;
      share.registeredUnemployed |= 1 << i;
    }
  }
  for (const [cases, figure] of [[rows.employments, 'newEmployment'], [rows.subsidies, 'subsidiesApproved']] as const) {
    for (const c of cases) {
      const i = c.personId === null ? -1 : byDecision(c.decidedAt);
      if (i >= 0) share[figure] |= 1 << i;
    }
  }
  return share;
}

/** Persons counted per figure and period: the sum of every person's share, kept up to date a person at a time. */
export class TrendTally {
  readonly counts: Record<PersonFigure, number[]>;

  constructor(readonly frame: TrendFrame) {
    const zeros = () => frame.periods.map(() => 0);
    this.counts = { newUnemployment: zeros(), newEmployment: zeros(), registeredUnemployed: zeros(), jobseekers: zeros(), subsidiesApproved: zeros() };
  }

  /** Adds a person's share (`sign` −1 takes it away, before their new share is added). */
  add(share: PersonShare, sign: 1 | -1 = 1): void {
    for (const figure of PERSON_FIGURES) {
      let bits = share[figure];
      const counts = this.counts[figure];
      for (let i = 0; bits !== 0; i += 1, bits >>>= 1) if (bits & 1) counts[i]! += sign;
    }
  }

  /** The points, with the vacancies' openings summed per period of their validity's start. */
  points(vacancies: readonly PostedVacancy[]): TrendPoint[] {
    const { periods, dayAfter } = this.frame;
    const count = periods.length;
    const openings = periods.map(() => 0);
    for (const v of vacancies) {
      const i = periodIndex(periods, v.validFrom, (p) => p.from, dayAfter[count - 1]!);
      if (i >= 0) openings[i]! += v.openings;
    }
    const c = this.counts;
    return periods.map((p, i) => ({
      period: p.code,
      newUnemployment: c.newUnemployment[i]!,
      newEmployment: c.newEmployment[i]!,
      registeredUnemployed: c.registeredUnemployed[i]!,
      jobseekers: c.jobseekers[i]!,
      vacancyOpenings: openings[i]!,
      jobsToSeekersRatio: ratio(openings[i]!, c.jobseekers[i]!),
      subsidiesApproved: c.subsidiesApproved[i]!,
    }));
  }
}

/** Rows grouped by person (an enterprise's case has no person and counts nowhere). */
export function rowsByPerson(data: PersonTrendRows): Map<number, { registrations: RegistrationSpan[]; employments: DecidedCase[]; subsidies: DecidedCase[] }> {
  const byPerson = new Map<number, { registrations: RegistrationSpan[]; employments: DecidedCase[]; subsidies: DecidedCase[] }>();
  const of = (personId: number) => {
    let rows = byPerson.get(personId);
    if (!rows) {
      rows = { registrations: [], employments: [], subsidies: [] };
      byPerson.set(personId, rows);
    }
    return rows;
  };
  for (const r of data.registrations) of(r.personId).registrations.push(r);
  for (const c of data.employments) if (c.personId !== null) of(c.personId).employments.push(c);
  for (const c of data.subsidies) if (c.personId !== null) of(c.personId).subsidies.push(c);
  return byPerson;
}

/**
 * The points of every period: each person's share of the counts (each person once), summed. It was every
 * registration of the county read once per period, with an office date computed each time — most of the
 * head's dashboard load; counted by person, a write re-counts only the persons it touched
 * (db/services/report-trends.ts).
 */
export function trendPoints(
  periods: readonly ReportPeriod[],
  data: PersonTrendRows & { vacancies: readonly PostedVacancy[] },
): TrendPoint[] {
  const tally = new TrendTally(trendFrame(periods));
  for (const rows of rowsByPerson(data).values()) tally.add(personShare(tally.frame, rows));
  return tally.points(data.vacancies);
}
