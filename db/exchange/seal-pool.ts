import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GcmSealed } from '../../shared/exchange/sm';

/** One chunk to seal (db/exchange/seal-thread.ts). */
export interface SealRequest {
  id: number;
  key: Uint8Array;
  iv: Uint8Array;
  aad: Uint8Array;
  plaintext: Uint8Array;
}

export type SealReply = { id: number; ciphertext: Uint8Array; tag: Uint8Array } | { id: number; error: string };

/**
 * The sealing thread's entry beside a job thread's: db/exchange/seal-thread.mjs
 * next to db/job-thread.mjs when running from sources, seal-thread.cjs next to
 * job-thread.cjs in Electron's bundle (scripts/build-electron.mjs builds both).
 */
export function sealThreadEntryBeside(jobThreadEntry: string | URL): URL {
  const job = typeof jobThreadEntry === 'string' ? pathToFileURL(jobThreadEntry) : jobThreadEntry;
  return job.pathname.endsWith('.cjs') ? new URL('seal-thread.cjs', job) : new URL('exchange/seal-thread.mjs', job);
}

/** Sealing threads for one export: as many as the cores beside the exporter's own, at least one, at most four. */
export function sealThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Seals an export's chunks (SM4-GCM, the JavaScript cipher's ~20 MiB/s was
 * the export's bottleneck) in worker threads, while the exporter's thread
 * goes on reading and framing records. Chunks go round-robin; each answer is
 * a promise, and the writer stores the answers in chunk order, so the package
 * is byte for byte what sealing in one thread gives. A thread that fails or
 * dies fails every chunk still waiting (the export then aborts and leaves no
 * package).
 */
export class SealPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (sealed: GcmSealed) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private turn = 0;
  private closed = false;

  constructor(entry: string | URL, size = sealThreadCount()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      // No flags of this process: tsx's loader would load again in every thread (the .mjs entry registers it).
      const worker = new Worker(entry, { execArgv: [] });
      worker.on('message', (reply: SealReply) => this.answer(reply));
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.failAll(new Error(`加密线程意外退出（${code}）`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Takes `plaintext` over (it is sent to the thread): the caller must not reuse its bytes. */
  seal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<GcmSealed> {
    if (this.closed) return Promise.reject(new Error('加密线程已关闭'));
    const id = this.nextId++;
    const worker = this.workers[this.turn]!;
    this.turn = (this.turn + 1) % this.workers.length;
    const answer = new Promise<GcmSealed>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    const request: SealRequest = { id, key, iv, aad, plaintext };
    worker.postMessage(request, plaintext.byteOffset === 0 && plaintext.byteLength === plaintext.buffer.byteLength ? [plaintext.buffer as ArrayBuffer] : []);
    return answer;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error('加密线程已关闭'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private answer(reply: SealReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if ('error' in reply) waiter.reject(new Error(`加密失败：${reply.error}`));
    else waiter.resolve({ ciphertext: reply.ciphertext, tag: reply.tag });
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
