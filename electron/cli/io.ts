import { readFileSync } from 'node:fs';
import type { RpcResult } from '../../shared/rpc';

/** A failure the command line reports in one line, with an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const PASSWORD_ENV = 'EMPLOYMENT_DESK_PASSWORD';

/** Non-interactive password: from a file (first line) or the environment, never from argv. */
export function readPassword(passwordFile: string | undefined, env: NodeJS.ProcessEnv, envName = PASSWORD_ENV): string {
  if (passwordFile) {
    const first = readFileSync(passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
    if (first === '') throw new CliError(`密码文件为空：${passwordFile}`, 2);
    return first;
  }
  const fromEnv = env[envName];
  if (fromEnv) return fromEnv;
  throw new CliError(`请用 --password-file 指定密码文件，或设置环境变量 ${envName}`, 2);
}

/** The value of a successful call, or a CliError carrying the Chinese message and every field at fault. */
export function unwrap<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  const { message, fields } = result.error;
  const extra = fields && Object.keys(fields).length > 1 ? Object.entries(fields).map(([p, m]) => `\n  ${p}: ${m}`).join('') : '';
  throw new CliError(message + extra, 1);
}

export function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`缺少参数 --${name}`, 2);
  return value;
}
