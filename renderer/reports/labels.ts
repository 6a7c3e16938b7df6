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

/** 职业分类大典（2022）的大类, short enough for a chart's axis (OCCUPATION_GROUPS has the full names). */
export const OCCUPATION_GROUP_SHORT: Record<string, string> = {
  '1': '单位负责人', '2': '专业技术人员', '3': '办事人员', '4': '社会生产生活服务', '5': '农林牧渔业', '6': '生产制造', '7': '军人', '8': '其他从业人员',
};
