import { describe, expect, it } from 'vitest';
import {
  ageBand, educationGroup, formatPeriodChinese, parsePercentHundredths, periodOf, previousPeriod, ratio, registeredUnemploymentRate, reportPeriod, tally,
} from '../../shared/domain/statistics';

describe('the monthly reporting period (21st of the previous month to the 20th)', () => {
  it('runs from 2026-10-21 to 2026-11-20 for 2026-11, bounded by Shanghai midnights', () => {
    const p = reportPeriod('2026-11');
    expect(p).toEqual({ code: '2026-11', from: '2026-10-21', to: '2026-11-20', startInstant: '2026-10-20T16:00:00.000Z', endInstant: '2026-11-20T16:00:00.000Z' });
    expect(formatPeriodChinese(p)).toBe('2026年10月21日—2026年11月20日');
  });

  it('starts in December of the previous year for January', () => {
    const p = reportPeriod('2027-01');
    expect([p.from, p.to]).toEqual(['2026-12-21', '2027-01-20']);
    expect(p.startInstant).toBe('2026-12-20T16:00:00.000Z');
    expect(formatPeriodChinese(p)).toBe('2026年12月21日—2027年1月20日');
  });

  it('ends on 12-20 for December, and 12-21 already belongs to next January', () => {
    expect([reportPeriod('2026-12').from, reportPeriod('2026-12').to]).toEqual(['2026-11-21', '2026-12-20']);
    expect(periodOf('2026-12-20')).toBe('2026-12');
    expect(periodOf('2026-12-21')).toBe('2027-01');
    expect(periodOf('2027-01-01')).toBe('2027-01');
    expect(periodOf('2026-03-21')).toBe('2026-04');
    expect(previousPeriod('2027-01')).toBe('2026-12');
  });

  it('covers March after a leap February without a gap', () => {
    expect(reportPeriod('2028-03').from).toBe('2028-02-21');
    expect(reportPeriod('2028-02').to).toBe('2028-02-20');
  });

  it('refuses a period that is not YYYY-MM', () => {
    expect(() => reportPeriod('2026-13')).toThrow(/报告期/);
    expect(() => reportPeriod('2026-1')).toThrow(/报告期/);
  });
});

describe('rates with two decimals', () => {
  it('城镇登记失业率 = U ÷ (E + U) in percent, half up', () => {
    expect(registeredUnemploymentRate(3, 97)).toBe('3.00');
    expect(registeredUnemploymentRate(1, 2)).toBe('33.33');
    expect(registeredUnemploymentRate(2, 1)).toBe('66.67');
    // 1 ÷ 800 = 0.125 % → 0.13 (floating point would give 0.12).
    expect(registeredUnemploymentRate(1, 799)).toBe('0.13');
    expect(registeredUnemploymentRate(5, null)).toBeNull();
  });

  it('求人倍率 is null without jobseekers', () => {
    expect(ratio(7, 4)).toBe('1.75');
    expect(ratio(0, 4)).toBe('0.00');
    expect(ratio(3, 0)).toBeNull();
  });

  it('reads an entered percentage', () => {
    expect(parsePercentHundredths('5.1')).toBe(510);
    expect(parsePercentHundredths('5.10')).toBe(510);
    expect(parsePercentHundredths('12')).toBe(1200);
    expect(parsePercentHundredths('5.123')).toBeNull();
    expect(parsePercentHundredths('abc')).toBeNull();
  });
});

describe('breakdown bands', () => {
  it('age bands by full years on the period end', () => {
    expect(ageBand('2010-11-20', '2026-11-20')).toBe('16-24');
    expect(ageBand('2001-11-21', '2026-11-20')).toBe('16-24'); // 24 until tomorrow
    expect(ageBand('2001-11-20', '2026-11-20')).toBe('25-45');
    expect(ageBand('1980-01-01', '2026-11-20')).toBe('46-60');
    expect(ageBand('1960-01-01', '2026-11-20')).toBe('other');
  });

  it('education groups the three 中职 codes and treats unknown as 其他或未填', () => {
    expect(['41', '44', '47'].map(educationGroup)).toEqual(['40', '40', '40']);
    expect(educationGroup('20')).toBe('20');
    expect(educationGroup(null)).toBe('90');
    expect(educationGroup('55')).toBe('90');
  });

  it('tally keeps empty values in order and appends unknown ones', () => {
    expect(tally(['a', 'c', 'a'], (x) => x, [['a', 'A'], ['b', 'B']])).toEqual([
      { value: 'a', label: 'A', count: 2 }, { value: 'b', label: 'B', count: 0 }, { value: 'c', label: 'c', count: 1 },
    ]);
  });
});
