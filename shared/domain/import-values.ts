/**
 * Cell-value parsers for spreadsheet imports (persons, enterprises, vacancies).
 * Each takes the raw value a spreadsheet reader hands over (exceljs: string,
 * number, boolean, Date, rich text, hyperlink, formula, error) and returns a
 * value or a Chinese reason staff can act on. Blank cells are `value: null`
 * for the optional-field parsers: whether a column is required is the
 * import's decision (REQUIRED_REASON), not the parser's.
 */
import { CREDIT_CODE_MESSAGES, parseEnterpriseKey } from './credit-code';
import { isRealDate, parseIdNumber, type Sex } from './id-number';
import { parseIndustry } from './industry';
import { yuanToFen } from './money';
import { normalizeMobile } from './phone';
import { compactCode, toHalfWidth } from './text';
import { ID_NUMBER_MESSAGES, SEX_LABELS } from '../labels/zh-CN';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const REQUIRED_REASON = '必填';
export const PHONE_REASON = '手机号码应为11位，以1开头';
export const ID_NUMBER_LOST_DIGITS_REASON =
  '身份证号被 Excel 存成了数字，后几位已丢失（Excel 只保留15位有效数字），请将该列设为文本后重新录入';
export const DATE_FORMAT_REASON = '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日';
export const DATE_IMPOSSIBLE_REASON = '日期不存在，请核对年、月、日';
export const DATE_SERIAL_60_REASON = '日期不存在（Excel 把不存在的1900年2月29日算作一天）';
export const DATE_SERIAL_RANGE_REASON = '数字超出 Excel 日期的范围，不是有效的日期';

type Plain = string | number | boolean | Date | null;

/**
 * Resolves exceljs wrappers to the value Excel shows: formula → its cached
 * result, hyperlink → its text, rich text → the runs joined, error → '#N/A'.
 */
export function unwrapCell(raw: unknown): Plain {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText.map((run: unknown) => (run && typeof run === 'object' ? String((run as { text?: unknown }).text ?? '') : '')).join('');
  }
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return unwrapCell(o.result);
  if ('error' in o) return String(o.error);
  if ('text' in o) return unwrapCell(o.text);
  return null;
}

// Zero-width characters arrive with text copied from web pages and chat apps; invisible, they would make duplicates.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Shows a number as Excel's cell does with plenty of width: plain digits, never an exponent. */
function plainNumber(n: number): string {
  const text = String(n);
  return /e/i.test(text) ? (expandExponent(text) ?? text) : text;
}

/** '3.20506E+17' → '320506000000000000', by moving the decimal point in the string (no float rounding). */
function expandExponent(text: string): string | null {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?e([+-]?\d+)$/i.exec(text);
  if (!m) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  let out =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign === '-' ? `-${out}` : out;
}

/** ISO date of a Date's UTC day: exceljs builds Dates from serials in UTC, so the UTC day is the one Excel shows. */
function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text a cell shows, cleaned: trimmed (also U+3000, NBSP, zero-width) and full-width ASCII made half-width. */
export function cellText(raw: unknown): string {
  const value = unwrapCell(raw);
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return toHalfWidth(value.replace(INVISIBLE, '')).replace(/\u00A0/g, ' ').trim();
}

/** Free text (addresses, schools): blank is null unless required. */
export function textCell(raw: unknown, options: { required?: boolean; maxLength?: number } = {}): CellResult<string | null> {
  const text = cellText(raw);
  if (text === '') return options.required ? { ok: false, reason: REQUIRED_REASON } : { ok: true, value: null };
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return { ok: false, reason: `不能超过${options.maxLength}个字` };
  }
  return { ok: true, value: text };
}

const CJK = '\u3400-\u9FFF\uF900-\uFAFF';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/**
 * A person's name, always required. Rosters pad two-character names with a
 * full-width space to line them up (张, U+3000, 三); that space is not part of the
 * name. Spaces between latin words (foreign names) are kept, single.
 */
export function personNameCell(raw: unknown): CellResult<string> {
  const name = cellText(raw).replace(SPACE_BETWEEN_CJK, '').replace(/\s+/g, ' ');
  if (name === '') return { ok: false, reason: REQUIRED_REASON };
  if (name.length > 50) return { ok: false, reason: '姓名不能超过50个字' };
  return { ok: true, value: name };
}

