import { describe, expect, it } from 'vitest';
import { meetsGoal, nsToMs, percentile, ratio, round, summarize } from '../../scripts/bench/stats';
import { missesOf } from '../../scripts/bench/children';

const GOAL = { p95Ms: 50, ratioMax: 3 };

describe('percentile (nearest rank)', () => {
  it('picks the measured value at rank ceil(p/100 × n)', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 95)).toBe(50);
    expect(percentile(values, 100)).toBe(50);
  });

  it('reads p50, p95 and p99 of 200 timings as the 100th, 190th and 198th smallest', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 99)).toBe(198);
  });

  it('sorts a copy and leaves the input alone', () => {
    const values = [9, 1, 5, 3, 7];
    expect(percentile(values, 50)).toBe(5);
    expect(values).toEqual([9, 1, 5, 3, 7]);
  });

  it('refuses no values and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives n, p50, p95, max and mean, rounded to 3 decimals', () => {
    expect(summarize([0.1234, 0.5, 2, 1])).toEqual({ n: 4, p50: 0.5, p95: 2, max: 2, mean: 0.906 });
  });

  it('summarizes a single timing as itself', () => {
    expect(summarize([7.25])).toEqual({ n: 1, p50: 7.25, p95: 7.25, max: 7.25, mean: 7.25 });
  });
});

describe('ratio, round and nsToMs', () => {
  it('divides and rounds to 2 decimals; no ratio to a zero', () => {
    expect(ratio(12, 4)).toBe(3);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(2, 3)).toBe(0.67);
    expect(ratio(1, 0)).toBeNull();
  });

  it('rounds and converts nanoseconds to milliseconds', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.23456)).toBe(1.235);
    expect(nsToMs(1_500_000n)).toBe(1.5);
    expect(nsToMs(250n)).toBe(0.00025);
  });
});

describe('meetsGoal', () => {
  it('needs p95 strictly under 50 ms and at most 3× the raw query', () => {
    expect(meetsGoal(49.9, 3, GOAL)).toBe(true);
    expect(meetsGoal(50, 1, GOAL)).toBe(false);
    expect(meetsGoal(10, 3.01, GOAL)).toBe(false);
    expect(meetsGoal(10, null, GOAL)).toBe(false);
  });
});

describe('the bench summary', () => {
  it('lists every part’s missed goals under the part’s name; a skipped part adds nothing', () => {
    expect(
      missesOf({
        reports: { misses: ['monthly report p95 700 ms'] },
        sweep: null,
        office: { misses: ['burst of 100 p95 140 ms (goal < 100 ms)', '2 errors (goal 0)'] },
        exchange: { seconds: 3 },
      }),
    ).toEqual(['reports: monthly report p95 700 ms', 'office: burst of 100 p95 140 ms (goal < 100 ms)', 'office: 2 errors (goal 0)']);
  });
});
