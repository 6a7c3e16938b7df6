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

/**
 * The index of the period holding `value`: the last i with `lowers[i]` ≤ value, when value < `upperOfLast`;
 * -1 outside all. Bounds come as plain arrays (TrendFrame), worked out once rather than per row.
 */
function periodIndex(lowers: readonly string[], value: string, upperOfLast: string): number {
  if (lowers.length === 0 || value < lowers[0]! || value >= upperOfLast) return -1;
  let lo = 0;
  let hi = lowers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lowers[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
  /** Each period's first instant (a decision's period is found among them). */
  startInstants: readonly string[];
  /** Each period's first office day (a vacancy's period is found among them). */
  froms: readonly string[];
}

/** Bits of a 32-bit integer hold a person's periods: more than 31 periods are not drawn. */
export const MAX_TREND_PERIODS = 31;

export function trendFrame(periods: readonly ReportPeriod[]): TrendFrame {
  if (periods.length > MAX_TREND_PERIODS) throw new Error(`at most ${MAX_TREND_PERIODS} trend periods`);
  return { periods, dayAfter: periods.map((p) => addDays(p.to, 1)), startInstants: periods.map((p) => p.startInstant), froms: periods.map((p) => p.from) };
}

export function emptyShare(): PersonShare {
  return { newUnemployment: 0, newEmployment: 0, registeredUnemployed: 0, jobseekers: 0, subsidiesApproved: 0 };
}

/**
 * Adds to a share the periods one registration counts in: new in the period of its decision, and from that
 * period on a jobseeker and registered at the end until the first period it no longer reaches (periods are
 * consecutive, so once ended it stays ended). A share is the union of what each of its person's rows adds,
 * so rows may come in any order and need not be grouped by person first.
 */
export function addRegistration({ periods, dayAfter, startInstants }: TrendFrame, share: PersonShare, r: RegistrationSpan): void {
  const count = periods.length;
  if (count === 0) return;
  const endInstant = periods[count - 1]!.endInstant;
  if (r.decidedAt >= endInstant) return;
  const decidedIn = periodIndex(startInstants, r.decidedAt, endInstant);
  if (decidedIn >= 0) share.newUnemployment |= 1 << decidedIn;
  const { employedAt, endedOn } = r;
  for (let i = Math.max(decidedIn, 0); i < count; i += 1) {
    const p = periods[i]!;
    // Registered at an instant when not ended by an employment before it nor by a 注销 before that office day.
    if ((employedAt !== null && employedAt < p.startInstant) || (endedOn !== null && endedOn < p.from)) break;
    share.jobseekers |= 1 << i;
    if ((employedAt !== null && employedAt < p.endInstant) || (endedOn !== null && endedOn < dayAfter[i]!)) break;
    share.registeredUnemployed |= 1 << i;
  }
}

/** Adds to a share the period of a decided case (就业登记 → newEmployment, 补贴申请 → subsidiesApproved). */
export function addDecided({ periods, startInstants }: TrendFrame, share: PersonShare, figure: 'newEmployment' | 'subsidiesApproved', decidedAt: string): void {
  if (periods.length === 0) return;
  const i = periodIndex(startInstants, decidedAt, periods[periods.length - 1]!.endInstant);
  if (i >= 0) share[figure] |= 1 << i;
}

/** A person's share of the counts from their rows. */
export function personShare(frame: TrendFrame, rows: PersonTrendRows): PersonShare {
  const share = emptyShare();
  for (const r of rows.registrations) addRegistration(frame, share, r);
  for (const c of rows.employments) if (c.personId !== null) addDecided(frame, share, 'newEmployment', c.decidedAt);
  for (const c of rows.subsidies) if (c.personId !== null) addDecided(frame, share, 'subsidiesApproved', c.decidedAt);
  return share;
}

/**
 * Every person's share in one pass over the rows, without grouping them by person first (an enterprise's case
 * has no person and counts nowhere): persons in the order they first appear, registrations, then 就业登记, then
 * 补贴申请. `seen` is told each row a person has, in that order (the trend service keeps the cases they come from).
 */
export function sharesByPerson<R extends RegistrationSpan, D extends DecidedCase>(
  frame: TrendFrame,
  rows: { registrations: readonly R[]; employments: readonly D[]; subsidies: readonly D[] },
  seen?: (personId: number, row: R | D) => void,
): Map<number, PersonShare> {
  const shares = new Map<number, PersonShare>();
  const shareOf = (personId: number) => {
    let share = shares.get(personId);
    if (share === undefined) {
      share = emptyShare();
      shares.set(personId, share);
    }
    return share;
  };
  for (const r of rows.registrations) {
    addRegistration(frame, shareOf(r.personId), r);
    seen?.(r.personId, r);
  }
  for (const [cases, figure] of [[rows.employments, 'newEmployment'], [rows.subsidies, 'subsidiesApproved']] as const) {
    for (const c of cases) {
      if (c.personId === null) continue;
      addDecided(frame, shareOf(c.personId), figure, c.decidedAt);
      seen?.(c.personId, c);
    }
  }
  return shares;
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
    const { periods, dayAfter, froms } = this.frame;
    const count = periods.length;
    const openings = periods.map(() => 0);
    for (const v of vacancies) {
      const i = periodIndex(froms, v.validFrom, dayAfter[count - 1]!);
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
  for (const share of sharesByPerson(tally.frame, data).values()) tally.add(share);
  return tally.points(data.vacancies);
}
