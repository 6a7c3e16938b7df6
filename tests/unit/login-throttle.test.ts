import { describe, expect, it } from 'vitest';
import { afterFailure, currentThrottle, delayAfterFailures, formatWait, secondsToWait } from '../../shared/domain/login-throttle';

const at = (iso: string) => new Date(iso);

describe('login throttle (shared/domain/login-throttle.ts)', () => {
  it('three wrong passwords per account and computer are free, then the wait doubles from 15 s up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 40].map((n) => delayAfterFailures(n, 'account_client'))).toEqual([0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('a computer gets ten free wrong passwords across all accounts', () => {
    expect([10, 11, 12].map((n) => delayAfterFailures(n, 'client'))).toEqual([0, 15, 30]);
  });

  it('counts on from the last state and sets the instant the computer may try again', () => {
    let state = null;
    for (let i = 0; i < 4; i += 1) state = afterFailure(state, 'account_client', at('2026-12-01T08:00:00Z'));
    expect(state).toEqual({ failures: 4, lastFailureAt: '2026-12-01T08:00:00.000Z', blockedUntil: '2026-12-01T08:00:15.000Z' });
    expect(secondsToWait(state, at('2026-12-01T08:00:05Z'))).toBe(10);
    expect(secondsToWait(state, at('2026-12-01T08:00:15Z'))).toBe(0);
  });

  it('forgets a count after a quiet day', () => {
    const state = { failures: 9, lastFailureAt: '2026-12-01T08:00:00.000Z', blockedUntil: '2026-12-01T08:15:00.000Z' };
    expect(currentThrottle(state, at('2026-12-02T07:59:59Z'))).toBe(state);
    expect(currentThrottle(state, at('2026-12-02T08:00:00Z'))).toBeNull();
    expect(afterFailure(state, 'account_client', at('2026-12-02T09:00:00Z')).failures).toBe(1);
  });

  it('says the wait in seconds or whole minutes', () => {
    expect([15, 59, 60, 61, 900].map(formatWait)).toEqual(['15 秒', '59 秒', '1 分钟', '2 分钟', '15 分钟']);
  });
});
