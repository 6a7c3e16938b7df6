import { describe, expect, it } from 'vitest';
import { contract, type MethodName, type PersonView, type SessionView, type UserView } from '../../shared/contract';
import { ROLES, permissionsOf } from '../../shared/roles';
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
} from './accounts-helpers';
import { expectError, expectOk, readyDesk, rowCounts } from './helpers';
import { PERSON_A } from './persons-data';
import { sampleInput } from './sample-inputs';

/** What an account may do before it replaced the password the administrator gave it. */
const ALLOWED_BEFORE_CHANGE = ['auth.changePassword', 'settings.get', 'system.info'];

const sessionMethods = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access !== 'public');

describe('an account created by an administrator', () => {
  it('is listed with its roles and must change its password at first login', () => {
    const ready = readyDesk();
    const created = createUser(ready, 'zhaolei', ['front_desk'], '赵磊');
    expect(created).toMatchObject({ username: 'zhaolei', displayName: '赵磊', roles: ['front_desk'], mustChangePassword: true, disabled: false, version: 1 });
    expect(listedUser(ready, 'zhaolei')).toEqual(created);
    expect(storedAudit(ready).at(-1)).toMatchObject({
      action: 'users.create',
      actorName: '王芳',
      entityType: 'user',
      entityId: String(created.id),
      detail: { username: 'zhaolei', roles: ['front_desk'] },
    });

    const { session, view } = loginAs(ready, 'zhaolei', INITIAL_PASSWORD);
    expect(view).toMatchObject({ username: 'zhaolei', mustChangePassword: true, locked: false });
    const call = callsOf(ready, session);
    expect(expectOk<SessionView>(call('auth.session')).mustChangePassword).toBe(true);
  });

  it('may do nothing but change the password, read settings and system info until it has done so', () => {
    const ready = readyDesk();
    // Every role, so that a refusal can only come from the pending password change.
    createUser(ready, 'zhaolei', [...ROLES], '赵磊');
    const call = callsOf(ready, loginAs(ready, 'zhaolei', INITIAL_PASSWORD).session);
    const before = rowCounts(ready.desk);

    const refused = sessionMethods.filter((m) => !ALLOWED_BEFORE_CHANGE.includes(m));
    expect(refused).toContain('persons.search');
    for (const method of refused) {
      const error = expectError(call(method, sampleInput(method)), 'FORBIDDEN');
      expect(error.message, method).toContain('请先修改密码');
    }
    expect(rowCounts(ready.desk)).toEqual(before);
    expectOk(call('settings.get'));
    expectOk(call('system.info'));

    expectOk(call('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: OWN_PASSWORD }));
    expect(expectOk<SessionView>(call('auth.session')).mustChangePassword).toBe(false);
    expect(listedUser(ready, 'zhaolei')?.mustChangePassword).toBe(false);
    expectOk(call('persons.search', { query: '' }));
    expect(expectOk<PersonView>(call('persons.register', PERSON_A)).name).toBe(PERSON_A.name);
    expect(storedAudit(ready).map((e) => e.action)).toContain('auth.changePassword');
  });

  it('keeps the new password and refuses the one the administrator handed out', () => {
    const ready = readyDesk();
    activeUser(ready, 'zhaolei', ['counselor']);
    expectError(ready.desk.call(null, 'auth.login', { username: 'zhaolei', password: INITIAL_PASSWORD }).result, 'LOGIN_FAILED');
    expect(loginAs(ready, 'zhaolei', OWN_PASSWORD).view.mustChangePassword).toBe(false);
  });
});

describe('password and user name rules', () => {
  it('refuses a password shorter than 8 characters, under the password field, and creates nothing', () => {
    const ready = readyDesk();
    const auditBefore = lastAuditId(ready);
    const error = expectError(ready.call('users.create', { username: 'zhaolei', displayName: '赵磊', roles: ['front_desk'], password: 'Ab3-xyz' }), 'BAD_INPUT');
    expect(error.fields?.password).toContain('8');
    expect(listedUser(ready, 'zhaolei')).toBeUndefined();
    expect(lastAuditId(ready)).toBe(auditBefore);
  });

  it('refuses a password equal to the user name, whatever its case', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('users.create', { username: 'zhaolei88', displayName: '赵磊', roles: ['front_desk'], password: 'ZhaoLei88' }), 'BAD_INPUT');
    expect(error.fields?.password).toContain('用户名');
    expect(listedUser(ready, 'zhaolei88')).toBeUndefined();

    const user = createUser(ready, 'zhaolei88', ['front_desk']);
    const reset = expectError(ready.call('users.resetPassword', { id: user.id, password: 'zhaolei88' }), 'BAD_INPUT');
    expect(reset.fields?.password).toContain('用户名');
    const call = callsOf(ready, loginAs(ready, 'zhaolei88', INITIAL_PASSWORD).session);
    const change = expectError(call('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: 'zhaolei88' }), 'BAD_INPUT');
    expect(change.fields?.newPassword).toContain('用户名');
  });

  it('refuses a user name already taken, also by a disabled account', () => {
    const ready = readyDesk();
    const first = createUser(ready, 'zhaolei', ['front_desk']);
    const again = expectError(ready.call('users.create', { username: 'zhaolei', displayName: '赵雷', roles: ['counselor'], password: 'Other-2026-desk' }), 'DUPLICATE');
    expect(again.fields?.username).toBeTruthy();
    expectOk(ready.call('users.setDisabled', { id: first.id, version: first.version, disabled: true, reason: '调离' }));
    expectError(ready.call('users.create', { username: 'zhaolei', displayName: '赵雷', roles: ['counselor'], password: 'Other-2026-desk' }), 'DUPLICATE');
    expect(expectOk<UserView[]>(ready.call('users.list', {})).filter((u) => u.username === 'zhaolei')).toHaveLength(1);
  });
});

describe('roles', () => {
  it('gives an account with several roles the permissions of all of them together', () => {
    const ready = readyDesk();
    const person = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
    const { session, call } = activeUser(ready, 'liuyang', ['counselor', 'head'], '刘洋');
    const view = expectOk<SessionView>(ready.desk.call(session, 'auth.session', {}).result)!;
    expect(view.roles).toEqual(['counselor', 'head']);
    expect(view.permissions).toEqual(permissionsOf(['counselor', 'head']));
    expect(view.permissions).toEqual(expect.arrayContaining(['persons.read', 'persons.reveal', 'audit.read']));

    // From the counselor role: read and reveal; from the head role: the audit log.
    expectOk(call('persons.get', { id: person.id }));
    expect(expectOk<{ value: string }>(call('persons.reveal', { id: person.id, field: 'idNumber' })).value).toBe(PERSON_A.idNumber);
    expectOk(call('audit.list', {}));
    // Neither role registers people or manages accounts.
    expectError(call('persons.register', { idNumber: '321281198512310047', name: '张丽' }), 'FORBIDDEN');
    expectError(call('users.list', {}), 'FORBIDDEN');
  });

  it('keeps the administrator away from citizens’ data once the front-desk role is taken away', () => {
    const ready = readyDesk();
    const person = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
    const self = listedUser(ready, 'wangfang')!;
    expect(self.roles).toEqual(['admin', 'front_desk']);
    expectOk(ready.call('users.setRoles', { id: self.id, version: self.version, roles: ['admin'] }));

    // The same session, next call: the roles are read anew.
    const auditBefore = lastAuditId(ready);
    for (const [method, input] of [
      ['persons.search', { query: '' }],
      ['persons.get', { id: person.id }],
      ['persons.register', { idNumber: '321281198512310047', name: '张丽' }],
      ['persons.reveal', { id: person.id, field: 'phone' }],
      ['persons.update', { id: person.id, version: 1, changes: { address: '越溪街道' }, reason: '补充' }],
    ] as const) {
      const error = expectError(ready.call(method, input), 'FORBIDDEN');
      expect(error.message, method).toContain('权限');
    }
    expect(lastAuditId(ready)).toBe(auditBefore);
    // What an administrator is for still works.
    expectOk(ready.call('users.list', {}));
    expectOk(ready.call('audit.list', {}));
  });

  it('keeps front-desk staff out of account management and the audit log, and lets the head read the log', () => {
    const ready = readyDesk();
    const clerk = activeUser(ready, 'zhaolei', ['front_desk'], '赵磊');
    const auditBefore = lastAuditId(ready);
    for (const method of ['users.list', 'users.create', 'users.setRoles', 'users.setDisabled', 'users.resetPassword', 'audit.list', 'audit.exportXlsx', 'audit.verify', 'settings.update'] as const) {
      expectError(clerk.call(method, sampleInput(method)), 'FORBIDDEN');
    }
    expect(lastAuditId(ready)).toBe(auditBefore);
    expect(listedUser(ready, 'wangfang')).toMatchObject({ disabled: false, roles: ['admin', 'front_desk'] });
    expect(listedUser(ready, 'qianqi')).toBeUndefined();

    const head = activeUser(ready, 'sunli', ['head'], '孙丽');
    const page = expectOk<{ total: number; items: Array<{ action: string }> }>(head.call('audit.list', {}));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.map((e) => e.action)).toContain('users.create');
    expect(expectOk<{ ok: boolean }>(head.call('audit.verify', {})).ok).toBe(true);
    expectError(head.call('users.list', {}), 'FORBIDDEN');
    expectError(head.call('persons.register', PERSON_A), 'FORBIDDEN');
  });
});
