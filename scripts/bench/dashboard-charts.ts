/**
 * The head's dashboard load (局领导看板), part of the report benchmark
 * (scripts/bench/reports.ts, on the seeded county): what the page asks for when
 * the head opens it — today's figures, the 13-period trend charts, the staff
 * table (also the overdue-by-staff chart) and the breakdown charts — timed as one load through the service layer, and
 * `reports.trends` alone. Goal from issue 22: the whole load under 200 ms (p95)
 * at city scale.
 */
import type { Desk } from '../../db/desk';
import type { ReportTrends } from '../../shared/contract';
import { unwrap } from './build-persons';
import { nsToMs, summarize, type Summary } from './stats';

export const DASHBOARD_GOAL_MS = 200;

/** The calls DashboardPage makes for a head, in the order it makes them. */
const DASHBOARD_CALLS: Array<[string, Record<string, unknown>]> = [
  ['reports.dashboard', {}],
  ['reports.trends', {}],
  ['reports.casesByStaff', {}],
  ['reports.dashboardCharts', {}],
];

export interface DashboardLoad {
  goalMs: number;
  load: Summary;
  trends: Summary;
  periods: number;
  pass: boolean;
  misses: string[];
}

export function timeDashboardLoad(desk: Desk, session: string, iterations: number, log: (line: string) => void): DashboardLoad {
  const load: number[] = [];
  const trends: number[] = [];
  let periods = 0;
  for (let i = 0; i < iterations + 3; i += 1) {
    const start = process.hrtime.bigint();
    for (const [method, input] of DASHBOARD_CALLS) {
      const t = process.hrtime.bigint();
      const value = unwrap(desk.call(session, method, input).result, method);
      if (method === 'reports.trends' && i >= 3) {
        trends.push(nsToMs(process.hrtime.bigint() - t));
        periods = (value as ReportTrends).periods.length;
      }
    }
    if (i >= 3) load.push(nsToMs(process.hrtime.bigint() - start));
  }
  const summary = summarize(load);
  const pass = summary.p95 < DASHBOARD_GOAL_MS;
  log(`reports: dashboard load (${DASHBOARD_CALLS.map(([m]) => m).join(' + ')}) p50 ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms (goal < ${DASHBOARD_GOAL_MS} ms)`);
  return {
    goalMs: DASHBOARD_GOAL_MS, load: summary, trends: summarize(trends), periods, pass,
    misses: pass ? [] : [`dashboard load p95 ${summary.p95.toFixed(1)} ms (goal < ${DASHBOARD_GOAL_MS} ms)`],
  };
}
