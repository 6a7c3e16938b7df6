import { describe, expect, it } from 'vitest';
import { contract, type MethodName, type SessionView } from '../../shared/contract';
import { lastAuditId, loginAs, storedAudit, storedThrottles } from './accounts-helpers';
import { sampleInput } from './sample-inputs';
import { ADMIN, PASSWORD, expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';

/** A desk whose sessions lock after one idle minute, the administrator logged in. */
function oneMinuteLock(): ReadyDesk {
  const ready = readyDesk();
  expectOk(ready.call('settings.update', { idleLockMinutes: 1 }));
  expect(expectOk<{ idleLockMinutes: number }>(ready.call('settings.get', {})).idleLockMinutes).toBe(1);
  return ready;
}

const lockedMethods = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access !== 'public' && m !== 'auth.unlock');

describe('the idle lock, held by the backend', () => {
  it('locks the session two minutes after its last call: every call is refused, nothing is written', () => {
    const ready = oneMinuteLock();
    ready.clock.advanceMinutes(2);
    const before = lastAuditId(ready);
    for (const method of lockedMethods) {
      const error = expectError(ready.call(method, sampleInput(method)), 'LOCKED');
      expect(error.message, method).toContain('锁定');
    }
    expect(lastAuditId(ready)).toBe(before);
    // The session is still there, marked locked, so the screen can offer to unlock.
    expect(expectOk<SessionView>(ready.call('auth.session', {}))).toMatchObject({ username: ADMIN, locked: true });
  });

  it('stays unlocked while calls keep coming within the idle time', () => {
    const ready = oneMinuteLock();
    for (let i = 0; i < 6; i += 1) {
      ready.clock.advanceMinutes(0.75);
      expectOk(ready.call('system.info', {}));
    }
    // Four and a half minutes after the setting was saved, never idle for a minute.
    expect(expectOk<SessionView>(ready.call('auth.session', {})).locked).toBe(false);
    ready.clock.advanceMinutes(1.5);
    expectError(ready.call('system.info', {}), 'LOCKED');
  });

  it('locks after the default ten minutes when no time was set', () => {
    const ready = readyDesk();
    ready.clock.advanceMinutes(9);
    expectOk(ready.call('system.info', {}));
    ready.clock.advanceMinutes(11);
    expectError(ready.call('system.info', {}), 'LOCKED');
  });

  it('locks only the idle session, not another one of the same desk', () => {
    const ready = oneMinuteLock();
    ready.clock.advanceMinutes(2);
    const fresh = loginAs(ready, ADMIN, PASSWORD).session;
    expectOk(ready.desk.call(fresh, 'system.info', {}).result);
    expectError(ready.call('system.info', {}), 'LOCKED');
  });
});

describe('unlocking', () => {
  it('refuses a wrong password, keeps the lock, and counts it toward the lockout', () => {
    const ready = oneMinuteLock();
    ready.clock.advanceMinutes(2);
    const error = expectError(ready.call('auth.unlock', { password: 'not-my-password' }), 'LOGIN_FAILED');
    expect(error.fields?.password).toBeTruthy();
    // The refusal was rolled back, the failure was not.
    expect(storedThrottles(ready).map((t) => [t.scope, t.username, t.failures])).toEqual([
      ['account_client', ADMIN, 1],
      ['client', null, 1],
    ]);
    expect(storedAudit(ready).at(-1)).toMatchObject({ action: 'auth.loginFailed', entityId: '1', detail: { failures: 1, waitUntil: null } });
    expectError(ready.call('system.info', {}), 'LOCKED');
    expect(expectOk<SessionView>(ready.call('auth.session', {})).locked).toBe(true);
  });

  it('after four wrong passwords makes this computer wait before it checks even the right one', () => {
    const ready = oneMinuteLock();
    ready.clock.advanceMinutes(2);
    for (let i = 1; i <= 4; i += 1) expectError(ready.call('auth.unlock', { password: `wrong-pass-${i}` }), 'LOGIN_FAILED');
    expect(expectError(ready.call('auth.unlock', { password: PASSWORD }), 'LOGIN_FAILED').message).toContain('15 秒后再试');
    expectError(ready.call('system.info', {}), 'LOCKED');
  });

  it('with the right password lets the same session work again, call after call', () => {
    const ready = oneMinuteLock();
    ready.clock.advanceMinutes(2);
    expectError(ready.call('auth.unlock', { password: 'not-my-password' }), 'LOGIN_FAILED');
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    expect(storedThrottles(ready).map((t) => t.scope)).toEqual(['client']);
    expect(storedAudit(ready).at(-1)).toMatchObject({ action: 'auth.unlock', actorName: '王芳' });

    // Right after unlocking, at the same instant, and a little later.
    expect(expectOk<SessionView>(ready.call('auth.session', {})).locked).toBe(false);
    expectOk(ready.call('system.info', {}));
    ready.clock.advanceMinutes(0.5);
    expectOk(ready.call('system.info', {}));
  });
});
