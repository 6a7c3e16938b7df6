import { Worker } from 'node:worker_threads';
import type { CallOutcome } from '../db/desk';
import { releaseLockOfThisProcess } from '../db/desk-lock';
import type { LiveEvent } from '../shared/live';
import type { RpcResult } from '../shared/rpc';
import type { DeskCaller, DeskReply, DeskRequest, DeskStateView, DeskThreadOptions, OfficeHostSetup, OfficeVia } from './desk-protocol';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

/** A waiting request, and what it answers if the thread dies first. */
type Pending = { resolve: (value: unknown) => void; lost: unknown };
/** What a request answers when the thread died under it, or when the desk is closing. */
type Fallbacks = { lost: unknown; closing: unknown };
type RequestBody = DeskRequest extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;

const LOST_MESSAGE = '后台服务意外停止，刚才的操作可能未完成，请刷新后核对；服务已自动重启，请重新登录。';
const CLOSING_MESSAGE = '程序正在关闭，操作未执行';
const failed = (code: 'INTERNAL' | 'DATABASE_UNAVAILABLE', message: string): CallOutcome => ({ result: { ok: false, error: { code, message } } satisfies RpcResult<never>, session: null });
const CALL_FALLBACKS: Fallbacks = { lost: failed('INTERNAL', LOST_MESSAGE), closing: failed('DATABASE_UNAVAILABLE', CLOSING_MESSAGE) };
const CALL_JSON_FALLBACKS: Fallbacks = { lost: JSON.stringify(CALL_FALLBACKS.lost), closing: JSON.stringify(CALL_FALLBACKS.closing) };
const ALIVE_FALLBACKS: Fallbacks = { lost: false, closing: false };
const STATE_FALLBACKS: Fallbacks = { lost: { state: 'unavailable', message: LOST_MESSAGE }, closing: { state: 'unavailable', message: CLOSING_MESSAGE } };
/** More crashes than this within a minute and the thread stays down: something is wrong that a restart will not mend. */
const MAX_CRASHES_PER_MINUTE = 5;

/**
 * The shell's side of the desk thread (electron/desk-thread.ts): every call
 * is posted to the thread that owns the database, and answered there, so the
 * shell's own thread — Electron's main process with its windows, or the
 * host's HTTP server — never waits on SQL. Every call resolves to a result,
 * never a rejection: a thread that dies answers its waiting calls with a
 * Chinese error and is started again (sessions are then gone, so staff log in
 * again; nothing half-written survives, as every call was one transaction).
 */
export class DeskClient implements DeskCaller {
  private worker!: Worker;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly crashes: number[] = [];
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private closing: Promise<void> | null = null;
  /** Set when the thread crashed too often: every call answers this. */
  private downReason: string | null = null;

  constructor(
    private readonly entry: string | URL,
    private readonly options: DeskThreadOptions,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.entry, { workerData: this.options });
    this.worker = worker;
    worker.on('message', (message: DeskReply) => {
      if (message.kind === 'event') return this.announce(message.event);
      if (message.kind !== 'reply') return;
      const waiting = this.pending.get(message.seq);
      this.pending.delete(message.seq);
      waiting?.resolve(message.value);
    });
    // Errors are logged by kind only: a message may quote input, which can hold personal data.
    worker.on('error', (error) => this.log(CONSOLE_LINES.deskThreadFailed(error.name)));
    worker.on('exit', (code) => this.exited(worker, code));
  }

  private exited(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    for (const [seq, waiting] of this.pending) {
      this.pending.delete(seq);
      waiting.resolve(waiting.lost);
    }
    if (this.closing) return;
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > 60_000) this.crashes.shift();
    if (this.crashes.length > MAX_CRASHES_PER_MINUTE) {
      this.downReason = '后台服务反复意外停止，已暂停。请重新启动程序；如仍不行，请联系管理员。';
      this.log(CONSOLE_LINES.deskThreadGaveUp(code, this.crashes.length));
      return;
    }
    this.log(CONSOLE_LINES.deskThreadRestarting(code));
    // The dead thread's desk could not give back the database's lock file; it was this process's.
    releaseLockOfThisProcess(this.options.dbPath);
    this.spawn();
  }

  private request(body: RequestBody, fallbacks: Fallbacks): Promise<unknown> {
    if (this.closing) return Promise.resolve(fallbacks.closing);
    const seq = (this.seq = (this.seq + 1) >>> 0);
    return new Promise((resolve) => {
      this.pending.set(seq, { resolve, lost: fallbacks.lost });
      this.worker.postMessage({ ...body, seq } as DeskRequest);
    });
  }

  async call(sessionId: string | null, method: string, input: unknown, client = '未注明的终端', office?: OfficeVia): Promise<CallOutcome> {
    if (this.downReason) return failed('DATABASE_UNAVAILABLE', this.downReason);
    return (await this.request({ kind: 'call', session: sessionId, method, input, client, ...(office ? { office } : {}) }, CALL_FALLBACKS)) as CallOutcome;
  }

  async callJson(sessionId: string | null, method: string, input: unknown, client = '未注明的终端', office?: OfficeVia): Promise<string> {
    if (this.downReason) return JSON.stringify(failed('DATABASE_UNAVAILABLE', this.downReason));
    return (await this.request({ kind: 'call', session: sessionId, method, input, client, ...(office ? { office } : {}), json: true }, CALL_JSON_FALLBACKS)) as string;
  }

  /** Switches on 办公室主机 when it is off (unless `switchOn` is false) and returns its certificate (electron/office-server.ts serves with it). */
  async officeHost(names: string[], osUser: string, switchOn = true): Promise<OfficeHostSetup> {
    if (this.downReason) return { ok: false, message: this.downReason };
    const fallbacks = { lost: { ok: false, message: LOST_MESSAGE }, closing: { ok: false, message: CLOSING_MESSAGE } };
    return (await this.request({ kind: 'officeHost', names, osUser, switchOn }, fallbacks)) as OfficeHostSetup;
  }

  /** Hears each change the desk announces (a topic and a time); survives a restart of the thread. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(CONSOLE_LINES.listenerFailed((error as Error | undefined)?.name ?? ''));
      }
    }
  }

  /** Whether the session still stands, asked without counting as activity; false while the thread is down. */
  async sessionAlive(sessionId: string | null, office?: OfficeVia): Promise<boolean> {
    if (this.downReason || (!sessionId && !office)) return false;
    return (await this.request({ kind: 'alive', session: sessionId, ...(office ? { office } : {}) }, ALIVE_FALLBACKS)) === true;
  }

  async state(): Promise<DeskStateView> {
    if (this.downReason) return { state: 'unavailable', message: this.downReason };
    return (await this.request({ kind: 'state' }, STATE_FALLBACKS)) as DeskStateView;
  }

  /** Closes the desk (schedules stopped, database closed, lock given back) and ends the thread. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const worker = this.worker;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const seq = (this.seq = (this.seq + 1) >>> 0);
    this.closing = (async () => {
      if (!this.downReason) {
        const replied = new Promise<void>((resolve) => this.pending.set(seq, { resolve: () => resolve(), lost: undefined }));
        worker.postMessage({ kind: 'close', seq } satisfies DeskRequest);
        const timer = setTimeout(() => void worker.terminate(), 10_000);
        await Promise.race([replied, exited]);
        clearTimeout(timer);
      }
      await Promise.race([exited, worker.terminate().then(() => undefined)]);
    })();
    return this.closing;
  }

  /** Stops the desk thread at once, as a crash would (for tests of the restart). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
