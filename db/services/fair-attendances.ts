import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { contract, type FairAttendanceView, type FairIntentionView, type ParsedInputOf, type TimelineEvent } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { labelOf } from '../../shared/domain/enterprise-codes';
import { INTENTION_OUTCOMES } from '../../shared/domain/fair-codes';
import { parseIdNumber } from '../../shared/domain/id-number';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { ID_NUMBER_MESSAGES } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { enterprises, fairAttendances, fairEnterprises, fairIntentions, fairs, fairVacancies, persons, users, vacancies } from '../schema';
import { inputError } from '../validation';
import { countOf, requireFair, requireOpenFair } from './fairs';
import { register } from './persons';
import { createdStamps, updateVersioned } from './row-stamps';
import { checkInRefusal } from '../../shared/domain/fair-check-in';
import { fairCheckInGraceDays } from './settings';

type AttendanceRow = typeof fairAttendances.$inferSelect;

function intentionsOf(ctx: ServiceContext, attendanceIds: number[]): Map<number, FairIntentionView[]> {
  const out = new Map<number, FairIntentionView[]>();
  if (attendanceIds.length === 0) return out;
  const rows = ctx
    .database()
    .db.select({ i: fairIntentions, enterpriseName: enterprises.name, vacancyTitle: vacancies.title })
    .from(fairIntentions)
    .innerJoin(enterprises, eq(enterprises.id, fairIntentions.enterpriseId))
    .leftJoin(vacancies, eq(vacancies.id, fairIntentions.vacancyId))
    .where(inArray(fairIntentions.attendanceId, attendanceIds))
    .orderBy(fairIntentions.id)
    .all();
  for (const { i, enterpriseName, vacancyTitle } of rows) {
    const list = out.get(i.attendanceId) ?? [];
    list.push({ id: i.id, enterpriseId: i.enterpriseId, enterpriseName, vacancyId: i.vacancyId, vacancyTitle, outcome: i.outcome, outcomeOn: i.outcomeOn, note: i.note, version: i.version });
    out.set(i.attendanceId, list);
  }
  return out;
}

function attendanceViews(ctx: ServiceContext, rows: AttendanceRow[]): FairAttendanceView[] {
  if (rows.length === 0) return [];
  const people = new Map(
    ctx.database().db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, phone: persons.phone }).from(persons).where(inArray(persons.id, rows.map((r) => r.personId))).all().map((p) => [p.id, p]),
  );
  const intentions = intentionsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => {
    const p = people.get(r.personId)!;
    return {
      id: r.id, fairId: r.fairId, personId: r.personId, personName: p.name, idNumberMasked: maskIdNumber(p.idNumber), phoneMasked: p.phone ? maskPhone(p.phone) : null,
      checkedInAt: r.checkedInAt, registeredAtDoor: r.registeredAtDoor, intentions: intentions.get(r.id) ?? [],
    };
  });
}

