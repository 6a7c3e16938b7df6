import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, compareDates, daysInMonth, isIsoDate, parseIsoDate } from '../../shared/domain/calendar';
import {
  ASSUMED_FEMALE_CATEGORY,
  formatAgeMonths,
  isWorkingAge,
  lastWorkingAgeDay,
  retirementWindowStart,
  statutoryRetirement,
  withinYearsOfRetirement,
} from '../../shared/domain/retirement';

// Expected values below are worked out by hand: cohort index k = months of birth since
// January of the first cohort year; extra months = min(cap, floor(k / step) + 1) for k ≥ 0.

describe('calendar arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2025-05-20', 0, '2025-05-20'],
  ])('addMonths(%s, %i) = %s, clamping to the end of a shorter month', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2028-02-29', -5, '2023-02-28'],
    ['1965-03-31', 60, '2025-03-31'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('knows month lengths, including century leap rules', () => {
    expect([daysInMonth(2025, 2), daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([28, 29, 28, 29]);
    expect([daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([30, 31]);
  });

  it('compares dates for sorting', () => {
    expect(['2025-03-01', '2024-12-31', '2025-02-28'].sort(compareDates)).toEqual(['2024-12-31', '2025-02-28', '2025-03-01']);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
  });

  it('refuses strings that are not real YYYY-MM-DD dates', () => {
    for (const bad of ['2025-02-29', '2025-2-3', '', '2025-13-01', '20250101']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('statutory retirement age (rules in force from 2025-01-01)', () => {
  it.each([
    // born before 1965: 60 unchanged
    ['1950-01-01', 720, '60岁', '2010-01-01'],
    ['1964-12-15', 720, '60岁', '2024-12-15'],
    // 1965-01..04: k = 0..3 → +1
    ['1965-01-10', 721, '60岁1个月', '2025-02-10'],
    ['1965-03-31', 721, '60岁1个月', '2025-04-30'], // 2025-04-31 does not exist
    ['1965-04-30', 721, '60岁1个月', '2025-05-30'],
    // 1965-05: k = 4 → +2
    ['1965-05-01', 722, '60岁2个月', '2025-07-01'],
    ['1965-11-30', 723, '60岁3个月', '2026-02-28'], // k = 10 → +3; 2026-02-30 clamped
    ['1966-01-01', 724, '60岁4个月', '2026-05-01'], // k = 12 → +4
    // cap: k = 139 (1976-08) → +35; k = 140 (1976-09) → +36 = 63
    ['1976-08-15', 755, '62岁11个月', '2039-07-15'],
    ['1976-09-01', 756, '63岁', '2039-09-01'],
    ['1976-12-31', 756, '63岁', '2039-12-31'],
    ['1990-06-15', 756, '63岁', '2053-06-15'],
  ])('man born %s: %i months (%s), retires %s', (birthDate, ageMonths, label, retirementDate) => {
    expect(statutoryRetirement(birthDate, 'male')).toEqual({ ageMonths, label, retirementDate, schedule: 'male' });
  });

  it.each([
    ['1972-02-29', 600, '50岁', '2022-02-28'], // leap-day birth, common-year retirement: clamped
    ['1974-12-31', 600, '50岁', '2024-12-31'],
    // +1 month per 2 months of birth from 1975-01
    ['1975-01-01', 601, '50岁1个月', '2025-02-01'], // k = 0
    ['1975-02-15', 601, '50岁1个月', '2025-03-15'], // k = 1
    ['1975-03-31', 602, '50岁2个月', '2025-05-31'], // k = 2
    ['1975-12-31', 606, '50岁6个月', '2026-06-30'], // k = 11; 2026-06-31 clamped
    // cap: k = 117 (1984-10) → +59; k = 118 (1984-11) → +60 = 55
    ['1984-10-31', 659, '54岁11个月', '2039-09-30'],
    ['1984-11-30', 660, '55岁', '2039-11-30'],
    ['1990-01-01', 660, '55岁', '2045-01-01'],
  ])('woman (original age 50) born %s: %i months (%s), retires %s', (birthDate, ageMonths, label, retirementDate) => {
    expect(statutoryRetirement(birthDate, 'female', 'worker50')).toEqual({ ageMonths, label, retirementDate, schedule: 'worker50' });
  });

  it.each([
    ['1969-12-31', 660, '55岁', '2024-12-31'],
    ['1970-01-01', 661, '55岁1个月', '2025-02-01'], // k = 0
    ['1970-04-30', 661, '55岁1个月', '2025-05-30'], // k = 3
    ['1970-05-01', 662, '55岁2个月', '2025-07-01'], // k = 4
    // cap: k = 139 (1981-08) → +35; k = 140 (1981-09) → +36 = 58
    ['1981-08-31', 695, '57岁11个月', '2039-07-31'],
    ['1981-09-01', 696, '58岁', '2039-09-01'],
    ['1995-07-07', 696, '58岁', '2053-07-07'],
  ])('woman (original age 55) born %s: %i months (%s), retires %s', (birthDate, ageMonths, label, retirementDate) => {
    expect(statutoryRetirement(birthDate, 'female', 'cadre55')).toEqual({ ageMonths, label, retirementDate, schedule: 'cadre55' });
  });

  it('assumes the later schedule (original age 55) for a woman whose category is unknown', () => {
    expect(ASSUMED_FEMALE_CATEGORY).toBe('cadre55');
    // 1975-01 under cadre55: k = 60 → +16 = 56岁4个月; under worker50 it would be 50岁1个月.
    expect(statutoryRetirement('1975-01-01', 'female')).toEqual({
      ageMonths: 676,
      label: '56岁4个月',
      retirementDate: '2031-05-01',
      schedule: 'cadre55',
    });
    expect(statutoryRetirement('1984-11-30', 'female').retirementDate).toBe('2042-11-30');
  });

  it('ignores a female category for a man', () => {
    expect(statutoryRetirement('1965-01-10', 'male', 'worker50').ageMonths).toBe(721);
  });

  it('formats whole years without a month part', () => {
    expect([formatAgeMonths(720), formatAgeMonths(721), formatAgeMonths(755)]).toEqual(['60岁', '60岁1个月', '62岁11个月']);
  });

  it('refuses an impossible birth date', () => {
    expect(() => statutoryRetirement('1975-02-29', 'female')).toThrow(RangeError);
  });
});

describe('working age', () => {
  it('starts on the 16th birthday', () => {
    expect(isWorkingAge('2010-03-15', 'male', '2026-03-14')).toBe(false);
    expect(isWorkingAge('2010-03-15', 'male', '2026-03-15')).toBe(true);
  });

  it('ends the day before the retirement date', () => {
    expect(isWorkingAge('1965-01-10', 'male', '2025-02-09')).toBe(true);
    expect(isWorkingAge('1965-01-10', 'male', '2025-02-10')).toBe(false);
    expect(lastWorkingAgeDay('1965-01-10', 'male')).toBe('2025-02-09');
    expect(lastWorkingAgeDay('1965-03-31', 'male')).toBe('2025-04-29');
  });

  it('follows the female category, and keeps an unknown-category woman of working age longer', () => {
    expect(isWorkingAge('1975-01-01', 'female', '2025-01-31', 'worker50')).toBe(true);
    expect(isWorkingAge('1975-01-01', 'female', '2025-02-01', 'worker50')).toBe(false);
    expect(isWorkingAge('1975-01-01', 'female', '2025-02-01')).toBe(true);
    expect(isWorkingAge('1975-01-01', 'female', '2031-04-30')).toBe(true);
    expect(isWorkingAge('1975-01-01', 'female', '2031-05-01')).toBe(false);
  });
});

describe('within N years of retirement', () => {
  it('runs from the retirement date minus N years (inclusive) to the day before retirement', () => {
    // man born 1965-01-10 retires 2025-02-10
    expect(withinYearsOfRetirement('1965-01-10', 'male', '2020-02-09', 5)).toBe(false);
    expect(withinYearsOfRetirement('1965-01-10', 'male', '2020-02-10', 5)).toBe(true);
    expect(withinYearsOfRetirement('1965-01-10', 'male', '2025-02-09', 5)).toBe(true);
    expect(withinYearsOfRetirement('1965-01-10', 'male', '2025-02-10', 5)).toBe(false);
  });

  it('clamps the window start when the retirement date is 29 February', () => {
    // man born 1967-06-29: k = 29 → +8 = 60岁8个月 → 2028-02-29; minus 5 years → 2023-02-28
    expect(statutoryRetirement('1967-06-29', 'male').retirementDate).toBe('2028-02-29');
    expect(retirementWindowStart('2028-02-29', 5)).toBe('2023-02-28');
    expect(withinYearsOfRetirement('1967-06-29', 'male', '2023-02-27', 5)).toBe(false);
    expect(withinYearsOfRetirement('1967-06-29', 'male', '2023-02-28', 5)).toBe(true);
  });

  it('uses the female category for the window', () => {
    // worker50 born 1975-01-01 retires 2025-02-01; cadre55 (also the unknown default) 2031-05-01
    expect(withinYearsOfRetirement('1975-01-01', 'female', '2020-02-01', 5, 'worker50')).toBe(true);
    expect(withinYearsOfRetirement('1975-01-01', 'female', '2020-02-01', 5)).toBe(false);
    expect(withinYearsOfRetirement('1975-01-01', 'female', '2026-05-01', 5)).toBe(true);
    expect(withinYearsOfRetirement('1975-01-01', 'female', '2026-04-30', 5)).toBe(false);
  });

  it('is empty for zero years and refuses a negative or fractional count', () => {
    expect(withinYearsOfRetirement('1965-01-10', 'male', '2025-02-09', 0)).toBe(false);
    expect(() => withinYearsOfRetirement('1965-01-10', 'male', '2025-02-09', -1)).toThrow(RangeError);
    expect(() => withinYearsOfRetirement('1965-01-10', 'male', '2025-02-09', 2.5)).toThrow(RangeError);
  });
});
