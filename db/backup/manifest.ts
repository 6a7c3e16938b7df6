import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupManifest, BackupSummary } from '../../shared/contract';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'desk.db';
export const BACKUP_PREFIX = '就业服务工作台备份-';
/** A backup being written: hidden, and never looks complete (no manifest until just before the rename). */
export const PARTIAL_SUFFIX = '.partial';

/** Office local time (UTC+8) as YYYYMMDD-HHmmss, for folder and file names. */
export function officeStamp(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 19).replace(/:/g, '')}`;
}

export function backupFolderName(countyName: string, now: Date): string {
  const county = countyName.replace(/[\\/:*?"<>|\s]/g, '') || '本县';
  return `${BACKUP_PREFIX}${county}-${officeStamp(now)}`;
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A manifest path is relative, with "/" separators, and never climbs out of the folder. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function readManifest(folder: string): BackupManifest {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`缺少 ${MANIFEST_FILE}，不是完整的备份`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${MANIFEST_FILE} 已损坏，无法读取`);
  }
  const manifest = parsed as Partial<BackupManifest>;
  if (manifest.format !== 'employment-desk-backup' || !Array.isArray(manifest.files)) {
    throw new Error(`${MANIFEST_FILE} 不是本系统的备份清单`);
  }
  return manifest as BackupManifest;
}

/** The complete backup folders in a directory, newest first (partial folders are not listed). */
export function listBackupFolders(dir: string): BackupSummary[] {
  if (!existsSync(dir)) return [];
  const entries: BackupSummary[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(BACKUP_PREFIX)) continue;
    const folder = join(dir, entry.name);
    try {
      const manifest = readManifest(folder);
      entries.push({
        folder,
        name: entry.name,
        createdAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        automatic: manifest.automatic === true,
        files: manifest.files.length,
        size: manifest.files.reduce((sum, f) => sum + f.size, 0),
        problem: null,
      });
    } catch (error) {
      entries.push({ folder, name: entry.name, createdAt: null, appVersion: null, schemaVersion: null, automatic: false, files: 0, size: 0, problem: (error as Error).message });
    }
  }
  return entries.sort((a, b) => b.name.localeCompare(a.name));
}
