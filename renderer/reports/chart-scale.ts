/**
 * The arithmetic of the dashboard's small SVG charts (trend-chart.tsx): a
 * rounded top for the value axis, its ticks, and where each period sits.
 * Pure, so the layout is tested without a browser.
 */

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (at least 1), so ticks fall on round numbers. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= max - magnitude * 1e-9)!;
  return step * magnitude;
}

export interface ValueAxis {
  top: number;
  ticks: number[];
}

/**
 * An axis from 0 over `max` with about four round steps (1, 2 or 5 × 10ⁿ),
 * never finer than the values are printed (whole persons step by at least 1),
 * so no two ticks print the same number.
 */
export function valueAxis(max: number, decimals = 0): ValueAxis {
  const finest = 10 ** -decimals;
  const step = Math.max(niceCeiling(max / 4), finest);
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  const round = (v: number) => Math.round(v / finest) * finest;
  return { top: round(step * steps), ticks: Array.from({ length: steps + 1 }, (_, i) => round(step * i)) };
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The x of the centre of slot `index` of `slots` equal slots across the plot. */
export function slotX(box: ChartBox, slots: number, index: number): number {
  const plot = box.width - box.left - box.right;
  return box.left + (plot * (index + 0.5)) / slots;
}

/** The y of `value` on an axis from 0 (bottom) to `top`. */
export function valueY(box: ChartBox, top: number, value: number): number {
  const plot = box.height - box.top - box.bottom;
  return box.top + plot - (plot * Math.min(Math.max(value, 0), top)) / top;
}

/** The month under a period's slot, and the year (two digits, to fit a slot) under it on the first period and on each January, so a year boundary reads on the axis. */
export function periodTick(period: string, first: boolean): { month: string; year: string | null } {
  const month = Number(period.slice(5, 7));
  return { month: `${month}月`, year: month === 1 || first ? `${period.slice(2, 4)}年` : null };
}
