import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { contract, type GuidanceEventAttendanceView, type GuidanceEventView, type ParsedInputOf, type TimelineEvent } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { eventDoor, eventProblems, GUIDANCE_EVENT_KINDS, labelOf } from '../../shared/domain/guidance';
import { parseIdNumber } from '../../shared/domain/id-number';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { ID_NUMBER_MESSAGES } from '../../shared/labels/zh-CN';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { guidanceEventAttendances, guidanceEvents, persons, users } from '../schema';
import { inputError } from '../validation';
import { requireCounselor } from './guidance-records';
import { register } from './persons';
import { createdStamps } from './row-stamps';
import { fairCheckInGraceDays } from './settings';

type EventRow = typeof guidanceEvents.$inferSelect;
type AttendanceRow = typeof guidanceEventAttendances.$inferSelect;

const FIELD_LABELS: Record<string, string> = { title: '活动名称', eventDate: '活动日期', startTime: '开始时间', endTime: '结束时间', capacity: '名额' };

function eventViews(ctx: ServiceContext, rows: EventRow[]): GuidanceEventView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const ids = rows.map((r) => r.id);
  const counts = new Map(
    db.select({ id: guidanceEventAttendances.eventId, n: sql<number>`count(*)` }).from(guidanceEventAttendances).where(inArray(guidanceEventAttendances.eventId, ids)).groupBy(guidanceEventAttendances.eventId).all().map((c) => [c.id, c.n]),
  );
  const names = new Map(db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.map((r) => r.counselorUserId))])).all().map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id, kind: r.kind, kindLabel: labelOf(GUIDANCE_EVENT_KINDS, r.kind), title: r.title, eventDate: r.eventDate, startTime: r.startTime, endTime: r.endTime, place: r.place,
    counselorUserId: r.counselorUserId, counselorName: names.get(r.counselorUserId) ?? '', capacity: r.capacity, notes: r.notes, attended: counts.get(r.id) ?? 0, version: r.version,
  }));
}

function attendanceViews(ctx: ServiceContext, rows: AttendanceRow[]): GuidanceEventAttendanceView[] {
  if (rows.length === 0) return [];
  const people = new Map(
    ctx.database().db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, phone: persons.phone }).from(persons).where(inArray(persons.id, rows.map((r) => r.personId))).all().map((p) => [p.id, p]),
  );
  return rows.map((r) => {
    const p = people.get(r.personId)!;
    return {
      id: r.id, eventId: r.eventId, personId: r.personId, personName: p.name, idNumberMasked: maskIdNumber(p.idNumber), phoneMasked: p.phone ? maskPhone(p.phone) : null,
      checkedInAt: r.checkedInAt, lateEntry: r.lateEntry, registeredAtDoor: r.registeredAtDoor,
    };
  });
}

