import { and, count, desc, eq, gte, isNull, min, notExists, sql } from 'drizzle-orm';
import type { ContactView, FollowUpDueItem, ParsedInputOf } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/masking';
import { contactChannelLabel, contactDateProblem, contactKindLabel } from '../../shared/domain/person-contacts';
import { ROLE_PERMISSIONS, ROLES } from '../../shared/roles';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { cases, guidanceSessions, personContacts, persons, userRoles, users, vacancies } from '../schema';
import { createdStamps } from './row-stamps';
import { stationOfStaff } from './stations';

type ContactRow = typeof personContacts.$inferSelect;

const RECORDING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('contacts.write'));

function views(ctx: ServiceContext, rows: ContactRow[]): ContactView[] {
  const { db } = ctx.database();
  const staff = new Map<number, string>();
  const titles = new Map<number, string>();
  for (const row of rows) {
    if (!staff.has(row.staffUserId)) staff.set(row.staffUserId, db.select({ name: users.displayName }).from(users).where(eq(users.id, row.staffUserId)).get()?.name ?? '');
    if (row.vacancyId !== null && !titles.has(row.vacancyId)) titles.set(row.vacancyId, db.select({ title: vacancies.title }).from(vacancies).where(eq(vacancies.id, row.vacancyId)).get()?.title ?? '');
  }
  return rows.map((row) => ({
    id: row.id, personId: row.personId, contactDate: row.contactDate, kind: row.kind, kindLabel: contactKindLabel(row.kind),
    channel: row.channel, channelLabel: contactChannelLabel(row.channel), staffUserId: row.staffUserId, staffName: staff.get(row.staffUserId) ?? '',
    vacancyId: row.vacancyId, vacancyTitle: row.vacancyId === null ? null : (titles.get(row.vacancyId) ?? null),
    content: row.content, outcome: row.outcome, createdAt: row.createdAt,
  }));
}

/** The staff member named on a contact must be an active account whose role records contacts. */
function requireRecordingStaff(ctx: ServiceContext, userId: number): void {
  const found = ctx
    .database()
    .db.select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.disabled, false), sql`${userRoles.role} in (${sql.join(RECORDING_ROLES.map((r) => sql`${r}`), sql`, `)})`))
    .get();
  if (!found) throw fieldError('staffUserId', '不是可以记录联系的在用工作人员账号', '工作人员');
}

/**
 * One contact with a person. It satisfies a due follow-up and restarts the
 * 6-month count of an unemployment registration simply by existing: both
 * lists read the person's latest contact, so nothing else is written.
 */
export function record(ctx: ServiceContext, input: ParsedInputOf<'contacts.record'>): ContactView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '记录联系需要以个人账号登录').userId;
  const person = db.select({ id: persons.id, birthDate: persons.birthDate, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.personId} 的人员档案`);
  if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请在保留的档案上记录`);
  const dateProblem = contactDateProblem(input.contactDate, ctx.today, person.birthDate);
  if (dateProblem) throw fieldError('contactDate', dateProblem, '联系日期');
  const staffUserId = input.staffUserId ?? actor;
  if (staffUserId !== actor) requireRecordingStaff(ctx, staffUserId);
  const vacancyId = input.vacancyId ?? null;
  if (vacancyId !== null) {
    if (input.kind !== 'job_referral') throw fieldError('vacancyId', '只有岗位推荐才填写推荐岗位', '推荐岗位');
    if (!db.select({ id: vacancies.id }).from(vacancies).where(eq(vacancies.id, vacancyId)).get()) throw fieldError('vacancyId', `没有编号为 ${vacancyId} 的岗位`, '推荐岗位');
  }
  const row = db
    .insert(personContacts)
    .values({
      personId: person.id, contactDate: input.contactDate, kind: input.kind, channel: input.channel, staffUserId, vacancyId,
      content: input.content, outcome: input.outcome?.trim() ? input.outcome.trim() : null,
      stationId: stationOfStaff(ctx, staffUserId),
      ...createdStamps(ctx, actor),
    })
    .returning()
    .get();
  // The content may carry personal circumstances: the audit names the act, not the words.
  ctx.audit({ action: 'contacts.record', entityType: 'person', entityId: person.id, detail: { contactId: row.id, kind: row.kind, channel: row.channel, contactDate: row.contactDate } });
  return views(ctx, [row])[0]!;
}

