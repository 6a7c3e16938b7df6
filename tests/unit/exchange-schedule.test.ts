import { describe, expect, it } from 'vitest';
import { isRunDue, nextScheduledRun } from '../../shared/domain/exchange-schedule';

describe('the export schedule, in office time (UTC+8)', () => {
  it('runs daily at the set time, today if still ahead, else tomorrow', () => {
    // 2026-11-27 09:00 in the office is 01:00 UTC.
    expect(nextScheduledRun({ kind: 'daily', time: '18:30' }, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-11-27T10:30:00.000Z');
    expect(nextScheduledRun({ kind: 'daily', time: '08:00' }, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    // Just after midnight in the office (16:05 UTC the day before) counts as the new office day.
    expect(nextScheduledRun({ kind: 'daily', time: '00:30' }, new Date('2026-11-27T16:05:00Z'))?.toISOString()).toBe('2026-11-27T16:30:00.000Z');
  });

  it('runs weekly on the weekday, 1 = Monday … 7 = Sunday', () => {
    // 2026-11-27 is a Friday (5).
    expect(nextScheduledRun({ kind: 'weekly', weekday: 1, time: '17:00' }, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(nextScheduledRun({ kind: 'weekly', weekday: 5, time: '17:00' }, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(nextScheduledRun({ kind: 'weekly', weekday: 5, time: '08:00' }, new Date('2026-11-27T01:00:00Z'))?.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(nextScheduledRun({ kind: 'off' }, new Date())).toBeNull();
  });

  it('is due when the set time passed since the last check, once', () => {
    const plan = { kind: 'daily', time: '18:30' } as const;
    expect(isRunDue(plan, new Date('2026-11-27T10:29:00Z'), new Date('2026-11-27T10:30:00Z'))).toBe(true);
    expect(isRunDue(plan, new Date('2026-11-27T10:30:00Z'), new Date('2026-11-27T10:31:00Z'))).toBe(false);
  });
});
