import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { vacancies } from './enterprises';
import { persons } from './persons';
import { stations } from './stations';
import { users } from './system';

/**
 * 职业指导 (career guidance): sessions with their assessment and action plan,
 * referrals followed to their outcome, and the follow-ups (回访) they
 * schedule. The rules are in shared/domain/guidance; these tables only keep
 * what was decided there.
 */

/** 指导记录: one counselor's session with one person. */
export const guidanceSessions = sqliteTable(
  'guidance_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    counselorUserId: refersTo('counselor_user_id', () => users.id),
    sessionDate: text('session_date').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode', { enum: ['window', 'phone', 'home_visit', 'online', 'group'] }).notNull(),
    /** JSON array of codes from the `guidance_topics` code table. */
    topics: text('topics').notNull(),
    notes: text('notes'),
    skills: text('skills'),
    intendedOccupationCode: text('intended_occupation_code'),
    expectedPayMinFen: integer('expected_pay_min_fen'),
    expectedPayMaxFen: integer('expected_pay_max_fen'),
    preferredPlace: text('preferred_place'),
    /** JSON array of barrier codes (GUIDANCE_BARRIERS). */
    barriers: text('barriers').notNull().default('[]'),
    /** The 就业服务站 of the counselor, as it stood on the day of recording (null: the bureau's hall). */
    stationId: integer('station_id').references(() => stations.id),
    ...rowMeta,
  },
  (t) => [
    index('guidance_sessions_person_date').on(t.personId, t.sessionDate),
    index('guidance_sessions_counselor_date').on(t.counselorUserId, t.sessionDate),
    // The head's 服务站 page counts a period's sessions by station from the index alone.
    index('guidance_sessions_date_station').on(t.sessionDate, t.stationId),
  ],
);

/** 行动计划: the steps agreed in a session, who takes them and by when. */
export const guidancePlanItems = sqliteTable(
  'guidance_plan_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: refersTo('session_id', () => guidanceSessions.id),
    description: text('description').notNull(),
    owner: text('owner', { enum: ['person', 'counselor'] }).notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'done', 'dropped'] }).notNull().default('open'),
    doneOn: text('done_on'),
    ...rowMeta,
  },
  (t) => [index('guidance_plan_items_session').on(t.sessionId), index('guidance_plan_items_status_due').on(t.status, t.dueOn)],
);

/** 推荐: to a vacancy, a training class or programme, a subsidy application or entrepreneurship services. */
export const guidanceReferrals = sqliteTable(
  'guidance_referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    sessionId: integer('session_id').references(() => guidanceSessions.id),
    counselorUserId: refersTo('counselor_user_id', () => users.id),
    kind: text('kind', { enum: ['vacancy', 'training', 'subsidy', 'entrepreneurship'] }).notNull(),
    vacancyId: integer('vacancy_id').references(() => vacancies.id),
    /** The class, programme, subsidy or service referred to, where it is not a vacancy. */
    targetName: text('target_name'),
    /** A subsidy referral's item of the 补贴目录 (code table `subsidy_catalogue`): the window's 补贴申请 opens prefilled with it. */
    subsidyCode: text('subsidy_code'),
    referredOn: text('referred_on').notNull(),
    state: text('state', { enum: ['referred', 'interview', 'hired', 'not_hired', 'taken_up', 'not_taken_up'] }).notNull().default('referred'),
    /** The day of the latest move (the referral day until the first answer). */
    stateOn: text('state_on').notNull(),
    note: text('note'),
    outcomeNote: text('outcome_note'),
    /** The case a 录用 or a subsidy referral led to, once the window made it. */
    caseId: integer('case_id').references(() => cases.id),
    ...rowMeta,
  },
  (t) => [
    index('guidance_referrals_person_date').on(t.personId, t.referredOn),
    index('guidance_referrals_vacancy').on(t.vacancyId),
    index('guidance_referrals_state').on(t.state, t.referredOn),
  ],
);

/** 回访: a call-back due on a day, scheduled by a session, a referral or a plan item, or by hand. */
export const guidanceFollowUps = sqliteTable(
  'guidance_follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    counselorUserId: refersTo('counselor_user_id', () => users.id),
    reason: text('reason', { enum: ['session', 'referral', 'plan_item', 'manual'] }).notNull(),
    sessionId: integer('session_id').references(() => guidanceSessions.id),
    referralId: integer('referral_id').references(() => guidanceReferrals.id),
    planItemId: integer('plan_item_id').references(() => guidancePlanItems.id),
    /** The day it was scheduled: it cannot be done before. */
    scheduledOn: text('scheduled_on').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['due', 'done', 'cancelled'] }).notNull().default('due'),
    doneOn: text('done_on'),
    note: text('note'),
    ...rowMeta,
  },
  (t) => [
    index('guidance_follow_ups_counselor_due').on(t.counselorUserId, t.status, t.dueOn),
    index('guidance_follow_ups_person').on(t.personId, t.dueOn),
    index('guidance_follow_ups_status_due').on(t.status, t.dueOn),
    // An answer on a referral or a closed plan item settles its follow-up.
    index('guidance_follow_ups_referral').on(t.referralId),
    index('guidance_follow_ups_plan_item').on(t.planItemId),
  ],
);
