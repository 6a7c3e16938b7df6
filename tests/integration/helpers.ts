import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import { Desk } from '../../db/desk';
import type { DemoBuilder } from '../../db/demo-files';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { appPaths } from '../../electron/paths';
import type { RpcError, RpcResult } from '../../shared/rpc';

/**
 * A real county desk on a real encrypted SQLite file in a fresh temp folder,
 * built by the committed migrations. Everything is removed when the test ends.
 */
export const PASSWORD = 'Desk-2026-pass';
export const ADMIN = 'wangfang';
export const COUNTY = '320506';
export const START = new Date('2026-11-27T02:00:00Z');
export const PATHS = appPaths();

export function tempDir(prefix = 'desk-it-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface DeskFiles {
  dir: string;
  dbPath: string;
  keyFile: string;
}

/** The database and its key in different folders, as in the real defaults. */
export function deskFiles(dir = tempDir()): DeskFiles {
  mkdirSync(join(dir, 'keys'), { recursive: true });
  return { dir, dbPath: join(dir, 'data', 'desk.db'), keyFile: join(dir, 'keys', 'desk.key') };
}

/** A clock the test can move forward. */
export class TestClock {
  constructor(private current: Date = START) {}
  readonly read = (): Date => this.current;
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface OpenOptions {
  clock?: TestClock;
  migrationsDir?: string;
  keyFile?: string;
  logs?: string[];
  /** The demo builder, for tests of 打开演示县 (db/demo.ts). */
  demo?: DemoBuilder;
  /** Run jobs in threads of their own (db/job-thread.mjs), as the host and the app do. */
  jobThreadEntry?: string | URL;
}

export function openDesk(files: DeskFiles, options: OpenOptions = {}): Desk {
  const logs = options.logs ?? [];
  const desk = new Desk({
    dbPath: files.dbPath,
    keys: keyProviderFrom({ keyFile: options.keyFile ?? files.keyFile }),
    migrationsDir: options.migrationsDir ?? PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-test',
    clock: (options.clock ?? new TestClock()).read,
    log: (message, error) => logs.push(`${message} ${String(error)}`),
    ...(options.demo ? { demo: options.demo } : {}),
    ...(options.jobThreadEntry ? { jobThreadEntry: options.jobThreadEntry } : {}),
  });
  onTestFinished(() => desk.close());
  return desk;
}

export function expectOk<T = unknown>(result: RpcResult<unknown>): T {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function expectError(result: RpcResult<unknown>, code: RpcError['code']): RpcError {
  if (result.ok) expect.fail(`expected ${code}, got success: ${JSON.stringify(result.value)}`);
  expect(result.error.code, result.error.message).toBe(code);
  // Staff read it as it is: one Chinese sentence, never a stack trace.
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.error.message).not.toMatch(/\n\s+at /);
  return result.error;
}

export function login(desk: Desk, username = ADMIN, password = PASSWORD): string {
  const outcome = desk.call(null, 'auth.login', { username, password });
  expectOk(outcome.result);
  if (!outcome.session || !('set' in outcome.session)) return expect.fail('login did not start a session');
  return outcome.session.set;
}

export interface ReadyDesk extends DeskFiles {
  desk: Desk;
  clock: TestClock;
  logs: string[];
  recoveryKey: string;
  /** Session id of the administrator (empty when `login: false`). */
  session: string;
  call(method: string, input?: unknown): RpcResult<unknown>;
}

/** First run (county 320506, one administrator) and, unless told otherwise, a login. */
export function readyDesk(
  options: { alsoFrontDesk?: boolean; login?: boolean; migrationsDir?: string; files?: DeskFiles; countyCode?: string } = {},
): ReadyDesk {
  const files = options.files ?? deskFiles();
  const clock = new TestClock();
  const logs: string[] = [];
  const desk = openDesk(files, { clock, logs, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) });
  const init = desk.call(null, 'setup.initialize', {
    countyCode: options.countyCode ?? COUNTY,
    adminUsername: ADMIN,
    adminDisplayName: '王芳',
    password: PASSWORD,
    alsoFrontDesk: options.alsoFrontDesk ?? true,
  }).result;
  const { recoveryKey } = expectOk<{ recoveryKey: string }>(init);
  const session = options.login === false ? '' : login(desk);
  return {
    ...files,
    desk,
    clock,
    logs,
    recoveryKey,
    session,
    call: (method, input) => desk.call(session || null, method, input).result,
  };
}

/** A plain connection opened with the desk's key, for inspecting or tampering. */
export function keyedConnection(dbPath: string, keyFile: string): Database.Database {
  const sqlite = new Database(dbPath, { fileMustExist: true });
  onTestFinished(() => {
    if (sqlite.open) sqlite.close();
  });
  sqlite.pragma(`key = "x'${readKeyFile(keyFile).toString('hex')}'"`);
  return sqlite;
}

export function rowCounts(desk: Desk): { persons: number; audit: number } {
  const { sqlite } = desk.database();
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { persons: count('persons'), audit: count('audit_log') };
}

export interface PersonInput {
  idNumber: string;
  name: string;
  phone?: string;
  [field: string]: unknown;
}
