import { and, asc, eq, inArray } from 'drizzle-orm';
import type { GigWorkerView, ParsedInputOf } from '../../shared/contract';
import type { DayPart, Weekday } from '../../shared/domain/gig';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { gigDispatches, gigWorkers, persons } from '../schema';
import { divisionNames } from './person-view';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

export type GigWorkerRow = typeof gigWorkers.$inferSelect;

export const parseList = <T>(json: string): T[] => JSON.parse(json) as T[];
const tidyTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** Averages to one decimal; null when there is nothing to average. */
export function averageOf(values: readonly (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null);
  return given.length === 0 ? null : Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10;
}

export function workerViews(ctx: ServiceContext, rows: GigWorkerRow[]): GigWorkerView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const ids = rows.map((r) => r.id);
  const people = new Map(db.select().from(persons).where(inArray(persons.id, rows.map((r) => r.personId))).all().map((p) => [p.id, p]));
  const done = db.select({ workerId: gigDispatches.workerId, rating: gigDispatches.workerRating }).from(gigDispatches)
    .where(and(inArray(gigDispatches.workerId, ids), eq(gigDispatches.status, 'completed'))).all();
  return rows.map((r) => {
    const person = people.get(r.personId)!;
    const own = done.filter((d) => d.workerId === r.id);
    return {
      id: r.id, personId: r.personId, personName: person.name, idNumberMasked: maskIdNumber(person.idNumber), phoneMasked: person.phone ? maskPhone(person.phone) : null,
      skills: parseList<string>(r.skills), occupationCode: r.occupationCode, availableDays: parseList<Weekday>(r.availableDays), dayParts: parseList<DayPart>(r.dayParts),
      townshipCode: r.townshipCode, townshipName: names.get(r.townshipCode) ?? null, contactConsent: r.contactConsent, consentOn: r.consentOn, status: r.status,
      completed: own.length, averageRating: averageOf(own.map((d) => d.rating)), version: r.version,
    };
  });
}

export function workers(ctx: ServiceContext, input: ParsedInputOf<'gig.workers'>): GigWorkerView[] {
  const { db } = ctx.database();
  const where = input.townshipCode ? eq(gigWorkers.townshipCode, input.townshipCode) : undefined;
  return workerViews(ctx, db.select().from(gigWorkers).where(where).orderBy(asc(gigWorkers.id)).limit(1000).all());
}

const LABELS = { personId: '人员', townshipCode: '所在乡镇（街道）' };

/** A township of this county, refused in words otherwise. */
export function requireCountyTownship(ctx: ServiceContext, code: string, field: string, label: string): void {
  if (!divisionNames(ctx).has(code) || code.length !== 9) refuseProblems({ [field]: '请从本县的乡镇（街道）中选择' }, { [field]: label });
}

function fieldsOf(ctx: ServiceContext, input: ParsedInputOf<'gig.registerWorker'>, consentWas: { consent: boolean; on: string | null } | null) {
  requireCountyTownship(ctx, input.townshipCode, 'townshipCode', LABELS.townshipCode);
  const skills = tidyTags(input.skills);
  if (skills.length === 0) refuseProblems({ skills: '至少填写一项技能' }, { skills: '技能' });
  // The day of consent stays the first day it was given, until it is withdrawn.
  const consentOn = input.contactConsent ? (consentWas?.consent ? consentWas.on : ctx.today) : null;
  return {
    skills: JSON.stringify(skills), occupationCode: input.occupationCode ?? null,
    availableDays: JSON.stringify([...new Set(input.availableDays)].sort()), dayParts: JSON.stringify([...new Set(input.dayParts)]),
    townshipCode: input.townshipCode, contactConsent: input.contactConsent, consentOn,
  };
}

/** 零工登记: one gig profile per person of the registry. */
export function registerWorker(ctx: ServiceContext, input: ParsedInputOf<'gig.registerWorker'>): GigWorkerView {
  const { db } = ctx.database();
  const person = db.select().from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) refuseProblems({ personId: `没有编号为 ${input.personId} 的人员档案` }, LABELS);
  if (person!.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person!.mergedIntoId} 的档案，请在保留的档案上登记`);
  const existing = db.select({ id: gigWorkers.id }).from(gigWorkers).where(eq(gigWorkers.personId, person!.id)).get();
  if (existing) refuseProblems({ personId: `${person!.name}已有零工登记（编号 ${existing.id}），请修改原登记` }, LABELS);
  const row = db.insert(gigWorkers).values({ personId: person!.id, ...fieldsOf(ctx, input, null), ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'gig.registerWorker', entityType: 'person', entityId: person!.id, detail: { townshipCode: row.townshipCode } });
  return workerViews(ctx, [row])[0]!;
}

export function updateWorker(ctx: ServiceContext, input: ParsedInputOf<'gig.updateWorker'>): GigWorkerView {
  const { db } = ctx.database();
  const row = db.select().from(gigWorkers).where(eq(gigWorkers.id, input.workerId)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.workerId} 的零工登记`);
  const changes = { ...fieldsOf(ctx, { ...input, personId: row.personId }, { consent: row.contactConsent, on: row.consentOn }), status: input.status };
  const after = updateVersioned(ctx, gigWorkers, row, input.version, changes, '该零工登记已被他人修改，请刷新后重试');
  ctx.audit({ action: 'gig.updateWorker', entityType: 'person', entityId: row.personId, detail: { townshipCode: after.townshipCode } });
  return workerViews(ctx, [after])[0]!;
}
