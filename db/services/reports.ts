import type { FigureBreakdown, MonthlyReport, NamedList, ParsedInputOf } from '../../shared/contract';
import { BROKEN_DOWN_FIGURES, REPORT_FIGURE_LABELS, type ReportFigure } from '../../shared/contract/reports';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { EMPLOYMENT_CHANNELS } from '../../shared/domain/case-types';
import { ageOn, officeDate } from '../../shared/domain/dates';
import {
  AGE_BANDS, BREAKDOWN_DIMENSIONS, EDUCATION_GROUPS, OTHER_AGE_BAND, ageBand, educationGroup, ratio,
  registeredUnemploymentRate, reportPeriod, tally, type BreakdownDimension, type ReportPeriod,
} from '../../shared/domain/statistics';
import { SEX_LABELS } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { writeXlsx } from '../xlsx';
import { externalFigures } from './report-figures';
import { trainingInPeriod } from './training-report';
import { divisionNames } from './person-view';
import { personRows, registeredRows, vacancyRows, type FigurePersonRow } from '../queries/reports';
import { readSetting } from '../queries/settings';

/**
 * 就业失业情况月报: every count is the length of its named list (实名制台账),
 * computed from the approved cases and the vacancies, read-only.
 */

const SEX_ORDER = Object.entries(SEX_LABELS) as [string, string][];
const AGE_ORDER: [string, string][] = [...AGE_BANDS.map(([v, l]) => [v, l] as [string, string]), [...OTHER_AGE_BAND]];
const CHANNEL_ORDER: [string, string][] = [...EMPLOYMENT_CHANNELS.map(([v, l]) => [v, l] as [string, string]), ['unknown', '未填']];

interface Dimension {
  valueOf: (row: FigurePersonRow) => string;
  order: ReadonlyArray<readonly [string, string]>;
}

function dimensions(ctx: ServiceContext, period: ReportPeriod, rows: FigurePersonRow[]): Record<BreakdownDimension, Dimension> {
  const names = divisionNames(ctx);
  const townships = [...new Set(rows.map((r) => r.townshipCode ?? 'none'))].sort();
  return {
    sex: { valueOf: (r) => r.sex, order: SEX_ORDER },
    education: { valueOf: (r) => educationGroup(r.educationCode), order: EDUCATION_GROUPS },
    age: { valueOf: (r) => ageBand(r.birthDate, period.to), order: AGE_ORDER },
    channel: { valueOf: (r) => r.channel ?? 'unknown', order: CHANNEL_ORDER },
    township: { valueOf: (r) => r.townshipCode ?? 'none', order: townships.map((c) => [c, c === 'none' ? '未填' : (names.get(c) ?? c)] as [string, string]) },
  };
}

function breakdownsOf(ctx: ServiceContext, period: ReportPeriod, figure: ReportFigure, rows: FigurePersonRow[]): FigureBreakdown[] {
  const dims = dimensions(ctx, period, rows);
  return BREAKDOWN_DIMENSIONS.filter(([d]) => d !== 'channel' || figure === 'new_employment').map(([dimension]) => ({
    figure,
    dimension,
    cells: tally(rows, dims[dimension].valueOf, dims[dimension].order),
  }));
}

function periodOrRefuse(code: string): ReportPeriod {
  try {
    return reportPeriod(code);
  } catch (error) {
    throw new AppError('BAD_INPUT', (error as Error).message, { fields: { period: '报告期无效' } });
  }
}

/** The report for a period; also the function the benchmark times (`monthlyReport(ctx, '2026-11')`). */
export function monthlyReport(ctx: ServiceContext, code: string): MonthlyReport {
  const period = periodOrRefuse(code);
  const database = ctx.database();
  const { jobseekers, registered } = registeredRows(database, period);
  const lists: Record<Exclude<ReportFigure, 'vacancies'>, FigurePersonRow[]> = {
    new_employment: personRows(database, 'new_employment', period),
    registered_unemployed: registered,
    new_unemployment: personRows(database, 'new_unemployment', period),
    jobseekers,
    difficulty_certified: personRows(database, 'difficulty_certified', period),
    difficulty_employed: personRows(database, 'difficulty_employed', period),
    subsidies_approved: personRows(database, 'subsidies_approved', period),
  };
  const vacancies = vacancyRows(database, period);
  const counts = { ...Object.fromEntries(Object.entries(lists).map(([f, rows]) => [f, rows.length])), vacancies: vacancies.length } as Record<ReportFigure, number>;
  const external = externalFigures(ctx, period.code);
  const vacancyOpenings = vacancies.reduce((n, v) => n + v.openings, 0);
  return {
    period: period.code,
    from: period.from,
    to: period.to,
    bureauName: `${readSetting(database.db, 'county_name')}人力资源和社会保障局`,
    counts,
    vacancyOpenings,
    newUrbanEmployment: counts.new_employment - external.naturalAttrition,
    registeredUnemploymentRate: registeredUnemploymentRate(counts.registered_unemployed, external.urbanEmployed),
    jobsToSeekersRatio: ratio(vacancyOpenings, counts.jobseekers),
    external,
    breakdowns: BROKEN_DOWN_FIGURES.flatMap((f) => breakdownsOf(ctx, period, f, lists[f])),
    subsidyPayments: subsidyPaymentsIn(database, period.from, period.to),
    training: trainingInPeriod(database, period.from, period.to),
  };
}

