import { and, count, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf, VacancySearchResult, VacancyView } from '../../shared/contract';
import type { vacancyFilters } from '../../shared/contract/vacancies';
import { EDUCATION_LEVELS } from '../../shared/domain/code-tables';
import { OCCUPATION_GROUPS, VACANCY_SOURCES, VACANCY_STATUSES, labelOf, type VacancySource } from '../../shared/domain/enterprise-codes';
import { CONTRACT_TYPES } from '../../shared/domain/case-types';
import { formatSalaryRange } from '../../shared/domain/money';
import { monthsBefore, vacancyStatusOn } from '../../shared/domain/vacancy';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { enterpriseVisits, enterprises, vacancies } from '../schema';
import { writeXlsx } from '../xlsx';
import { requireEnterprise } from './enterprise-view';
import { createdStamps, updateVersioned } from './row-stamps';

type VacancyRow = typeof vacancies.$inferSelect;
export interface VacancyFacts {
  occupationCode: string;
  title: string;
  openings: number;
  salaryMinFen?: number | null | undefined;
  salaryMaxFen?: number | null | undefined;
  educationCode?: string | null | undefined;
  experienceYears?: number | null | undefined;
  requirements?: string | null | undefined;
  workPlace?: string | null | undefined;
  contractType?: string | null | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
}

