import { and, eq, inArray, ne } from 'drizzle-orm';
import type { GigDemandView, GigMatchesView, ParsedInputOf } from '../../shared/contract';
import { dispatchProblem, type DayPart, type GigWhen, type Weekday } from '../../shared/domain/gig';
import { rankGigWorkers, type GigMatchDemand, type GigMatchWorker } from '../../shared/domain/gig-matching';
import { maskPhone } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { gigDemands, gigDispatches, gigWorkers, persons } from '../schema';
import { demandViews, requireDemand, type GigDemandRow, type GigDispatchRow } from './gig-demands';
import { parseList, type GigWorkerRow } from './gig-workers';
import { divisionNames } from './person-view';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

/** Each worker's dispatches (not cancelled) on `workDate`, with the demand's hours and task. */
function busyOn(ctx: ServiceContext, workDate: string, workerIds: number[]): Map<number, (GigWhen & { task: string })[]> {
  const busy = new Map<number, (GigWhen & { task: string })[]>();
  if (workerIds.length === 0) return busy;
  const rows = ctx.database().db.select({ workerId: gigDispatches.workerId, workDate: gigDemands.workDate, startTime: gigDemands.startTime, endTime: gigDemands.endTime, task: gigDemands.task })
    .from(gigDispatches).innerJoin(gigDemands, eq(gigDemands.id, gigDispatches.demandId))
    .where(and(eq(gigDemands.workDate, workDate), ne(gigDispatches.status, 'cancelled'), inArray(gigDispatches.workerId, workerIds))).all();
  for (const { workerId, ...when } of rows) busy.set(workerId, [...(busy.get(workerId) ?? []), when]);
  return busy;
}

function matchDemand(ctx: ServiceContext, d: GigDemandRow, names: Map<string, string>): GigMatchDemand {
  return { ...d, skills: parseList<string>(d.skills), townshipName: names.get(d.townshipCode) ?? null };
}

function matchWorker(w: GigWorkerRow, names: Map<string, string>, busy: Map<number, (GigWhen & { task: string })[]>): GigMatchWorker {
  return {
    workerId: w.id, skills: parseList<string>(w.skills), occupationCode: w.occupationCode, townshipCode: w.townshipCode, townshipName: names.get(w.townshipCode) ?? null,
    availableDays: parseList<Weekday>(w.availableDays), dayParts: parseList<DayPart>(w.dayParts), busy: busy.get(w.id) ?? [],
  };
}

/** 零工匹配: the active workers who agreed to be contacted, ranked for the demand by the pure rule in shared/domain/gig-matching.ts. */
export function matches(ctx: ServiceContext, input: ParsedInputOf<'gig.matches'>): GigMatchesView {
  const { db } = ctx.database();
  const demand = requireDemand(ctx, input.demandId);
  const names = divisionNames(ctx);
  const pool = db.select({ w: gigWorkers, name: persons.name, phone: persons.phone }).from(gigWorkers).innerJoin(persons, eq(persons.id, gigWorkers.personId))
    .where(and(eq(gigWorkers.status, 'active'), eq(gigWorkers.contactConsent, true))).all();
  const sent = new Set(db.select({ workerId: gigDispatches.workerId }).from(gigDispatches).where(and(eq(gigDispatches.demandId, demand.id), ne(gigDispatches.status, 'cancelled'))).all().map((r) => r.workerId));
  const candidates = pool.filter(({ w }) => !sent.has(w.id));
  const busy = busyOn(ctx, demand.workDate, candidates.map(({ w }) => w.id));
  const result = rankGigWorkers(matchDemand(ctx, demand, names), candidates.map(({ w }) => matchWorker(w, names, busy)));
  const byId = new Map(candidates.map((c) => [c.w.id, c]));
  return {
    demand: demandViews(ctx, [demand])[0]!,
    ranked: result.ranked.slice(0, 50).map((m) => {
      const c = byId.get(m.workerId)!;
      return { ...m, personId: c.w.personId, personName: c.name, phoneMasked: c.phone ? maskPhone(c.phone) : null, townshipName: names.get(c.w.townshipCode) ?? null, skills: parseList<string>(c.w.skills) };
    }),
    excluded: result.excluded.map((e) => ({ ...e, personName: byId.get(e.workerId)!.name })),
  };
}

const DISPATCH_LABELS = { demandId: '零工需求', workerId: '零工人员' };

