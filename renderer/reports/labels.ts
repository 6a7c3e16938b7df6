import type { ReportFigure } from '../../shared/contract/reports';
import { BREAKDOWN_DIMENSIONS, periodOf, previousPeriod, type BreakdownDimension } from '../../shared/domain/statistics';
import { officeDate } from '../../shared/domain/dates';

/** The report's words in one place (the backend names the lists' titles itself). */
export const FIGURE_TITLES: Record<ReportFigure, string> = {
  new_employment: '新增就业人员',
  registered_unemployed: '期末登记失业人数',
  new_unemployment: '本期新增失业登记',
  jobseekers: '本期求职人数',
  vacancies: '本期登记岗位',
  difficulty_certified: '新认定就业困难人员',
  difficulty_employed: '就业困难人员实现就业',
};

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
