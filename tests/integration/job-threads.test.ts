import { describe, expect, it } from 'vitest';
import { rosterPersons, rosterXlsx } from '../../db/seed/roster';
import type { BackupCreated, BackupList, ImportReport, JobView, PersonSearchResult } from '../../shared/contract';
import { connect, exportNow, receiveAll } from './exchange-helpers';
import { ZHANG_SAN, register } from './registry-helpers';
import { activeUser } from './accounts-helpers';
import { COUNTY, PATHS, deskFiles, expectOk, login, openDesk, readyDesk, rowCounts, type ReadyDesk } from './helpers';

const JOB_THREAD = new URL('../../db/job-thread.mjs', import.meta.url);

/** A desk whose long work runs in job threads, as under the host and the app. */
function threadedDesk(): ReadyDesk {
  const files = deskFiles();
  readyDesk({ files, login: false }).desk.close();
  const desk = openDesk(files, { jobThreadEntry: JOB_THREAD });
  const session = login(desk);
  return { ...files, desk, session, call: (method, input) => desk.call(session, method, input).result } as ReadyDesk;
}

function roster(rows: number, seed = 5): string {
  return rosterXlsx(rosterPersons({ rows, seed, countyCode: COUNTY, resourcesDir: PATHS.resourcesDir, today: '2026-11-20' })).toString('base64');
}

/**
 * Every search answered within 100 ms — at the 95th percentile, and none past
 * a second: had the work run on the desk's thread, searches would have waited
 * for all of it (seconds); a machine shared with other test files may still
 * pause a thread for a moment now and then.
 */
function expectAnsweredAtOnce(searches: number[]): void {
  const sorted = [...searches].sort((a, b) => a - b);
  expect(sorted[Math.ceil(sorted.length * 0.95) - 1]).toBeLessThan(100);
  expect(sorted.at(-1)).toBeLessThan(1000);
}

async function settle(ready: ReadyDesk, job: JobView): Promise<JobView> {
  return ready.desk.jobs.settled(job.id);
}

