import { describe, expect, it } from 'vitest';
import { sampleSize, spotCheckSample } from '../../shared/domain/payments/spot-checks';

describe('抽查 sampling', () => {
  it('draws the share, at least one, never more than the population', () => {
    expect(sampleSize(200, 5)).toBe(10);
    expect(sampleSize(7, 10)).toBe(1);
    expect(sampleSize(3, 100)).toBe(3);
    expect(sampleSize(0, 10)).toBe(0);
    expect(() => sampleSize(10, 0)).toThrow('抽查比例应为1%–100%');
  });

  it('is repeatable from its seed, differs between seeds, and favours no part of the population', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const a = spotCheckSample(ids, 100, 'seed-a');
    expect(spotCheckSample(ids, 100, 'seed-a')).toEqual(a);
    expect(spotCheckSample(ids, 100, 'seed-b')).not.toEqual(a);
    expect(new Set(a).size).toBe(100);
    // Roughly half of the draw falls in each half of the population (binomial, n=100: 30–70 is > 99.99 %).
    const low = a.filter((id) => id <= 500).length;
    expect(low).toBeGreaterThan(30);
    expect(low).toBeLessThan(70);
  });
});
