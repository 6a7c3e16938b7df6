import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { enterprises } from './enterprises';
import { persons } from './persons';

/**
 * 零工市场 (gig market): registered persons who take short jobs, the short-job
 * demands of households and enterprises, and the dispatches (派单) between
 * them with their completion and two-way rating. Rules in shared/domain/gig.ts
 * and shared/domain/gig-matching.ts.
 */
export const gigWorkers = sqliteTable(
  'gig_workers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** One gig profile per person of the registry. */
    personId: refersTo('person_id', () => persons.id),
    /** Free skill tags, JSON array of strings (保洁, 搬运, 水电维修 …). */
    skills: text('skills').notNull(),
    /** 职业分类大典 code when known. */
    occupationCode: text('occupation_code'),
    /** Weekdays the person takes work, JSON array of 1 (Mon) … 7 (Sun). */
    availableDays: text('available_days').notNull(),
    /** Parts of the day, JSON array of morning / afternoon / evening. */
    dayParts: text('day_parts').notNull(),
    /** The township (乡镇/街道) the person works in, from the county's divisions. */
    townshipCode: text('township_code').notNull(),
    /** The person agreed to be contacted with short jobs (and on which day); without it nobody is dispatched. */
    contactConsent: integer('contact_consent', { mode: 'boolean' }).notNull(),
    consentOn: text('consent_on'),
    status: text('status', { enum: ['active', 'paused'] }).notNull().default('active'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('gig_workers_person').on(t.personId), index('gig_workers_township').on(t.townshipCode)],
);

/** 零工需求: a short job of a household (contact name and phone) or of an enterprise of the registry. */
export const gigDemands = sqliteTable(
  'gig_demands',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: ['household', 'enterprise'] }).notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    contactName: text('contact_name'),
    /** Stored whole to call back; shown masked. Not sent to the province (a household's phone). */
    contactPhone: text('contact_phone'),
    task: text('task').notNull(),
    /** Skills asked for, JSON array of strings. */
    skills: text('skills').notNull(),
    occupationCode: text('occupation_code'),
    townshipCode: text('township_code').notNull(),
    address: text('address').notNull(),
    workDate: text('work_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    payFen: integer('pay_fen').notNull(),
    payUnit: text('pay_unit', { enum: ['day', 'hour', 'piece'] }).notNull(),
    peopleNeeded: integer('people_needed').notNull(),
    postedOn: text('posted_on').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    /** Why the demand was withdrawn (the demander no longer needs it, posted in error …); never deleted. */
    cancelReason: text('cancel_reason'),
    ...rowMeta,
  },
  (t) => [
    index('gig_demands_date').on(t.workDate, t.townshipCode),
    index('gig_demands_posted').on(t.postedOn),
    check('gig_demands_pay', sql`${t.payFen} > 0`),
    check('gig_demands_people', sql`${t.peopleNeeded} >= 1`),
    check('gig_demands_hours', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** 派单: one worker sent to one demand; completed, then rated by both sides (1–5). */
export const gigDispatches = sqliteTable(
  'gig_dispatches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    demandId: refersTo('demand_id', () => gigDemands.id),
    workerId: refersTo('worker_id', () => gigWorkers.id),
    dispatchedOn: text('dispatched_on').notNull(),
    /** The match's score and reasons when dispatched, so the record says why this person. */
    matchScore: integer('match_score'),
    status: text('status', { enum: ['dispatched', 'completed', 'cancelled'] }).notNull().default('dispatched'),
    completedOn: text('completed_on'),
    /** The demander's rating of the worker. */
    workerRating: integer('worker_rating'),
    /** The worker's rating of the demand (the household or enterprise). */
    demandRating: integer('demand_rating'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('gig_dispatches_demand_worker').on(t.demandId, t.workerId),
    index('gig_dispatches_worker').on(t.workerId, t.status),
    check('gig_dispatches_worker_rating', sql`${t.workerRating} is null or ${t.workerRating} between 1 and 5`),
    check('gig_dispatches_demand_rating', sql`${t.demandRating} is null or ${t.demandRating} between 1 and 5`),
  ],
);
