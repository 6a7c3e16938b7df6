/**
 * Money of the payment road (资金兑付): amounts are integer fen (分) that are
 * SAFE integers, never floats of yuan, so a sum of a million lines is exact
 * and a value read back from a database or a bank file cannot drift.
 */

/** The largest amount 大写 can spell: 9,999亿9,999万9,999元9角9分 (a county never pays a 万亿). */
export const MAX_CAPITALS_FEN = 100_000_000_000_000 - 1;

/** true for a safe integer number of fen (negative allowed: ledger lines of reversals are negative). */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws a RangeError (Chinese message) unless `value` is a safe integer fen amount ≥ 0. */
export function requireFen(value: unknown, what = '金额'): number {
  if (!isFen(value)) throw new RangeError(`${what}应为以分计的整数，收到 ${String(value)}`);
  if (value < 0) throw new RangeError(`${what}不能为负数，收到 ${value} 分`);
  return value;
}

/** Sum of fen amounts; throws if the sum leaves the safe-integer range (it never silently rounds). */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    if (!isFen(a)) throw new RangeError(`金额应为以分计的整数，收到 ${String(a)}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('金额合计超出可精确计算的范围');
  }
  return total;
}

/** 1234567 → `12,345.67`; −50 → `-0.50`. No currency sign: the column header says 元. */
export function formatYuan(fen: number): string {
  if (!isFen(fen)) throw new RangeError(`金额应为以分计的整数，收到 ${String(fen)}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234567 → `12345.67`: the plain figure a bank file's 金额(元) column expects (no grouping commas). */
export function plainYuan(fen: number): string {
  return formatYuan(fen).replace(/,/g, '');
}

/**
 * A 金额(元) cell of a bank file → fen, or null when it is not a non-negative
 * amount with at most two decimals (`12345.67`, `12,345.67`, `12345.6`, `12345`).
 * Strings only: a spreadsheet number like 0.1 + 0.2 must be read as its text.
 */
export function parseYuan(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** One 4-digit group (1–9999) with its inner zeros: 1001 → 壹仟零壹, 1010 → 壹仟零壹拾, 10 → 壹拾. */
function spellGroup(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos -= 1) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + IN_GROUP[pos]!;
  }
  return out;
}

/** Whole yuan (≥ 1) spelt by 4-digit groups. */
function spellYuan(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zeroBefore = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i]!;
    if (g === 0) {
      // A whole empty group (壹亿零壹仟): remember one 零 for the next non-empty group.
      if (out !== '') zeroBefore = true;
      continue;
    }
    // A lower group under 1000 starts with zeros (壹万零伍佰); one ≥ 1000 needs no 零 (壹拾万柒仟).
    if (out !== '' && (zeroBefore || g < 1000)) out += '零';
    zeroBefore = false;
    out += spellGroup(g) + GROUPS[i]!;
  }
  return out;
}

/**
 * 人民币大写 of an amount in fen, as written on payment vouchers and the
 * printed 台账 (without the `人民币` prefix, which the form prints as a label).
 *
 * Rules: 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》(银发〔1997〕393号) 第二、四、五条:
 * - `整` after 元 when there is no 角 or 分 (壹仟元整); never after 分. After 角 the
 *   rule says 整 "可以不写": we do NOT write it (10,010.10 → 壹万零壹拾元壹角),
 *   one choice held everywhere so figures compare character by character.
 * - A zero between digits is written 零, a run of zeros once (1,409.50 → 壹仟肆佰零玖元伍角).
 * - Where the rule leaves 零 optional we choose:
 *   · 元位 zero and 角 not zero: no 零 (1,680.32 → 壹仟陆佰捌拾元叁角贰分);
 *   · 万位 zero and 千位 not zero: no 零 (107,000.53 → 壹拾万柒仟元伍角叁分), but a
 *     whole empty 万 group is marked (100,001,000 → 壹亿零壹仟元整);
 *   · 角 zero and 分 not zero: 零 is REQUIRED (325.04 → 叁佰贰拾伍元零肆分).
 * - A leading 1 in the tens is written 壹拾 (10 → 壹拾元整, 100,000 → 壹拾万元整).
 * - Under one yuan the 元 is left out: 0.50 → 伍角, 0.05 → 伍分; 0 → 零元整.
 * Refuses (RangeError) negatives, non-integers, unsafe integers and amounts of 1万亿元 or more.
 */
export function amountInChineseCapitals(fen: number): string {
  if (!isFen(fen)) throw new RangeError(`金额应为以分计的整数，收到 ${String(fen)}`);
  if (fen < 0) throw new RangeError(`大写金额不能为负数，收到 ${fen} 分`);
  if (fen > MAX_CAPITALS_FEN) throw new RangeError('大写金额最多到玖仟玖佰玖拾玖亿元');
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${spellYuan(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}
