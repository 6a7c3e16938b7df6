/**
 * Slowing down password guessing without handing anyone a way to lock a
 * colleague out (保护账号，但不让人借此锁死同事). Failures are counted per account
 * and client (the computer the attempt came from) and per client across all
 * accounts. Past a few free tries each further failure makes that client wait
 * longer before it may try again — 15 s, 30 s, 1 min … up to 15 min — while the
 * same account can still be used from every other computer. A quiet day
 * forgets the count; a right password forgets the account's count for that
 * client. The administrator can lift a wait at any time.
 *
 * In office mode (办公室模式) the client of a call from a workstation is that
 * workstation (`workstationClient` in shared/domain/office.ts), so attempts are
 * limited per workstation and per account at each workstation; pairing
 * attempts are counted per address with the client scope (`pairingClient`).
 */
export interface ThrottleState {
  failures: number;
  lastFailureAt: string;
  /** No attempt from this client (for this account) is checked before this instant. */
  blockedUntil: string | null;
}

export type ThrottleScope = 'account_client' | 'client';

export const LOGIN_THROTTLE = {
  /** Wrong passwords that cost no wait: the first wait follows the next one. */
  freeFailures: { account_client: 3, client: 10 } satisfies Record<ThrottleScope, number>,
  firstDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  /** A count with no failure for this long starts again from zero. */
  forgetAfterHours: 24,
} as const;

/** Seconds to wait after the `failures`-th failure in `scope` (0 while failures are free). */
export function delayAfterFailures(failures: number, scope: ThrottleScope): number {
  const beyond = failures - LOGIN_THROTTLE.freeFailures[scope];
  if (beyond <= 0) return 0;
  return Math.min(LOGIN_THROTTLE.firstDelaySeconds * 2 ** Math.min(beyond - 1, 20), LOGIN_THROTTLE.maxDelaySeconds);
}

/** The state as it counts at `now`: null when there is none or it has been forgotten. */
export function currentThrottle(state: ThrottleState | null | undefined, now: Date): ThrottleState | null {
  if (!state) return null;
  const quietFor = now.getTime() - Date.parse(state.lastFailureAt);
  return quietFor >= LOGIN_THROTTLE.forgetAfterHours * 3_600_000 ? null : state;
}

/** Whole seconds this client must still wait (0: it may try now). */
export function secondsToWait(state: ThrottleState | null | undefined, now: Date): number {
  const current = currentThrottle(state, now);
  if (!current?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(current.blockedUntil) - now.getTime()) / 1000));
}

/** The state after one more wrong password at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, scope: ThrottleScope, now: Date): ThrottleState {
  const failures = (currentThrottle(state, now)?.failures ?? 0) + 1;
  const delay = delayAfterFailures(failures, scope);
  return {
    failures,
    lastFailureAt: now.toISOString(),
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null,
  };
}

/** "15 秒", "4 分钟", "15 分钟" — for the refusal message. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  return `${Math.ceil(seconds / 60)} 分钟`;
}
