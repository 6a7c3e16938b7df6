import { addDays, addMonths, addYears, parseIsoDate } from './calendar';
import { ageOn } from './dates';
import type { Sex } from './id-number';

/**
 * Statutory retirement age under the gradual raise in force from 2025-01-01
 * (全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》, DOMAIN.md §3).
 * The schedule is fixed by law for every birth cohort, unlike subsidy amounts,
 * so it lives in code rather than in an editable parameter table.
 *
 * Each original retirement age rises by one month for every `birthMonthsPerStep`
 * months of birth, counted from the first cohort's January, up to a cap:
 *   men 60:          born 1965-01 on, +1 month per 4 months, max +36 (63);
 *   women 55 (干部): born 1970-01 on, +1 month per 4 months, max +36 (58);
 *   women 50 (工人): born 1975-01 on, +1 month per 2 months, max +60 (55).
 * Everyone born before the first cohort keeps the original age.
 */

/** A woman's ORIGINAL retirement age: 50 (workers' posts) or 55 (cadre/management posts). */
export type FemaleRetirementCategory = 'worker50' | 'cadre55';

/**
 * What to assume when a woman's original category is not on record, which is
 * the usual case at a county office. We take the LATER retirement (cadre55):
 * counting a woman as still of working age when she may be is harmless, while
 * wrongly counting her as retired would refuse her unemployment registration
 * and every service that needs working age. The cost is that the "within 5
 * years of retirement" window starts later than it would for a worker50 woman,
 * so staff should record the category before deciding a benefit on it.
 */
export const ASSUMED_FEMALE_CATEGORY: FemaleRetirementCategory = 'cadre55';

/** Working age starts at 16 (劳动法 §15 forbids employing anyone younger). */
export const MIN_WORKING_AGE = 16;

interface Schedule {
  originalYears: number;
  firstCohortYear: number;
  birthMonthsPerStep: number;
  maxExtraMonths: number;
}

const SCHEDULES: Record<'male' | FemaleRetirementCategory, Schedule> = {
  male: { originalYears: 60, firstCohortYear: 1965, birthMonthsPerStep: 4, maxExtraMonths: 36 },
  cadre55: { originalYears: 55, firstCohortYear: 1970, birthMonthsPerStep: 4, maxExtraMonths: 36 },
  worker50: { originalYears: 50, firstCohortYear: 1975, birthMonthsPerStep: 2, maxExtraMonths: 60 },
};

export interface StatutoryRetirement {
  /** Retirement age in whole months (60岁1个月 = 721). */
  ageMonths: number;
  /** `60岁1个月`; a whole number of years is written `60岁`. */
  label: string;
  /** Birth date plus ageMonths, end-of-month clamped: the first day the person is of retirement age. */
  retirementDate: string;
  /** The schedule applied: for women this is the assumed one when the category was not given. */
  schedule: 'male' | FemaleRetirementCategory;
}

/** `60岁`, `60岁1个月`. */
export function formatAgeMonths(ageMonths: number): string {
  const years = Math.floor(ageMonths / 12);
  const months = ageMonths % 12;
  return months === 0 ? `${years}岁` : `${years}岁${months}个月`;
}

function scheduleFor(sex: Sex, femaleCategory: FemaleRetirementCategory | undefined): 'male' | FemaleRetirementCategory {
  if (sex === 'male') return 'male';
  return femaleCategory ?? ASSUMED_FEMALE_CATEGORY;
}

/**
 * The answer depends on the birth date and schedule alone, and the policy
 * sweep asks it several times for each of a county's million persons (some
 * 70,000 distinct births): each is worked out once. Answers are frozen, as
 * they are shared; the memo starts again when it grows large.
 */
const RETIREMENT_MEMO_SIZE = 200_000;
const retirementByBirth = new Map<string, StatutoryRetirement>();

/**
 * The statutory retirement age and date for a person. `femaleCategory` is
 * ignored for men; for women it defaults to ASSUMED_FEMALE_CATEGORY.
 * The retirement date of someone born on the 29th–31st is clamped to the end
 * of a shorter month (born 1965-03-31, 60岁1个月 → 2025-04-30); born on
 * 29 February it is 28 February in a common year. Throws on an invalid date.
 */
export function statutoryRetirement(
  birthDate: string,
  sex: Sex,
  femaleCategory?: FemaleRetirementCategory,
): StatutoryRetirement {
  const schedule = scheduleFor(sex, femaleCategory);
  const key = `${birthDate}|${schedule}`;
  const known = retirementByBirth.get(key);
  if (known !== undefined) return known;
  const { year, month } = parseIsoDate(birthDate);
  const { originalYears, firstCohortYear, birthMonthsPerStep, maxExtraMonths } = SCHEDULES[schedule];
  // Months of birth since January of the first cohort year (0 for that January).
  const cohortIndex = (year - firstCohortYear) * 12 + (month - 1);
  // The first block of birth months already gets +1: born in January of the first year retires a month later.
  const extraMonths = cohortIndex < 0 ? 0 : Math.min(maxExtraMonths, Math.floor(cohortIndex / birthMonthsPerStep) + 1);
  const ageMonths = originalYears * 12 + extraMonths;
  const retirement: StatutoryRetirement = Object.freeze({
    ageMonths,
    label: formatAgeMonths(ageMonths),
    retirementDate: addMonths(birthDate, ageMonths),
    schedule,
  });
  if (retirementByBirth.size >= RETIREMENT_MEMO_SIZE) retirementByBirth.clear();
  retirementByBirth.set(key, retirement);
  return retirement;
}


/**
 * Working age: 16 or older (ageOn, so from the 16th birthday) and the day is
 * before the retirement date (on the retirement date itself the person is of
 * retirement age).
 */
export function isWorkingAge(
  birthDate: string,
  sex: Sex,
  asOf: string,
  femaleCategory?: FemaleRetirementCategory,
): boolean {
  parseIsoDate(asOf);
  if (ageOn(birthDate, asOf) < MIN_WORKING_AGE) return false;
  return asOf < statutoryRetirement(birthDate, sex, femaleCategory).retirementDate;
}

/**
 * The first day of the "within N years of retirement" window: the retirement
 * date minus N years (clamped, so a 2028-02-29 retirement opens a 5-year window on 2023-02-28).
 */
export function retirementWindowStart(retirementDate: string, years: number): string {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`years must be a whole number ≥ 0, got ${years}`);
  return addYears(retirementDate, -years);
}

/**
 * Within `years` of retirement: from the retirement date minus `years`
 * (inclusive) up to the day before the retirement date (inclusive).
 */
export function withinYearsOfRetirement(
  birthDate: string,
  sex: Sex,
  asOf: string,
  years: number,
  femaleCategory?: FemaleRetirementCategory,
): boolean {
  parseIsoDate(asOf);
  const { retirementDate } = statutoryRetirement(birthDate, sex, femaleCategory);
  return asOf >= retirementWindowStart(retirementDate, years) && asOf < retirementDate;
}

/** The last day of working age: the day before the retirement date. */
export function lastWorkingAgeDay(birthDate: string, sex: Sex, femaleCategory?: FemaleRetirementCategory): string {
  return addDays(statutoryRetirement(birthDate, sex, femaleCategory).retirementDate, -1);
}
