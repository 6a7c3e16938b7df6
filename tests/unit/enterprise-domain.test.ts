import { describe, expect, it } from 'vitest';
import { suggestSizeClass } from '../../shared/domain/enterprise-codes';
import { INDUSTRY_DIVISION_CODES, INDUSTRY_SECTIONS, industrySectionOf, parseIndustry } from '../../shared/domain/industry';
import { monthsBefore, previousQuarter, quarterEnd, quarterOf, surveyReferenceDate, vacancyStatusOn } from '../../shared/domain/vacancy';

describe('GB/T 4754-2017 industries', () => {
  it('has 20 sections and 97 divisions numbered 01–97 without gaps', () => {
    expect(INDUSTRY_SECTIONS.map(([s]) => s).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISION_CODES).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('finds the section of a division', () => {
    expect(industrySectionOf('39')).toBe('C');
    expect(industrySectionOf('65')).toBe('I');
    expect(industrySectionOf('98')).toBeNull();
  });

  it('reads a division from codes, finer classes and names as spreadsheets carry them', () => {
    expect(parseIndustry('39')).toBe('39');
    expect(parseIndustry('3911')).toBe('39');
    expect(parseIndustry('C39')).toBe('39');
    expect(parseIndustry('F39')).toBeNull();
    expect(parseIndustry('软件和信息技术服务业')).toBe('65');
    expect(parseIndustry('制造')).toBeNull();
  });
});

describe('size classes by headcount', () => {
  it('uses the industrial bounds for manufacturing', () => {
    expect(suggestSizeClass('C', 19)).toBe('micro');
    expect(suggestSizeClass('C', 20)).toBe('small');
    expect(suggestSizeClass('C', 300)).toBe('medium');
    expect(suggestSizeClass('C', 1000)).toBe('large');
  });
  it('suggests nothing where the rule is by revenue only, or without a headcount', () => {
    expect(suggestSizeClass('E', 500)).toBeNull();
    expect(suggestSizeClass('C', null)).toBeNull();
  });
});

describe('quarters and the survey reference date', () => {
  it('puts the reference date on the 15th of the quarter’s last month', () => {
    expect(surveyReferenceDate('2026Q1')).toBe('2026-03-15');
    expect(surveyReferenceDate('2026Q3')).toBe('2026-09-15');
    expect(surveyReferenceDate('2026Q4')).toBe('2026-12-15');
  });
  it('knows quarters of dates, their ends and the one before', () => {
    expect(quarterOf('2026-01-01')).toBe('2026Q1');
    expect(quarterOf('2026-09-30')).toBe('2026Q3');
    expect(quarterEnd('2026Q2')).toBe('2026-06-30');
    expect(quarterEnd('2026Q4')).toBe('2026-12-31');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
  });
});

describe('vacancy status by date', () => {
  it('an open vacancy is expired the day after its last valid day', () => {
    expect(vacancyStatusOn('open', '2026-06-30', '2026-06-30')).toBe('open');
    expect(vacancyStatusOn('open', '2026-06-30', '2026-07-01')).toBe('expired');
  });
  it('filled and withdrawn stay as decided', () => {
    expect(vacancyStatusOn('filled', '2026-06-30', '2027-01-01')).toBe('filled');
    expect(vacancyStatusOn('withdrawn', '2026-06-30', '2027-01-01')).toBe('withdrawn');
  });
});

describe('months before a date', () => {
  it('clamps to the month’s end and crosses years', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2026-02-15', 6)).toBe('2025-08-15');
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
  });
});
