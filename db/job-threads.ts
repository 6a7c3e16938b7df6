import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Actor, ServiceContext } from './context';
import { AppError } from './errors';
import { sealThreadEntryBeside } from './exchange/seal-pool';
import type { TaskName, TaskSpec } from './job-tasks';
import { CancelledError, type JobContext, type JobProgress, type TaskThreads } from './jobs';

/** What a job thread needs to open the desk's database on a connection of its own. */
export interface JobConnection {
  dbPath: string;
  key: Uint8Array;
  migrationsDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  appVersion: string;
  dataDir: string;
}

/** Sent to the job thread (db/job-thread.ts) as its workerData: it opens the database and waits for its task. */
export interface JobThreadData {
  connection: JobConnection;
  /** Where an export's sealing threads start (db/exchange/seal-pool.ts), as a file URL. */
  sealThreadEntry: string;
}

/** The one task a job thread runs, posted to it once it is wanted. */
export interface JobThreadTask {
  spec: TaskSpec;
  actor: Actor | null;
  /** The starting call's clock, in ms; the thread runs on from there (tests give the desk a clock of their own). */
  nowMs: number;
  /** Set to 1 to cancel: read by the job's checkpoints, even inside a long synchronous loop. */
  cancel: SharedArrayBuffer;
}

export type JobThreadMessage =
  | { kind: 'progress'; progress: JobProgress }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; cancelled: boolean; message: string | null };

const FAILED = '任务意外中止，数据未改动。请重试或联系管理员。';

/**
 * A job allocates a great many short-lived objects (a sweep's fact snapshots
 * and verdicts, an import's rows): a young generation of 192 MB (64 MB
 * semi-spaces instead of V8's 16 MB) lets them die there instead of being
 * copied and promoted — a 100,000-person sweep page loop measured 16.2 s →
 * 12.3 s. It is a ceiling, reached only by work that allocates that fast.
 */
const JOB_HEAP: ResourceLimits = { maxYoungGenerationSizeMb: 192 };
/**
 * An export keeps little alive (a page of records, the chunks being sealed) but makes ~3 bytes of
 * garbage per byte it writes: in 64 MB semi-spaces a page's records live through scavenges, are
 * promoted and pile up in the old generation until the next full collection — a million-record
 * export peaked ~240 MB above the desk. A 16 MB young generation (semi-spaces of ~5 MB, below even V8's
 * default 16 MB ones) collects them while they are young and keeps it flat (366 MB in all at 1,000,000).
 */
const TASK_HEAPS: Partial<Record<TaskName, ResourceLimits>> = { 'exchange.export': { maxYoungGenerationSizeMb: 16 } };
/**
 * No Node flags of the desk's process: under tsx (the host, the command line,
 * the bench) they would load tsx's loader into every job thread again — 3–5 s
 * before an incremental sweep of 1,000 persons could start (then 1.3 s in all).
 * The source entry (db/job-thread.mjs) registers tsx itself; Electron's
 * bundled thread needs nothing.
 */
const JOB_EXEC_ARGV: string[] = [];

/**
 * Runs each task in a worker thread of its own with its own connection, so
 * the desk keeps answering while a roster is read and checked or a package
 * sealed. The thread writes only in its task's final transaction; a thread
 * that dies leaves that transaction uncommitted, so nothing half-written
 * survives. Each thread runs one task and ends.
 *
 * After a task, the next task's thread is started at once and kept ready —
 * its code loaded, which took 0.3–0.6 s of an incremental sweep of 1,000
 * persons; it opens the database only when its task comes, so it holds no
 * file meanwhile — and not kept from exiting. It is let go (release) when the
 * desk closes or switches its database, and never used for another database
 * or key.
 */
function sameDatabase(a: JobConnection, b: JobConnection): boolean {
  return a.dbPath === b.dbPath && Buffer.from(a.key).equals(Buffer.from(b.key));
}

export class JobThreads implements TaskThreads {
  private ready: { worker: Worker; connection: JobConnection } | null = null;
  /** Counts releases: a task that ends after the desk let its threads go (closed, or switched database) keeps none ready. */
  private releases = 0;

  constructor(
    private readonly entry: string | URL,
    private readonly connection: () => JobConnection,
  ) {}

  private startThread(connection: JobConnection, heap = JOB_HEAP): Worker {
    const data: JobThreadData = { connection, sealThreadEntry: sealThreadEntryBeside(this.entry).href };
    return new Worker(this.entry, { workerData: data, resourceLimits: heap, execArgv: JOB_EXEC_ARGV });
  }

  /** The thread kept ready, when it suits the task; a task with a heap of its own gets a thread of its own. */
  private takeThread(connection: JobConnection, task: TaskName): Worker {
    const heap = TASK_HEAPS[task];
    if (heap) return this.startThread(connection, heap);
    const ready = this.ready;
    this.ready = null;
    if (ready && sameDatabase(ready.connection, connection)) {
      ready.worker.ref();
      return ready.worker;
    }
    if (ready) void ready.worker.terminate();
    return this.startThread(connection);
  }

  private keepOneReady(connection: JobConnection): void {
    if (this.ready) return;
    const worker = this.startThread(connection);
    worker.unref();
    const gone = () => {
      if (this.ready?.worker === worker) this.ready = null;
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    this.ready = { worker, connection };
  }

  /** The database a thread is kept ready for, if any. */
  readyFor(): string | null {
    return this.ready?.connection.dbPath ?? null;
  }

  release(): void {
    this.releases += 1;
    const ready = this.ready;
    this.ready = null;
    if (ready) void ready.worker.terminate();
  }

  run(spec: TaskSpec, ctx: ServiceContext, job: JobContext): Promise<unknown> {
    const cancel = new SharedArrayBuffer(4);
    const connection = this.connection();
    const releases = this.releases;
    const worker = this.takeThread(connection, spec.task);
    const task: JobThreadTask = { spec, actor: ctx.actor, nowMs: ctx.now.getTime(), cancel };
    worker.postMessage(task);
    const onAbort = () => Atomics.store(new Int32Array(cancel), 0, 1);
    job.signal.addEventListener('abort', onAbort);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        job.signal.removeEventListener('abort', onAbort);
        outcome();
        if (this.releases === releases) this.keepOneReady(connection);
      };
      worker.on('message', (message: JobThreadMessage) => {
        if (message.kind === 'progress') job.progress(message.progress);
        else if (message.kind === 'done') finish(() => resolve(message.result));
        else finish(() => reject(message.cancelled ? new CancelledError() : new AppError('INTERNAL', message.message ?? FAILED)));
      });
      // Logged by kind only: a message may quote a row, which can hold personal data.
      worker.on('error', (error) => finish(() => reject(Object.assign(new Error(FAILED), { cause: error.name }))));
      worker.on('exit', () => finish(() => reject(new AppError('INTERNAL', FAILED))));
    });
  }
}
