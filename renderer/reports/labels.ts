import type { ReportFigure } from '../../shared/contract/reports';
import { BREAKDOWN_DIMENSIONS, periodOf, previousPeriod, type BreakdownDimension } from '../../shared/domain/statistics';
import { officeDate } from '../../shared/domain/dates';

export function dimensionLabel(d: BreakdownDimension): string {
  return BREAKDOWN_DIMENSIONS.find(([code]) => code === d)![1];
}

/** The current period and the 23 before it, newest first. */
export function recentPeriods(): string[] {
  const periods = [periodOf(officeDate(new Date()))];
  while (periods.length < 24) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
}

export function listLink(period: string, figure: ReportFigure, dimension?: BreakdownDimension, value?: string): string {
  const q = new URLSearchParams({ period, figure, ...(dimension ? { dimension } : {}), ...(value !== undefined ? { value } : {}) });
  return `/reports/list?${q.toString()}`;
}