function requireEvent(ctx: ServiceContext, id: number): EventRow {
  const row = ctx.database().db.select().from(guidanceEvents).where(eq(guidanceEvents.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的团体指导活动`);
  return row;
}

/** 新建团体指导活动: checked whole by the domain's rules; refused with every field in error named. */
export function createEvent(ctx: ServiceContext, input: ParsedInputOf<'guidance.createEvent'>): GuidanceEventView {
  const actor = requireAccount(ctx, '新建团体指导活动需要以个人账号登录').userId;
  const counselorUserId = requireCounselor(ctx, actor, input.counselorUserId);
  const draft = { title: input.title, eventDate: input.eventDate, startTime: input.startTime, endTime: input.endTime || null, capacity: input.capacity };
  const problems = eventProblems(draft, ctx.today);
  if (Object.keys(problems).length > 0) {
    throw new AppError('BAD_INPUT', Object.entries(problems).map(([field, message]) => `${FIELD_LABELS[field] ?? field}：${message}`).join('；'), { fields: problems });
  }
  const row = ctx
    .database()
    .db.insert(guidanceEvents)
    .values({ kind: input.kind, ...draft, title: draft.title.trim(), place: input.place, counselorUserId, notes: input.notes?.trim() || null, ...createdStamps(ctx, actor) })
    .returning()
    .get();
  ctx.audit({ action: 'guidance.createEvent', entityType: 'guidance_event', entityId: row.id, after: row });
  return eventViews(ctx, [row])[0]!;
}

/** Newest first, optionally within days. */
export function events(ctx: ServiceContext, input: ParsedInputOf<'guidance.events'>) {
  const { db } = ctx.database();
  const where = and(input.from ? gte(guidanceEvents.eventDate, input.from) : undefined, input.to ? lte(guidanceEvents.eventDate, input.to) : undefined);
  const total = db.select({ n: sql<number>`count(*)` }).from(guidanceEvents).where(where).get()!.n;
  const rows = db.select().from(guidanceEvents).where(where).orderBy(desc(guidanceEvents.eventDate), desc(guidanceEvents.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: eventViews(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

/** The event and who signed in, latest first. */
export function event(ctx: ServiceContext, input: ParsedInputOf<'guidance.event'>) {
  const row = requireEvent(ctx, input.id);
  const rows = ctx.database().db.select().from(guidanceEventAttendances).where(eq(guidanceEventAttendances.eventId, row.id)).orderBy(desc(guidanceEventAttendances.checkedInAt), desc(guidanceEventAttendances.id)).all();
  return { event: eventViews(ctx, [row])[0]!, attendances: attendanceViews(ctx, rows) };
}

/** An unknown person is registered through the registry's own service, with all its checks, as at a fair's door. */
function registerAtDoor(ctx: ServiceContext, input: ParsedInputOf<'guidance.eventCheckIn'>): number {
  if (!input.name) {
    throw new AppError('NOT_FOUND', '该身份证号尚未登记，请填写姓名和手机号码后登记签到', { fields: { name: '请填写姓名' }, details: { kind: 'unknownPerson' } });
  }
  if (!ctx.actor?.permissions.includes('persons.write')) throw new AppError('FORBIDDEN', '该人员尚未登记，您没有新建人员档案的权限，请由前台登记后再签到');
  const spec = contract['persons.register'];
  const parsed = spec.input.safeParse({ idNumber: input.idNumber, name: input.name, ...(input.phone ? { phone: input.phone } : {}) });
  if (!parsed.success) throw inputError(parsed.error, spec.labels);
  return register(ctx, parsed.data).id;
}

/**
 * 签到: the number an ID-card reader typed. Open on the event's day; after it
 * only as 补录 within the fair's days of 补登记; once per person; never past
 * the seats. An unknown valid number with a name is registered first.
 */
export function checkIn(ctx: ServiceContext, input: ParsedInputOf<'guidance.eventCheckIn'>): { attendance: GuidanceEventAttendanceView; personRegistered: boolean } {
  const { db } = ctx.database();
  const row = requireEvent(ctx, input.eventId);
  const door = eventDoor(row, ctx.today, fairCheckInGraceDays(db));
  if (!door.open) throw new AppError('CONFLICT', door.refusal);
  const parsed = parseIdNumber(input.idNumber, ctx.today);
  if (!parsed.ok) throw fieldError('idNumber', ID_NUMBER_MESSAGES[parsed.problem], '身份证号');
  const found = db.select({ id: persons.id, name: persons.name, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.idNumber, parsed.idNumber)).get();
  // A number of a record merged into another signs in the record that was kept.
  const known = found?.mergedIntoId ? db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.id, found.mergedIntoId)).get() : found;
  if (known) {
    const first = db.select({ at: guidanceEventAttendances.checkedInAt }).from(guidanceEventAttendances).where(and(eq(guidanceEventAttendances.eventId, row.id), eq(guidanceEventAttendances.personId, known.id))).get();
    if (first) throw new AppError('DUPLICATE', `${known.name}已签到（${formatOfficeTimestamp(first.at)}），无需重复签到`, { details: { personId: known.id, checkedInAt: first.at } });
  }
  const taken = db.select({ n: sql<number>`count(*)` }).from(guidanceEventAttendances).where(eq(guidanceEventAttendances.eventId, row.id)).get()!.n;
  if (taken >= row.capacity) throw new AppError('CONFLICT', `活动名额已满（${row.capacity}人），不能再签到`);
  const personRegistered = !known;
  const personId = known?.id ?? registerAtDoor(ctx, input);
  const attendance = db
    .insert(guidanceEventAttendances)
    .values({ eventId: row.id, personId, checkedInAt: ctx.now.toISOString(), lateEntry: door.lateEntry, registeredAtDoor: personRegistered, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'guidance.eventCheckIn', entityType: 'guidance_event', entityId: row.id, after: attendance, detail: { attendanceId: attendance.id, personId, personRegistered, lateEntry: door.lateEntry } });
  return { attendance: attendanceViews(ctx, [attendance])[0]!, personRegistered };
}

/** The person's timeline: the group events attended (on the event's day, also when recorded later as 补录). */
export function personEventEvents(ctx: ServiceContext, personId: number): TimelineEvent[] {
  return ctx
    .database()
    .db.select({ a: guidanceEventAttendances, e: guidanceEvents, actor: users.displayName })
    .from(guidanceEventAttendances)
    .innerJoin(guidanceEvents, eq(guidanceEvents.id, guidanceEventAttendances.eventId))
    .leftJoin(users, eq(users.id, guidanceEvents.counselorUserId))
    .where(eq(guidanceEventAttendances.personId, personId))
    .orderBy(desc(guidanceEvents.eventDate), asc(guidanceEventAttendances.id))
    .limit(50)
    .all()
    .map(({ a, e, actor }) => ({
      at: a.lateEntry ? e.eventDate : a.checkedInAt,
      title: `参加团体指导：${labelOf(GUIDANCE_EVENT_KINDS, e.kind)}“${e.title}”（${e.eventDate}）`,
      detail: [e.place, a.lateEntry ? '补录' : null].filter(Boolean).join(' · '),
      actor,
    }));
}
