import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillDir, REPO_ROOT } from './drill-desk';

/**
 * A real tiny filesystem without root: a tmpfs mounted in a user and mount
 * namespace of the child's own (`unshare -rm`), so the disk really fills
 * (ENOSPC) and a bind mount is really read-only (EROFS). Where the kernel
 * refuses unprivileged namespaces the drill cannot run, and says so.
 */
const NAMESPACES = spawnSync('unshare', ['-rm', 'true']).status === 0;
if (!NAMESPACES) console.warn('disk-fault drill skipped: this kernel refuses unprivileged user namespaces (`unshare -rm true` failed), so no tiny filesystem can be mounted without root');
const DISK_FULL = '磁盘空间不足，操作未完成，数据未改动。请清理磁盘空间（或换一个有空间的位置）后重试。';

interface Outcome {
  ok: boolean;
  state?: string;
  code?: string;
  message?: string | null;
}

describe('disk faults: the disk fills up mid-import, mid-backup and mid-export; the database folder is read-only', () => {
  it.skipIf(!NAMESPACES)('each ends with a plain message, nothing half-written, the export not marked sent, and work resumes once there is room', () => {
    const dir = drillDir('desk-disk-');
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    try {
      const run = spawnSync(
        'unshare',
        ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=8m tmpfs "$1" && exec "$2" --import tsx tests/drills/disk-worker.ts "$1"', 'sh', disk, process.execPath],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
        import: { job: Outcome; before: number; after: number; integrity: string; readWhileFull: Outcome; registerAfterFreeing: Outcome };
        backup: { job: Outcome; left: string[]; integrity: string; afterFreeing: Outcome };
        export: { attempts: Array<{ keep: number; job: Outcome; sent: number[]; outbox: string[]; integrity: string }>; afterFreeing: { job: Outcome; sent: number[]; integrity: string } };
        readOnly: { state: { state: string; message?: string }; login: Outcome };
      };
      // Import: the roster's 3,000 rows do not fit; none of them is written, reading goes on, and writing resumes after freeing space.
      expect(report.import.job).toEqual({ ok: false, state: 'failed', message: DISK_FULL });
      expect(report.import.after).toBe(report.import.before);
      expect(report.import.integrity).toBe('ok');
      expect(report.import.readWhileFull.ok).toBe(true);
      expect(report.import.registerAfterFreeing.ok).toBe(true);
      // Backup: refused plainly, no half-written backup folder left to be mistaken for a good one.
      expect(report.backup.job).toEqual({ ok: false, state: 'failed', message: DISK_FULL });
      expect(report.backup.left).toEqual([]);
      expect(report.backup.afterFreeing.ok).toBe(true);
      // Export: whether the start or the package does not fit, nothing is marked sent and the outbox holds nothing;
      // with room again the next export is package 1, the sequence without a gap.
      for (const attempt of report.export.attempts) {
        expect(attempt.job.ok, `${attempt.keep} bytes left`).toBe(false);
        expect(attempt.job.message, `${attempt.keep} bytes left`).toBe(DISK_FULL);
        expect(attempt.sent, `${attempt.keep} bytes left`).toEqual([]);
        expect(attempt.outbox, `${attempt.keep} bytes left`).toEqual([]);
        expect(attempt.integrity).toBe('ok');
      }
      expect(report.export.attempts.some((a) => a.job.state === 'failed'), 'some attempt failed inside the export job itself').toBe(true);
      expect(report.export.afterFreeing).toEqual({ job: { ok: true, state: 'done', message: null }, sent: [1], integrity: 'ok' });
      // Read-only: the desk opens to a sentence saying why, instead of failing to start.
      expect(report.readOnly.state.state).toBe('unavailable');
      expect(report.readOnly.state.message).toMatch(/^数据库无法打开：磁盘或文件夹是只读的/);
      expect(report.readOnly.login).toMatchObject({ ok: false, code: 'DATABASE_UNAVAILABLE' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
