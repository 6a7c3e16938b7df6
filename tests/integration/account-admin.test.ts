import { describe, expect, it } from 'vitest';
import type { SessionView, UserView } from '../../shared/contract';
import {
  INITIAL_PASSWORD,
  OWN_PASSWORD,
  activeUser,
  callsOf,
  createUser,
  lastAuditId,
  listedUser,
  loginAs,
  storedAudit,
  storedThrottles,
  storedUser,
} from './accounts-helpers';
import { expectError, expectOk, readyDesk } from './helpers';

describe('changing an account someone else changed meanwhile', () => {
  it('refuses a stale version when setting roles or disabling, and changes nothing', () => {
    const ready = readyDesk();
    const user = createUser(ready, 'zhaolei', ['front_desk']);
    const v2 = expectOk<UserView>(ready.call('users.setRoles', { id: user.id, version: user.version, roles: ['counselor'] }));
    expect(v2).toMatchObject({ roles: ['counselor'], version: user.version + 1 });
    const auditBefore = lastAuditId(ready);

    const roles = expectError(ready.call('users.setRoles', { id: user.id, version: user.version, roles: ['head'] }), 'CONFLICT');
    expect(roles.message).toContain('刷新');
    expectError(ready.call('users.setDisabled', { id: user.id, version: user.version, disabled: true, reason: '离职' }), 'CONFLICT');
    expect(listedUser(ready, 'zhaolei')).toMatchObject({ roles: ['counselor'], disabled: false, version: v2.version });
    expect(lastAuditId(ready)).toBe(auditBefore);
  });

  it('counts a password reset as a change, so a form opened before it is refused', () => {
    const ready = readyDesk();
    const user = createUser(ready, 'zhaolei', ['front_desk']);
    const reset = expectOk<UserView>(ready.call('users.resetPassword', { id: user.id, password: 'Reset-2026-desk' }));
    expect(reset.version).toBe(user.version + 1);
    expectError(ready.call('users.setRoles', { id: user.id, version: user.version, roles: ['head'] }), 'CONFLICT');
  });

  it('records the roles before and after a change', () => {
    const ready = readyDesk();
    const user = createUser(ready, 'zhaolei', ['front_desk']);
    expectOk(ready.call('users.setRoles', { id: user.id, version: user.version, roles: ['reviewer', 'counselor', 'reviewer'] }));
    expect(listedUser(ready, 'zhaolei')?.roles).toEqual(['counselor', 'reviewer']);
    expect(storedAudit(ready).at(-1)).toMatchObject({
      action: 'users.setRoles',
      entityId: String(user.id),
      actorName: '王芳',
      detail: { before: ['front_desk'], after: ['reviewer', 'counselor'] },
    });
  });
});

describe('disabling an account', () => {
  it('ends its access at once, refuses its login, and keeps it in the list under its name', () => {
    const ready = readyDesk();
    const clerk = activeUser(ready, 'zhaolei', ['front_desk'], '赵磊');
    expectOk(clerk.call('persons.search', { query: '' }));
    const listed = listedUser(ready, 'zhaolei')!;

    const disabled = expectOk<UserView>(ready.call('users.setDisabled', { id: listed.id, version: listed.version, disabled: true, reason: '调离本局' }));
    expect(disabled.disabled).toBe(true);
    // The session that was open when the account was disabled.
    expectError(clerk.call('persons.search', { query: '' }), 'UNAUTHENTICATED');
    expect(expectOk<SessionView | null>(clerk.call('auth.session'))).toBeNull();
    const refused = expectError(ready.desk.call(null, 'auth.login', { username: 'zhaolei', password: OWN_PASSWORD }).result, 'LOGIN_FAILED');
    expect(refused.message).toContain('停用');

    // Never deleted: the audit trail still names who did what.
    expect(listedUser(ready, 'zhaolei')).toMatchObject({ displayName: '赵磊', disabled: true, roles: ['front_desk'] });
    expect(storedAudit(ready).at(-1)).toMatchObject({ action: 'users.setDisabled', entityId: String(listed.id), detail: { disabled: true, reason: '调离本局' } });

    expectOk(ready.call('users.setDisabled', { id: listed.id, version: disabled.version, disabled: false, reason: '返岗' }));
    expect(loginAs(ready, 'zhaolei', OWN_PASSWORD).view.username).toBe('zhaolei');
  });

  it('does not let an administrator disable the account they are using', () => {
    const ready = readyDesk();
    createUser(ready, 'sunqiang', ['admin'], '孙强');
    const self = listedUser(ready, 'wangfang')!;
    const error = expectError(ready.call('users.setDisabled', { id: self.id, version: self.version, disabled: true, reason: '测试' }), 'CONFLICT');
    expect(error.message).toContain('自己');
    expect(listedUser(ready, 'wangfang')?.disabled).toBe(false);
  });
});

