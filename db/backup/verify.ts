import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupManifest, BackupVerdict } from '../../shared/contract';
import { DATABASE_FILE, isSafeRelativePath, MANIFEST_FILE, readManifest, sha256Of } from './manifest';

/** Runs the database checks on a connection to the copy; returns problems in Chinese. */
export type DatabaseChecker = (path: string) => string[];

/** integrity_check and foreign_key_check on schema `schema` of a connection, as Chinese sentences. */
export function databaseProblems(sqlite: Database.Database, schema: string): string[] {
  const problems: string[] = [];
  const integrity = (sqlite.pragma(`${schema}.integrity_check`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    problems.push(`${DATABASE_FILE} 完整性检查未通过：${integrity.slice(0, 5).join('；')}`);
  }
  const orphans = sqlite.pragma(`${schema}.foreign_key_check`) as { table: string; parent: string }[];
  if (orphans.length > 0) {
    const tables = [...new Set(orphans.map((o) => `${o.table}→${o.parent}`))].slice(0, 5).join('、');
    problems.push(`${DATABASE_FILE} 外键检查未通过：${orphans.length} 条记录引用了不存在的记录（${tables}）`);
  }
  return problems;
}

/** The command line's check: open the copy read-only with the key. A wrong key is a problem, not a crash. */
export function checkWithKey(key: Buffer, nativeBinding?: string): DatabaseChecker {
  return (path) => {
    const sqlite = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
      try {
        sqlite.prepare('select count(*) from sqlite_master').get();
      } catch {
        return [`${DATABASE_FILE} 无法用该密钥打开：密钥不对，或文件不是本系统的数据库`];
      }
      return databaseProblems(sqlite, 'main');
    } finally {
      sqlite.close();
    }
  };
}

/**
 * The desk's check: attach the copy to the open connection (SQLite3
 * MultipleCiphers uses the main database's key for an attachment without
 * KEY), so the key never leaves the connection. Not inside a transaction.
 */
export function checkOnConnection(sqlite: Database.Database): DatabaseChecker {
  return (path) => {
    try {
      sqlite.prepare("attach database ? as backup_check").run(path);
    } catch {
      return [`${DATABASE_FILE} 无法打开`];
    }
    try {
      try {
        sqlite.prepare('select count(*) from backup_check.sqlite_master').get();
      } catch {
        return [`${DATABASE_FILE} 无法用本库的密钥打开：它不是本数据库的备份，或文件已损坏`];
      }
      return databaseProblems(sqlite, 'backup_check');
    } finally {
      sqlite.exec('detach database backup_check');
    }
  };
}

function filesIn(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return found;
}

/**
 * Checks a backup folder: every file of the manifest is there with its size
 * and SHA-256, nothing else was added, and the database copy opens and passes
 * integrity_check and foreign_key_check. Each problem names the file.
 */
export async function verifyBackup(folder: string, check: DatabaseChecker, checkpoint: () => Promise<void> = async () => undefined): Promise<BackupVerdict & { manifest: BackupManifest | null }> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { folder, ok: false, problems: [`备份文件夹不存在：${folder}`], files: 0, manifest: null };
  }
  let manifest: BackupManifest;
  try {
    manifest = readManifest(folder);
  } catch (error) {
    return { folder, ok: false, problems: [(error as Error).message], files: 0, manifest: null };
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  let databaseIntact = false;
  for (const file of manifest.files) {
    if (!isSafeRelativePath(file.path)) {
      problems.push(`清单中的文件路径不合规：${file.path}`);
      continue;
    }
    listed.add(file.path);
    const path = join(folder, ...file.path.split('/'));
    if (!existsSync(path)) {
      problems.push(`缺少文件：${file.path}`);
      continue;
    }
    const size = statSync(path).size;
    const hash = await sha256Of(path);
    await checkpoint();
    if (size !== file.size || hash !== file.sha256) {
      problems.push(`文件已被改动或损坏：${file.path}（大小或校验值与清单不符）`);
      continue;
    }
    if (file.path === DATABASE_FILE) databaseIntact = true;
  }
  if (!listed.has(DATABASE_FILE)) problems.push(`清单中没有数据库文件 ${DATABASE_FILE}`);
  for (const extra of filesIn(folder)) {
    if (extra !== MANIFEST_FILE && !listed.has(extra)) problems.push(`多出清单以外的文件：${extra}`);
  }
  // Only a copy whose hash matches is opened: a tampered file is not fed to SQLite.
  if (databaseIntact) problems.push(...check(join(folder, DATABASE_FILE)));
  return { folder, ok: problems.length === 0, problems, files: manifest.files.length, manifest };
}
