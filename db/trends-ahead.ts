import { officeDate } from '../shared/domain/dates';
import { periodOf } from '../shared/domain/statistics';
import { CONSOLE_LINES } from '../shared/labels/console-lines';
import type { OpenedDatabase } from './open';
import { trendsOf } from './services/report-trends';

/**
 * The 工作台's trends of 13 periods are counted from the whole window the
 * first time (≈ 0.2 s at city scale, db/services/report-trends.ts) and then
 * kept. The desk has them counted as soon as its database opens — seconds
 * before anyone has signed in — and after the first call of each new office
 * day (a new report period may start), in a read of their own once the desk's
 * thread is free, so the head's first load finds them kept.
 */
export class TrendsAhead {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly read: <T>(work: () => T) => T,
    private readonly clock: () => Date,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Counts them once the thread is free, on the database `database()` names then (none: nothing to count). */
  soon(database: () => OpenedDatabase | null): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const opened = database();
      if (!opened) return;
      try {
        this.read(() => trendsOf(opened, periodOf(officeDate(this.clock()))));
      } catch (error) {
        // The head's load counts them then.
        this.log(CONSOLE_LINES.trendsNotCounted, error);
      }
    }, 0);
    // Never what keeps a command-line run alive.
    this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
