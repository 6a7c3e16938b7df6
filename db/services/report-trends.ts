import type { ParsedInputOf, ReportTrends } from '../../shared/contract';
import { periodOf } from '../../shared/domain/statistics';
import { trendPeriods, trendPoints } from '../../shared/domain/trends';
import type { ServiceContext } from '../context';
import { trendRows } from '../queries/reports';

/**
 * 局领导看板: the monthly report's key figures over the last 13 periods for the
 * head's charts. Three statements read the whole window once; the pure
 * shared/domain/trends.ts counts each period by the monthly report's rules.
 * Also the function the benchmark times (`reportTrends(ctx)`).
 */
export function reportTrends(ctx: ServiceContext, input: ParsedInputOf<'reports.trends'> = {}): ReportTrends {
  const periods = trendPeriods(input.period ?? periodOf(ctx.today));
  const rows = trendRows(ctx.database(), { first: periods[0]!, last: periods[periods.length - 1]! });
  return { periods: trendPoints(periods, rows) };
}
