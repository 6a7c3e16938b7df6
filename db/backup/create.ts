import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupCreated, BackupFileEntry, BackupManifest } from '../../shared/contract';
import { AppError } from '../errors';
import { fsyncPath } from '../exchange/deliver';
import { oneRunAtATime } from '../jobs';
import { copyEncryptedInto } from '../open';
import { copyPrivateFile, makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../private-files';
import { backupFolderName, DATABASE_FILE, isSafeRelativePath, listBackupFolders, MANIFEST_FILE, PARTIAL_SUFFIX, sha256Of } from './manifest';

export interface CreateBackupOptions {
  /** The open database (the desk's connection); copied with VACUUM INTO, so the copy keeps its key. */
  sqlite: Database.Database;
  /** The data folder the extra files are relative to. */
  dataDir: string;
  /** Files besides the database, relative to dataDir with "/" (attachments). */
  extraFiles: string[];
  /** The folder that receives the backup folder. */
  targetRoot: string;
  county: { code: string; name: string };
  appVersion: string;
  schemaVersion: number;
  now: Date;
  automatic?: boolean;
  progress?: (phase: string, done: number, total: number) => void;
  /** Between steps: throws to cancel (a job's checkpoint). */
  checkpoint?: () => Promise<void>;
}

/**
 * One backup folder: desk.db (encrypted with the same key), the extra files
 * and manifest.json. Everything is written to a hidden `.…partial` folder,
 * fsynced, then renamed into place: a crash or a cancel never leaves a folder
 * that looks complete, and a failure removes the partial one.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupCreated> {
  // One backup at a time per database in this process (立即备份 while the daily run fires).
  return oneRunAtATime(running, options.sqlite, '已有一个备份正在进行，请等它完成后再试', () => writeBackup(options));
}

const running = new WeakSet<Database.Database>();

async function writeBackup(options: CreateBackupOptions): Promise<BackupCreated> {
  const { targetRoot, dataDir } = options;
  const progress = options.progress ?? (() => undefined);
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const name = backupFolderName(options.county.name, options.now);
  const finalPath = join(targetRoot, name);
  const partial = join(targetRoot, `.${name}${PARTIAL_SUFFIX}`);
  for (const file of options.extraFiles) {
    if (!isSafeRelativePath(file) || file === DATABASE_FILE || file === MANIFEST_FILE) throw new Error(`backup: bad extra file path ${file}`);
  }
  try {
    makePrivateDir(targetRoot);
  } catch {
    throw new AppError('BAD_INPUT', `无法创建备份文件夹：${targetRoot}（请检查路径和写入权限）`);
  }
  if (existsSync(finalPath)) throw new AppError('CONFLICT', `备份文件夹已存在：${finalPath}，请稍后再试`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: PRIVATE_DIR_MODE });
  try {
    const total = options.extraFiles.length + 1;
    progress('复制数据库', 0, total);
    copyEncryptedInto(options.sqlite, join(partial, DATABASE_FILE));
    await checkpoint();
    const folders = new Set<string>([partial]);
    for (const [index, file] of options.extraFiles.entries()) {
      progress('复制附件', index + 1, total);
      const target = join(partial, ...file.split('/'));
      makePrivateDir(dirname(target));
      folders.add(dirname(target));
      copyPrivateFile(join(dataDir, ...file.split('/')), target);
      await checkpoint();
    }
    const entries: BackupFileEntry[] = [];
    for (const [index, file] of [DATABASE_FILE, ...options.extraFiles].entries()) {
      progress('计算校验值', index, total);
      const path = join(partial, ...file.split('/'));
      fsyncPath(path, 'r+');
      entries.push({ path: file, size: statSync(path).size, sha256: await sha256Of(path) });
      await checkpoint();
    }
    const manifest: BackupManifest = {
      format: 'employment-desk-backup',
      formatVersion: 1,
      appVersion: options.appVersion,
      schemaVersion: options.schemaVersion,
      county: options.county,
      createdAt: options.now.toISOString(),
      automatic: options.automatic ?? false,
      files: entries,
    };
    writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    fsyncPath(join(partial, MANIFEST_FILE), 'r+');
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) fsyncPath(folder, 'r');
    await checkpoint();
    renameSync(partial, finalPath);
    fsyncPath(targetRoot, 'r');
    progress('完成', total, total);
    return { folder: finalPath, name, files: entries.length, size: entries.reduce((sum, e) => sum + e.size, 0), createdAt: manifest.createdAt };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** After an automatic backup: removes automatic backups beyond the newest `keep` in the folder; manual ones are never removed. */
export function pruneAutomaticBackups(targetRoot: string, keep: number): string[] {
  const automatic = listBackupFolders(targetRoot).filter((b) => b.automatic && b.problem === null && b.createdAt !== null);
  automatic.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const removed = automatic.slice(keep).map((b) => b.folder);
  for (const folder of removed) rmSync(folder, { recursive: true, force: true });
  return removed;
}