describe('jobs in threads of their own (db/job-threads.ts)', () => {
  it('keeps the next task a thread ready once a task is done, runs it there, and lets it go when the desk closes', async () => {
    const ready = threadedDesk();
    const path = ready.desk.database().path;
    expect(ready.desk.jobs.threadReadyFor()).toBeNull();
    const first = await settle(ready, expectOk<JobView>(ready.call('policies.sweepStart', {})));
    expect(first.state, first.error ?? '').toBe('done');
    expect(ready.desk.jobs.threadReadyFor()).toBe(path);
    register(ready, ZHANG_SAN);
    const second = await settle(ready, expectOk<JobView>(ready.call('policies.sweepStart', {})));
    expect(second.state, second.error ?? '').toBe('done');
    expect(second.result).toMatchObject({ evaluated: 1 });
    expect(ready.desk.jobs.threadReadyFor()).toBe(path);
    ready.desk.close();
    expect(ready.desk.jobs.threadReadyFor()).toBeNull();
  }, 60_000);

  it('keeps no thread ready for a desk that closed while its task was still running', async () => {
    const ready = threadedDesk();
    register(ready, ZHANG_SAN);
    const running = expectOk<JobView>(ready.call('policies.sweepStart', {}));
    ready.desk.close();
    await settle(ready, running); // done or failed: the thread had the database open on its own connection
    expect(ready.desk.jobs.threadReadyFor()).toBeNull();
  }, 60_000);

  it('imports a roster in its own thread with the same report and rows as inline, audited as the staff member who started it', async () => {
    const threaded = threadedDesk();
    const inline = readyDesk();
    const file = roster(300);
    const start = (ready: ReadyDesk) => expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: file, dryRun: false, allOrNothing: false }));
    const [viaThread, viaInline] = [await settle(threaded, start(threaded)), await settle(inline, start(inline))];
    expect(viaThread.state, viaThread.error ?? '').toBe('done');
    expect(viaThread.result).toEqual(viaInline.result);
    expect((viaThread.result as ImportReport).created).toBe(300);
    const commit = threaded.desk.database().sqlite.prepare("select actor_name as actor, action from audit_log where action = 'persons.importCommit'").all();
    expect(commit).toEqual([{ actor: '王芳', action: 'persons.importCommit' }]);
    expect(expectOk<{ ok: boolean }>(threaded.call('audit.verify', {})).ok).toBe(true);
  }, 120_000);

  it('keeps answering while a 20,000-row roster is imported and the monthly report runs: every search within 100 ms', async () => {
    const ready = threadedDesk();
    const head = activeUser(ready, 'juzhang', ['head'], '周局长');
    const job = expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: roster(20_000), dryRun: false, allOrNothing: false }));
    const searches: number[] = [];
    let view = job;
    while (view.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expectOk(head.call('reports.monthly', { period: '2026-11' }));
      const started = performance.now();
      expectOk<PersonSearchResult>(ready.call('persons.search', { query: '王' }));
      searches.push(performance.now() - started);
      view = expectOk<JobView>(ready.call('jobs.get', { id: job.id }));
    }
    expect(view.state, view.error ?? '').toBe('done');
    expect((view.result as ImportReport).created).toBe(20_000);
    // The import took long enough to be searched through many times.
    expect(searches.length).toBeGreaterThan(20);
    expectAnsweredAtOnce(searches);
  }, 300_000);

  it('backs up, checks the backup and exports a package in threads of their own', async () => {
    const ready = threadedDesk();
    register(ready, ZHANG_SAN);
    const backup = await settle(ready, expectOk<JobView>(ready.call('backups.start', {})));
    expect(backup.state, backup.error ?? '').toBe('done');
    const folder = (backup.result as BackupCreated).folder;
    const verdict = await settle(ready, expectOk<JobView>(ready.call('backups.verify', { folder })));
    expect(verdict.result).toMatchObject({ ok: true });
    expect(expectOk<BackupList>(ready.call('backups.list', {})).lastBackupFolder).toBe(folder);

    const { province, outbox } = connect(ready);
    const exported = await exportNow(ready);
    expect(exported).toMatchObject({ sequence: 1, counts: { persons: 1 } });
    expect(await receiveAll(ready, province, outbox)).toMatchObject([{ status: 'applied', accepted: 1 }]);
    expect(expectOk<{ ok: boolean }>(ready.call('audit.verify', {})).ok).toBe(true);
  }, 120_000);

  it('keeps answering a colleague’s searches while the policy sweep judges 5,000 persons in its thread', async () => {
    const ready = threadedDesk();
    expect((await settle(ready, expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: roster(5_000, 9), dryRun: false, allOrNothing: false })))).state).toBe('done');
    const colleague = activeUser(ready, 'zhaolei', ['front_desk']);
    const job = expectOk<JobView>(ready.call('policies.sweepStart', {}));
    const searches: number[] = [];
    let view = job;
    while (view.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const started = performance.now();
      expectOk<PersonSearchResult>(colleague.call('persons.search', { query: '李' }));
      searches.push(performance.now() - started);
      view = expectOk<JobView>(ready.call('jobs.get', { id: job.id }));
    }
    expect(view.state, view.error ?? '').toBe('done');
    expect(view.result).toMatchObject({ mode: 'full', evaluated: 5_000 });
    expect(searches.length).toBeGreaterThan(3);
    expectAnsweredAtOnce(searches);
  }, 300_000);

  it('a cancelled import in its thread writes nothing', async () => {
    const ready = threadedDesk();
    const before = rowCounts(ready.desk);
    const job = expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: roster(5_000), dryRun: false, allOrNothing: false }));
    expectOk(ready.call('jobs.cancel', { id: job.id }));
    const done = await settle(ready, job);
    expect(done.state).toBe('cancelled');
    expect(rowCounts(ready.desk)).toEqual({ ...before, audit: before.audit + 1 });
    expect(ready.desk.database().sqlite.prepare("select action from audit_log order by id desc limit 1").get()).toEqual({ action: 'persons.importStart' });
  }, 120_000);
});
