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

function inPeriod(instant: string, p: ReportPeriod): boolean {
  return instant >= p.startInstant && instant < p.endInstant;
}

function distinctPersons(cases: readonly DecidedCase[], p: ReportPeriod): number {
  const persons = new Set<number>();
  for (const m of cases) if (m.personId !== null && inPeriod(m.decidedAt, p)) persons.add(m.personId);
  return persons.size;
}

/** Registered at the instant `at` when not ended by an employment before it nor by a 注销 before the office day `onDay`. */
function stillRegistered(r: RegistrationSpan, at: string, onDay: string): boolean {
  return (r.employedAt === null || r.employedAt >= at) && (r.endedOn === null || r.endedOn >= onDay);
}

export function trendPoints(
  periods: readonly ReportPeriod[],
  data: { registrations: readonly RegistrationSpan[]; employments: readonly DecidedCase[]; subsidies: readonly DecidedCase[]; vacancies: readonly PostedVacancy[] },
): TrendPoint[] {
  return periods.map((p) => {
    const registered = new Set<number>();
    const jobseekers = new Set<number>();
    const newUnemployment = new Set<number>();
    for (const r of data.registrations) {
      if (r.decidedAt >= p.endInstant) continue;
      if (r.decidedAt >= p.startInstant) newUnemployment.add(r.personId);
      if (stillRegistered(r, p.startInstant, p.from)) jobseekers.add(r.personId);
      if (stillRegistered(r, p.endInstant, addDays(p.to, 1))) registered.add(r.personId);
    }
    const vacancyOpenings = data.vacancies.filter((v) => v.validFrom >= p.from && v.validFrom <= p.to).reduce((n, v) => n + v.openings, 0);
    return {
      period: p.code,
      newUnemployment: newUnemployment.size,
      newEmployment: distinctPersons(data.employments, p),
      registeredUnemployed: registered.size,
      jobseekers: jobseekers.size,
      vacancyOpenings,
      jobsToSeekersRatio: ratio(vacancyOpenings, jobseekers.size),
      subsidiesApproved: distinctPersons(data.subsidies, p),
    };
  });
}
