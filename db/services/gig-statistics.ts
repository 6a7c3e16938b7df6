import { and, between, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { GigStatisticsRow, ParsedInputOf, TimelineSection } from '../../shared/contract';
import { GIG_DISPATCH_STATUSES, gigLabel, payText } from '../../shared/domain/gig';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { gigDemands, gigDispatches, gigWorkers } from '../schema';
import { averageOf } from './gig-workers';
import { divisionNames } from './person-view';

type Totals = Omit<GigStatisticsRow, 'day' | 'townshipCode' | 'townshipName'>;

/**
 * 每日统计 of the gig market, per day and the township of the demand:
 * demands posted that day, people dispatched that day, dispatches completed
 * that day, and the two average ratings of the dispatches completed that day.
 */
export function statistics(ctx: ServiceContext, input: ParsedInputOf<'gig.statistics'>): { from: string; to: string; rows: GigStatisticsRow[]; total: Totals } {
  if (input.to < input.from) throw new AppError('BAD_INPUT', `统计止日不能早于起日（${input.from}）`, { fields: { to: '统计止日不能早于起日' } });
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const posted = db.select({ day: gigDemands.postedOn, township: gigDemands.townshipCode }).from(gigDemands).where(between(gigDemands.postedOn, input.from, input.to)).all();
  const moves = db.select({ d: gigDispatches, township: gigDemands.townshipCode }).from(gigDispatches).innerJoin(gigDemands, eq(gigDemands.id, gigDispatches.demandId))
    .where(and(ne(gigDispatches.status, 'cancelled'), or(between(gigDispatches.dispatchedOn, input.from, input.to), between(gigDispatches.completedOn, input.from, input.to)))).all();
  const cells = new Map<string, { posted: number; dispatched: number; completed: number; workerRatings: (number | null)[]; demandRatings: (number | null)[] }>();
  const cell = (day: string, township: string) => {
    const key = `${day}|${township}`;
    if (!cells.has(key)) cells.set(key, { posted: 0, dispatched: 0, completed: 0, workerRatings: [], demandRatings: [] });
    return cells.get(key)!;
  };
  const inRange = (day: string | null): day is string => day !== null && day >= input.from && day <= input.to;
  for (const p of posted) cell(p.day, p.township).posted += 1;
  for (const { d, township } of moves) {
    if (inRange(d.dispatchedOn)) cell(d.dispatchedOn, township).dispatched += 1;
    if (d.status === 'completed' && inRange(d.completedOn)) {
      const c = cell(d.completedOn, township);
      c.completed += 1;
      c.workerRatings.push(d.workerRating);
      c.demandRatings.push(d.demandRating);
    }
  }
  const rows = [...cells.entries()].map(([key, c]) => {
    const [day, townshipCode] = key.split('|') as [string, string];
    return {
      day, townshipCode, townshipName: names.get(townshipCode) ?? null, demandsPosted: c.posted, peopleDispatched: c.dispatched, completed: c.completed,
      averageWorkerRating: averageOf(c.workerRatings), averageDemandRating: averageOf(c.demandRatings),
    };
  }).sort((a, b) => (a.day === b.day ? a.townshipCode.localeCompare(b.townshipCode) : a.day < b.day ? 1 : -1));
  const all = [...cells.values()];
  const total: Totals = {
    demandsPosted: all.reduce((n, c) => n + c.posted, 0), peopleDispatched: all.reduce((n, c) => n + c.dispatched, 0), completed: all.reduce((n, c) => n + c.completed, 0),
    averageWorkerRating: averageOf(all.flatMap((c) => c.workerRatings)), averageDemandRating: averageOf(all.flatMap((c) => c.demandRatings)),
  };
  return { from: input.from, to: input.to, rows, total };
}

/** The person's gig work on the timeline: each dispatch with its demand, completion and ratings, newest first. */
export function gigTimelineEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const { db } = ctx.database();
  const worker = db.select({ id: gigWorkers.id, createdAt: gigWorkers.createdAt }).from(gigWorkers).where(eq(gigWorkers.personId, personId)).get();
  if (!worker) return [];
  const rows = db.select({ d: gigDispatches, demand: gigDemands }).from(gigDispatches).innerJoin(gigDemands, eq(gigDemands.id, gigDispatches.demandId))
    .where(inArray(gigDispatches.workerId, [worker.id])).orderBy(desc(gigDemands.workDate), desc(gigDispatches.id)).limit(50).all();
  const names = divisionNames(ctx);
  return [
    ...rows.map(({ d, demand }) => ({
      at: d.updatedAt,
      title: `零工：${demand.task}（${demand.workDate} ${demand.startTime}–${demand.endTime}，${gigLabel(GIG_DISPATCH_STATUSES, d.status)}）`,
      detail: [
        names.get(demand.townshipCode) ?? null, payText(demand.payFen, demand.payUnit), `派单 ${d.dispatchedOn}`, d.completedOn ? `完工 ${d.completedOn}` : null,
        d.workerRating !== null ? `需求方评价 ${d.workerRating}分` : null, d.demandRating !== null ? `本人评价需求 ${d.demandRating}分` : null,
      ].filter(Boolean).join(' · '),
      actor: null,
    })),
    { at: worker.createdAt, title: '登记为零工', detail: null, actor: null },
  ];
}
