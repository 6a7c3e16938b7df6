/**
 * When the scheduled export runs next. Times are office time (Asia/Shanghai,
 * UTC+8, no daylight saving); weekdays 1 = Monday … 7 = Sunday as on Chinese
 * calendars. Returns null when no schedule is set.
 */
export type ExportSchedule = { kind: 'off' } | { kind: 'daily'; time: string } | { kind: 'weekly'; weekday: number; time: string };

const OFFICE_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export function nextScheduledRun(schedule: ExportSchedule, after: Date): Date | null {
  if (schedule.kind === 'off') return null;
  const [hours, minutes] = schedule.time.split(':').map(Number) as [number, number];
  const local = after.getTime() + OFFICE_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  for (let day = 0; day <= 7; day += 1) {
    const candidateLocal = dayStart + day * DAY_MS + (hours * 60 + minutes) * 60_000;
    if (candidateLocal <= local) continue;
    // 1970-01-01 was a Thursday (4).
    const weekday = ((Math.floor(candidateLocal / DAY_MS) + 3) % 7) + 1;
    if (schedule.kind === 'weekly' && weekday !== schedule.weekday) continue;
    return new Date(candidateLocal - OFFICE_OFFSET_MS);
  }
  return null;
}

/** Whether a run was due between the last check and now (the scheduler checks every minute). */
export function isRunDue(schedule: ExportSchedule, lastCheck: Date, now: Date): boolean {
  const next = nextScheduledRun(schedule, lastCheck);
  return next !== null && next.getTime() <= now.getTime();
}
