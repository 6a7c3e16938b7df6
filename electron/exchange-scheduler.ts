import type { ExchangeStatus, JobView } from '../shared/contract';
import { isRunDue } from '../shared/domain/exchange-schedule';
import type { Desk } from '../db/desk';
import type { SchedulerTick } from './scheduler-tick';

/** Who the audit log names for a scheduled export: 命令行（定时导出）. */
export const SCHEDULER_ACTOR = '定时导出';

/**
 * One check of the administrator's export schedule: when the set time fell
 * between the last check and now, start the export job (the same job as
 * "export now"). A machine that was off at the set time exports at the next
 * check after start-up only if that check still spans the set time — missed
 * runs are not replayed; the next package simply carries more changes.
 * Answers the export job when it started one.
 */
export function exchangeSchedulerTick(desk: Desk, lastCheck: Date, now: Date, log: (line: string) => void): SchedulerTick {
  if (desk.state().state !== 'ready') return { state: 'not-ready' };
  const status = desk.callAsCommandLine(SCHEDULER_ACTOR, 'exchange.status', {});
  if (!status.ok) return { state: 'not-ready' };
  const { schedule, blocker } = status.value as ExchangeStatus;
  if (!isRunDue(schedule, lastCheck, now)) return { state: 'idle' };
  if (blocker) {
    log(`定时导出未执行：${blocker}`);
    return { state: 'blocked' };
  }
  const started = desk.callAsCommandLine(SCHEDULER_ACTOR, 'exchange.exportStart', {});
  if (!started.ok) {
    log(`定时导出未执行：${started.error.message}`);
    return { state: 'blocked' };
  }
  return { state: 'started', job: started.value as JobView };
}

/** Checks the schedule once a minute for as long as the host or the app runs; returns the stop function. */
export function startExchangeScheduler(desk: Desk, log: (line: string) => void, clock: () => Date = () => new Date(), intervalMs = 60_000): () => void {
  let lastCheck = clock();
  const timer = setInterval(() => {
    const now = clock();
    try {
      exchangeSchedulerTick(desk, lastCheck, now, log);
    } catch (error) {
      log(`定时导出检查失败：${error instanceof Error ? error.message : String(error)}`);
    }
    lastCheck = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
