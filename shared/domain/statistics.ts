import { ageOn, formatChineseDate } from './dates';
import { addDays, addMonths, isIsoDate } from './calendar';

/**
 * The monthly report's pure rules (DOMAIN.md §4): the reporting period
 * (21st of the previous month to the 20th of this month, office time
 * Asia/Shanghai), the rates with two decimals, and the breakdown bands.
 */

/** A period is named by the month whose 20th ends it: 2026-11 = 2026-10-21 … 2026-11-20. */
export type PeriodCode = string;

export interface ReportPeriod {
  code: PeriodCode;
  /** First and last office day, inclusive. */
  from: string;
  to: string;
  /** The same as UTC instants for comparing stored timestamps: from ≤ t < until. */
  startInstant: string;
  endInstant: string;
}

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriodCode(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** Office midnight (UTC+8, no daylight saving) of an office date, as a UTC ISO instant. */
function officeMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export function reportPeriod(code: PeriodCode): ReportPeriod {
  if (!isPeriodCode(code)) throw new Error(`不是有效的报告期：${code}（应为YYYY-MM）`);
  const to = `${code}-20`;
  const from = addDays(addMonths(to, -1), 1);
  return { code, from, to, startInstant: officeMidnight(from), endInstant: officeMidnight(addDays(to, 1)) };
}

/** The period an office date falls in: up to the 20th it is this month's, from the 21st the next month's. */
export function periodOf(date: string): PeriodCode {
  if (!isIsoDate(date)) throw new Error(`不是有效日期：${date}`);
  const month = date.slice(0, 7);
  return Number(date.slice(8, 10)) <= 20 ? month : addMonths(`${month}-01`, 1).slice(0, 7);
}

export function previousPeriod(code: PeriodCode): PeriodCode {
  reportPeriod(code);
  return addMonths(`${code}-01`, -1).slice(0, 7);
}

/** `2026年10月21日—2026年11月20日`, as printed after 报告期. */
export function formatPeriodChinese(period: ReportPeriod): string {
  return `${formatChineseDate(period.from)}—${formatChineseDate(period.to)}`;
}

/** `2026年11月`, the report's title month. */
export function formatPeriodMonth(code: PeriodCode): string {
  return `${code.slice(0, 4)}年${Number(code.slice(5, 7))}月`;
}

/** n ÷ d rounded half up to 2 decimals as text, or null when the denominator is 0. */
export function ratio(n: number, d: number): string | null {
  if (d <= 0) return null;
  // Integer arithmetic: 0.125 must round to 0.13, which floating point gets wrong.
  const hundredths = Math.floor((n * 200 + d) / (2 * d));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * 城镇登记失业率 = 登记失业人数 ÷ (城镇从业人员 + 登记失业人数), as a percentage
 * with 2 decimals ("3.85"); null while the urban employed figure is not entered.
 */
export function registeredUnemploymentRate(registeredUnemployed: number, urbanEmployed: number | null): string | null {
  if (urbanEmployed === null) return null;
  return ratio(registeredUnemployed * 100, urbanEmployed + registeredUnemployed);
}

/** A rate typed as "5.1" or "5.10" (percent) → hundredths (510); null when it is not such a number. */
export function parsePercentHundredths(text: string): number | null {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatHundredths(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

// ---------- breakdowns ----------

export const BREAKDOWN_DIMENSIONS = [
  ['sex', '性别'], ['education', '文化程度'], ['age', '年龄段'], ['channel', '就业形式'], ['township', '乡镇（街道）'],
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number][0];

export const AGE_BANDS = [
  ['16-24', '16—24岁', 16, 24], ['25-45', '25—45岁', 25, 45], ['46-60', '46—60岁', 46, 60],
] as const;
export const OTHER_AGE_BAND = ['other', '其他年龄'] as const;

/** The age band on `onDate` (the period's last day). */
export function ageBand(birthDate: string, onDate: string): string {
  const age = ageOn(birthDate, onDate);
  return AGE_BANDS.find(([, , lo, hi]) => age >= lo && age <= hi)?.[0] ?? OTHER_AGE_BAND[0];
}

/** Education grouped as the report shows it: 研究生 … 小学, with the three 中职 codes as one. */
export const EDUCATION_GROUPS = [
  ['10', '研究生'], ['20', '大学本科'], ['30', '大学专科'], ['40', '中职（中专、职高、技校）'],
  ['60', '普通高中'], ['70', '初中'], ['80', '小学及以下'], ['90', '其他或未填'],
] as const;

export function educationGroup(code: string | null): string {
  const group = `${(code ?? '').slice(0, 1)}0`;
  return EDUCATION_GROUPS.some(([g]) => g === group) ? group : '90';
}

export interface BreakdownCell {
  value: string;
  label: string;
  count: number;
}

/** Counts per value in the order of `order` (values with none kept, so the printed table is stable). */
export function tally<T>(items: readonly T[], valueOf: (item: T) => string, order: ReadonlyArray<readonly [string, string]>): BreakdownCell[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(valueOf(item), (counts.get(valueOf(item)) ?? 0) + 1);
  const cells = order.map(([value, label]) => ({ value, label, count: counts.get(value) ?? 0 }));
  for (const [value, count] of counts) if (!order.some(([v]) => v === value)) cells.push({ value, label: value, count });
  return cells;
}