/** 补贴发放 in the report period: the fund ledger's money events whose day falls in it (the 台账 holds the named list). */
function subsidyPaymentsIn(database: ReturnType<ServiceContext['database']>, from: string, to: string): MonthlyReport['subsidyPayments'] {
  return database.sqlite
    .prepare(`select count(distinct case when kind = 'paid' then payee_kind || ':' || payee_id end) as payees, coalesce(sum(paid_fen), 0) as paidFen,
      coalesce(sum(reversed_fen + repaid_fen), 0) as returnedFen, coalesce(sum(net_fen), 0) as netFen from payment_ledger where "on" between ? and ?`)
    .get(from, to) as MonthlyReport['subsidyPayments'];
}

export function monthly(ctx: ServiceContext, input: ParsedInputOf<'reports.monthly'>): MonthlyReport {
  return monthlyReport(ctx, input.period);
}

type ListInput = ParsedInputOf<'reports.exportNamedList'>;

const PERSON_COLUMNS = ['序号', '姓名', '性别', '年龄', '身份证号', '手机号码', '文化程度', '居住乡镇（街道）', '业务编号', '办结日期'];

/** The whole named list of a figure (or of one breakdown cell), masked. */
function fullList(ctx: ServiceContext, input: ListInput): Omit<NamedList, 'page' | 'pageSize' | 'total'> {
  const period = periodOrRefuse(input.period);
  const database = ctx.database();
  let title = `${REPORT_FIGURE_LABELS[input.figure]}（${period.from} 至 ${period.to}）`;
  if (input.figure === 'vacancies') {
    if (input.dimension) throw new AppError('BAD_INPUT', '岗位名单不分组', { fields: { dimension: '岗位名单不分组' } });
    return {
      title,
      columns: ['序号', '用人单位', '岗位名称', '招聘人数', '有效期起', '有效期止'],
      rows: vacancyRows(database, period).map((v, i) => ({ key: v.id, link: null, cells: [i + 1, v.enterpriseName, v.title, v.openings, v.validFrom, v.validTo] })),
    };
  }
  let rows = personRows(database, input.figure, period);
  if (input.dimension) {
    const dim = dimensions(ctx, period, rows)[input.dimension];
    const label = dim.order.find(([v]) => v === input.value)?.[1] ?? input.value ?? '';
    rows = rows.filter((r) => dim.valueOf(r) === input.value);
    title = `${REPORT_FIGURE_LABELS[input.figure]} · ${BREAKDOWN_DIMENSIONS.find(([d]) => d === input.dimension)![1]}：${label}（${period.from} 至 ${period.to}）`;
  }
  const names = divisionNames(ctx);
  const educationLabel = (code: string | null) => EDUCATION_GROUPS.find(([g]) => g === educationGroup(code))![1];
  return {
    title,
    columns: PERSON_COLUMNS,
    rows: rows.map((r, i) => ({
      key: r.caseId,
      link: `/persons/${r.personId}`,
      cells: [
        i + 1, r.name, SEX_LABELS[r.sex], ageOn(r.birthDate, period.to), maskIdNumber(r.idNumber), r.phone ? maskPhone(r.phone) : null,
        educationLabel(r.educationCode), r.townshipCode ? (names.get(r.townshipCode) ?? r.townshipCode) : null, r.receiptNo, officeDate(new Date(r.decidedAt)),
      ],
    })),
  };
}

export function namedList(ctx: ServiceContext, input: ParsedInputOf<'reports.namedList'>): NamedList {
  const { period, figure, dimension, value } = input;
  const list = fullList(ctx, { period, figure, ...(dimension ? { dimension } : {}), ...(value !== undefined ? { value } : {}) });
  const start = (input.page - 1) * input.pageSize;
  return { ...list, rows: list.rows.slice(start, start + input.pageSize), total: list.rows.length, page: input.page, pageSize: input.pageSize };
}

/** The named list as a spreadsheet: masked like the screen, and audited like every list that leaves the desk. */
export function exportNamedList(ctx: ServiceContext, input: ListInput): { fileName: string; base64: string; rows: number } {
  const list = fullList(ctx, input);
  const widths = list.columns.map((c) => (c === '身份证号' ? 22 : c === '用人单位' ? 28 : c === '序号' ? 6 : 14));
  const buffer = writeXlsx('实名制台账', list.columns, list.rows.map((r) => r.cells), widths);
  ctx.audit({ action: 'reports.exportNamedList', detail: { period: input.period, figure: input.figure, dimension: input.dimension ?? null, value: input.value ?? null, rows: list.rows.length } });
  return { fileName: `实名制台账-${REPORT_FIGURE_LABELS[input.figure]}-${input.period}.xlsx`, base64: buffer.toString('base64'), rows: list.rows.length };
}
