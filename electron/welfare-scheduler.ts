import type { Desk } from '../db/desk';

/** Who the audit log names for the scheduled check: 命令行（每日核验）. */
export const WELFARE_SCHEDULER_ACTOR = '每日核验';

export type WelfareCheckTick = { state: 'ran'; ended: number } | { state: 'not-ready' | 'idle' | 'blocked' };

/**
 * One check of the 公益性岗位 daily check (每日核验): when it has not run on
 * this office day — by staff pressing the button or by this scheduler — run
 * it, so placements whose certification ended or whose term is up leave on
 * the right day without anyone remembering to press 每日核验. Once a day:
 * the desk remembers the day of the last run and skips a second one
 * (welfarePosts.checkDaily's unlessDoneToday), judged on the desk's own clock.
 */
export function welfareCheckTick(desk: Desk, log: (line: string) => void): WelfareCheckTick {
  if (desk.state().state !== 'ready') return { state: 'not-ready' };
  const ran = desk.callAsCommandLine(WELFARE_SCHEDULER_ACTOR, 'welfarePosts.checkDaily', { unlessDoneToday: true });
  if (!ran.ok) {
    log(`公益性岗位每日核验未执行：${ran.error.message}`);
    return { state: 'blocked' };
  }
  const { ended: left, skipped } = ran.value as { ended: unknown[]; skipped: boolean };
  if (skipped) return { state: 'idle' };
  const ended = left.length;
  if (ended > 0) log(`公益性岗位每日核验：${ended}人离岗`);
  return { state: 'ran', ended };
}

/** Checks every few minutes while the app runs (the first time soon after start-up); returns the stop function. */
export function startWelfareScheduler(desk: Desk, log: (line: string) => void, intervalMs = 5 * 60_000): () => void {
  const tick = () => {
    try {
      welfareCheckTick(desk, log);
    } catch (error) {
      log(`公益性岗位每日核验失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const first = setTimeout(tick, 60_000);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
