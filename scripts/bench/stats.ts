/**
 * Pure helpers of the benchmark report: percentiles, summaries and ratios of
 * timings in milliseconds. No clock, no I/O.
 */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export interface Goal {
  /** Service p95 must stay under this many milliseconds. */
  p95Ms: number;
  /** Service p95 may be at most this many times the raw query's p95. */
  ratioMax: number;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nanoseconds (process.hrtime.bigint differences) to milliseconds. */
export function nsToMs(ns: bigint): number {
  return Number(ns) / 1e6;
}

/**
 * Nearest-rank percentile: the smallest value with at least p % of the values
 * at or below it (p95 of 200 timings is the 190th smallest). Always one of the
 * measured values, never an interpolation.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p > 0 && p <= 100)) throw new RangeError('p must be in (0, 100]');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: readonly number[], digits = 3): Summary {
  if (values.length === 0) throw new RangeError('summary of no values');
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    n: values.length,
    p50: round(percentile(values, 50), digits),
    p95: round(percentile(values, 95), digits),
    max: round(Math.max(...values), digits),
    mean: round(sum / values.length, digits),
  };
}

/** numerator / denominator, rounded; null when the denominator is not positive. */
export function ratio(numerator: number, denominator: number, digits = 2): number | null {
  if (!(denominator > 0)) return null;
  return round(numerator / denominator, digits);
}

/** Both goals: an absolute p95 (strictly under) and a p95 ratio to the raw query (at most). */
export function meetsGoal(serviceP95: number, p95Ratio: number | null, goal: Goal): boolean {
  return serviceP95 < goal.p95Ms && p95Ratio !== null && p95Ratio <= goal.ratioMax;
}
