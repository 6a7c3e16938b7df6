import type { DomainHandlers } from '../router';
import * as reportDashboard from '../services/report-dashboard';
import * as reportFigures from '../services/report-figures';
import * as reportTrends from '../services/report-trends';
import * as reports from '../services/reports';

export const reportsHandlers = {
  'reports.monthly': reports.monthly,
  'reports.namedList': reports.namedList,
  'reports.exportNamedList': reports.exportNamedList,
  'reports.externalFigures': reportFigures.getExternalFigures,
  'reports.saveExternalFigures': reportFigures.saveExternalFigures,
  'reports.dashboard': reportDashboard.dashboard,
  'reports.trends': reportTrends.reportTrends,
  'reports.dashboardCharts': reportDashboard.dashboardCharts,
  'reports.casesByStaff': reportDashboard.casesByStaff,
  'reports.caseQueue': reportDashboard.caseQueue,
} satisfies DomainHandlers<'reports'>;
