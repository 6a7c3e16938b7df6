import { z } from 'zod';
import { method } from './define';
import type { JobView } from './jobs';

/** One file in a backup folder, as manifest.json records it (path relative to the folder, with "/"). */
export interface BackupFileEntry {
  path: string;
  size: number;
  sha256: string;
}

/** manifest.json of a backup folder: versions, county, time, and every file's size and hash; no personal data. */
export interface BackupManifest {
  format: 'employment-desk-backup';
  formatVersion: 1;
  appVersion: string;
  schemaVersion: number;
  county: { code: string; name: string };
  createdAt: string;
  /** Made by the daily schedule: only these are pruned (the newest 7 are kept). */
  automatic: boolean;
  files: BackupFileEntry[];
}

/** A backup folder found in the backup directory. */
export interface BackupSummary {
  folder: string;
  name: string;
  createdAt: string | null;
  appVersion: string | null;
  schemaVersion: number | null;
  automatic: boolean;
  files: number;
  size: number;
  /** Why the manifest could not be read, in Chinese; null when it was read. */
  problem: string | null;
}

export interface BackupList {
  dir: string;
  /** When the last backup of this database finished (UTC ISO), wherever it was written; null if never. */
  lastBackupAt: string | null;
  lastBackupFolder: string | null;
  /** The last backup is older than 7 days, or there is none. */
  overdue: boolean;
  entries: BackupSummary[];
}

export interface BackupCreated {
  folder: string;
  name: string;
  files: number;
  size: number;
  createdAt: string;
}

/** What checking a backup found: each problem in Chinese, naming the file. */
export interface BackupVerdict {
  folder: string;
  ok: boolean;
  problems: string[];
  files: number;
}

const folderPath = z.string().trim().min(1, '请填写文件夹').max(500);

export const backupsContract = {
  'backups.start': method<JobView>()({
    /**
     * targetDir: a full path; by default the backups folder in the data folder.
     * automatic: the daily schedule's run (default folder only); older automatic backups beyond 7 are removed.
     */
    input: z.strictObject({ targetDir: folderPath.optional(), automatic: z.boolean().optional() }),
    access: 'settings.manage',
    writes: true,
    title: '立即备份',
  }),
  'backups.list': method<BackupList>()({
    input: z.strictObject({ dir: folderPath.optional() }),
    access: 'settings.manage',
    writes: false,
    title: '查看备份列表',
  }),
  'backups.verify': method<JobView>()({
    input: z.strictObject({ folder: folderPath }),
    access: 'settings.manage',
    writes: false,
    title: '校验备份',
  }),
};
