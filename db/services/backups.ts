import { isAbsolute, join } from 'node:path';
import type { BackupCreated, BackupList, BackupVerdict, JobView, ParsedInputOf } from '../../shared/contract';
import { createBackup, pruneAutomaticBackups } from '../backup/create';
import { backupExtraFiles } from '../backup/extra-files';
import { listBackupFolders } from '../backup/manifest';
import { checkOnConnection, verifyBackup } from '../backup/verify';
import type { ServiceContext } from '../context';
import type { JobContext } from '../jobs';
import { fieldError } from '../errors';
import { optionalSetting, readSetting, writeSetting } from '../queries/settings';

const LAST_AT = 'backup_last_at';
const LAST_FOLDER = 'backup_last_folder';
/** The admin page warns when the last backup is older than this. */
export const BACKUP_OVERDUE_DAYS = 7;
/** Automatic backups kept in the default folder; older automatic ones are removed after each run. */
export const AUTOMATIC_KEEP = 7;

export function defaultBackupDir(ctx: ServiceContext): string {
  return join(ctx.desk.dataDir, 'backups');
}

function folderInput(value: string | undefined, field: string, label: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isAbsolute(value)) throw fieldError(field, '应为完整路径（如 D:\\备份 或 /mnt/backup）', label);
  return value;
}

/** One backup at a time: a second would copy beside the first into the same folder name. */
const BACKUP_LANE = { name: 'backup', busy: '已有一个备份正在进行，请等它完成后再试' };

/** 立即备份: a job (copy, hash, rename); its end is recorded as the last backup, audited. */
export function start(ctx: ServiceContext, input: ParsedInputOf<'backups.start'>): JobView {
  if (input.automatic && input.targetDir !== undefined) throw fieldError('targetDir', '自动备份只写入默认备份文件夹', '备份文件夹');
  const targetRoot = folderInput(input.targetDir, 'targetDir', '备份文件夹', defaultBackupDir(ctx));
  const automatic = input.automatic ?? false;
  ctx.audit({ action: 'backups.start', entityType: 'backup', detail: { targetRoot, automatic } });
  return ctx.jobs.startTask(ctx, { kind: 'backups.create', task: 'backups.create', input: { targetRoot, automatic }, lane: BACKUP_LANE });
}

export interface BackupTaskInput {
  targetRoot: string;
  automatic: boolean;
}

/** The backup job, on the connection it runs on (its own thread's, or the desk's). */
export async function createBackupTask(ctx: ServiceContext, input: BackupTaskInput, job: JobContext): Promise<BackupCreated> {
  // Inline, leave the starting call's transaction first: VACUUM INTO cannot run inside one.
  await job.checkpoint();
  const opened = ctx.database();
  const dataDir = ctx.desk.dataDir;
  const created: BackupCreated = await createBackup({
    sqlite: opened.sqlite,
    dataDir,
    extraFiles: backupExtraFiles(opened, dataDir),
    targetRoot: input.targetRoot,
    county: { code: readSetting(opened.db, 'county_code'), name: readSetting(opened.db, 'county_name') },
    appVersion: ctx.desk.appVersion,
    schemaVersion: opened.schemaVersion,
    now: ctx.now,
    automatic: input.automatic,
    progress: (phase, done, total) => job.progress({ phase, done, total }),
    checkpoint: () => job.checkpoint(),
  });
  const removed = input.automatic ? pruneAutomaticBackups(input.targetRoot, AUTOMATIC_KEEP) : [];
  ctx.later((tx) => {
    const { db } = tx.database();
    writeSetting(db, LAST_AT, created.createdAt);
    writeSetting(db, LAST_FOLDER, created.folder);
    tx.audit({ action: 'backups.create', entityType: 'backup', detail: { folder: created.folder, files: created.files, size: created.size, automatic: input.automatic, removed } });
  });
  return created;
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'backups.list'>): BackupList {
  const dir = folderInput(input.dir, 'dir', '备份文件夹', defaultBackupDir(ctx));
  const { db } = ctx.database();
  const lastBackupAt = optionalSetting(db, LAST_AT);
  const overdue = lastBackupAt === null || ctx.now.getTime() - new Date(lastBackupAt).getTime() > BACKUP_OVERDUE_DAYS * 86_400_000;
  return { dir, lastBackupAt, lastBackupFolder: optionalSetting(db, LAST_FOLDER), overdue, entries: listBackupFolders(dir) };
}

/** 校验: a job (hashing a county's database takes a while); the copy is checked with the desk's key. */
export function verify(ctx: ServiceContext, input: ParsedInputOf<'backups.verify'>): JobView {
  const folder = folderInput(input.folder, 'folder', '备份文件夹', '');
  ctx.audit({ action: 'backups.verify', entityType: 'backup', detail: { folder } });
  return ctx.jobs.startTask(ctx, { kind: 'backups.verify', task: 'backups.verify', input: { folder } });
}

/** The check of one backup folder, on the job's connection (the copy is attached to it with the same key). */
export async function verifyBackupTask(ctx: ServiceContext, input: { folder: string }, job: JobContext): Promise<BackupVerdict> {
  await job.checkpoint();
  job.progress({ phase: '校验', done: 0, total: 1 });
  const { manifest: _m, ...verdict } = await verifyBackup(input.folder, checkOnConnection(ctx.database().sqlite), () => job.checkpoint());
  job.progress({ phase: '完成', done: 1, total: 1 });
  return verdict;
}