/** By default a vacancy stays up three months from its first day. */
export function defaultValidTo(validFrom: string): string {
  const end = monthsBefore(validFrom, -3);
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The cross-field rules of a vacancy; `at` prefixes field paths (hiringPlan.2.) for nested input. */
export function checkVacancy(facts: Pick<VacancyFacts, 'salaryMinFen' | 'salaryMaxFen'> & { validFrom: string; validTo: string }, at = ''): void {
  if (facts.salaryMinFen != null && facts.salaryMaxFen != null && facts.salaryMinFen > facts.salaryMaxFen) {
    throw fieldError(`${at}salaryMaxFen`, '最高月薪不能低于最低月薪', '最高月薪');
  }
  if (facts.validTo < facts.validFrom) throw fieldError(`${at}validTo`, '有效期止不能早于有效期起', '有效期止');
}

/** Inserts a vacancy after its checks; used by the form, the visit's hiring plan and the import. */
export function insertVacancy(ctx: ServiceContext, enterpriseId: number, facts: VacancyFacts, source: VacancySource, visitId: number | null, at = ''): VacancyRow {
  const validFrom = facts.validFrom ?? ctx.today;
  const validTo = facts.validTo ?? defaultValidTo(validFrom);
  checkVacancy({ ...facts, validFrom, validTo }, at);
  const row = ctx
    .database()
    .db.insert(vacancies)
    .values({
      enterpriseId, occupationCode: facts.occupationCode, title: facts.title, openings: facts.openings,
      salaryMinFen: facts.salaryMinFen ?? null, salaryMaxFen: facts.salaryMaxFen ?? null, educationCode: facts.educationCode ?? null,
      experienceYears: facts.experienceYears ?? null, requirements: facts.requirements ?? null, workPlace: facts.workPlace ?? null,
      contractType: facts.contractType ?? null, validFrom, validTo, source, visitId,
      ...createdStamps(ctx),
    })
    .returning()
    .get();
  ctx.audit({ action: 'vacancies.create', entityType: 'vacancy', entityId: row.id, after: row, detail: { enterpriseId, source } });
  return row;
}

export function toVacancyView(row: VacancyRow, enterpriseName: string, today: string): VacancyView {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    occupationCode: row.occupationCode,
    occupationGroupLabel: labelOf(OCCUPATION_GROUPS, row.occupationCode[0]),
    title: row.title,
    openings: row.openings,
    salaryMinFen: row.salaryMinFen,
    salaryMaxFen: row.salaryMaxFen,
    educationCode: row.educationCode,
    experienceYears: row.experienceYears,
    requirements: row.requirements,
    workPlace: row.workPlace,
    contractType: row.contractType,
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    visitId: row.visitId,
    status: vacancyStatusOn(row.status, row.validTo, today),
    statusReason: row.statusReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function requireVacancy(ctx: ServiceContext, id: number): { row: VacancyRow; enterpriseName: string } {
  const found = ctx.database().db.select({ row: vacancies, enterpriseName: enterprises.name }).from(vacancies).innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId)).where(eq(vacancies.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的岗位`);
  return found;
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'vacancies.create'>): VacancyView {
  const enterprise = requireEnterprise(ctx, input.enterpriseId);
  if (enterprise.status === 'closed') throw new AppError('CONFLICT', `${enterprise.name}已注销或迁出，不能登记新岗位`);
  const { enterpriseId: _e, source, visitId, ...facts } = input;
  // A visit named by hand must be one of this enterprise's: else the insert's foreign key failed as a system error.
  if (visitId != null) {
    const visit = ctx.database().db.select({ enterpriseId: enterpriseVisits.enterpriseId }).from(enterpriseVisits).where(eq(enterpriseVisits.id, visitId)).get();
    if (visit?.enterpriseId !== enterprise.id) throw fieldError('visitId', `${enterprise.name}没有编号为 ${visitId} 的走访记录`, '走访记录');
  }
  const row = insertVacancy(ctx, enterprise.id, facts, source, visitId ?? null);
  return toVacancyView(row, enterprise.name, ctx.today);
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'vacancies.get'>): VacancyView {
  const { row, enterpriseName } = requireVacancy(ctx, input.id);
  return toVacancyView(row, enterpriseName, ctx.today);
}

function save(ctx: ServiceContext, before: VacancyRow, enterpriseName: string, version: number, set: Partial<VacancyRow>, detail: Record<string, unknown>): VacancyView {
  const after = updateVersioned(ctx, vacancies, before, version, set, { message: '该岗位已被他人修改，您的修改未保存。请刷新后重新修改。', details: { currentVersion: before.version } });
  ctx.audit({ action: detail.action as string, entityType: 'vacancy', entityId: after.id, before, after, detail });
  return toVacancyView(after, enterpriseName, ctx.today);
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'vacancies.update'>): VacancyView {
  const { row, enterpriseName } = requireVacancy(ctx, input.id);
  const set = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)) as Partial<VacancyRow>;
  const merged = { ...row, ...set };
  checkVacancy(merged);
  return save(ctx, row, enterpriseName, input.version, set, { action: 'vacancies.update', changedFields: Object.keys(set) });
}

/** Filled, withdrawn, or open again (an expired one reopens only with a later end date, via update). */
export function setStatus(ctx: ServiceContext, input: ParsedInputOf<'vacancies.setStatus'>): VacancyView {
  const { row, enterpriseName } = requireVacancy(ctx, input.id);
  if (input.status === 'open' && row.validTo < ctx.today) throw new AppError('BAD_INPUT', '该岗位已过有效期，请先延长有效期止再重新开放', { fields: { status: '已过有效期' } });
  if (row.status === input.status) throw new AppError('BAD_INPUT', `该岗位已经是“${labelOf(VACANCY_STATUSES, input.status)}”状态`);
  return save(ctx, row, enterpriseName, input.version, { status: input.status, statusReason: input.reason }, { action: 'vacancies.setStatus', status: input.status, reason: input.reason });
}

function filterConditions(ctx: ServiceContext, f: z.output<typeof vacancyFilters>): SQL | undefined {
  const byStatus: Record<typeof f.status, SQL | undefined> = {
    open: and(eq(vacancies.status, 'open'), gte(vacancies.validTo, ctx.today)),
    expired: and(eq(vacancies.status, 'open'), lt(vacancies.validTo, ctx.today)),
    filled: eq(vacancies.status, 'filled'),
    withdrawn: eq(vacancies.status, 'withdrawn'),
    all: undefined,
  };
  const q = f.query?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const parts = [
    byStatus[f.status],
    f.enterpriseId ? eq(vacancies.enterpriseId, f.enterpriseId) : undefined,
    f.occupationGroup ? like(vacancies.occupationCode, `${f.occupationGroup}%`) : undefined,
    pattern ? or(sql`${vacancies.title} like ${pattern} escape '\\'`, sql`${enterprises.name} like ${pattern} escape '\\'`) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return parts.length ? and(...parts) : undefined;
}

export function search(ctx: ServiceContext, input: ParsedInputOf<'vacancies.search'>): VacancySearchResult {
  const { db } = ctx.database();
  const where = filterConditions(ctx, input.filters);
  const total = db.select({ n: count() }).from(vacancies).innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId)).where(where).get()?.n ?? 0;
  const rows = db
    .select({ row: vacancies, enterpriseName: enterprises.name })
    .from(vacancies)
    .innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId))
    .where(where)
    .orderBy(desc(vacancies.validFrom), desc(vacancies.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { items: rows.map((r) => toVacancyView(r.row, r.enterpriseName, ctx.today)), total, page: input.page, pageSize: input.pageSize };
}

const EXPORT_LIMIT = 20_000;

export function exportXlsx(ctx: ServiceContext, input: ParsedInputOf<'vacancies.exportXlsx'>): { fileName: string; base64: string; rows: number } {
  const { db } = ctx.database();
  const rows = db
    .select({ row: vacancies, enterpriseName: enterprises.name, creditCode: enterprises.creditCode })
    .from(vacancies)
    .innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId))
    .where(filterConditions(ctx, input.filters))
    .orderBy(vacancies.id)
    .limit(EXPORT_LIMIT + 1)
    .all();
  if (rows.length > EXPORT_LIMIT) throw new AppError('BAD_INPUT', `符合条件的岗位超过 ${EXPORT_LIMIT} 个，请增加筛选条件后再导出`);
  const items = rows.map((r) => ({ ...toVacancyView(r.row, r.enterpriseName, ctx.today), creditCode: r.creditCode }));
  const buffer = writeXlsx(
    '岗位信息',
    ['序号', '单位名称', '统一社会信用代码', '岗位名称', '职业代码', '招聘人数', '月薪', '最低月薪（元）', '最高月薪（元）', '学历要求', '工作经验（年）', '岗位要求', '工作地点', '合同类型', '有效期起', '有效期止', '来源', '状态'],
    items.map((v, i) => [
      i + 1, v.enterpriseName, v.creditCode, v.title, v.occupationCode, v.openings, formatSalaryRange(v.salaryMinFen, v.salaryMaxFen),
      v.salaryMinFen === null ? null : v.salaryMinFen / 100, v.salaryMaxFen === null ? null : v.salaryMaxFen / 100,
      labelOf(EDUCATION_LEVELS, v.educationCode), v.experienceYears, v.requirements, v.workPlace, labelOf(CONTRACT_TYPES, v.contractType),
      v.validFrom, v.validTo, labelOf(VACANCY_SOURCES, v.source), labelOf(VACANCY_STATUSES, v.status),
    ]),
    [6, 28, 22, 18, 12, 8, 16, 10, 10, 10, 10, 30, 16, 18, 12, 12, 10, 8],
  );
  ctx.audit({ action: 'vacancies.exportXlsx', detail: { filters: input.filters, rows: items.length } });
  return { fileName: `岗位信息-${ctx.today}.xlsx`, base64: buffer.toString('base64'), rows: items.length };
}
