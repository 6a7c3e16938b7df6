import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { Desk } from '../../db/desk';
import { keyProviderFrom } from '../../db/keys';
import { openDatabase } from '../../db/open';
import { contract, type MethodName } from '../../shared/contract';
import type { PersonSearchResult, PersonView } from '../../shared/contract';
import { SEX_LABELS } from '../../shared/labels/zh-CN';
import { appPaths, appVersion } from '../paths';
import { CliError, readPassword, requireOption, unwrap } from './io';

export type Options = Record<string, string | string[] | boolean | undefined>;
type Print = (line: string) => void;

export function str(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The desk for one command. `command` names a command that must be the only
 * desk on the database (it holds the lock file while it runs, and is refused
 * while the app or a host has the database open: init, keys, export, import);
 * without it the command runs beside a running desk (look-ups, accounts,
 * audit and backup), as SQLite lets several connections share the file.
 */
export function openDesk(options: Options, env: NodeJS.ProcessEnv, command?: string): Desk {
  const dbPath = resolve(requireOption(str(options, 'db'), 'db'));
  const keyFile = str(options, 'key-file');
  const paths = appPaths();
  const desk = new Desk({
    dbPath,
    keys: keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env }),
    migrationsDir: paths.migrationsDir,
    resourcesDir: paths.resourcesDir,
    appVersion: appVersion(),
    lock: command ? `命令行 ${command}` : false,
  });
  const state = desk.state();
  if (state.state === 'in_use') {
    desk.close();
    throw new CliError(state.message ?? '数据库正由另一个工作台使用', 1);
  }
  return desk;
}

/** Logs in as a named staff member, so the router checks permissions and the audit names them. */
function loginFor(desk: Desk, options: Options, env: NodeJS.ProcessEnv): string {
  const username = requireOption(str(options, 'user'), 'user');
  const password = readPassword(str(options, 'password-file'), env);
  const outcome = desk.call(null, 'auth.login', { username, password }, `命令行（${userInfo().username}）`);
  unwrap(outcome.result);
  if (!outcome.session || !('set' in outcome.session)) throw new CliError('登录失败');
  return outcome.session.set;
}

export function init(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const dbPath = resolve(requireOption(str(options, 'db'), 'db'));
  if (existsSync(dbPath)) throw new CliError(`数据库文件已存在，不会覆盖：${dbPath}`, 1);
  const admin = requireOption(str(options, 'admin'), 'admin');
  const desk = openDesk(options, env, 'init');
  try {
    const outcome = desk.call(null, 'setup.initialize', {
      countyCode: requireOption(str(options, 'county'), 'county'),
      adminUsername: admin,
      adminDisplayName: str(options, 'admin-name') ?? admin,
      password: readPassword(str(options, 'password-file'), env, 'EMPLOYMENT_DESK_ADMIN_PASSWORD'),
      alsoFrontDesk: options['also-front-desk'] === true,
    });
    const { recoveryKey } = unwrap(outcome.result as { ok: true; value: { recoveryKey: string } });
    const status = unwrap(desk.call(null, 'setup.status', {}).result) as { county?: { name: string } };
    print(`已建立数据库：${dbPath}（${status.county?.name ?? ''}），管理员：${admin}`);
    print(`恢复密钥（请打印后交管理员保管，丢失密钥文件时凭此恢复）：${recoveryKey}`);
  } finally {
    desk.close();
  }
}

function personLine(p: { id: number; name: string; sex: 'male' | 'female'; birthDate: string; idNumberMasked: string; phoneMasked: string | null }): string {
  return [p.id, p.name, SEX_LABELS[p.sex], p.birthDate, p.idNumberMasked, p.phoneMasked ?? '-'].join('\t');
}

export function personsAdd(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const desk = openDesk(options, env);
  try {
    const session = loginFor(desk, options, env);
    const input: Record<string, unknown> = {
      idNumber: requireOption(str(options, 'id-number'), 'id-number'),
      name: requireOption(str(options, 'name'), 'name'),
    };
    const phone = str(options, 'phone');
    if (phone) input.phone = phone;
    const person = unwrap(desk.call(session, 'persons.register', input).result) as PersonView;
    print(options.json ? JSON.stringify(person) : `已登记：${personLine(person)}`);
  } finally {
    desk.close();
  }
}

export function personsFind(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const desk = openDesk(options, env);
  try {
    const session = loginFor(desk, options, env);
    const result = unwrap(
      desk.call(session, 'persons.search', { query: requireOption(str(options, 'query'), 'query'), pageSize: 200 }).result,
    ) as PersonSearchResult;
    if (options.json) return print(JSON.stringify(result));
    print(`共 ${result.total} 人${result.total > result.items.length ? `，显示前 ${result.items.length} 人` : ''}`);
    for (const p of result.items) print(personLine(p));
  } finally {
    desk.close();
  }
}

/** Integrity and migration status, without migrating anything. */
export function dbCheck(options: Options, env: NodeJS.ProcessEnv, print: Print): void {
  const dbPath = resolve(requireOption(str(options, 'db'), 'db'));
  const keyFile = str(options, 'key-file');
  const key = keyProviderFrom({ ...(keyFile ? { keyFile: resolve(keyFile) } : {}), env }).load();
  if (!key) throw new CliError('找不到数据库密钥', 1);
  const opened = openDatabase({ path: dbPath, key, migrationsDir: appPaths().migrationsDir, migrate: false });
  try {
    const integrity = opened.sqlite.pragma('integrity_check', { simple: true }) as string;
    const foreignKeys = opened.sqlite.pragma('foreign_key_check') as unknown[];
    print(`数据库：${dbPath}`);
    print(`数据结构版本：${opened.schemaVersion}${opened.pending.length ? `，待升级：${opened.pending.join(', ')}` : '（已是最新）'}`);
    print(`完整性检查：${integrity === 'ok' ? '通过' : integrity}`);
    print(`外键检查：${foreignKeys.length === 0 ? '通过' : `${foreignKeys.length} 处不一致`}`);
    if (integrity !== 'ok' || foreignKeys.length > 0) throw new CliError('数据库检查未通过', 1);
  } finally {
    opened.sqlite.close();
  }
}

export interface ContractEntry {
  method: MethodName;
  title: string;
  permission: string;
  writes: boolean;
  input: unknown;
}

/** Every method with its input as JSON Schema (zod's own conversion). */
export function contractEntries(): ContractEntry[] {
  return (Object.keys(contract) as MethodName[]).map((method) => {
    const spec = contract[method];
    return {
      method,
      title: spec.title,
      permission: spec.access,
      writes: spec.writes,
      input: z.toJSONSchema(spec.input, { io: 'input' }),
    };
  });
}
