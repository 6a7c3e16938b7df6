/**
 * The period axis of the head's trend charts (trend-charts.tsx): the month
 * under each period, and the year under it on the first period and on each
 * January, so a year boundary reads on the axis. Pure, so it is tested
 * without a browser.
 */
export function periodTick(period: string, first: boolean): { month: string; year: string | null } {
  const month = Number(period.slice(5, 7));
  return { month: `${month}月`, year: month === 1 || first ? `${period.slice(2, 4)}年` : null };
}

/** The tick's text as one category label; the axis prints the part after the line break under the month. */
export function periodAxisLabel(period: string, first: boolean): string {
  const tick = periodTick(period, first);
  return tick.year ? `${tick.month}\n${tick.year}` : tick.month;
}
