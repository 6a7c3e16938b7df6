import { randomBytes } from 'node:crypto';
import type { JobView } from '../shared/contract';
import { actorUserId, type ServiceContext } from './context';
import { AppError, storageFailureMessage } from './errors';
import { TASKS, type TaskSpec } from './job-tasks';

/**
 * Long work (imports, exports, sweeps) runs as a job: it reports progress,
 * can be cancelled between steps, and writes only in its final transaction,
 * so a cancelled or failed job leaves nothing half-written.
 *
 * A task (db/job-tasks.ts) runs in a thread of its own with its own
 * connection when the desk has job threads (db/job-threads.ts: the app and
 * the host), so the desk keeps answering while a roster is checked; else on
 * the desk's event loop between calls. The record of every job — progress,
 * owner, result — stays here, in the desk.
 */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

export interface JobContext {
  signal: AbortSignal;
  progress(update: JobProgress): void;
  /** Throws when the job was cancelled; call between steps. */
  checkpoint(): Promise<void>;
  /** In a job thread: where an export may start sealing threads of its own (db/exchange/seal-pool.ts). */
  sealThreadEntry?: URL;
}

interface JobRecord extends JobView {
  ownerUserId: number | null;
  controller: AbortController;
}


export class CancelledError extends Error {
  constructor() {
    super('已取消');
  }
}

/** Runs a task in a thread of its own (db/job-threads.ts). */
export interface TaskThreads {
  run(spec: TaskSpec, ctx: ServiceContext, job: JobContext): Promise<unknown>;
  /** The database a thread is kept ready for, if any. */
  readyFor(): string | null;
  /** Lets go of any thread kept ready (the desk closes or switches its database). */
  release(): void;
}

export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();
  /** Lane → id of the job that has it. */
  private readonly lanes = new Map<string, string>();
  /** While a call runs: the jobs it started, to begin once it has answered (duringCall). */
  private deferred: Array<{ begin: () => void; drop: () => void }> | null = null;

  /** `finished` hears the kind of every job that ended done (its writes committed): the desk announces it to open windows. */
  constructor(
    private readonly threads: TaskThreads | null = null,
    private readonly finished: (kind: string) => void = () => undefined,
  ) {}

  /**
   * Starts a task as a job of the caller's: in its own thread when the desk
   * has them, else inline on `ctx`'s connection. A task whose lane is busy is
   * refused with the lane's message.
   */
  /** Threads kept ready hold the database open: let them go before it is closed, switched or removed. */
  releaseThreads(): void {
    this.threads?.release();
  }

  /** The database the next task's thread is kept ready for, if any. */
  threadReadyFor(): string | null {
    return this.threads?.readyFor() ?? null;
  }

  startTask(ctx: ServiceContext, spec: TaskSpec): JobView {
    if (spec.lane) {
      const holder = this.jobs.get(this.lanes.get(spec.lane.name) ?? '');
      if (holder?.state === 'running') throw new AppError('CONFLICT', spec.lane.busy);
    }
    const threads = this.threads;
    const run = (task: TaskSpec, job: JobContext) =>
      threads ? threads.run(task, ctx, job) : (TASKS[task.task] as (c: ServiceContext, i: unknown, j: JobContext) => Promise<unknown>)(ctx, task.input, job);
    const view = this.start(spec.kind, actorUserId(ctx), (job) => run(spec, job));
    if (spec.lane) this.lanes.set(spec.lane.name, view.id);
    return view;
  }

  start<T>(kind: string, ownerUserId: number | null, work: (job: JobContext) => Promise<T>, now: () => Date = () => new Date()): JobView {
    const id = randomBytes(12).toString('base64url');
    const controller = new AbortController();
    const record: JobRecord = {
      id,
      kind,
      state: 'running',
      progress: { phase: '准备', done: 0, total: 0 },
      result: null,
      error: null,
      startedAt: now().toISOString(),
      finishedAt: null,
      ownerUserId,
      controller,
    };
    this.jobs.set(id, record);
    const context: JobContext = {
      signal: controller.signal,
      progress: (update) => {
        record.progress = update;
      },
      checkpoint: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (controller.signal.aborted) throw new CancelledError();
      },
    };
    const begin = () => void work(context).then(
      (result) => {
        record.state = 'done';
        record.result = result;
        record.finishedAt = now().toISOString();
        this.finished(kind);
      },
      (error: unknown) => {
        record.finishedAt = now().toISOString();
        if (error instanceof CancelledError) record.state = 'cancelled';
        else {
          record.state = 'failed';
          record.error = error instanceof AppError ? error.message : (storageFailureMessage(error) ?? '任务失败，数据未改动。请重试或联系管理员。');
        }
      },
    );
    if (this.deferred) {
      this.deferred.push({
        begin,
        drop: () => {
          record.state = 'cancelled';
          record.finishedAt = now().toISOString();
        },
      });
    } else begin();
    return this.view(record);
  }

  /**
   * Runs one call; the jobs it starts begin only after it answered, and only
   * if it succeeded. A call whose transaction failed (a full disk at the
   * commit) answers 操作未完成 — a job it started must not then run behind
   * that answer, nor hold its lane.
   */
  duringCall<T extends { ok: boolean }>(call: () => T): T {
    if (this.deferred) return call();
    const deferred: Array<{ begin: () => void; drop: () => void }> = [];
    this.deferred = deferred;
    let result: T | null = null;
    try {
      result = call();
      return result;
    } finally {
      this.deferred = null;
      for (const job of deferred) {
        if (result?.ok) job.begin();
        else job.drop();
      }
    }
  }

  /** A job is visible to whoever started it. */
  get(id: string, userId: number | null): JobView {
    const record = this.jobs.get(id);
    if (!record || record.ownerUserId !== userId) throw new AppError('NOT_FOUND', '没有找到该任务');
    return this.view(record);
  }

  cancel(id: string, userId: number | null): JobView {
    const record = this.jobs.get(id);
    if (!record || record.ownerUserId !== userId) throw new AppError('NOT_FOUND', '没有找到该任务');
    if (record.state === 'running') record.controller.abort();
    return this.view(record);
  }

  /** Resolves when the job has ended (for the command line and tests). */
  async settled(id: string): Promise<JobView> {
    for (;;) {
      const record = this.jobs.get(id);
      if (!record) throw new AppError('NOT_FOUND', '没有找到该任务');
      if (record.state !== 'running') return this.view(record);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private view(record: JobRecord): JobView {
    const { controller: _c, ownerUserId: _o, ...view } = record;
    return { ...view, progress: { ...view.progress } };
  }
}
