import { describe, expect, it } from 'vitest';
import type { BackupList, JobView } from '../../shared/contract';
import { backupSchedulerTick } from '../../electron/backup-scheduler';
import type { SchedulerTick } from '../../electron/scheduler-tick';
import { expectError, expectOk, readyDesk, START, type ReadyDesk } from './helpers';

const HOUR = 3600_000;

function asScheduler(ready: ReadyDesk, method: string, input: unknown): unknown {
  return expectOk(ready.desk.callAsCommandLine('自动备份', method, input));
}

/** The backup a tick started, followed to its end; a tick that started none fails the test. */
async function backupOf(ready: ReadyDesk, tick: SchedulerTick): Promise<JobView> {
  if (tick.state !== 'started') return expect.fail(`the scheduler started no backup: ${tick.state}`);
  return ready.desk.jobs.settled(tick.job.id);
}

describe('the daily automatic backup', () => {
  it('runs when the last backup is a day old, names itself in the audit log, and keeps only the newest 7 automatic backups', async () => {
    const ready = readyDesk();
    const at = (hours: number) => new Date(START.getTime() + hours * HOUR);
    const logs: string[] = [];
    const manual = await ready.desk.jobs.settled((asScheduler(ready, 'backups.start', {}) as JobView).id);
    expect(manual.state).toBe('done');
    // A backup made an hour ago: nothing to do.
    expect(backupSchedulerTick(ready.desk, null, at(1), (l) => logs.push(l))).toEqual({ state: 'idle' });

    for (let day = 1; day <= 9; day += 1) {
      ready.clock.advanceMinutes(24 * 60 + 1);
      const backup = await backupOf(ready, backupSchedulerTick(ready.desk, null, ready.clock.read(), (l) => logs.push(l)));
      expect(backup.state).toBe('done');
    }
    const list = asScheduler(ready, 'backups.list', {}) as BackupList;
    expect(list.entries.filter((e) => e.automatic)).toHaveLength(7);
    // The administrator's own backup is never removed by the schedule.
    expect(list.entries.filter((e) => !e.automatic).map((e) => e.createdAt)).toEqual([START.toISOString()]);
    expect(list.entries.filter((e) => e.automatic).at(-1)?.createdAt).toBe(new Date(START.getTime() + 3 * (24 * HOUR + 60_000)).toISOString());
    expect(logs).toEqual([]);
    const actors = ready.desk.database().sqlite.prepare("select distinct actor_name as actor from audit_log where action = 'backups.create' and actor_name like '%自动%'").all();
    expect(actors).toEqual([{ actor: '命令行（自动备份）' }]);
  });

  it('refuses a second backup while one is running, at once and with the reason', async () => {
    const ready = readyDesk();
    const first = expectOk<JobView>(ready.call('backups.start', {}));
    expect(expectError(ready.call('backups.start', {}), 'CONFLICT').message).toBe('已有一个备份正在进行，请等它完成后再试');
    expect((await ready.desk.jobs.settled(first.id)).state).toBe('done');
    expect(expectOk<BackupList>(ready.call('backups.list', {})).entries).toHaveLength(1);
  });
});