export interface ParsedIdCell {
  idNumber: string;
  birthDate: string;
  sex: Sex;
  regionCode: string;
  convertedFrom15: boolean;
}

/**
 * A resident ID number. Excel keeps 15 significant digits of a number, so an
 * 18-digit ID typed into a number cell has already lost its last digits (the
 * file holds 320506199201150000): it is refused, never "repaired". A 15-digit
 * legacy number fits exactly and is converted to 18 digits.
 */
export function idNumberCell(raw: unknown, today: string): CellResult<ParsedIdCell> {
  const value = unwrapCell(raw);
  let text: string;
  if (typeof value === 'number') {
    if (Math.abs(value) >= 1e15) return { ok: false, reason: ID_NUMBER_LOST_DIGITS_REASON };
    text = plainNumber(value);
  } else {
    text = compactCode(cellText(value));
    // '3.20506E+17' is what Excel shows for such a number; copied as text it carries even fewer digits.
    const expanded = /^\d+(\.\d+)?E[+-]?\d+$/i.test(text) ? expandExponent(text) : null;
    if (expanded !== null) {
      if (expanded.split('.')[0]!.length > 15) return { ok: false, reason: ID_NUMBER_LOST_DIGITS_REASON };
      text = expanded;
    }
  }
  const parsed = parseIdNumber(text, today);
  if (!parsed.ok) return { ok: false, reason: `身份证号：${ID_NUMBER_MESSAGES[parsed.problem]}` };
  const { ok: _ok, ...rest } = parsed;
  return { ok: true, value: rest };
}

function isoDate(year: number, month: number, day: number): string | null {
  return isRealDate(year, month, day) ? utcDate(new Date(Date.UTC(year, month - 1, day))) : null;
}

const DAY_MS = 86_400_000;

/**
 * Excel serial day numbers. 1900 system: 1 = 1900-01-01, and 60 is the
 * 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so serials after it
 * are one day ahead of a plain count. 1904 system (old Mac workbooks): 0 = 1904-01-01.
 */
function serialToDate(serial: number, date1904: boolean): CellResult<string> {
  const day = Math.floor(serial); // the fraction is the time of day
  if (date1904) {
    if (day < 0 || day > 2_957_003) return { ok: false, reason: DATE_SERIAL_RANGE_REASON };
    return { ok: true, value: utcDate(new Date(Date.UTC(1904, 0, 1) + day * DAY_MS)) };
  }
  if (day < 1 || day > 2_958_465) return { ok: false, reason: DATE_SERIAL_RANGE_REASON };
  if (day === 60) return { ok: false, reason: DATE_SERIAL_60_REASON };
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return { ok: true, value: utcDate(new Date(epoch + day * DAY_MS)) };
}

const DATE_PATTERNS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2026-11-27, 2026/11/27, 2026.11.27
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})()(\d{2})(\d{2})$/, // 20261127
];

/**
 * A calendar date as 'YYYY-MM-DD'. Accepts Date cells, Excel serials, numbers
 * typed as 20261127, and the text forms staff write. `date1904` comes from the
 * workbook (readSheet reports it).
 */
export function dateCell(raw: unknown, options: { date1904?: boolean } = {}): CellResult<string | null> {
  const value = unwrapCell(raw);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: DATE_FORMAT_REASON } : { ok: true, value: utcDate(value) };
  }
  if (typeof value === 'number') {
    // 8-digit numbers are dates typed without separators; serials never exceed 7 digits.
    if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) return dateCell(String(value));
    return serialToDate(value, options.date1904 ?? false);
  }
  const text = cellText(value)
    .replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '') // a time of day exported along with the date
    .replace(/\s+/g, '');
  if (text === '') return { ok: true, value: null };
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const date = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    return date ? { ok: true, value: date } : { ok: false, reason: DATE_IMPOSSIBLE_REASON };
  }
  return { ok: false, reason: DATE_FORMAT_REASON };
}

