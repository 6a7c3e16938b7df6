import { compactCode } from './text';

/**
 * Resident identity number (公民身份号码), GB 11643-1999.
 * 6-digit region + YYYYMMDD birth date + 3-digit sequence (odd = male) + check char.
 */
export type Sex = 'male' | 'female';

export type IdNumberProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'province'
  | 'birthDate'
  | 'futureBirthDate'
  | 'checksum';

export type IdNumberResult =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex; regionCode: string; convertedFrom15: boolean }
  | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes in use on cards (mainland, plus 71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  // The common case by arithmetic (a sweep checks millions of dates); Date.UTC keeps the rest as it was (years 0–99 map to 19xx there).
  if (Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && year >= 100 && year <= 9999) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Trim, full-width → half-width, lower-case x → X. */
export function normalizeIdNumber(raw: string): string {
  return compactCode(raw).toUpperCase();
}

/**
 * Validates and normalises an ID number. `today` (YYYY-MM-DD) is injected so the
 * "not born in the future" rule is testable and uses the office's calendar date.
 */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  const value = normalizeIdNumber(raw);
  if (value === '') return { ok: false, problem: 'empty' };
  if (value.length !== 18 && value.length !== 15) return { ok: false, problem: 'length' };
  const convertedFrom15 = value.length === 15;
  if (convertedFrom15 ? !/^\d{15}$/.test(value) : !/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, problem: 'characters' };
  }
  // 15-digit cards (issued before 1999) omit the century and the check char.
  const first17 = convertedFrom15 ? `${value.slice(0, 6)}19${value.slice(6, 15)}` : value.slice(0, 17);
  if (!PROVINCE_PREFIXES.has(first17.slice(0, 2))) return { ok: false, problem: 'province' };
  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  if (year < 1850 || !isRealDate(year, month, day)) return { ok: false, problem: 'birthDate' };
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'futureBirthDate' };
  const check = idNumberCheckChar(first17);
  if (!convertedFrom15 && value[17] !== check) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    idNumber: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: first17.slice(0, 6),
    convertedFrom15,
  };
}
