/**
 * Dates are ISO strings. Timestamps are stored in UTC; the office's calendar
 * day is Asia/Shanghai (UTC+8, no daylight saving), applied here only.
 */
const OFFICE_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The office's calendar date (Asia/Shanghai) for an instant. */
export function officeDate(instant: Date): string {
  return new Date(instant.getTime() + OFFICE_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026年11月27日`, the form used on documents. */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Full years between a birth date and a date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Timestamp shown to staff: office local time, minutes precision. */
export function formatOfficeTimestamp(isoTimestamp: string): string {
  const local = new Date(new Date(isoTimestamp).getTime() + OFFICE_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