function requireAttendance(ctx: ServiceContext, id: number): AttendanceRow {
  const row = ctx.database().db.select().from(fairAttendances).where(eq(fairAttendances.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的入场记录`);
  return row;
}

/** An unknown person is registered through the registry's own service, with all its checks. */
function registerAtDoor(ctx: ServiceContext, input: ParsedInputOf<'fairs.checkIn'>): number {
  if (!input.name) {
    throw new AppError('NOT_FOUND', '该身份证号尚未登记，请填写姓名和手机号码后登记入场', { fields: { name: '请填写姓名' }, details: { kind: 'unknownPerson' } });
  }
  if (!ctx.actor?.permissions.includes('persons.write')) throw new AppError('FORBIDDEN', '该人员尚未登记，您没有新建人员档案的权限，请由前台登记后再入场');
  const spec = contract['persons.register'];
  const parsed = spec.input.safeParse({ idNumber: input.idNumber, name: input.name, ...(input.phone ? { phone: input.phone } : {}) });
  if (!parsed.success) throw inputError(parsed.error, spec.labels);
  return register(ctx, parsed.data).id;
}

/**
 * 入场登记: the number an ID-card reader typed (or staff keyed). A person on
 * file is checked in once per fair; an unknown valid number with a name is
 * registered first. A second check-in is refused with the time of the first.
 */
export function checkIn(ctx: ServiceContext, input: ParsedInputOf<'fairs.checkIn'>): { attendance: FairAttendanceView; personRegistered: boolean } {
  const { db } = ctx.database();
  const fair = requireOpenFair(ctx, input.fairId, '入场登记');
  const refusal = checkInRefusal(fair, ctx.today, fairCheckInGraceDays(db));
  if (refusal) throw new AppError('CONFLICT', refusal);
  const parsed = parseIdNumber(input.idNumber, ctx.today);
  if (!parsed.ok) throw fieldError('idNumber', ID_NUMBER_MESSAGES[parsed.problem], '身份证号');
  const found = db.select({ id: persons.id, name: persons.name, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.idNumber, parsed.idNumber)).get();
  // A number of a record merged into another checks in the record that was kept.
  const known = found?.mergedIntoId ? db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.id, found.mergedIntoId)).get() : found;
  let personId = known?.id ?? null;
  if (personId !== null) {
    const first = db.select({ at: fairAttendances.checkedInAt }).from(fairAttendances).where(and(eq(fairAttendances.fairId, fair.id), eq(fairAttendances.personId, personId))).get();
    if (first) {
      throw new AppError('DUPLICATE', `${known!.name}已入场（${formatOfficeTimestamp(first.at)}），无需重复登记`, { details: { personId, checkedInAt: first.at } });
    }
  }
  const personRegistered = personId === null;
  personId ??= registerAtDoor(ctx, input);
  const at = ctx.now.toISOString();
  const row = db
    .insert(fairAttendances)
    .values({ fairId: fair.id, personId, checkedInAt: at, registeredAtDoor: personRegistered, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'fairs.checkIn', entityType: 'fair', entityId: fair.id, after: row, detail: { attendanceId: row.id, personId, personRegistered } });
  return { attendance: attendanceViews(ctx, [row])[0]!, personRegistered };
}

/** Latest first, a page at a time: a county fair may see thousands at the door. */
export function attendances(ctx: ServiceContext, input: ParsedInputOf<'fairs.attendances'>) {
  const { db } = ctx.database();
  requireFair(ctx, input.fairId);
  const total = db.select({ n: sql<number>`count(*)` }).from(fairAttendances).where(eq(fairAttendances.fairId, input.fairId)).get()!.n;
  const rows = db.select().from(fairAttendances).where(eq(fairAttendances.fairId, input.fairId)).orderBy(desc(fairAttendances.checkedInAt), desc(fairAttendances.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: attendanceViews(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

export function recordIntention(ctx: ServiceContext, input: ParsedInputOf<'fairs.recordIntention'>): FairAttendanceView {
  const { db } = ctx.database();
  const attendance = requireAttendance(ctx, input.attendanceId);
  const fair = requireOpenFair(ctx, attendance.fairId, '登记达成意向');
  const participation = db.select({ id: fairEnterprises.id }).from(fairEnterprises).where(and(eq(fairEnterprises.fairId, fair.id), eq(fairEnterprises.enterpriseId, input.enterpriseId))).get();
  if (!participation) throw fieldError('enterpriseId', '该企业未参加本场招聘会', '意向企业');
  const vacancyId = input.vacancyId ?? null;
  if (vacancyId !== null) {
    const linked = db.select({ id: fairVacancies.id }).from(fairVacancies).where(and(eq(fairVacancies.fairEnterpriseId, participation.id), eq(fairVacancies.vacancyId, vacancyId))).get();
    if (!linked) throw fieldError('vacancyId', '不是该企业在本场招聘会提供的岗位', '意向岗位');
  }
  const same = db
    .select({ id: fairIntentions.id })
    .from(fairIntentions)
    .where(and(eq(fairIntentions.attendanceId, attendance.id), eq(fairIntentions.enterpriseId, input.enterpriseId), sql`coalesce(${fairIntentions.vacancyId}, 0) = ${vacancyId ?? 0}`))
    .get();
  if (same) throw new AppError('DUPLICATE', '已登记过该企业（岗位）的意向，请在原记录上登记结果');
  const row = db
    .insert(fairIntentions)
    .values({ attendanceId: attendance.id, fairId: fair.id, enterpriseId: input.enterpriseId, vacancyId, note: input.note || null, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'fairs.recordIntention', entityType: 'fair', entityId: fair.id, after: row, detail: { attendanceId: attendance.id, intentionId: row.id } });
  return attendanceViews(ctx, [attendance])[0]!;
}

/** 已录用 / 未录用 (or back to 意向 when recorded in error), dated, never before the fair. */
export function setIntentionOutcome(ctx: ServiceContext, input: ParsedInputOf<'fairs.setIntentionOutcome'>): FairAttendanceView {
  const { db } = ctx.database();
  const before = db.select().from(fairIntentions).where(eq(fairIntentions.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的意向记录`);
  const fair = requireFair(ctx, before.fairId);
  const outcomeOn = input.outcome === 'intention' ? null : (input.outcomeOn ?? ctx.today);
  if (outcomeOn && outcomeOn > ctx.today) throw fieldError('outcomeOn', '结果日期不能晚于今天', '结果日期');
  if (outcomeOn && outcomeOn < fair.startDate) throw fieldError('outcomeOn', '结果日期不能早于招聘会举办日期', '结果日期');
  const after = updateVersioned(
    ctx,
    fairIntentions,
    before,
    input.version,
    { outcome: input.outcome, outcomeOn, note: input.note === undefined ? before.note : input.note || null },
    { message: '该意向记录已被他人修改，您的修改未保存。请刷新后重试。', details: { currentVersion: before.version } },
  );
  ctx.audit({ action: 'fairs.setIntentionOutcome', entityType: 'fair', entityId: fair.id, before, after, detail: { intentionId: after.id, outcome: after.outcome } });
  return attendanceViews(ctx, [requireAttendance(ctx, before.attendanceId)])[0]!;
}

/** The person's timeline: fairs attended, with the intentions and what came of them. */
export function personFairEvents(ctx: ServiceContext, personId: number): TimelineEvent[] {
  const { db } = ctx.database();
  const rows = db
    .select({ a: fairAttendances, fairName: fairs.name, actor: users.displayName })
    .from(fairAttendances)
    .innerJoin(fairs, eq(fairs.id, fairAttendances.fairId))
    .leftJoin(users, eq(users.id, fairAttendances.createdBy))
    .where(eq(fairAttendances.personId, personId))
    .orderBy(desc(fairAttendances.checkedInAt))
    .all();
  const intentions = intentionsOf(ctx, rows.map((r) => r.a.id));
  return rows.map(({ a, fairName, actor }) => ({
    at: a.checkedInAt,
    title: `参加招聘会：${fairName}`,
    detail: (intentions.get(a.id) ?? []).map((i) => `${i.enterpriseName}${i.vacancyTitle ? `·${i.vacancyTitle}` : ''}（${labelOf(INTENTION_OUTCOMES, i.outcome)}）`).join('；') || null,
    actor,
  }));
}

/** The enterprise's timeline: fairs it took part in, with intentions and hires there. */
export function enterpriseFairEvents(ctx: ServiceContext, enterpriseId: number): (TimelineEvent & { link: string | null })[] {
  const { db } = ctx.database();
  const itsIntentions = and(eq(fairIntentions.fairId, fairs.id), eq(fairIntentions.enterpriseId, fairEnterprises.enterpriseId));
  return db
    .select({
      id: fairs.id, name: fairs.name, startDate: fairs.startDate, booth: fairEnterprises.boothNumber,
      vacancies: countOf(db, fairVacancies, eq(fairVacancies.fairEnterpriseId, fairEnterprises.id)),
      intentions: countOf(db, fairIntentions, itsIntentions),
      hires: countOf(db, fairIntentions, and(itsIntentions, eq(fairIntentions.outcome, 'hired'))),
    })
    .from(fairEnterprises)
    .innerJoin(fairs, eq(fairs.id, fairEnterprises.fairId))
    .where(eq(fairEnterprises.enterpriseId, enterpriseId))
    .orderBy(desc(fairs.startDate), desc(fairs.id))
    .all()
    .map((f) => ({ at: f.startDate, title: `招聘会：${f.name}`, detail: `${f.booth ? `展位 ${f.booth}；` : ''}岗位 ${f.vacancies} 个；达成意向 ${f.intentions} 人；录用 ${f.hires} 人`, actor: null, link: `/fairs/${f.id}` }));
}
