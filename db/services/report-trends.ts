import type { ParsedInputOf, ReportTrends } from '../../shared/contract';
import { periodOf } from '../../shared/domain/statistics';
import { trendPeriods, trendPoints } from '../../shared/domain/trends';
import type { ServiceContext } from '../context';
import type { OpenedDatabase } from '../open';
import { trendRows } from '../queries/reports';

/**
 * 局领导看板: the monthly report's key figures over the last 13 periods for the
 * head's charts. Three statements read the whole window once; the pure
 * shared/domain/trends.ts counts each period by the monthly report's rules.
 * Also the function the benchmark times (`reportTrends(ctx)`).
 *
 * The figures read only cases and vacancies, and every write to either — a
 * service's, a job thread's on its own connection, a late correction of a
 * closed period (a 注销 dated back, a vacancy withdrawn), a merge — adds a row
 * to the exchange's change capture in the same transaction (triggers,
 * db/exchange/aggregates.ts). So the last answer is kept per database and
 * window while the capture's sequence stands still: the head's dashboard
 * opened again, or by a colleague, costs one lookup; any such write, anywhere,
 * makes the next load count afresh.
 */

interface Kept {
  mark: number;
  window: string;
  value: ReportTrends;
}

const kept = new WeakMap<OpenedDatabase, Kept>();

/** The change capture's last sequence number (AUTOINCREMENT: only grows, even when captured rows are removed after export). */
function changeMark(database: OpenedDatabase): number {
  const row = database.sqlite.prepare("select seq from sqlite_sequence where name = 'exchange_changes'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

export function reportTrends(ctx: ServiceContext, input: ParsedInputOf<'reports.trends'> = {}): ReportTrends {
  const periods = trendPeriods(input.period ?? periodOf(ctx.today));
  const database = ctx.database();
  // The mark before the rows: a write between the two leaves a newer answer under the older mark, recounted next time.
  const mark = changeMark(database);
  const window = periods[periods.length - 1]!.code;
  const last = kept.get(database);
  if (last && last.mark === mark && last.window === window) return last.value;
  const rows = trendRows(database, { first: periods[0]!, last: periods[periods.length - 1]! });
  const value = { periods: trendPoints(periods, rows) };
  kept.set(database, { mark, window, value });
  return value;
}
