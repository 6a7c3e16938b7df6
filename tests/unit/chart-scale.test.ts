import { describe, expect, it } from 'vitest';
import { niceCeiling, periodTick, slotX, valueAxis, valueY } from '../../renderer/reports/chart-scale';

const BOX = { width: 600, height: 200, left: 40, right: 10, top: 10, bottom: 30 };

describe('the dashboard charts\' axes', () => {
  it('round the top of the value axis up to 1, 2 or 5 × 10ⁿ so the ticks are round numbers', () => {
    expect([0, 0.4, 1, 3, 7, 10, 11, 180, 201, 4_999, 5_001].map(niceCeiling)).toEqual([1, 0.5, 1, 5, 10, 10, 20, 200, 500, 5_000, 10_000]);
    expect(valueAxis(180)).toEqual({ top: 200, ticks: [0, 50, 100, 150, 200] });
    expect(valueAxis(0.75, 2)).toEqual({ top: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(valueAxis(3.1, 2)).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it('never print the same tick twice: one person on the axis steps by whole persons', () => {
    expect(valueAxis(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(valueAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(0, 2).ticks).toEqual([0, 1]);
    for (const max of [1, 2, 3, 7, 13, 99, 101, 1234]) {
      const { top, ticks } = valueAxis(max);
      expect(new Set(ticks).size, String(max)).toBe(ticks.length);
      expect(top, String(max)).toBeGreaterThanOrEqual(max);
    }
  });

  it('place 13 periods in equal slots across the plot and values from the bottom up, never outside it', () => {
    expect(slotX(BOX, 13, 0)).toBeCloseTo(40 + 550 / 26);
    expect(slotX(BOX, 13, 12)).toBeCloseTo(590 - 550 / 26);
    expect(valueY(BOX, 100, 0)).toBe(170);
    expect(valueY(BOX, 100, 100)).toBe(10);
    expect(valueY(BOX, 100, 250)).toBe(10);
    expect(valueY(BOX, 100, -3)).toBe(170);
  });

  it('name the year on the first period and on each January', () => {
    expect(periodTick('2026-01', false)).toEqual({ month: '1月', year: '26年' });
    expect(periodTick('2026-11', false)).toEqual({ month: '11月', year: null });
    expect(periodTick('2025-12', true)).toEqual({ month: '12月', year: '25年' });
  });
});
