import { randomBytes } from 'node:crypto';
import type { JobView } from '../shared/contract';
import { AppError } from './errors';

/**
 * Long work (imports, exports, sweeps) runs as a job: it reports progress,
 * can be cancelled between steps, and writes only in its final transaction,
 * so a cancelled or failed job leaves nothing half-written.
 *
 * Jobs run on the desk's event loop between RPC calls (the reading and
 * checking is async and yields); the final write is one short transaction.
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
}

interface JobRecord extends JobView {
  ownerUserId: number | null;
  controller: AbortController;
}

/**
 * Runs `work` while no other run in this process holds `key` (a backup per
 * database, an export per county folder: the second would find the first's
 * files half-made); a second is refused with CONFLICT and `busy`.
 */
export async function oneRunAtATime<K, T>(running: { has(key: K): boolean; add(key: K): unknown; delete(key: K): unknown }, key: K, busy: string, work: () => Promise<T>): Promise<T> {
  if (running.has(key)) throw new AppError('CONFLICT', busy);
  running.add(key);
  try {
    return await work();
  } finally {
    running.delete(key);
  }
}

export class CancelledError extends Error {
  constructor() {
    super('已取消');
  }
}

export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();

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
    work(context).then(
      (result) => {
        record.state = 'done';
        record.result = result;
        record.finishedAt = now().toISOString();
      },
      (error: unknown) => {
        record.finishedAt = now().toISOString();
        if (error instanceof CancelledError) record.state = 'cancelled';
        else {
          record.state = 'failed';
          record.error = error instanceof AppError ? error.message : '任务失败，数据未改动。请重试或联系管理员。';
        }
      },
    );
    return this.view(record);
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