/** 派单: never more people than the demand asks for, never one person to two demands at the same time. */
export function dispatch(ctx: ServiceContext, input: ParsedInputOf<'gig.dispatch'>): GigDemandView {
  const { db } = ctx.database();
  const demand = requireDemand(ctx, input.demandId);
  const worker = db.select().from(gigWorkers).where(eq(gigWorkers.id, input.workerId)).get();
  if (!worker) refuseProblems({ workerId: `没有编号为 ${input.workerId} 的零工登记` }, DISPATCH_LABELS);
  if (!worker!.contactConsent) refuseProblems({ workerId: '此人未同意接受零工联系，不能派单' }, DISPATCH_LABELS);
  if (worker!.status !== 'active') refuseProblems({ workerId: '此人已暂停接单' }, DISPATCH_LABELS);
  if (demand.workDate < ctx.today) refuseProblems({ demandId: `用工日期${demand.workDate}已过，不能再派单` }, DISPATCH_LABELS);
  const dispatched = db.select({ id: gigDispatches.id }).from(gigDispatches).where(and(eq(gigDispatches.demandId, demand.id), ne(gigDispatches.status, 'cancelled'))).all().length;
  const busy = busyOn(ctx, demand.workDate, [worker!.id]).get(worker!.id) ?? [];
  const problem = dispatchProblem({ ...demand, dispatched, cancelled: demand.status === 'cancelled' }, busy);
  if (problem) refuseProblems({ [problem.field]: problem.message }, DISPATCH_LABELS);
  const names = divisionNames(ctx);
  const scored = rankGigWorkers(matchDemand(ctx, demand, names), [{ ...matchWorker(worker!, names, new Map()), availableDays: [1, 2, 3, 4, 5, 6, 7] }]).ranked[0];
  db.insert(gigDispatches).values({ demandId: demand.id, workerId: worker!.id, dispatchedOn: ctx.today, matchScore: scored?.score ?? null, ...createdStamps(ctx) }).run();
  ctx.audit({ action: 'gig.dispatch', entityType: 'person', entityId: worker!.personId, detail: { gigDemandId: demand.id, onDate: demand.workDate } });
  return demandViews(ctx, [demand])[0]!;
}

function requireDispatch(ctx: ServiceContext, id: number): GigDispatchRow {
  const row = ctx.database().db.select().from(gigDispatches).where(eq(gigDispatches.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的派单记录`);
  return row;
}

const CONFLICT = '该派单记录已被他人更新，请刷新后重试';

/** 完工: on or after the work date, once. */
export function complete(ctx: ServiceContext, input: ParsedInputOf<'gig.complete'>): GigDemandView {
  const row = requireDispatch(ctx, input.dispatchId);
  const demand = requireDemand(ctx, row.demandId);
  if (row.status !== 'dispatched') throw new AppError('CONFLICT', row.status === 'completed' ? `已于${row.completedOn}完工` : '该派单已取消');
  if (demand.workDate > ctx.today) refuseProblems({ dispatchId: `用工日期${demand.workDate}还没到，不能标记完工` }, { dispatchId: '派单' });
  updateVersioned(ctx, gigDispatches, row, input.version, { status: 'completed', completedOn: ctx.today }, CONFLICT);
  ctx.audit({ action: 'gig.complete', entityType: 'gig_demand', entityId: demand.id, detail: { gigDemandId: demand.id, onDate: ctx.today } });
  return demandViews(ctx, [demand])[0]!;
}

/** 双向评价: after completion, each side once (the demander rates the worker, the worker rates the demand). */
export function rate(ctx: ServiceContext, input: ParsedInputOf<'gig.rate'>): GigDemandView {
  const row = requireDispatch(ctx, input.dispatchId);
  if (row.status !== 'completed') refuseProblems({ dispatchId: '完工后才能评价' }, { dispatchId: '派单' });
  const given = input.side === 'worker' ? row.workerRating : row.demandRating;
  if (given !== null) throw new AppError('CONFLICT', input.side === 'worker' ? `需求方已评价此零工（${given}分）` : `零工已评价此需求（${given}分）`);
  updateVersioned(ctx, gigDispatches, row, input.version, input.side === 'worker' ? { workerRating: input.rating } : { demandRating: input.rating }, CONFLICT);
  ctx.audit({ action: 'gig.rate', entityType: 'gig_demand', entityId: row.demandId, detail: { gigDemandId: row.demandId, gigRatedSide: input.side, gigRating: input.rating } });
  return demandViews(ctx, [requireDemand(ctx, row.demandId)])[0]!;
}