export function listForPerson(ctx: ServiceContext, input: ParsedInputOf<'contacts.listForPerson'>): { items: ContactView[]; total: number } {
  const { db } = ctx.database();
  const where = eq(personContacts.personId, input.personId);
  const total = db.select({ n: sql<number>`count(*)` }).from(personContacts).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(personContacts)
    .where(where)
    .orderBy(desc(personContacts.contactDate), desc(personContacts.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { items: views(ctx, rows), total };
}

/**
 * The latest day staff were in touch with the person — a 联系记录 or a 职业指导
 * session (a counselor who sat with the person has contacted them) — or null.
 */
export function lastContactOn(ctx: ServiceContext, personId: number): string | null {
  const { db } = ctx.database();
  const contact = db.select({ d: sql<string | null>`max(${personContacts.contactDate})` }).from(personContacts).where(eq(personContacts.personId, personId)).get()?.d ?? null;
  const session = db.select({ d: sql<string | null>`max(${guidanceSessions.sessionDate})` }).from(guidanceSessions).where(eq(guidanceSessions.personId, personId)).get()?.d ?? null;
  return later(contact, session);
}

/** The first contact (联系记录 or 职业指导 session) with the person on or after a day (a registration's follow-up), or null. */
export function firstContactSince(ctx: ServiceContext, personId: number, since: string): string | null {
  const { db } = ctx.database();
  const contact = db.select({ d: min(personContacts.contactDate) }).from(personContacts).where(and(eq(personContacts.personId, personId), gte(personContacts.contactDate, since))).get()?.d ?? null;
  const session = db.select({ d: min(guidanceSessions.sessionDate) }).from(guidanceSessions).where(and(eq(guidanceSessions.personId, personId), gte(guidanceSessions.sessionDate, since))).get()?.d ?? null;
  return contact === null ? session : session === null ? contact : contact < session ? contact : session;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** The latest contact or session of the registration's person, as SQL over `cases` (null when none). */
// Written out with its aliases: inside a selection drizzle leaves column names unqualified, and "person_id" would be the inner table's own.
export const lastContactSql = sql<string | null>`nullif(max(
  coalesce((select max(pc.contact_date) from person_contacts pc where pc.person_id = cases.person_id), ''),
  coalesce((select max(gs.session_date) from guidance_sessions gs where gs.person_id = cases.person_id), '')), '')`;

/**
 * 待跟踪联系: registrations in force with no contact since acceptance, the
 * longest-waiting first. Reads the in-force partial index and, per
 * registration, the person's contacts by index.
 */
export function followUpsDue(ctx: ServiceContext, input: ParsedInputOf<'contacts.followUpsDue'>): { items: FollowUpDueItem[]; total: number; overdue: number } {
  const { db } = ctx.database();
  const contactSince = db.select({ one: sql`1` }).from(personContacts).where(and(eq(personContacts.personId, cases.personId), gte(personContacts.contactDate, cases.acceptedOn)));
  const sessionSince = db.select({ one: sql`1` }).from(guidanceSessions).where(and(eq(guidanceSessions.personId, cases.personId), gte(guidanceSessions.sessionDate, cases.acceptedOn)));
  const waiting = and(eq(cases.caseType, 'unemployment_registration'), eq(cases.state, 'approved'), isNull(cases.endedOn), notExists(contactSince), notExists(sessionSince));
  const counts = db.select({ total: count(), overdue: sql<number>`coalesce(sum(${cases.followUpDue} < ${ctx.today}), 0)` }).from(cases).where(waiting).get()!;
  const rows = db
    .select({ id: cases.id, receiptNo: cases.receiptNo, personId: persons.id, acceptedOn: cases.acceptedOn, followUpDue: cases.followUpDue, name: persons.name, phone: persons.phone })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(waiting)
    .orderBy(cases.acceptedOn, cases.id)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return {
    total: counts.total,
    overdue: counts.overdue,
    // An approved registration was accepted, and its follow-up date was set on approval.
    items: rows.map((r) => ({
      caseId: r.id, receiptNo: r.receiptNo, personId: r.personId, personName: r.name, phoneMasked: r.phone ? maskPhone(r.phone) : null,
      acceptedOn: r.acceptedOn!, followUpDue: r.followUpDue!, overdue: r.followUpDue! < ctx.today,
    })),
  };
}
