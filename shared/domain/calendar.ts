import { isRealDate } from './id-number';

/**
 * Calendar arithmetic on ISO date strings (YYYY-MM-DD). Everything is a
 * calendar day with no time zone: the office's day is fixed by officeDate()
 * before it reaches this file. ISO strings of four-digit years compare
 * correctly as strings, so callers may use `<` directly; compareDates() is
 * for sorting.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a YYYY-MM-DD string; throws on anything that is not a real date, so bad data fails loudly. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (isRealDate(year, month, day)) return { year, month, day };
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  if (year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

/**
 * Adds (or with a negative count, subtracts) calendar months. A day that does
 * not exist in the target month is clamped to that month's last day
 * (2025-03-31 + 1 month = 2025-04-30; 2024-02-29 + 12 months = 2025-02-28),
 * the convention dayjs and java.time also follow, so a date never spills into
 * the next month. Clamping means addMonths is not reversible.
 */
export function addMonths(iso: string, months: number): string {
  requireInteger(months, 'months');
  const { year, month, day } = parseIsoDate(iso);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** addMonths(iso, years × 12): 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  requireInteger(years, 'years');
  return addMonths(iso, years * 12);
}

/** Adds (or subtracts) days; months and years roll over as on a calendar. */
export function addDays(iso: string, days: number): string {
  requireInteger(days, 'days');
  const { year, month, day } = parseIsoDate(iso);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day + days);
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** -1, 0 or 1, for Array.prototype.sort. Both arguments must be valid dates. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole calendar months from `from` to `to` (0 when `to` is before a full month has passed, or before `from`). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}
