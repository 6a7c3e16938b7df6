import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../shared/domain/id-number';

/** The rule isRealDate had before its arithmetic fast path: whatever Date.UTC gives back unchanged. */
function byDateUtc(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe('isRealDate', () => {
  it('answers as Date.UTC does, for every day of the years around the edges of its fast path and for odd input', () => {
    const years = [0, 1, 99, 100, 101, 1600, 1700, 1850, 1900, 1999, 2000, 2024, 2025, 2100, 2400, 9998, 9999, 10_000, -1];
    const differing: string[] = [];
    for (const year of years) {
      for (let month = -1; month <= 14; month += 1) {
        for (let day = -1; day <= 33; day += 1) {
          if (isRealDate(year, month, day) !== byDateUtc(year, month, day)) differing.push(`${year}-${month}-${day}`);
        }
      }
    }
    for (const [y, m, d] of [[2024.5, 2, 29], [2024, 2.5, 1], [2024, 2, 1.5], [Number.NaN, 1, 1], [2024, Number.NaN, 1]] as const) {
      if (isRealDate(y, m, d) !== byDateUtc(y, m, d)) differing.push(`${y}-${m}-${d}`);
    }
    expect(differing).toEqual([]);
    expect([isRealDate(2024, 2, 29), isRealDate(2025, 2, 29), isRealDate(1900, 2, 29), isRealDate(2000, 2, 29)]).toEqual([true, false, false, true]);
  });
});