describe('the last enabled administrator', () => {
  it('cannot lose the admin role', () => {
    const ready = readyDesk();
    createUser(ready, 'zhaolei', ['front_desk']);
    const self = listedUser(ready, 'wangfang')!;
    const error = expectError(ready.call('users.setRoles', { id: self.id, version: self.version, roles: ['front_desk'] }), 'CONFLICT');
    expect(error.message).toContain('至少要保留一个');
    expect(listedUser(ready, 'wangfang')?.roles).toEqual(['admin', 'front_desk']);
  });

  it('cannot be disabled by anyone, and a disabled administrator does not count', () => {
    const ready = readyDesk();
    const second = activeUser(ready, 'sunqiang', ['admin'], '孙强');
    const first = listedUser(ready, 'wangfang')!;
    // With two administrators one may go.
    expectOk(second.call('users.setDisabled', { id: first.id, version: first.version, disabled: true, reason: '长期病假' }));

    const self = listedUser(ready, 'sunqiang', second.call)!;
    const dropRole = expectError(second.call('users.setRoles', { id: self.id, version: self.version, roles: ['head'] }), 'CONFLICT');
    expect(dropRole.message).toContain('至少要保留一个');
    // The command line acts with the key, not an account, and is held to the same rule.
    const byCli = ready.desk.callAsCommandLine('tester', 'users.setDisabled', { id: self.id, version: self.version, disabled: true, reason: '测试' });
    expect(expectError(byCli, 'CONFLICT').message).toContain('至少要保留一个');
    expect(listedUser(ready, 'sunqiang', second.call)).toMatchObject({ disabled: false, roles: ['admin'] });
    expect(listedUser(ready, 'wangfang', second.call)).toMatchObject({ disabled: true, displayName: '王芳' });
  });
});

describe('resetting a password', () => {
  it('lifts the login limits and makes the user choose a new password', () => {
    const ready = readyDesk();
    const user = activeUser(ready, 'zhaolei', ['front_desk']).user;
    for (let i = 1; i <= 4; i += 1) {
      expectError(ready.desk.call(null, 'auth.login', { username: 'zhaolei', password: `wrong-pass-${i}` }).result, 'LOGIN_FAILED');
    }
    expect(listedUser(ready, 'zhaolei')?.loginLimits).toMatchObject([{ failures: 4, waitUntil: expect.any(String) }]);
    const waiting = expectError(ready.desk.call(null, 'auth.login', { username: 'zhaolei', password: OWN_PASSWORD }).result, 'LOGIN_FAILED');
    expect(waiting.message).toContain('后再试');

    const reset = expectOk<UserView>(ready.call('users.resetPassword', { id: user.id, password: INITIAL_PASSWORD }));
    expect(reset).toMatchObject({ loginLimits: [], mustChangePassword: true });
    expect(storedUser(ready, 'zhaolei')).toMatchObject({ mustChangePassword: 1 });
    expect(storedThrottles(ready)).toEqual([]);
    expect(storedAudit(ready).map((e) => e.action).slice(-2)).toEqual(['users.resetPassword', 'users.liftLoginLimits']);
    expect(storedAudit(ready).at(-2)).toMatchObject({ action: 'users.resetPassword', entityId: String(user.id), actorName: '王芳' });

    const { session, view } = loginAs(ready, 'zhaolei', INITIAL_PASSWORD);
    expect(view.mustChangePassword).toBe(true);
    expect(expectError(callsOf(ready, session)('persons.search', { query: '' }), 'FORBIDDEN').message).toContain('请先修改密码');
  });

  it('forces the change on a session that was already open', () => {
    const ready = readyDesk();
    const clerk = activeUser(ready, 'zhaolei', ['front_desk']);
    expectOk(ready.call('users.resetPassword', { id: clerk.user.id, password: INITIAL_PASSWORD }));
    expect(expectError(clerk.call('persons.search', { query: '' }), 'FORBIDDEN').message).toContain('请先修改密码');
    expectOk(clerk.call('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: 'Again-2026-desk' }));
    expectOk(clerk.call('persons.search', { query: '' }));
  });
});
