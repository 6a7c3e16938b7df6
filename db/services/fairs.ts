import { and, count, desc, eq, gte, inArray, like, lte, min, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { FairCounts, FairListItem, FairParticipation, FairView, ParsedInputOf } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { enterprises, fairAttendances, fairEnterprises, fairIntentions, fairs, fairVacancies, vacancies } from '../schema';
import { requireEnterprise } from './enterprise-view';
import { createdStamps, updateVersioned } from './row-stamps';

export type FairRow = typeof fairs.$inferSelect;
type FairFields = Omit<ParsedInputOf<'fairs.create'>, never>;

export function requireFair(ctx: ServiceContext, id: number): FairRow {
  const row = ctx.database().db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的招聘会`);
  return row;
}

/** Check-ins, enterprises and intentions are added only while a fair is not cancelled. */
export function requireOpenFair(ctx: ServiceContext, id: number, act: string): FairRow {
  const fair = requireFair(ctx, id);
  if (fair.status === 'cancelled') throw new AppError('CONFLICT', `招聘会“${fair.name}”已取消，不能${act}`);
  return fair;
}

function cleanFields(input: FairFields) {
  if (input.endDate && input.endDate < input.startDate) throw fieldError('endDate', '结束日期不能早于举办日期', '结束日期');
  return {
    name: input.name, campaign: input.campaign, targetGroup: input.targetGroup, channel: input.channel, startDate: input.startDate,
    endDate: input.endDate && input.endDate !== input.startDate ? input.endDate : null,
    venue: input.venue || null, organizer: input.organizer || null, notes: input.notes || null,
  };
}

/** How many rows of a table match, as a scalar subquery (correlated when `where` names an outer row). */
export function countOf(db: DrizzleDb, table: SQLiteTable, where: SQL | undefined): SQL<number> {
  return sql<number>`(${db.select({ n: count() }).from(table).where(where)})`;
}

/**
 * The counts of each fair of a page in one statement, each part answered by an
 * index (fair_enterprises, fair_vacancies, fair_attendances, fair_intentions by fair).
 */
export function fairCounts(ctx: ServiceContext, fairIds: number[]): Map<number, FairCounts> {
  if (fairIds.length === 0) return new Map();
  const { db } = ctx.database();
  const positions = db
    .select({ n: sql<number>`coalesce(sum(${vacancies.openings}), 0)` })
    .from(fairVacancies)
    .innerJoin(vacancies, eq(vacancies.id, fairVacancies.vacancyId))
    .where(eq(fairVacancies.fairId, fairs.id));
  const rows = db
    .select({
      id: fairs.id,
      enterprises: countOf(db, fairEnterprises, eq(fairEnterprises.fairId, fairs.id)),
      vacancies: countOf(db, fairVacancies, eq(fairVacancies.fairId, fairs.id)),
      positions: sql<number>`(${positions})`,
      checkIns: countOf(db, fairAttendances, eq(fairAttendances.fairId, fairs.id)),
      intentions: countOf(db, fairIntentions, eq(fairIntentions.fairId, fairs.id)),
      hires: countOf(db, fairIntentions, and(eq(fairIntentions.fairId, fairs.id), eq(fairIntentions.outcome, 'hired'))),
    })
    .from(fairs)
    .where(inArray(fairs.id, fairIds))
    .all();
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

function participations(ctx: ServiceContext, fairId: number): FairParticipation[] {
  const { db } = ctx.database();
  const rows = db
    .select({ p: fairEnterprises, enterpriseName: enterprises.name })
    .from(fairEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, fairEnterprises.enterpriseId))
    .where(eq(fairEnterprises.fairId, fairId))
    .orderBy(sql`${fairEnterprises.boothNumber} is null`, fairEnterprises.boothNumber, fairEnterprises.id)
    .all();
  const linked = db
    .select({ participationId: fairVacancies.fairEnterpriseId, id: vacancies.id, title: vacancies.title, openings: vacancies.openings })
    .from(fairVacancies)
    .innerJoin(vacancies, eq(vacancies.id, fairVacancies.vacancyId))
    .where(eq(fairVacancies.fairId, fairId))
    .orderBy(fairVacancies.id)
    .all();
  const tallies = new Map(
    db
      .select({ enterpriseId: fairIntentions.enterpriseId, intentions: count(), hires: sql<number>`sum(${fairIntentions.outcome} = 'hired')` })
      .from(fairIntentions)
      .where(eq(fairIntentions.fairId, fairId))
      .groupBy(fairIntentions.enterpriseId)
      .all()
      .map((t) => [t.enterpriseId, t]),
  );
  return rows.map(({ p, enterpriseName }) => ({
    id: p.id, enterpriseId: p.enterpriseId, enterpriseName, boothNumber: p.boothNumber,
    vacancies: linked.filter((v) => v.participationId === p.id).map(({ id, title, openings }) => ({ id, title, openings })),
    intentions: tallies.get(p.enterpriseId)?.intentions ?? 0, hires: tallies.get(p.enterpriseId)?.hires ?? 0, version: p.version,
  }));
}

export function fairView(ctx: ServiceContext, row: FairRow): FairView {
  return {
    id: row.id, name: row.name, campaign: row.campaign as FairView['campaign'], targetGroup: row.targetGroup as FairView['targetGroup'], channel: row.channel,
    startDate: row.startDate, endDate: row.endDate, venue: row.venue, organizer: row.organizer, notes: row.notes, status: row.status, cancelReason: row.cancelReason,
    counts: fairCounts(ctx, [row.id]).get(row.id)!, enterprises: participations(ctx, row.id), createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version,
  };
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'fairs.create'>): FairView {
  const row = ctx.database().db.insert(fairs).values({ ...cleanFields(input), ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'fairs.create', entityType: 'fair', entityId: row.id, after: row });
  return fairView(ctx, row);
}

function save(ctx: ServiceContext, before: FairRow, version: number, set: Partial<FairRow>, action: string, detail: Record<string, unknown> = {}): FairView {
  const after = updateVersioned(ctx, fairs, before, version, set, { message: '该招聘会已被他人修改，您的修改未保存。请刷新后重试。', details: { currentVersion: before.version } });
  ctx.audit({ action, entityType: 'fair', entityId: after.id, before, after, detail });
  return fairView(ctx, after);
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'fairs.update'>): FairView {
  const before = requireOpenFair(ctx, input.id, '修改');
  const { id: _id, version, ...fields } = input;
  const clean = cleanFields(fields);
  if (clean.startDate > before.startDate) {
    // People already came through the door: the fair cannot have begun after them.
    const first = ctx.database().db.select({ at: min(fairAttendances.checkedInAt) }).from(fairAttendances).where(eq(fairAttendances.fairId, before.id)).get()!;
    if (first.at && officeDate(new Date(first.at)) < clean.startDate) {
      throw fieldError('startDate', `已有${officeDate(new Date(first.at))}的入场登记，举办日期不能晚于该日`, '举办日期');
    }
  }
  return save(ctx, before, version, clean, 'fairs.update');
}

/** 筹备中 → 已举办 (on or after its first day) or → 已取消 with a reason. */
export function setStatus(ctx: ServiceContext, input: ParsedInputOf<'fairs.setStatus'>): FairView {
  const before = requireFair(ctx, input.id);
  if (before.status !== 'planned') throw new AppError('CONFLICT', `该招聘会${before.status === 'held' ? '已举办' : '已取消'}，状态不能再改`);
  if (input.status === 'cancelled') {
    if (!input.reason) throw fieldError('reason', '取消招聘会须填写原因', '取消原因');
    return save(ctx, before, input.version, { status: 'cancelled', cancelReason: input.reason }, 'fairs.cancel', { reason: input.reason });
  }
  if (before.startDate > ctx.today) throw new AppError('CONFLICT', `招聘会定于${before.startDate}举办，尚未到举办日期，不能标记为已举办`);
  return save(ctx, before, input.version, { status: 'held' }, 'fairs.markHeld');
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'fairs.get'>): FairView {
  return fairView(ctx, requireFair(ctx, input.id));
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'fairs.list'>) {
  if (input.from && input.to && input.to < input.from) throw fieldError('to', '截止日期不能早于开始日期', '截止日期');
  const { db } = ctx.database();
  const where: SQL | undefined = and(
    input.status === 'all' ? undefined : eq(fairs.status, input.status),
    input.from ? gte(fairs.startDate, input.from) : undefined,
    input.to ? lte(fairs.startDate, input.to) : undefined,
    input.query ? like(fairs.name, `%${input.query.replace(/[%_]/g, '')}%`) : undefined,
  );
  const total = db.select({ n: sql<number>`count(*)` }).from(fairs).where(where).get()!.n;
  const rows = db.select().from(fairs).where(where).orderBy(desc(fairs.startDate), desc(fairs.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  const counts = fairCounts(ctx, rows.map((r) => r.id));
  const items: FairListItem[] = rows.map((r) => ({
    id: r.id, name: r.name, campaign: r.campaign as FairListItem['campaign'], targetGroup: r.targetGroup as FairListItem['targetGroup'], channel: r.channel,
    startDate: r.startDate, endDate: r.endDate, venue: r.venue, status: r.status, counts: counts.get(r.id)!,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** The vacancies an enterprise brings must be its own, and not withdrawn. */
function checkVacancies(ctx: ServiceContext, enterpriseId: number, ids: number[]): void {
  const seen = new Set<number>();
  const found = new Map(ctx.database().db.select({ id: vacancies.id, enterpriseId: vacancies.enterpriseId, status: vacancies.status, title: vacancies.title }).from(vacancies).where(inArray(vacancies.id, ids.length ? ids : [-1])).all().map((v) => [v.id, v]));
  ids.forEach((id, i) => {
    const v = found.get(id);
    if (!v) throw fieldError(`vacancyIds.${i}`, `没有编号为 ${id} 的岗位`, '参会岗位');
    if (v.enterpriseId !== enterpriseId) throw fieldError(`vacancyIds.${i}`, `岗位“${v.title}”不是该企业的岗位`, '参会岗位');
    if (v.status === 'withdrawn') throw fieldError(`vacancyIds.${i}`, `岗位“${v.title}”已撤回`, '参会岗位');
    if (seen.has(id)) throw fieldError(`vacancyIds.${i}`, '同一岗位只能选一次', '参会岗位');
    seen.add(id);
  });
}

function checkBooth(ctx: ServiceContext, fairId: number, booth: string | null, participationId: number | null): void {
  if (!booth) return;
  const taken = ctx.database().db.select({ id: fairEnterprises.id, name: enterprises.name }).from(fairEnterprises).innerJoin(enterprises, eq(enterprises.id, fairEnterprises.enterpriseId)).where(and(eq(fairEnterprises.fairId, fairId), eq(fairEnterprises.boothNumber, booth))).get();
  if (taken && taken.id !== participationId) throw fieldError('boothNumber', `展位 ${booth} 已分配给${taken.name}`, '展位号');
}

function linkVacancies(ctx: ServiceContext, fairId: number, participationId: number, ids: number[]): void {
  const at = ctx.now.toISOString();
  for (const vacancyId of ids) ctx.database().db.insert(fairVacancies).values({ fairId, fairEnterpriseId: participationId, vacancyId, createdAt: at, createdBy: actorUserId(ctx) }).run();
}

export function addEnterprise(ctx: ServiceContext, input: ParsedInputOf<'fairs.addEnterprise'>): FairView {
  const { db } = ctx.database();
  const fair = requireOpenFair(ctx, input.fairId, '添加参会企业');
  const enterprise = requireEnterprise(ctx, input.enterpriseId);
  if (enterprise.status === 'closed') throw new AppError('CONFLICT', `${enterprise.name}已注销或迁出，不能参加招聘会`, { fields: { enterpriseId: '企业已注销或迁出' } });
  const already = db.select().from(fairEnterprises).where(and(eq(fairEnterprises.fairId, fair.id), eq(fairEnterprises.enterpriseId, enterprise.id))).get();
  if (already) throw new AppError('DUPLICATE', `${enterprise.name}已在本场招聘会${already.boothNumber ? `（展位 ${already.boothNumber}）` : ''}，如需增加岗位请修改其参会信息`);
  const booth = input.boothNumber || null;
  checkBooth(ctx, fair.id, booth, null);
  checkVacancies(ctx, enterprise.id, input.vacancyIds);
  const row = db.insert(fairEnterprises).values({ fairId: fair.id, enterpriseId: enterprise.id, boothNumber: booth, ...createdStamps(ctx) }).returning().get();
  linkVacancies(ctx, fair.id, row.id, input.vacancyIds);
  ctx.audit({ action: 'fairs.addEnterprise', entityType: 'fair', entityId: fair.id, after: row, detail: { enterpriseId: enterprise.id, vacancies: input.vacancyIds.length } });
  return fairView(ctx, fair);
}

/** A new booth or a new list of vacancies; vacancies someone has an intention for stay linked. */
export function updateParticipation(ctx: ServiceContext, input: ParsedInputOf<'fairs.updateParticipation'>): FairView {
  const { db } = ctx.database();
  const before = db.select().from(fairEnterprises).where(eq(fairEnterprises.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的参会记录`);
  const fair = requireOpenFair(ctx, before.fairId, '修改参会企业');
  const booth = input.boothNumber || null;
  checkBooth(ctx, fair.id, booth, before.id);
  const current = db.select({ vacancyId: fairVacancies.vacancyId }).from(fairVacancies).where(eq(fairVacancies.fairEnterpriseId, before.id)).all().map((v) => v.vacancyId);
  const added = input.vacancyIds.filter((id) => !current.includes(id));
  checkVacancies(ctx, before.enterpriseId, input.vacancyIds);
  const removed = current.filter((id) => !input.vacancyIds.includes(id));
  const inUse = removed.length > 0 && db.select({ id: fairIntentions.id }).from(fairIntentions).where(and(eq(fairIntentions.fairId, fair.id), inArray(fairIntentions.vacancyId, removed))).get() !== undefined;
  if (inUse) throw fieldError('vacancyIds', '已有求职者对该岗位达成意向，不能从本场招聘会移除', '参会岗位');
  const after = updateVersioned(ctx, fairEnterprises, before, input.version, { boothNumber: booth }, '该参会记录已被他人修改，您的修改未保存。请刷新后重试。');
  if (removed.length) db.delete(fairVacancies).where(and(eq(fairVacancies.fairEnterpriseId, before.id), inArray(fairVacancies.vacancyId, removed))).run();
  linkVacancies(ctx, fair.id, before.id, added);
  ctx.audit({ action: 'fairs.updateParticipation', entityType: 'fair', entityId: fair.id, before, after, detail: { added, removed } });
  return fairView(ctx, fair);
}
