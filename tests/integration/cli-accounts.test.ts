import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Desk } from '../../db/desk';
import type { SessionView, UserView } from '../../shared/contract';
import { ROLES, permissionsOf } from '../../shared/roles';
import { INITIAL_PASSWORD, storedAudit, storedThrottles, storedUser } from './accounts-helpers';
import { cli, cliWorkspace, type CliWorkspace } from './cli-workspace';
import { PASSWORD, TestClock, expectError, expectOk, openDesk } from './helpers';

const COMMAND_LINE = `命令行（${userInfo().username}）`;

/** The county database as the desk sees it after the command line ran. */
function inspect(ws: CliWorkspace): { desk: Desk; users: () => UserView[]; login: (username: string, password: string) => ReturnType<Desk['call']> } {
  const desk = openDesk(ws);
  return {
    desk,
    users: () => expectOk<UserView[]>(desk.callAsCommandLine('test', 'users.list', {})),
    login: (username, password) => desk.call(null, 'auth.login', { username, password }),
  };
}

describe('command line: user add', () => {
  it('creates an account with several roles that must change its password, audited as the command line', () => {
    const ws = cliWorkspace();
    const run = cli(['user', 'add', ...ws.common, '--username', 'zhaolei', '--name', '赵磊', '--role', 'front_desk', '--role', 'counselor', '--password-file', ws.passwordFile('zhaolei.txt', INITIAL_PASSWORD)]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('已新建账号');
    expect(run.out).toContain('前台经办');
    expect(run.out).toContain('职业指导员');
    expect(run.out).toContain('须修改密码');
    expect(run.out).not.toContain(INITIAL_PASSWORD);

    const db = inspect(ws);
    expect(db.users().find((u) => u.username === 'zhaolei')).toMatchObject({ displayName: '赵磊', roles: ['counselor', 'front_desk'], mustChangePassword: true });
    const session = expectOk<SessionView>(db.login('zhaolei', INITIAL_PASSWORD).result);
    expect(session).toMatchObject({ mustChangePassword: true, roles: ['counselor', 'front_desk'], permissions: permissionsOf(['front_desk', 'counselor']) });
    expect(storedAudit(db).find((e) => e.action === 'users.create')).toMatchObject({
      actorUserId: null,
      actorName: COMMAND_LINE,
      detail: { username: 'zhaolei', roles: ['front_desk', 'counselor'] },
    });
  });

  it('without --name (optional in the usage) either creates the account or asks for --name, never blames an untyped 姓名', () => {
    const ws = cliWorkspace();
    const run = cli(['user', 'add', ...ws.common, '--username', 'clerk_02', '--role', 'front_desk', '--password-file', ws.passwordFile('p.txt', INITIAL_PASSWORD)]);
    if (run.code === 0) {
      expect(inspect(ws).users().map((u) => u.username)).toContain('clerk_02');
    } else {
      expect(run.code, run.out).toBe(2);
      expect(run.out).toContain('--name');
    }
  });

  it('refuses an unknown role with exit code 2, lists the roles, and creates nothing', () => {
    const ws = cliWorkspace();
    const run = cli(['user', 'add', ...ws.common, '--username', 'zhaolei', '--role', 'front_desk', '--role', 'boss', '--password-file', ws.passwordFile('p.txt', INITIAL_PASSWORD)]);
    expect(run.code).toBe(2);
    expect(run.out).toContain('boss');
    for (const role of ROLES) expect(run.out).toContain(role);
    expect(inspect(ws).users().map((u) => u.username)).toEqual(['clerk']);
  });

  it('refuses a password that breaks the rules with exit code 1', () => {
    const ws = cliWorkspace();
    const run = cli(['user', 'add', ...ws.common, '--username', 'zhaolei', '--name', '赵磊', '--role', 'counselor', '--password-file', ws.passwordFile('p.txt', 'short')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('密码至少8位');
    expect(inspect(ws).users()).toHaveLength(1);
  });
});

describe('command line: disable, enable, reset password', () => {
  function withClerk(): CliWorkspace {
    const ws = cliWorkspace();
    const add = cli(['user', 'add', ...ws.common, '--username', 'zhaolei', '--name', '赵磊', '--role', 'front_desk', '--password-file', ws.passwordFile('zhaolei.txt', INITIAL_PASSWORD)]);
    expect(add.code, add.out).toBe(0);
    return ws;
  }

  it('disables an account with a reason and enables it again, both audited as the command line', () => {
    const ws = withClerk();
    const off = cli(['user', 'disable', ...ws.common, '--username', 'zhaolei', '--reason', '调离本局']);
    expect(off.code, off.out).toBe(0);
    expect(off.out).toContain('已停用');
    const db = inspect(ws);
    expect(db.users().find((u) => u.username === 'zhaolei')).toMatchObject({ disabled: true, displayName: '赵磊' });
    expect(expectError(db.login('zhaolei', INITIAL_PASSWORD).result, 'LOGIN_FAILED').message).toContain('停用');

    const on = cli(['user', 'enable', ...ws.common, '--username', 'zhaolei']);
    expect(on.code, on.out).toBe(0);
    expect(on.out).toContain('已启用');
    expectOk(db.login('zhaolei', INITIAL_PASSWORD).result);
    const entries = storedAudit(db).filter((e) => e.action === 'users.setDisabled');
    expect(entries.map((e) => [e.actorName, e.detail?.disabled, e.detail?.reason])).toEqual([
      [COMMAND_LINE, true, '调离本局'],
      [COMMAND_LINE, false, '管理员通过命令行启用'],
    ]);
  });

  it('refuses to disable the last administrator or an unknown account', () => {
    const ws = withClerk();
    const last = cli(['user', 'disable', ...ws.common, '--username', 'clerk', '--reason', '测试']);
    expect(last.code).toBe(1);
    expect(last.out).toContain('至少要保留一个');
    const unknown = cli(['user', 'disable', ...ws.common, '--username', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('nobody');
    expect(inspect(ws).users().every((u) => !u.disabled)).toBe(true);
  });

  it('resets a password: lifts the login limits and forces a change at the next login', () => {
    const ws = withClerk();
    const db = inspect(ws);
    for (let i = 1; i <= 4; i += 1) expectError(db.login('zhaolei', `wrong-pass-${i}`).result, 'LOGIN_FAILED');
    expect(storedThrottles(db).length).toBeGreaterThan(0);

    const run = cli(['user', 'reset-password', ...ws.common, '--username', 'zhaolei', '--password-file', ws.passwordFile('new.txt', 'Reset-2026-desk')]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('解除登录限制');
    expect(run.out).not.toContain('Reset-2026-desk');
    expect(storedUser(db, 'zhaolei')).toMatchObject({ mustChangePassword: 1 });
    expect(storedThrottles(db).filter((t) => t.scope === 'account_client')).toEqual([]);
    expectError(db.login('zhaolei', INITIAL_PASSWORD).result, 'LOGIN_FAILED');
    expect(expectOk<SessionView>(db.login('zhaolei', 'Reset-2026-desk').result).mustChangePassword).toBe(true);
    expect(storedAudit(db).find((e) => e.action === 'users.resetPassword')).toMatchObject({ actorUserId: null, actorName: COMMAND_LINE });
  });
});

describe('command line: user unlock', () => {
  it('lifts the wait of an administrator who mistyped at the window, while the desk is running, audited as the command line', () => {
    const ws = cliWorkspace();
    // The command line reads the real clock: so does this running desk.
    const running = { desk: openDesk(ws, { clock: new TestClock(new Date()) }) };
    for (let i = 1; i <= 4; i += 1) expectError(running.desk.call(null, 'auth.login', { username: 'clerk', password: `wrong-pass-${i}` }, '本机窗口').result, 'LOGIN_FAILED');
    expect(expectError(running.desk.call(null, 'auth.login', { username: 'clerk', password: PASSWORD }, '本机窗口').result, 'LOGIN_FAILED').message).toContain('后再试');
    expect(cli(['user', 'list', ...ws.common]).out).toContain('1 处终端登录受限');

    const run = cli(['user', 'unlock', ...ws.common, '--username', 'clerk', '--reason', '管理员本人输错']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('已解除 clerk 的登录限制（本机窗口）');
    expectOk(running.desk.call(null, 'auth.login', { username: 'clerk', password: PASSWORD }, '本机窗口').result);
    expect(storedAudit(running).find((e) => e.action === 'users.liftLoginLimits')).toMatchObject({
      actorName: COMMAND_LINE,
      detail: { clients: ['本机窗口'], reason: '管理员本人输错' },
    });
    expect(cli(['user', 'unlock', ...ws.common, '--username', 'clerk']).out).toContain('没有登录限制');
  });
});

