/**
 * Dates of the enterprise area: quarters, the survey's reference date, and a
 * vacancy's status on a given day (the clock is the caller's `today`, so
 * tests move it).
 */
import type { VacancyStatus } from './enterprise-codes';

export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

function parts(quarter: string): [number, number] {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return [Number(m[1]), Number(m[2])];
}

/** 用工调查's reference date: the 15th of the quarter's last month (2026Q3 → 2026-09-15). */
export function surveyReferenceDate(quarter: string): string {
  const [year, q] = parts(quarter);
  return `${year}-${String(q * 3).padStart(2, '0')}-15`;
}

export function quarterStart(quarter: string): string {
  const [year, q] = parts(quarter);
  return `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
}

export function quarterEnd(quarter: string): string {
  const [year, q] = parts(quarter);
  return `${year}-${q === 1 || q === 4 ? `${String(q * 3).padStart(2, '0')}-31` : `${String(q * 3).padStart(2, '0')}-30`}`;
}

export function previousQuarter(quarter: string): string {
  const [year, q] = parts(quarter);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** `2026Q3` → 2026年第三季度. */
export function quarterLabel(quarter: string): string {
  const [year, q] = parts(quarter);
  return `${year}年第${'一二三四'[q - 1]}季度`;
}

/** An open vacancy whose last valid day has passed is expired; filled and withdrawn stay what staff decided. */
export function vacancyStatusOn(stored: 'open' | 'filled' | 'withdrawn', validTo: string, today: string): VacancyStatus {
  return stored === 'open' && validTo < today ? 'expired' : stored;
}

/** The day `months` calendar months before `isoDate` (clamped to the month's end): "not visited in N months". */
export function monthsBefore(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - months;
  const day = Number(isoDate.slice(8, 10));
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
