/**
 * A real county desk for the drills, on an encrypted file built by the
 * committed migrations, set up without vitest so the long runs
 * (scripts/drills/*.ts) and the suite share it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { Desk } from '../../db/desk';
import { keyProviderFrom } from '../../db/keys';
import { appPaths } from '../../electron/paths';
import type { RpcResult } from '../../shared/rpc';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const PATHS = appPaths(REPO_ROOT);
export const ADMIN = 'wangfang';
export const PASSWORD = 'Desk-2026-pass';
export const COUNTY = '320506';
export const NOW = new Date('2026-11-27T02:00:00Z');

export interface DrillDesk {
  dir: string;
  dbPath: string;
  keyFile: string;
  desk: Desk;
  logs: string[];
}

export function drillDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openDrillDesk(dir: string, options: { now?: () => Date; migrationsDir?: string } = {}): DrillDesk {
  mkdirSync(join(dir, 'keys'), { recursive: true });
  const dbPath = join(dir, 'data', 'desk.db');
  const keyFile = join(dir, 'keys', 'desk.key');
  const logs: string[] = [];
  const desk = new Desk({
    dbPath,
    keys: keyProviderFrom({ keyFile }),
    migrationsDir: options.migrationsDir ?? PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-drill',
    clock: options.now ?? (() => NOW),
    log: (message, error) => logs.push(`${message} ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`),
  });
  return { dir, dbPath, keyFile, desk, logs };
}

export function unwrap<T>(result: RpcResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** First run: county 320506, the administrator 王芳 (also front desk). Returns her session. */
export function initialize(drill: DrillDesk): string {
  unwrap(
    drill.desk.call(null, 'setup.initialize', { countyCode: COUNTY, adminUsername: ADMIN, adminDisplayName: '王芳', password: PASSWORD, alsoFrontDesk: true }).result,
    'setup.initialize',
  );
  return loginSession(drill.desk, ADMIN, PASSWORD, 'drill-setup');
}

export function loginSession(desk: Desk, username: string, password: string, client: string): string {
  const outcome = desk.call(null, 'auth.login', { username, password }, client);
  unwrap(outcome.result, `login ${username}`);
  if (!outcome.session || !('set' in outcome.session)) throw new Error(`login ${username} started no session`);
  return outcome.session.set;
}

/** Every table's name (FTS shadow tables included: they hold searchable text too). */
export function tableNames(sqlite: Database.Database): string[] {
  return (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !isVirtual(sqlite, name));
}

function isVirtual(sqlite: Database.Database, name: string): boolean {
  const row = sqlite.prepare('select sql from sqlite_master where name = ?').get(name) as { sql: string | null } | undefined;
  return /create virtual table/i.test(row?.sql ?? '');
}

/**
 * A digest of every row of every table: "nothing written" made checkable,
 * table by table. The audit log is append-only (triggers refuse updates and
 * deletes) and chained, so its length and last hash stand for all of it, and
 * the digest stays cheap as the log grows.
 */
export function tableDigests(sqlite: Database.Database, tables = tableNames(sqlite)): Map<string, string> {
  const digests = new Map<string, string>();
  for (const table of tables) {
    if (table === 'audit_log') {
      const end = sqlite.prepare('select count(*) as n, (select hash from audit_log order by id desc limit 1) as hash from audit_log').get() as { n: number; hash: string | null };
      digests.set(table, `${end.n}:${end.hash ?? ''}`);
      continue;
    }
    const hash = createHash('sha256');
    for (const row of sqlite.prepare(`select * from "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
      hash.update('\n');
    }
    digests.set(table, hash.digest('hex'));
  }
  return digests;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
