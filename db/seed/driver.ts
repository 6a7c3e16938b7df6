/**
 * Runs the seed's timeline through the real router: every enterprise, visit,
 * vacancy and case is made by `desk.call` as a named staff account, so
 * permissions, input schemas, the workflow table, separation of duties,
 * audit entries and change capture all apply exactly as at the desk. The
 * desk's clock is the seed's: each step runs at its own office time, so
 * receipt numbers, due dates and transition times fall where they would have.
 */
import type Database from 'better-sqlite3';
import type { JobView } from '../../shared/contract';
import type { Desk } from '../desk';

/** Office hours are Asia/Shanghai (UTC+8, no daylight saving). */
export function officeInstant(day: string, minutesAfterMidnight: number): number {
  return Date.parse(`${day}T00:00:00+08:00`) + minutesAfterMidnight * 60_000;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The working day on or before `day` (Saturday and Sunday move back to Friday). */
export function weekdayOnOrBefore(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
}

export interface Step {
  /** Office instant (ms) the step happens at. */
  at: number;
  run: () => void;
}

/**
 * A step that starts a job (a department file's import, a sweep) and awaits
 * it, outside the timeline's transactions as at the desk; it may answer the
 * steps that follow from what the job left (the findings of a sweep), each at
 * its own later instant.
 */
export interface AsyncStep {
  at: number;
  runAsync: () => Promise<TimelineStep[] | void>;
}

export type TimelineStep = Step | AsyncStep;

/** Mutable clock handed to the Desk: the seed sets it before every step. */
export class SeedClock {
  ms: number;
  constructor(start: number) {
    this.ms = start;
  }
  readonly now = (): Date => new Date(this.ms);
}

export class SeedDriver {
  private readonly sessions = new Map<string, string>();
  /** Calls the router refused: the seed is wrong when this is not empty. */
  readonly refusals: string[] = [];
  calls = 0;

  constructor(
    readonly desk: Desk,
    readonly clock: SeedClock,
  ) {}

  addSession(username: string, sessionId: string): void {
    this.sessions.set(username, sessionId);
  }

  /** One call as `username`; a refusal is recorded (not thrown) and answers null. */
  call<T>(username: string, method: string, input: unknown): T | null {
    this.calls += 1;
    const outcome = this.desk.call(this.sessions.get(username) ?? null, method, input);
    if (outcome.result.ok) return outcome.result.value as T;
    this.refusals.push(`${method}（${username}，${new Date(this.clock.ms).toISOString()}）：${outcome.result.error.message}`);
    return null;
  }

  /** A job started by one call as `username` and awaited; a refusal or a failed job is recorded and answers null. */
  async job<T>(username: string, method: string, input: unknown): Promise<T | null> {
    const started = this.call<JobView>(username, method, input);
    if (!started) return null;
    const done = await this.desk.jobs.settled(started.id);
    if (done.state === 'done') return done.result as T;
    this.refusals.push(`${method}（${username}，${new Date(this.clock.ms).toISOString()}）：${done.error ?? done.state}`);
    return null;
  }

  /**
   * Runs the steps in time order (ties in the order given), `chunk` steps per
   * transaction: each call's own transaction nests as a savepoint, so a refusal
   * rolls back only that call, and there is one commit per chunk instead of
   * one per call. An async step ends the chunk, runs on its own and is
   * awaited; the steps it answers join the rest in time order (after those
   * already planned for the same instant).
   */
  async runTimeline(steps: TimelineStep[], chunk: number, afterChunk: (done: number, total: number) => Promise<void>): Promise<void> {
    let order = 0;
    const byTime = (a: { step: TimelineStep; i: number }, b: { step: TimelineStep; i: number }) => a.step.at - b.step.at || a.i - b.i;
    let queue = steps.map((step) => ({ step, i: order++ })).sort(byTime);
    const sqlite = this.desk.database().sqlite;
    let done = 0;
    for (let from = 0; from < queue.length; ) {
      const next = queue[from]!.step;
      if ('runAsync' in next) {
        this.clock.ms = next.at;
        const later = (await next.runAsync()) ?? [];
        from += 1;
        done += 1;
        if (later.length > 0) {
          if (later.some((step) => step.at < next.at)) throw new Error('a step cannot plan steps before its own time');
          queue = [...queue.slice(0, from), ...[...queue.slice(from), ...later.map((step) => ({ step, i: order++ }))].sort(byTime)];
        }
        await afterChunk(done, queue.length);
        continue;
      }
      let end = from;
      while (end < queue.length && end - from < chunk && !('runAsync' in queue[end]!.step)) end += 1;
      const slice = queue.slice(from, end);
      sqlite.transaction(() => {
        for (const { step } of slice) {
          this.clock.ms = step.at;
          (step as Step).run();
        }
      })();
      done += slice.length;
      from = end;
      await afterChunk(done, queue.length);
    }
  }
}

/**
 * Reuses prepared statements on the seed's own connection. drizzle prepares
 * every query afresh, which here costs more than running it (the schema is
 * large); a build of a county makes hundreds of thousands of calls with a few
 * hundred distinct statements. A cached statement has its modes reset before
 * reuse, and a busy one (still iterating) is never handed out twice.
 */
export function reuseStatements(sqlite: Database.Database, limit = 5_000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const known = cache.get(source);
    if (known && !known.busy) {
      if (known.reader) known.raw(false).pluck(false).expand(false);
      return known;
    }
    const fresh = prepare(source);
    if (cache.size >= limit) cache.clear();
    cache.set(source, fresh);
    return fresh;
  }) as typeof sqlite.prepare;
}
