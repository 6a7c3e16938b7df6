import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { fsyncPath } from '../exchange/deliver';
import { copyPrivateFile, makePrivateDir } from '../private-files';
import { DATABASE_FILE, officeStamp } from './manifest';
import { checkWithKey, verifyBackup } from './verify';

export interface RestoreOptions {
  from: string;
  dbPath: string;
  key: Buffer;
  /** Replace an existing database (it is moved aside, never deleted). */
  force: boolean;
  now: Date;
  nativeBinding?: string;
}

export interface RestoreOutcome {
  dbPath: string;
  /** What was in the way, under its new name. */
  movedAside: string[];
  attachments: number;
}

/** Refuses while another connection (the desk) holds the database: it must not change under a running desk. */
function assertNotInUse(dbPath: string, key: Buffer, nativeBinding?: string): void {
  const sqlite = new Database(dbPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('locking_mode = exclusive');
    sqlite.exec('begin exclusive; commit');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError('CONFLICT', `数据库正在被使用（工作台可能仍在运行）：${dbPath}。请先退出工作台再恢复`);
    }
    // A database this key cannot open (damaged, or another key) is still only moved aside.
  } finally {
    sqlite.close();
  }
}

function moveAside(path: string, target: string, moved: string[]): void {
  if (!existsSync(path)) return;
  if (existsSync(target)) throw new AppError('CONFLICT', `${target} 已存在，请稍后再试`);
  renameSync(path, target);
  moved.push(target);
}

/**
 * Restores a backup folder to `dbPath` (command line only, desk not running):
 * verifies first; an existing database is refused without `force`, and with
 * it is renamed `<name>.before-restore-<time>.db` (with its -wal/-shm), never
 * deleted. Attachments go to `attachments/` beside the database; the database
 * file is put in place last, through a temp name.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  const { from, dbPath, key } = options;
  const verdict = await verifyBackup(from, checkWithKey(key, options.nativeBinding));
  if (!verdict.ok || !verdict.manifest) throw new AppError('CONFLICT', `备份校验未通过，未做任何改动：${verdict.problems.join('；')}`);
  const attachments = verdict.manifest.files.filter((f) => f.path !== DATABASE_FILE);
  const stray = attachments.find((f) => !f.path.startsWith('attachments/'));
  if (stray) throw new AppError('CONFLICT', `备份中有本版本不认识的文件 ${stray.path}，未做任何改动`);
  const dataDir = dirname(dbPath);
  const exists = existsSync(dbPath);
  if (exists && !options.force) {
    throw new AppError('CONFLICT', `数据库已存在：${dbPath}，不会覆盖。确认要用备份替换时加 --force（原数据库会改名保留）`);
  }
  if (exists) assertNotInUse(dbPath, key, options.nativeBinding);
  makePrivateDir(dataDir);
  const stamp = officeStamp(options.now);
  const stem = basename(dbPath).replace(/\.[^.]+$/, '');
  const aside = join(dataDir, `${stem}.before-restore-${stamp}.db`);
  const moved: string[] = [];
  moveAside(dbPath, aside, moved);
  for (const suffix of ['-wal', '-shm']) moveAside(`${dbPath}${suffix}`, `${aside}${suffix}`, moved);
  const attachmentsDir = join(dataDir, 'attachments');
  moveAside(attachmentsDir, join(dataDir, `attachments.before-restore-${stamp}`), moved);
  if (attachments.length > 0) {
    const staging = join(dataDir, `.attachments.restoring-${stamp}`);
    rmSync(staging, { recursive: true, force: true });
    for (const file of attachments) {
      // Manifest paths are relative to the data folder: attachments/…
      const target = join(staging, ...file.path.split('/').slice(1));
      makePrivateDir(dirname(target));
      copyPrivateFile(join(from, ...file.path.split('/')), target);
      fsyncPath(target, 'r+');
    }
    renameSync(staging, attachmentsDir);
  }
  const temp = `${dbPath}.restoring`;
  copyPrivateFile(join(from, DATABASE_FILE), temp);
  fsyncPath(temp, 'r+');
  renameSync(temp, dbPath);
  fsyncPath(dataDir, 'r');
  return { dbPath, movedAside: moved, attachments: attachments.length };
}