/** A mainland mobile number; 11 digits fit exactly in a number cell, so numbers are fine here. */
export function phoneCell(raw: unknown): CellResult<string | null> {
  const text = cellText(raw);
  if (text === '') return { ok: true, value: null };
  const phone = normalizeMobile(text);
  return phone ? { ok: true, value: phone } : { ok: false, reason: PHONE_REASON };
}

function choiceKey(text: string): string {
  return compactCode(text).toLowerCase();
}

/**
 * A code-table value. `options` maps labels and synonyms to codes; the first
 * key naming a code is its label, the one listed in the reason, and later
 * keys for the same code are accepted synonyms. Avoid integer-like keys
 * ('1'): JavaScript lists them before all others.
 */
export function choiceCell(raw: unknown, options: Record<string, string>): CellResult<string | null> {
  const text = cellText(raw);
  if (text === '') return { ok: true, value: null };
  const key = choiceKey(text);
  for (const [label, code] of Object.entries(options)) {
    if (choiceKey(label) === key) return { ok: true, value: code };
  }
  const labels = new Map<string, string>();
  for (const [label, code] of Object.entries(options)) if (!labels.has(code)) labels.set(code, label);
  return { ok: false, reason: `应为以下之一：${[...labels.values()].join('、')}` };
}

/** 统一社会信用代码, or a legacy 15-digit 注册号 (Excel keeps 15 digits of a number exactly). */
export function creditCodeCell(raw: unknown): CellResult<{ kind: 'creditCode' | 'registrationNumber'; value: string }> {
  const key = parseEnterpriseKey(cellText(raw));
  if (!key.ok) return { ok: false, reason: `统一社会信用代码${CREDIT_CODE_MESSAGES[key.problem]}` };
  return { ok: true, value: { kind: key.kind, value: key.value } };
}

/** A number of people: a whole number, 0 or more; '120人' is read as 120. */
export function countCell(raw: unknown, options: { min?: number } = {}): CellResult<string | null> {
  const text = cellText(raw).replace(/[人名个]$/, '');
  if (text === '') return { ok: true, value: null };
  if (!/^-?\d+(\.0+)?$/.test(text)) return { ok: false, reason: '应为整数' };
  const n = Number(text);
  const min = options.min ?? 0;
  if (n < min) return { ok: false, reason: min === 0 ? '不能为负数' : `至少为${min}` };
  return { ok: true, value: String(n) };
}

/** Monthly pay typed in yuan (4500, 4,500, 4500元) → fen, as text for the record. */
export function yuanCell(raw: unknown): CellResult<string | null> {
  const text = cellText(raw);
  if (text === '' || text === '面议') return { ok: true, value: null };
  const fen = yuanToFen(text);
  if (fen === null) return { ok: false, reason: '应为金额（元），如 4500' };
  if (fen < 0) return { ok: false, reason: '不能为负数' };
  return { ok: true, value: String(fen) };
}

/** A GB/T 4754-2017 division from its code (39, C39, 3911) or name. */
export function industryCell(raw: unknown): CellResult<string | null> {
  const text = cellText(raw);
  if (text === '') return { ok: true, value: null };
  const division = parseIndustry(text);
  return division ? { ok: true, value: division } : { ok: false, reason: '不是国民经济行业分类（GB/T 4754-2017）的大类代码或名称' };
}

// Cross-field checks: an import service runs them after the cell parsers, on rows whose ID number is valid.

/** The sex column must agree with the ID number (17th digit); blank is fine, the ID decides. */
export function sexMismatchReason(sex: Sex | null, fromId: Sex): string | null {
  return sex === null || sex === fromId ? null : `性别与身份证号不符（按身份证号应为${SEX_LABELS[fromId]}）`;
}

/** The birth-date column must agree with the ID number; blank is fine, the ID decides. */
export function birthDateMismatchReason(birthDate: string | null, fromId: string): string | null {
  return birthDate === null || birthDate === fromId ? null : `出生日期与身份证号不符（按身份证号应为${fromId}）`;
}

/** A key (ID number, credit code) already on an earlier row of the same file; rows as Excel numbers them. */
export function duplicateInFileReason(keyLabel: string, firstRowNumber: number): string {
  return `${keyLabel}与第${firstRowNumber}行重复`;
}
