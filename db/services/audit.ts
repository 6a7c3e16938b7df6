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
import { auditEntityLabels } from './audit-entities';
import { AUDIT_EXTRA_ACTION_TITLES, auditDetailText } from '../../shared/labels/audit-detail';

type Filter = ParsedInputOf<'audit.exportXlsx'>;
type AuditRow = typeof auditLog.$inferSelect;

export function actionTitle(action: string): string {
  return isMethodName(action) ? contract[action].title : (AUDIT_EXTRA_ACTION_TITLES[action] ?? action);
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

/** A page of entries as the screens show them, the things they name resolved in one query per kind. */
function toViews(ctx: ServiceContext, rows: AuditRow[]): AuditEntryView[] {
  const labels = auditEntityLabels(ctx, rows);
  const names = workstationNames(ctx.database().db);
  return rows.map((row, i) => toView(row, labels[i] ?? null, names));
}

function toView(row: AuditRow, entityLabel: string | null, names: Map<number, string>): AuditEntryView {
  const detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null;
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    action: row.action,
    actionTitle: actionTitle(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel,
    detail,
    detailText: auditDetailText(detail),
    workstation: row.workstationId === null ? null : (names.get(row.workstationId) ?? `工作站（第 ${row.workstationId} 号）`),
  };
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'audit.list'>): AuditPage {
  const { db } = ctx.database();
  const where = whereOf(input);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const items = toViews(ctx, db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all());
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const EXPORT_LIMIT = 200_000;

export function exportXlsx(ctx: ServiceContext, input: Filter): { fileName: string; base64: string; rows: number } {
  const { db } = ctx.database();
  const rows = db.select().from(auditLog).where(whereOf(input)).orderBy(auditLog.id).limit(EXPORT_LIMIT + 1).all();
  if (rows.length > EXPORT_LIMIT) throw new AppError('BAD_INPUT', `符合条件的记录超过 ${EXPORT_LIMIT} 条，请缩小日期范围后再导出`);
  const buffer = writeXlsx(
    '审计日志',
    ['序号', '时间', '操作人', '操作', '对象', '对象编号', '说明'],
    toViews(ctx, rows).map((v) => [v.id, formatOfficeTimestamp(v.at), v.actorName ?? '系统', v.actionTitle, v.entityLabel ?? '', v.entityId, v.detailText]),
    [8, 18, 12, 22, 36, 10, 60],
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
  const entries = toViews(ctx, db.select().from(auditLog).where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, String(input.personId)))).orderBy(auditLog.id).all());
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
