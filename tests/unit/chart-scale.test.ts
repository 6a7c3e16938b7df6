import { describe, expect, it } from 'vitest';
import { periodAxisLabel, periodTick } from '../../renderer/reports/chart-scale';

describe('the dashboard charts\' period axis', () => {
  it('names the year on the first period and on each January', () => {
    expect(periodTick('2026-01', false)).toEqual({ month: '1月', year: '26年' });
    expect(periodTick('2026-11', false)).toEqual({ month: '11月', year: null });
    expect(periodTick('2025-12', true)).toEqual({ month: '12月', year: '25年' });
    expect(['2025-12', '2026-01', '2026-02'].map((p, i) => periodAxisLabel(p, i === 0))).toEqual(['12月\n25年', '1月\n26年', '2月']);
  });
});
