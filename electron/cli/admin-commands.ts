import { userInfo } from 'node:os';
import type { AuditChainStatus, UserView } from '../../shared/contract';
import { isRole, ROLES } from '../../shared/roles';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import type { Desk } from '../../db/desk';
import { openDesk, str, type Options } from './commands';
import { CliError, readPassword, requireOption, unwrap } from './io';

type Print = (line: string) => void;

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function withDesk<T>(options: Options, env: NodeJS.ProcessEnv, work: (desk: Desk, as: (method: string, input: unknown) => unknown) => T): T {
  const desk = openDesk(options, env);
  try {
    const user = osUser();
    return work(desk, (method, input) => unwrap(desk.callAsCommandLine(user, method, input)));
  } finally {
    desk.close();
  }
}

function findUser(call: (method: string, input: unknown) => unknown, username: string): UserView {
  const user = (call('users.list', {}) as UserView[]).find((u) => u.username === username);
  if (!user) throw new CliError(`没有用户名为 ${username} 的账号`);
  return user;
}

function describe(user: UserView): string {
  const limited = user.loginLimits.filter((l) => l.waitUntil !== null).length;
  return `${user.username}（${user.displayName}）角色：${user.roles.map((r) => ROLE_LABELS[r]).join('、')}${user.disabled ? '，已停用' : ''}${limited ? `，${limited} 处终端登录受限` : ''}`;
}

export function userAdd(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const roles = (options.role as string[] | undefined) ?? [];
  if (roles.length === 0) throw new CliError(`请用 --role 指定角色（可多次）：${ROLES.join(', ')}`, 2);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new CliError(`未知的角色：${unknown.join(', ')}（可选：${ROLES.join(', ')}）`, 2);
  const username = requireOption(str(options, 'username'), 'username');
  withDesk(options, env, (_desk, call) => {
    const user = call('users.create', {
      username,
      displayName: str(options, 'name') ?? username,
      roles,
      password: readPassword(str(options, 'password-file'), env),
    }) as UserView;
    print(`已新建账号：${describe(user)}；首次登录须修改密码`);
  });
}

export function userSetDisabled(disabled: boolean, options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const username = requireOption(str(options, 'username'), 'username');
  withDesk(options, env, (_desk, call) => {
    const user = findUser(call, username);
    const updated = call('users.setDisabled', {
      id: user.id,
      version: user.version,
      disabled,
      reason: str(options, 'reason') ?? (disabled ? '管理员通过命令行停用' : '管理员通过命令行启用'),
    }) as UserView;
    print(`${disabled ? '已停用' : '已启用'}：${describe(updated)}`);
  });
}

export function userResetPassword(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const username = requireOption(str(options, 'username'), 'username');
  withDesk(options, env, (_desk, call) => {
    const user = findUser(call, username);
    call('users.resetPassword', { id: user.id, password: readPassword(str(options, 'password-file'), env) });
    print(`已重置 ${username} 的密码，并解除登录限制；下次登录须修改密码`);
  });
}

/** `user unlock`: the administrator's way back in when wrong passwords made a computer wait (also while the desk runs). */
export function userUnlock(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const username = requireOption(str(options, 'username'), 'username');
  withDesk(options, env, (_desk, call) => {
    const user = findUser(call, username);
    const clients = user.loginLimits.map((l) => l.client);
    call('users.liftLoginLimits', { id: user.id, reason: str(options, 'reason') ?? '管理员通过命令行解除' });
    print(clients.length ? `已解除 ${username} 的登录限制（${clients.join('、')}）` : `${username} 没有登录限制，无需解除`);
  });
}

export function userList(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  withDesk(options, env, (_desk, call) => {
    for (const user of call('users.list', {}) as UserView[]) print(describe(user));
  });
}

/** Exit 0 when the chain holds; otherwise name the first broken entry. */
export function auditVerify(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  withDesk(options, env, (_desk, call) => {
    const verdict = call('audit.verify', {}) as AuditChainStatus;
    if (verdict.ok) {
      print(`审计日志完整：共 ${verdict.entries} 条，哈希链无断裂`);
      return;
    }
    throw new CliError(`审计日志在第 ${verdict.brokenId} 条处断裂：${verdict.reason}`, 3);
  });
}
