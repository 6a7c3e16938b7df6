import { and, asc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { ParsedInputOf, StationSummaryRow, StationView } from '../../shared/contract';
import { actorUserId, type ServiceContext } from '../context';
import { townshipsOf, villagesOf } from '../divisions';
import { AppError } from '../errors';
import { readSetting } from '../queries/settings';
import { cases, guidanceSessions, personContacts, persons, stations, users } from '../schema';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

type StationRow = typeof stations.$inferSelect;

const LABELS = { name: '服务站名称', townshipCode: '所在乡镇（街道）', villageCode: '所在村（社区）', address: '地址' };

/** The county's township and village names, from the divisions the desk ships. */
function placeNames(ctx: ServiceContext): { townships: Map<string, string>; villageOf: (townshipCode: string) => Map<string, string> } {
  const divisions = ctx.divisions();
  const county = readSetting(ctx.database().db, 'county_code');
  return {
    townships: new Map(townshipsOf(divisions, county).map((d) => [d.code, d.name])),
    villageOf: (townshipCode) => new Map(villagesOf(divisions, townshipCode).map((d) => [d.code, d.name])),
  };
}

function views(ctx: ServiceContext, rows: StationRow[]): StationView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const places = placeNames(ctx);
  const staff = db.select({ id: users.id, displayName: users.displayName, stationId: users.stationId }).from(users)
    .where(and(isNotNull(users.stationId), eq(users.disabled, false))).orderBy(asc(users.id)).all();
  return rows.map((r) => ({
    id: r.id, name: r.name, townshipCode: r.townshipCode, townshipName: places.townships.get(r.townshipCode) ?? r.townshipCode,
    villageCode: r.villageCode, villageName: r.villageCode ? (places.villageOf(r.townshipCode).get(r.villageCode) ?? r.villageCode) : null,
    address: r.address, status: r.status, staff: staff.filter((s) => s.stationId === r.id).map(({ id, displayName }) => ({ id, displayName })), version: r.version,
  }));
}

/** The station a member of staff belongs to now (null: the bureau's own hall): what a service they record carries. */
export function stationOfStaff(ctx: ServiceContext, userId: number | null): number | null {
  if (userId === null) return null;
  return ctx.database().db.select({ stationId: users.stationId }).from(users).where(eq(users.id, userId)).get()?.stationId ?? null;
}

export function list(ctx: ServiceContext): StationView[] {
  return views(ctx, ctx.database().db.select().from(stations).orderBy(asc(stations.townshipCode), asc(stations.id)).all());
}

/** The signed-in clerk's station (its township defaults the registration form's 居住乡镇), or null. */
export function mine(ctx: ServiceContext): StationView | null {
  const { db } = ctx.database();
  const stationId = db.select({ stationId: users.stationId }).from(users).where(eq(users.id, actorUserId(ctx) ?? -1)).get()?.stationId ?? null;
  if (stationId === null) return null;
  return views(ctx, db.select().from(stations).where(eq(stations.id, stationId)).all())[0] ?? null;
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'stations.create'>): StationView {
  const { db } = ctx.database();
  const places = placeNames(ctx);
  const problems: Record<string, string> = {};
  if (!places.townships.has(input.townshipCode)) problems.townshipCode = `区划代码 ${input.townshipCode} 不是本县的乡镇（街道），请从列表中选择`;
  else if (input.villageCode && !places.villageOf(input.townshipCode).has(input.villageCode)) {
    problems.villageCode = `区划代码 ${input.villageCode} 不是${places.townships.get(input.townshipCode)}的村（社区），请从列表中选择`;
  }
  const name = input.name.trim();
  if (db.select({ id: stations.id }).from(stations).where(eq(stations.name, name)).get()) problems.name = `已有名为“${name}”的就业服务站`;
  refuseProblems(problems, LABELS);
  const row = db.insert(stations).values({ name, townshipCode: input.townshipCode, villageCode: input.villageCode ?? null, address: input.address.trim(), ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'stations.create', entityType: 'station', entityId: row.id, detail: { name: row.name } });
  return views(ctx, [row])[0]!;
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'stations.update'>): StationView {
  const { db } = ctx.database();
  const row = db.select().from(stations).where(eq(stations.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的就业服务站`);
  const name = input.name.trim();
  const other = db.select({ id: stations.id }).from(stations).where(eq(stations.name, name)).get();
  if (other && other.id !== row.id) refuseProblems({ name: `已有名为“${name}”的就业服务站` }, LABELS);
  const after = updateVersioned(ctx, stations, row, input.version, { name, address: input.address.trim(), status: input.status }, '该服务站已被他人修改，请刷新后重试');
  ctx.audit({ action: 'stations.update', entityType: 'station', entityId: row.id, detail: { name, status: input.status } });
  return views(ctx, [after])[0]!;
}

/**
 * The head's breakdown by station for a period: cases accepted (by the
 * station the case carries), guidance sessions and contact records (by the
 * station they carry) and persons registered (by the station the
 * registering account belongs to now — persons do not yet carry a station).
 * The bureau's own hall is the row without a station.
 */
export function summary(ctx: ServiceContext, input: ParsedInputOf<'stations.summary'>): { from: string; to: string; rows: StationSummaryRow[] } {
  if (input.to < input.from) refuseProblems({ to: `统计期止不能早于统计期起（${input.from}）` }, { to: '统计期止' });
  const { db } = ctx.database();
  const accepted = db.select({ stationId: cases.stationId, n: sql<number>`count(*)` }).from(cases)
    .where(and(gte(cases.acceptedOn, input.from), lte(cases.acceptedOn, input.to))).groupBy(cases.stationId).all();
  // created_at is a UTC instant: the office day starts 8 hours earlier.
  const fromInstant = new Date(`${input.from}T00:00:00+08:00`).toISOString();
  const toInstant = new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const registered = db.select({ stationId: users.stationId, n: sql<number>`count(*)` }).from(persons).leftJoin(users, eq(users.id, persons.createdBy))
    .where(and(gte(persons.createdAt, fromInstant), sql`${persons.createdAt} < ${toInstant}`)).groupBy(users.stationId).all();
  const sessions = db.select({ stationId: guidanceSessions.stationId, n: sql<number>`count(*)` }).from(guidanceSessions)
    .where(and(gte(guidanceSessions.sessionDate, input.from), lte(guidanceSessions.sessionDate, input.to))).groupBy(guidanceSessions.stationId).all();
  const contacts = db.select({ stationId: personContacts.stationId, n: sql<number>`count(*)` }).from(personContacts)
    .where(and(gte(personContacts.contactDate, input.from), lte(personContacts.contactDate, input.to))).groupBy(personContacts.stationId).all();
  const all = list(ctx);
  const count = (rows: { stationId: number | null; n: number }[], id: number | null) => rows.find((r) => r.stationId === id)?.n ?? 0;
  const figures = (id: number | null) => ({
    casesAccepted: count(accepted, id), personsRegistered: count(registered, id), guidanceSessions: count(sessions, id), contacts: count(contacts, id),
  });
  const rows: StationSummaryRow[] = all.map((s) => ({ stationId: s.id, stationName: s.name, townshipName: s.townshipName, ...figures(s.id) }));
  rows.push({ stationId: null, stationName: '局办事大厅（未属服务站）', townshipName: '', ...figures(null) });
  return { from: input.from, to: input.to, rows };
}
