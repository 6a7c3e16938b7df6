import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { GigDemandView, GigDispatchView, ParsedInputOf } from '../../shared/contract';
import { GIG_DEMAND_SOURCES, GIG_DISPATCH_STATUSES, demandProblems, gigLabel, payText } from '../../shared/domain/gig';
import { maskPhone } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { enterprises, gigDemands, gigDispatches, gigWorkers, persons } from '../schema';
import { parseList, requireCountyTownship } from './gig-workers';
import { divisionNames } from './person-view';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

export type GigDemandRow = typeof gigDemands.$inferSelect;
export type GigDispatchRow = typeof gigDispatches.$inferSelect;

function dispatchViews(ctx: ServiceContext, rows: GigDispatchRow[]): GigDispatchView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const people = new Map(db.select({ workerId: gigWorkers.id, personId: persons.id, name: persons.name, phone: persons.phone }).from(gigWorkers)
    .innerJoin(persons, eq(persons.id, gigWorkers.personId)).where(inArray(gigWorkers.id, [...new Set(rows.map((r) => r.workerId))])).all().map((p) => [p.workerId, p]));
  return rows.map((r) => {
    const p = people.get(r.workerId)!;
    return {
      id: r.id, demandId: r.demandId, workerId: r.workerId, personId: p.personId, personName: p.name, phoneMasked: p.phone ? maskPhone(p.phone) : null,
      dispatchedOn: r.dispatchedOn, matchScore: r.matchScore, status: r.status, statusLabel: gigLabel(GIG_DISPATCH_STATUSES, r.status),
      completedOn: r.completedOn, workerRating: r.workerRating, demandRating: r.demandRating, version: r.version,
    };
  });
}

export function demandViews(ctx: ServiceContext, rows: GigDemandRow[]): GigDemandView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const enterpriseIds = rows.map((r) => r.enterpriseId).filter((id): id is number => id !== null);
  const firms = new Map(enterpriseIds.length ? db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, enterpriseIds)).all().map((e) => [e.id, e.name]) : []);
  const dispatches = dispatchViews(ctx, db.select().from(gigDispatches).where(inArray(gigDispatches.demandId, rows.map((r) => r.id))).orderBy(asc(gigDispatches.id)).all());
  return rows.map((r) => {
    const own = dispatches.filter((d) => d.demandId === r.id);
    return {
      id: r.id, source: r.source, sourceLabel: gigLabel(GIG_DEMAND_SOURCES, r.source), enterpriseId: r.enterpriseId,
      demanderName: r.enterpriseId !== null ? (firms.get(r.enterpriseId) ?? '') : (r.contactName ?? ''), contactPhoneMasked: r.contactPhone ? maskPhone(r.contactPhone) : null,
      task: r.task, skills: parseList<string>(r.skills), occupationCode: r.occupationCode, townshipCode: r.townshipCode, townshipName: names.get(r.townshipCode) ?? null,
      address: r.address, workDate: r.workDate, startTime: r.startTime, endTime: r.endTime, payFen: r.payFen, payUnit: r.payUnit, payText: payText(r.payFen, r.payUnit),
      peopleNeeded: r.peopleNeeded, dispatched: own.filter((d) => d.status !== 'cancelled').length, completed: own.filter((d) => d.status === 'completed').length,
      postedOn: r.postedOn, status: r.status, cancelReason: r.cancelReason, dispatches: own, version: r.version,
    };
  });
}

export function requireDemand(ctx: ServiceContext, id: number): GigDemandRow {
  const row = ctx.database().db.select().from(gigDemands).where(eq(gigDemands.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的零工需求`, { fields: { demandId: '需求不存在' } });
  return row;
}

/** The demands by work date (newest first), 300 at most; without dates, from 7 days back on. */
export function demands(ctx: ServiceContext, input: ParsedInputOf<'gig.demands'>): GigDemandView[] {
  const { db } = ctx.database();
  const where = and(
    input.from ? gte(gigDemands.workDate, input.from) : undefined,
    input.to ? lte(gigDemands.workDate, input.to) : undefined,
    input.townshipCode ? eq(gigDemands.townshipCode, input.townshipCode) : undefined,
  );
  return demandViews(ctx, db.select().from(gigDemands).where(where).orderBy(desc(gigDemands.workDate), asc(gigDemands.startTime), asc(gigDemands.id)).limit(300).all());
}

const DEMAND_LABELS = {
  enterpriseId: '用工企业', contactName: '联系人', contactPhone: '联系电话', workDate: '用工日期', endTime: '结束时间', payFen: '报酬', peopleNeeded: '需要人数', townshipCode: '用工乡镇（街道）',
};

/** 发布零工需求: checked whole (date not past, pay above 0, at least one person); nothing is written when anything is wrong. */
export function postDemand(ctx: ServiceContext, input: ParsedInputOf<'gig.postDemand'>): GigDemandView {
  const { db } = ctx.database();
  refuseProblems(demandProblems(input, ctx.today), DEMAND_LABELS);
  requireCountyTownship(ctx, input.townshipCode, 'townshipCode', DEMAND_LABELS.townshipCode);
  if (input.source === 'enterprise' && !db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId!)).get()) {
    refuseProblems({ enterpriseId: `没有编号为 ${input.enterpriseId} 的企业` }, DEMAND_LABELS);
  }
  const household = input.source === 'household';
  const row = db.insert(gigDemands).values({
    source: input.source, enterpriseId: household ? null : input.enterpriseId!, contactName: household ? input.contactName!.trim() : (input.contactName?.trim() || null),
    contactPhone: input.contactPhone?.replace(/[\s-]/g, '') || null, task: input.task.trim(), skills: JSON.stringify([...new Set(input.skills.map((s) => s.trim()).filter(Boolean))]),
    occupationCode: input.occupationCode ?? null, townshipCode: input.townshipCode, address: input.address.trim(), workDate: input.workDate, startTime: input.startTime, endTime: input.endTime,
    payFen: input.payFen, payUnit: input.payUnit, peopleNeeded: input.peopleNeeded, postedOn: ctx.today, ...createdStamps(ctx),
  }).returning().get();
  ctx.audit({ action: 'gig.postDemand', entityType: 'gig_demand', entityId: row.id, detail: { name: row.task, onDate: row.workDate, townshipCode: row.townshipCode, count: row.peopleNeeded } });
  return demandViews(ctx, [row])[0]!;
}

/**
 * 撤销: the demand stays on record as cancelled, with the reason; its dispatches
 * not yet completed are cancelled with it (the workers are free again), the
 * completed ones and their ratings stay.
 */
export function cancelDemand(ctx: ServiceContext, input: ParsedInputOf<'gig.cancelDemand'>): GigDemandView {
  const { db } = ctx.database();
  const row = requireDemand(ctx, input.demandId);
  if (row.status === 'cancelled') throw new AppError('CONFLICT', `该需求已撤销（${row.cancelReason ?? ''}）`);
  const after = updateVersioned(ctx, gigDemands, row, input.version, { status: 'cancelled', cancelReason: input.reason.trim() }, '该零工需求已被他人修改，请刷新后重试');
  for (const d of db.select().from(gigDispatches).where(and(eq(gigDispatches.demandId, row.id), eq(gigDispatches.status, 'dispatched'))).all()) {
    updateVersioned(ctx, gigDispatches, d, d.version, { status: 'cancelled' }, '该派单记录已被他人更新，请刷新后重试');
  }
  ctx.audit({ action: 'gig.cancelDemand', entityType: 'gig_demand', entityId: row.id, detail: { reason: input.reason.trim() } });
  return demandViews(ctx, [after])[0]!;
}
