import { describe, expect, it } from 'vitest';
import { MAX_CAPITALS_FEN, amountInChineseCapitals, formatYuan, parseYuan, plainYuan, requireFen, sumFen } from '../../shared/domain/payments';

/**
 * 人民币大写 against the examples of 《正确填写票据和结算凭证的基本规定》 and
 * cases derived from its rules; where the rule leaves 零 or 整 optional, the
 * choice made in money.ts (no 整 after 角; no 零 after a zero 元位 before 角;
 * no 零 between a zero 万位 and a non-zero 千位; a whole empty group gets one 零).
 */
const CAPITALS: [fen: number, figure: string, capitals: string][] = [
  [0, '0.00', '零元整'],
  [1, '0.01', '壹分'],
  [5, '0.05', '伍分'],
  [50, '0.50', '伍角'],
  [15, '0.15', '壹角伍分'],
  [100, '1.00', '壹元整'],
  [105, '1.05', '壹元零伍分'],
  [110, '1.10', '壹元壹角'],
  [1000, '10.00', '壹拾元整'],
  [1500, '15.00', '壹拾伍元整'],
  [10000, '100.00', '壹佰元整'],
  [10005, '100.05', '壹佰元零伍分'],
  [32504, '325.04', '叁佰贰拾伍元零肆分'],
  [101000, '1,010.00', '壹仟零壹拾元整'],
  [140950, '1,409.50', '壹仟肆佰零玖元伍角'],
  [150000, '1,500.00', '壹仟伍佰元整'],
  [168032, '1,680.32', '壹仟陆佰捌拾元叁角贰分'],
  [200100, '2,001.00', '贰仟零壹元整'],
  [1000100, '10,001.00', '壹万零壹元整'],
  [1001010, '10,010.10', '壹万零壹拾元壹角'],
  [1010100, '10,101.00', '壹万零壹佰零壹元整'],
  [1234567, '12,345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
  [1640902, '16,409.02', '壹万陆仟肆佰零玖元零贰分'],
  [2000000, '20,000.00', '贰万元整'],
  [10700053, '107,000.53', '壹拾万柒仟元伍角叁分'],
  [10000000, '100,000.00', '壹拾万元整'],
  [30000000, '300,000.00', '叁拾万元整'],
  [100000000, '1,000,000.00', '壹佰万元整'],
  [100050000, '1,000,500.00', '壹佰万零伍佰元整'],
  [10000000000, '100,000,000.00', '壹亿元整'],
  [10000000100, '100,000,001.00', '壹亿零壹元整'],
  [10000100000, '100,001,000.00', '壹亿零壹仟元整'],
  [10001000000, '100,010,000.00', '壹亿零壹万元整'],
  [110000000000, '1,100,000,000.00', '壹拾壹亿元整'],
  [12030405060708, '120,304,050,607.08', '壹仟贰佰零叁亿零肆佰零伍万零陆佰零柒元零捌分'],
  [MAX_CAPITALS_FEN, '999,999,999,999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
];

/** Reads 大写 back to fen (a test oracle written apart from the speller), so no digit or unit can go missing. */
function readCapitals(text: string): number {
  const DIGIT = '零壹贰叁肆伍陆柒捌玖';
  const UNIT: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  const [yuanPart, rest] = text.includes('元') ? (text.split('元') as [string, string]) : ['', text];
  let total = 0;
  let group = 0;
  let num = 0;
  for (const ch of yuanPart) {
    if (DIGIT.indexOf(ch) > 0) num = DIGIT.indexOf(ch);
    else if (ch in UNIT) { group += num * UNIT[ch]!; num = 0; }
    else if (ch === '万') { total += (group + num) * 10_000; group = 0; num = 0; }
    else if (ch === '亿') { total = (total + group + num) * 100_000_000; group = 0; num = 0; }
  }
  total += group + num;
  const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(rest);
  const fen = /([壹贰叁肆伍陆柒捌玖])分/.exec(rest);
  return total * 100 + (jiao ? DIGIT.indexOf(jiao[1]!) * 10 : 0) + (fen ? DIGIT.indexOf(fen[1]!) : 0);
}

describe('money of the payment road (资金兑付)', () => {
  it.each(CAPITALS)('%i 分 is %s 元 and %s in capitals', (fen, figure, capitals) => {
    expect(formatYuan(fen)).toBe(figure);
    expect(amountInChineseCapitals(fen)).toBe(capitals);
    expect(readCapitals(capitals)).toBe(fen);
  });

  it('spells large amounts that read back to the same fen (亿 and 万 groups with empty and short groups)', () => {
    for (const yuan of [100_000_000, 100_000_001, 100_010_000, 101_000_000, 1_000_000_000, 1_010_101_010, 999_900_009_999, 200_000_000_000]) {
      for (const cents of [0, 1, 10, 99]) expect(readCapitals(amountInChineseCapitals(yuan * 100 + cents))).toBe(yuan * 100 + cents);
    }
  });

  it('writes 整 only after 元, never after 角 or 分, and 零元 never before a real amount', () => {
    const wrong: string[] = [];
    for (let fen = 0; fen < 2_000_000; fen += 7) {
      const c = amountInChineseCapitals(fen);
      if (c.endsWith('整') !== (fen % 100 === 0)) wrong.push(`${fen}: 整 in ${c}`);
      if (fen === 0) continue;
      if (c.includes('零元')) wrong.push(`${fen}: 零元 in ${c}`);
      // Never two 零 in a row, never a 零 right before a unit, never a trailing 零.
      if (/零零|零[拾佰仟万亿元角分整]|零$/.test(c)) wrong.push(`${fen}: stray 零 in ${c}`);
      if (readCapitals(c) !== fen) wrong.push(`${fen}: reads back as ${readCapitals(c)} from ${c}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('refuses negatives, fractions of a fen, unsafe integers and a 万亿', () => {
    for (const bad of [-1, 1.5, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, MAX_CAPITALS_FEN + 1]) {
      expect(() => amountInChineseCapitals(bad)).toThrow(RangeError);
    }
    expect(() => amountInChineseCapitals('100' as unknown as number)).toThrow(RangeError);
    expect(() => formatYuan(10.5)).toThrow(RangeError);
  });

  it('shows a negative ledger amount with a minus sign, and a bank figure without commas', () => {
    expect(formatYuan(-50)).toBe('-0.50');
    expect(formatYuan(-123456)).toBe('-1,234.56');
    expect(plainYuan(1234567)).toBe('12345.67');
    expect(plainYuan(100000000)).toBe('1000000.00');
  });

  it('reads a bank amount cell to the fen, refusing a third decimal, a sign or words', () => {
    expect(parseYuan('12,345.67')).toBe(1234567);
    expect(parseYuan(' 12345.6 ')).toBe(1234560);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('1500')).toBe(150000);
    for (const bad of ['', '-1', '+1', '1.234', '1e3', '壹佰', '12.', '.5']) expect(parseYuan(bad)).toBeNull();
  });

  it('accepts only safe whole fen ≥ 0 as an amount, and sums exactly', () => {
    expect(requireFen(0)).toBe(0);
    expect(() => requireFen(-1, '预算额度')).toThrow('预算额度不能为负数');
    expect(() => requireFen(0.5)).toThrow('以分计的整数');
    expect(sumFen([10, 20])).toBe(30);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
  });
});
