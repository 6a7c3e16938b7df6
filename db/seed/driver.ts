/**
 * Runs the seed's timeline through the real router: every enterprise, visit,
 * vacancy and matter is made by `desk.call` as a named staff account, so
 * permissions, input schemas, the workflow table, separation of duties,
 * audit entries and change capture all apply exactly as at the desk. The
 * desk's clock is the seed's: each step runs at its own office time, so
 * receipt numbers, due dates and transition times fall where they would have.
 */
import type Database from 'better-sqlite3';
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

  /**
   * Runs the steps in time order (ties in the order given), `chunk` steps per
   * transaction: each call's own transaction nests as a savepoint, so a refusal
   * rolls back only that call, and there is one commit per chunk instead of
   * one per call.
   */
  async runTimeline(steps: Step[], chunk: number, afterChunk: (done: number, total: number) => Promise<void>): Promise<void> {
    const ordered = steps.map((step, i) => ({ step, i })).sort((a, b) => a.step.at - b.step.at || a.i - b.i);
    const sqlite = this.desk.database().sqlite;
    for (let from = 0; from < ordered.length; from += chunk) {
      const slice = ordered.slice(from, from + chunk);
      sqlite.transaction(() => {
        for (const { step } of slice) {
          this.clock.ms = step.at;
          step.run();
        }
      })();
      await afterChunk(Math.min(from + chunk, ordered.length), ordered.length);
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
