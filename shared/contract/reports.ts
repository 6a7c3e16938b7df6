import { z } from 'zod';
import { CASE_TYPE_CODES, type CaseTypeCode } from '../domain/case-types';
import { isPeriodCode, type BreakdownCell, type BreakdownDimension } from '../domain/statistics';
import type { KeyGroupCode } from '../domain/key-groups';
import type { TrainingKind } from '../domain/training';
import type { TrendPoint } from '../domain/trends';
import { OPEN_STATES, type CaseState } from '../domain/workflow';
import type { CaseListItem } from './case-views';
import { method } from './define';
import { entityId, page, rowVersion } from './fields';

/** The figures of the monthly report whose named list (实名制台账) can be opened. */
export const REPORT_FIGURES = [
  'new_employment', 'registered_unemployed', 'new_unemployment', 'jobseekers', 'vacancies', 'difficulty_certified', 'difficulty_employed',
  'subsidies_approved',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** Names of the figures, on screen, on paper and in the named lists' titles and file names. */
export const REPORT_FIGURE_LABELS: Record<ReportFigure, string> = {
  new_employment: '新增就业人员（就业登记）',
  registered_unemployed: '期末登记失业人数',
  new_unemployment: '本期新增失业登记人数',
  jobseekers: '本期求职人数（登记失业）',
  vacancies: '本期登记岗位',
  difficulty_certified: '新认定就业困难人员',
  difficulty_employed: '就业困难人员实现就业',
  subsidies_approved: '本期批准补贴申请人数（个人）',
};

/** Figures broken down by sex, education, age band, channel and township. */
export const BROKEN_DOWN_FIGURES = ['new_employment', 'registered_unemployed', 'new_unemployment'] as const satisfies readonly ReportFigure[];

export interface ExternalFigures {
  period: string;
  urbanEmployed: number | null;
  /** Percent with 2 decimals as entered ("5.10"), or null. */
  surveyedUnemploymentRate: string | null;
  naturalAttrition: number;
  /** Null when nothing was entered for the period yet. */
  version: number | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface FigureBreakdown {
  figure: ReportFigure;
  dimension: BreakdownDimension;
  cells: BreakdownCell[];
}

export interface MonthlyReport {
  period: string;
  /** 2026-10-21 and 2026-11-20 (office days, inclusive). */
  from: string;
  to: string;
  bureauName: string;
  /** Counts, each the length of its named list. */
  counts: Record<ReportFigure, number>;
  /** Sum of openings of the vacancies posted in the period (the numerator of 求人倍率). */
  vacancyOpenings: number;
  /** 城镇新增就业人数 = newly employed − natural attrition. */
  newUrbanEmployment: number;
  /** Percent, 2 decimals; null until the urban employed figure is entered. */
  registeredUnemploymentRate: string | null;
  /** 求人倍率, 2 decimals; null when there were no jobseekers. */
  jobsToSeekersRatio: string | null;
  external: ExternalFigures;
  breakdowns: FigureBreakdown[];
  /**
   * 补贴发放 in the period, from the fund ledger (补贴发放台账, payments.ledger holds the named list):
   * persons and enterprises paid, amounts paid, returned (退票 and recoveries repaid) and net, in fen.
   */
  subsidyPayments: { payees: number; paidFen: number; returnedFen: number; netFen: number };
  /**
   * 职业培训 in the period (db/services/training-report.ts): persons whose class 结业 fell in it, by the
   * programme's kind, and persons issued a 职业技能等级证书 in it that is not revoked.
   */
  training: { completedByKind: Record<TrainingKind, number>; certified: number };
}

export interface NamedList {
  title: string;
  columns: string[];
  rows: Array<{ key: number; link: string | null; cells: Array<string | number | null> }>;
  total: number;
  page: number;
  pageSize: number;
}

export interface DashboardFigures {
  today: string;
  period: string;
  openCases: number;
  overdueCases: number;
  /** Accepted or in review, due today or within the next 2 working days. */
  dueSoonCases: number;
  dueSoonUntil: string;
  newRegistrationsThisPeriod: number;
  openVacancies: number;
  openVacancyOpenings: number;
}

/** The head's trend charts: the key figures of the last 13 periods, oldest first. */
export interface ReportTrends {
  periods: TrendPoint[];
}

/**
 * The head's breakdown charts (工作台), each bar the length of the list it opens:
 * open cases by state (reports.caseQueue by state), open vacancies by
 * occupation group (the vacancy sheet by group), persons by key group (the
 * persons search by key group). Overdue by staff is the staff table's sum.
 */
export interface DashboardCharts {
  casesByState: Array<{ state: OpenCaseState; count: number }>;
  vacanciesByGroup: Array<{ group: string; label: string; vacancies: number; openings: number }>;
  keyGroups: Array<{ code: KeyGroupCode; label: string; persons: number }>;
}

export interface StaffCaseRow {
  staffUserId: number;
  staffName: string;
  cells: Array<{ caseType: CaseTypeCode; open: number; overdue: number }>;
}

const period = z.string().max(7, '报告期应为YYYY-MM（该月20日截止）').refine(isPeriodCode, '报告期应为YYYY-MM（该月20日截止）');
export type OpenCaseState = Exclude<CaseState, 'not_accepted' | 'approved' | 'rejected' | 'withdrawn'>;
/** The open states, in the workflow's order, as the queue and the chart take them. */
export const OPEN_CASE_STATES = OPEN_STATES as readonly OpenCaseState[];
const openState = z.enum(OPEN_CASE_STATES as [OpenCaseState, ...OpenCaseState[]], '未知的在办状态');
const caseType = z.enum(CASE_TYPE_CODES as [CaseTypeCode, ...CaseTypeCode[]], '未知的业务类型');
const listFilter = {
  period,
  figure: z.enum(REPORT_FIGURES, '未知的统计项目'),
  dimension: z.enum(['sex', 'education', 'age', 'channel', 'township'], '未知的分组').optional(),
  value: z.string().max(20).optional(),
};
const count = (label: string) => z.number().int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000_000, `${label}过大`);

export const reportsContract = {
  'reports.monthly': method<MonthlyReport>()({
    input: z.strictObject({ period }),
    access: 'reports.read',
    writes: false,
    title: '查看就业失业情况月报',
  }),
  'reports.namedList': method<NamedList>()({
    input: z.strictObject({ ...listFilter, page, pageSize: z.number().int().min(1).max(2000).default(100) }),
    access: 'reports.read',
    writes: false,
    title: '查看统计数字的实名制台账',
  }),
  'reports.exportNamedList': method<{ fileName: string; base64: string; rows: number }>()({
    input: z.strictObject(listFilter),
    access: 'reports.read',
    writes: true,
    title: '导出实名制台账',
  }),
  'reports.externalFigures': method<ExternalFigures>()({
    input: z.strictObject({ period }),
    access: 'reports.figures',
    writes: false,
    title: '查看月报外部数据',
  }),
  'reports.saveExternalFigures': method<ExternalFigures>()({
    input: z.strictObject({
      period,
      urbanEmployed: count('城镇从业人员数').nullable(),
      surveyedUnemploymentRate: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, '调查失业率应为百分数，如 5.1 或 5.10').nullable(),
      naturalAttrition: count('自然减员人数'),
      /** The version read; null when entering a period for the first time. */
      version: rowVersion.nullable(),
    }),
    access: 'reports.figures',
    writes: true,
    title: '录入月报外部数据',
    labels: { urbanEmployed: '城镇从业人员数', surveyedUnemploymentRate: '城镇调查失业率', naturalAttrition: '自然减员人数' },
  }),
  'reports.dashboard': method<DashboardFigures>()({
    input: z.strictObject({}),
    access: 'reports.dashboard',
    writes: false,
    title: '查看工作台数字',
  }),
  'reports.trends': method<ReportTrends>()({
    input: z.strictObject({ period: period.optional() }),
    access: 'reports.read',
    writes: false,
    title: '查看近13个报告期的主要数字走势',
  }),
  'reports.dashboardCharts': method<DashboardCharts>()({
    input: z.strictObject({}),
    access: 'reports.read',
    writes: false,
    title: '查看工作台的分类图表（在办业务按状态、岗位按职业大类、重点群体）',
  }),
  'reports.casesByStaff': method<StaffCaseRow[]>()({
    input: z.strictObject({}),
    access: 'reports.read',
    writes: false,
    title: '按经办人和业务类型查看在办、超期业务',
  }),
  'reports.caseQueue': method<{ items: CaseListItem[]; total: number }>()({
    input: z.strictObject({ staffUserId: entityId.optional(), caseType: caseType.optional(), state: openState.optional(), overdueOnly: z.boolean().default(false), page }),
    access: 'reports.read',
    writes: false,
    title: '查看筛选后的在办业务',
  }),
};
