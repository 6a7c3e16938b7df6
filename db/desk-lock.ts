import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname } from 'node:path';
import { AppError } from './errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-files';

/**
 * One running desk per database. Two desks on one file (the app and a host, or
 * two hosts) would each run the export schedule and hand out sessions the
 * other does not know; SQLite's own locks do not stop that. The running desk
 * holds `<database>.lock`, a file naming its process; a second one is refused
 * with that name. A lock whose process is gone (a crash, a power cut — the
 * computer restarted since) is stale and taken over.
 */
export interface DeskLockHolder {
  pid: number;
  host: string;
  program: string;
  startedAt: string;
}

export interface DeskLock {
  readonly path: string;
  release(): void;
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

function readHolder(path: string): DeskLockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DeskLockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.startedAt !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, program: String(parsed.program ?? ''), startedAt: parsed.startedAt };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    // Half-written by a process that died between creating and filling it.
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `holder` may still be running: on this computer, started since it booted, and its process alive. */
export function holderIsLive(holder: DeskLockHolder | null, now: Date): boolean {
  if (!holder) return false;
  // On another computer (a database on a shared folder) nothing can be checked from here: assume it runs.
  if (holder.host !== hostname()) return true;
  const bootedAt = now.getTime() - uptime() * 1000;
  if (Date.parse(holder.startedAt) < bootedAt - 60_000) return false;
  return processAlive(holder.pid);
}

export function describeHolder(holder: DeskLockHolder): string {
  const started = holder.startedAt.replace('T', ' ').slice(0, 19);
  return `${holder.program || '工作台'}，进程号 ${holder.pid}，计算机 ${holder.host}，${started}（UTC）启动`;
}

function tryCreate(path: string, holder: DeskLockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock for `dbPath` or throws a CONFLICT naming the desk that holds
 * it. `program` says who holds it (主程序, 浏览器服务, 命令行 …) in that message.
 */
export function acquireDeskLock(dbPath: string, program: string, now: Date = new Date()): DeskLock {
  const path = lockPathFor(dbPath);
  makePrivateDir(dirname(path));
  const mine: DeskLockHolder = { pid: process.pid, host: hostname(), program, startedAt: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path, mine)) {
      return {
        path,
        release: () => {
          // Only our own lock: never a file another desk wrote after a takeover.
          const current = safeRead(path);
          if (current && current.pid === mine.pid && current.startedAt === mine.startedAt && current.host === mine.host) rmSync(path, { force: true });
        },
      };
    }
    const holder = safeRead(path);
    if (holder === undefined) continue; // removed meanwhile: try again
    if (holderIsLive(holder, now)) {
      throw new AppError(
        'CONFLICT',
        `数据库 ${dbPath} 已由另一个工作台打开（${describeHolder(holder!)}）。同一个数据库只能由一个工作台使用，请先关闭它；确认它已不在运行时，可删除 ${path}。`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new AppError('CONFLICT', `无法取得数据库 ${dbPath} 的使用权：${path} 反复被其他程序占用，请稍后再试`);
}

/** The holder, null for an unreadable file, undefined when there is no file. */
function safeRead(path: string): DeskLockHolder | null | undefined {
  try {
    return readHolder(path);
  } catch {
    return undefined;
  }
}

/**
 * Removes `dbPath`'s lock when this very process holds it: after the desk
 * thread of this process died without closing (electron/desk-client.ts),
 * before a new one starts. Another process's lock is never touched.
 */
export function releaseLockOfThisProcess(dbPath: string): void {
  const path = lockPathFor(dbPath);
  const holder = safeRead(path);
  if (holder && holder.pid === process.pid && holder.host === hostname()) rmSync(path, { force: true });
}
