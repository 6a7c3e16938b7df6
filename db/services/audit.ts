import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { contract, isMethodName, type AuditEntryView, type AuditPage, type ParsedInputOf, type PersonAccessReport } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/masking';
import { verifyAuditChain } from '../audit';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { auditLog, persons, workstations } from '../schema';
import type { DrizzleDb } from '../open';
import { writeXlsx } from '../xlsx';
import { readSetting } from '../queries/settings';
import { bureauName } from './settings';

type Filter = ParsedInputOf<'audit.exportXlsx'>;
type AuditRow = typeof auditLog.$inferSelect;

/** Titles of acts that are not contract methods. */
const EXTRA_ACTION_TITLES: Record<string, string> = {
  'auth.loginFailed': '登录失败（密码错误）',
  'persons.view': '查看人员档案',
  'persons.importCommit': '导入人员（写入）',
  'enterprises.importCommit': '导入企业（写入）',
  'vacancies.importCommit': '导入岗位（写入）',
  'facts.importCommit': '导入部门数据（写入）',
};

export function actionTitle(action: string): string {
  return isMethodName(action) ? contract[action].title : (EXTRA_ACTION_TITLES[action] ?? action);
}

/** UTC instant where an office calendar day (Asia/Shanghai) starts. */
function officeDayStart(isoDate: string): string {
  return new Date(new Date(`${isoDate}T00:00:00+08:00`).getTime()).toISOString();
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function whereOf(filter: Filter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.personId) parts.push(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, String(filter.personId)))!);
  if (filter.actorUserId) parts.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  if (filter.from) parts.push(gte(auditLog.at, officeDayStart(filter.from)));
  if (filter.to) parts.push(lt(auditLog.at, officeDayStart(nextDay(filter.to))));
  return parts.length ? and(...parts) : undefined;
}

/** 办公室模式's workstations by id (a handful), to name where each entry came from. */
function workstationNames(db: DrizzleDb): Map<number, string> {
  return new Map(db.select({ id: workstations.id, name: workstations.name }).from(workstations).all().map((w) => [w.id, w.name]));
}

function toView(row: AuditRow, names: Map<number, string>): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action,
    actionTitle: actionTitle(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    workstation: row.workstationId === null ? null : (names.get(row.workstationId) ?? `#${row.workstationId}`),
  };
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'audit.list'>): AuditPage {
  const { db } = ctx.database();
  const where = whereOf(input);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const names = workstationNames(db);
  const items = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((row) => toView(row, names));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const EXPORT_LIMIT = 200_000;

export function exportXlsx(ctx: ServiceContext, input: Filter): { fileName: string; base64: string; rows: number } {
  const { db } = ctx.database();
  const rows = db.select().from(auditLog).where(whereOf(input)).orderBy(auditLog.id).limit(EXPORT_LIMIT + 1).all();
  if (rows.length > EXPORT_LIMIT) throw new AppError('BAD_INPUT', `符合条件的记录超过 ${EXPORT_LIMIT} 条，请缩小日期范围后再导出`);
  const buffer = writeXlsx(
    '审计日志',
    ['序号', '时间', '操作人', '操作', '对象类型', '对象编号', '说明'],
    rows.map((r) => [r.id, formatOfficeTimestamp(r.at), r.actorName ?? '系统', actionTitle(r.action), r.entityType, r.entityId, r.detail]),
    [8, 18, 12, 22, 10, 10, 60],
  );
  ctx.audit({ action: 'audit.exportXlsx', detail: { filter: input, rows: rows.length } });
  return { fileName: `审计日志-${ctx.today}.xlsx`, base64: buffer.toString('base64'), rows: rows.length };
}

export function verify(ctx: ServiceContext) {
  return verifyAuditChain(ctx.database().sqlite);
}

export function personAccessReport(ctx: ServiceContext, input: ParsedInputOf<'audit.personAccessReport'>): PersonAccessReport {
  const { db } = ctx.database();
  const person = db.select({ name: persons.name, idNumber: persons.idNumber }).from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.personId} 的人员档案`);
  const names = workstationNames(db);
  const entries = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, String(input.personId))))
    .orderBy(auditLog.id)
    .all()
    .map((row) => toView(row, names));
  ctx.audit({ action: 'audit.personAccessReport', entityType: 'person', entityId: input.personId });
  return {
    personId: input.personId,
    personName: person.name,
    idNumberMasked: maskIdNumber(person.idNumber),
    countyName: readSetting(db, 'county_name'),
    bureauName: bureauName(db),
    generatedAt: ctx.now.toISOString(),
    entries,
  };
}

export function recordPrint(ctx: ServiceContext, input: ParsedInputOf<'audit.recordPrint'>): null {
  ctx.audit({ action: 'audit.recordPrint', entityType: input.entityType, entityId: input.entityId, detail: { document: input.document } });
  return null;
}
