import { parentPort, workerData } from 'node:worker_threads';
import { officeDate } from '../shared/domain/dates';
import { appendAuditEntries, type AuditInput } from './audit';
import type { DeskControl, ServiceContext } from './context';
import { loadDivisions } from './divisions';
import { AppError } from './errors';
import { TASKS } from './job-tasks';
import type { JobThreadData, JobThreadMessage, JobThreadTask } from './job-threads';
import { CancelledError, JobRunner, type JobContext, type JobProgress } from './jobs';
import { openDatabase, type OpenedDatabase } from './open';

/**
 * A job's own thread (db/job-threads.ts): started ahead, it waits for its one
 * task (the database is not held open meanwhile), then opens the desk's
 * database on a connection of its own, runs the task there and reports
 * progress, the result or the failure. Its only writes are the task's final transaction
 * (`ctx.later`), appended to the audit chain as the staff member who started
 * the job, exactly as on the desk.
 */
const data = workerData as JobThreadData;
const port = parentPort!;
const post = (message: JobThreadMessage) => port.postMessage(message);
const outsideDesk = (what: string) => () => {
  throw new Error(`${what} is not available in a job thread`);
};

const desk: DeskControl = {
  appVersion: data.connection.appVersion,
  dataDir: data.connection.dataDir,
  state: () => ({ state: 'ready' }),
  createDatabase: outsideDesk('createDatabase'),
  isDemoOpen: outsideDesk('isDemoOpen'),
  openDemo: outsideDesk('openDemo'),
  demoJob: outsideDesk('demoJob'),
  leaveDemo: outsideDesk('leaveDemo'),
};

function context(task: JobThreadTask, opened: OpenedDatabase, clock: () => Date, now: Date, audit: (entry: AuditInput) => void): ServiceContext {
  return {
    now,
    today: officeDate(now),
    actor: task.actor,
    client: task.actor?.displayName ?? '后台任务',
    database: () => opened,
    divisions: () => loadDivisions(data.connection.resourcesDir),
    audit,
    startSession: outsideDesk('startSession'),
    endSession: outsideDesk('endSession'),
    unlockSession: outsideDesk('unlockSession'),
    desk,
    // A task starts no job of its own.
    jobs: new JobRunner(),
    later: (work) => {
      const at = clock();
      const entries: AuditInput[] = [];
      return opened.sqlite
        .transaction(() => {
          const value = work(context(task, opened, clock, at, (entry) => entries.push(entry)));
          appendAuditEntries(opened.sqlite, { userId: task.actor?.userId ?? null, name: task.actor?.displayName ?? null }, at, entries);
          return value;
        })
        .immediate();
    },
  };
}

function jobOf(cancelled: Int32Array): JobContext {
  let lastProgress = 0;
  return {
    signal: new AbortController().signal,
    progress: (update: JobProgress) => {
      // The desk shows a bar: a few updates a second are plenty, and a message per row would flood it.
      const now = performance.now();
      if (now - lastProgress < 100 && update.done !== update.total) return;
      lastProgress = now;
      post({ kind: 'progress', progress: update });
    },
    checkpoint: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (Atomics.load(cancelled, 0) === 1) throw new CancelledError();
    },
    sealThreadEntry: new URL(data.sealThreadEntry),
  };
}

async function main(task: JobThreadTask): Promise<void> {
  const startedAt = performance.now();
  const clock = () => new Date(task.nowMs + (performance.now() - startedAt));
  let opened: OpenedDatabase | null = null;
  try {
    opened = openDatabase({
      path: data.connection.dbPath,
      key: Buffer.from(data.connection.key),
      migrationsDir: data.connection.migrationsDir,
      migrate: false,
      ...(data.connection.nativeBinding ? { nativeBinding: data.connection.nativeBinding } : {}),
    });
    if (opened.pending.length > 0) throw new AppError('DATABASE_UNAVAILABLE', '数据库结构与程序版本不一致，任务未执行');
    const run = TASKS[task.spec.task] as (ctx: ServiceContext, input: unknown, job: JobContext) => Promise<unknown>;
    const ctx = context(task, opened, clock, clock(), () => {
      throw new Error('a task audits only inside its final transaction (ctx.later)');
    });
    const result = await run(ctx, task.spec.input, jobOf(new Int32Array(task.cancel)));
    post({ kind: 'done', result });
  } catch (error) {
    post({ kind: 'failed', cancelled: error instanceof CancelledError, message: error instanceof AppError ? error.message : null });
  } finally {
    opened?.close();
  }
}

port.once('message', (task: JobThreadTask) => void main(task));
