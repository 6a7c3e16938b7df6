import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { enterprises, vacancies } from './enterprises';
import { persons } from './persons';
import { users } from './system';

/** 招聘会: a job fair of the national calendar or the bureau's own; cancelled with a reason, never deleted. */
export const fairs = sqliteTable(
  'fairs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    campaign: text('campaign').notNull(),
    targetGroup: text('target_group').notNull(),
    channel: text('channel', { enum: ['on_site', 'online', 'live_stream'] }).notNull(),
    startDate: text('start_date').notNull(),
    /** Last day of a fair running several days; null for a one-day fair. */
    endDate: text('end_date'),
    venue: text('venue'),
    organizer: text('organizer'),
    notes: text('notes'),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] }).notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    ...rowMeta,
  },
  (t) => [index('fairs_start_date').on(t.startDate), index('fairs_status_start_date').on(t.status, t.startDate)],
);

/** An enterprise taking part in a fair, with its booth (展位). */
export const fairEnterprises = sqliteTable(
  'fair_enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fairId: refersTo('fair_id', () => fairs.id),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    boothNumber: text('booth_number'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('fair_enterprises_fair_enterprise').on(t.fairId, t.enterpriseId), index('fair_enterprises_enterprise').on(t.enterpriseId)],
);

/** The vacancies an enterprise brings to a fair (existing vacancies of that enterprise). */
export const fairVacancies = sqliteTable(
  'fair_vacancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fairId: refersTo('fair_id', () => fairs.id),
    fairEnterpriseId: refersTo('fair_enterprise_id', () => fairEnterprises.id),
    vacancyId: refersTo('vacancy_id', () => vacancies.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('fair_vacancies_fair_vacancy').on(t.fairId, t.vacancyId), index('fair_vacancies_participation').on(t.fairEnterpriseId), index('fair_vacancies_vacancy').on(t.vacancyId)],
);

/** 入场登记: one per person and fair. */
export const fairAttendances = sqliteTable(
  'fair_attendances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fairId: refersTo('fair_id', () => fairs.id),
    personId: refersTo('person_id', () => persons.id),
    checkedInAt: text('checked_in_at').notNull(),
    /** The person was first registered at the door. */
    registeredAtDoor: integer('registered_at_door', { mode: 'boolean' }).notNull().default(false),
    ...rowMeta,
  },
  (t) => [uniqueIndex('fair_attendances_fair_person').on(t.fairId, t.personId), index('fair_attendances_person').on(t.personId), index('fair_attendances_fair_time').on(t.fairId, t.checkedInAt)],
);

/**
 * 达成意向: a checked-in person and an enterprise (and vacancy) of that fair; the outcome comes later.
 * One per person and vacancy (or enterprise, when no vacancy is named): a unique expression index
 * hand-written in the migration, since drizzle-kit mangles expression indexes.
 */
export const fairIntentions = sqliteTable(
  'fair_intentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    attendanceId: refersTo('attendance_id', () => fairAttendances.id),
    fairId: refersTo('fair_id', () => fairs.id),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    vacancyId: integer('vacancy_id').references(() => vacancies.id),
    outcome: text('outcome', { enum: ['intention', 'hired', 'not_hired'] }).notNull().default('intention'),
    outcomeOn: text('outcome_on'),
    note: text('note'),
    ...rowMeta,
  },
  (t) => [
    index('fair_intentions_attendance').on(t.attendanceId),
    index('fair_intentions_fair_outcome').on(t.fairId, t.outcome),
    index('fair_intentions_enterprise').on(t.enterpriseId),
  ],
);
