import type { BackupList, JobView } from '../shared/contract';
import type { Desk } from '../db/desk';
import type { SchedulerTick } from './scheduler-tick';

/** Who the audit log names for the daily backup: 命令行（自动备份）. */
export const BACKUP_SCHEDULER_ACTOR = '自动备份';
const DAY_MS = 24 * 3600_000;
/** After a failed or refused run, wait this long before trying again (a full disk is not retried every minute). */
const RETRY_MS = 3600_000;

/**
 * One check of the daily backup: when the last backup of this database (to
 * any folder) is a day old or there is none, start an automatic backup into
 * the default folder — the same job as 立即备份. The demo county is never
 * backed up. `lastAttempt` is when this process last tried. Answers the
 * backup job when it started one.
 */
export function backupSchedulerTick(desk: Desk, lastAttempt: Date | null, now: Date, log: (line: string) => void): SchedulerTick {
  if (desk.state().state !== 'ready' || desk.isDemoOpen()) return { state: 'not-ready' };
  if (lastAttempt && now.getTime() - lastAttempt.getTime() < RETRY_MS) return { state: 'idle' };
  const list = desk.callAsCommandLine(BACKUP_SCHEDULER_ACTOR, 'backups.list', {});
  if (!list.ok) return { state: 'not-ready' };
  const { lastBackupAt } = list.value as BackupList;
  if (lastBackupAt && now.getTime() - new Date(lastBackupAt).getTime() < DAY_MS) return { state: 'idle' };
  const started = desk.callAsCommandLine(BACKUP_SCHEDULER_ACTOR, 'backups.start', { automatic: true });
  if (!started.ok) {
    log(`自动备份未执行：${started.error.message}`);
    return { state: 'blocked' };
  }
  return { state: 'started', job: started.value as JobView };
}

/** Checks once a minute while the app runs; returns the stop function. */
export function startBackupScheduler(desk: Desk, log: (line: string) => void, clock: () => Date = () => new Date(), intervalMs = 60_000): () => void {
  let lastAttempt: Date | null = null;
  const timer = setInterval(() => {
    const now = clock();
    try {
      const { state } = backupSchedulerTick(desk, lastAttempt, now, log);
      if (state === 'started' || state === 'blocked') lastAttempt = now;
    } catch (error) {
      lastAttempt = now;
      log(`自动备份检查失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
