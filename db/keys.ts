import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from './errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-files';

/**
 * The database key is 256 random bits. The host and the command line read it
 * from a key file or from EMPLOYMENT_DESK_DB_KEY; Electron keeps it wrapped by
 * safeStorage. It is never stored in clear beside the database by this code.
 */
export const KEY_ENV = 'EMPLOYMENT_DESK_DB_KEY';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export function parseKeyText(text: string, source: string): Buffer {
  const hex = text.replace(/[\s-]/g, '');
  if (!HEX_KEY.test(hex)) {
    throw new AppError('DATABASE_UNAVAILABLE', `${source}中的数据库密钥格式不正确（应为64位十六进制字符）`);
  }
  return Buffer.from(hex, 'hex');
}

export function readKeyFile(path: string): Buffer {
  if (!existsSync(path)) throw new AppError('DATABASE_UNAVAILABLE', `找不到密钥文件：${path}`);
  return parseKeyText(readFileSync(path, 'utf8'), '密钥文件');
}

/** Creates a new key file readable only by its owner; never overwrites an existing one. */
export function createKeyFile(path: string): Buffer {
  const key = randomBytes(32);
  makePrivateDir(dirname(path));
  const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}

/** The recovery key the administrator prints: the same 256 bits in groups of eight. */
export function formatRecoveryKey(key: Buffer): string {
  return (key.toString('hex').toUpperCase().match(/.{8}/g) ?? []).join('-');
}

/** Where a key comes from for the host and the command line. */
export type KeySource = { kind: 'file'; path: string } | { kind: 'env' } | { kind: 'buffer'; key: Buffer };

export interface KeyProvider {
  /** The key, or null when none exists yet (first run). */
  load(): Buffer | null;
  /** Creates and stores a new key for a new database. */
  create(): Buffer;
  describe(): string;
}

/** The province's receiving database has a key of its own (never the county's). */
export const PROVINCE_KEY_ENV = 'EMPLOYMENT_DESK_PROVINCE_DB_KEY';

export function keyProviderFrom(source: { keyFile?: string; env?: NodeJS.ProcessEnv; envName?: string }): KeyProvider {
  const envName = source.envName ?? KEY_ENV;
  const envKey = source.env?.[envName];
  if (source.keyFile) {
    const path = source.keyFile;
    return {
      load: () => (existsSync(path) ? readKeyFile(path) : null),
      create: () => createKeyFile(path),
      describe: () => `密钥文件 ${path}`,
    };
  }
  if (envKey) {
    const key = parseKeyText(envKey, `环境变量 ${envName} `);
    return { load: () => key, create: () => key, describe: () => `环境变量 ${envName}` };
  }
  const option = envName === KEY_ENV ? '--key-file' : '--db-key-file';
  throw new AppError('DATABASE_UNAVAILABLE', `未提供数据库密钥：请用 ${option} 指定密钥文件，或设置环境变量 ${envName}`);
}
