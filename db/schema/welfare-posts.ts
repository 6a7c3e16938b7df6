import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { enterprises } from './enterprises';
import { paymentEntitlements } from './payments';
import { persons } from './persons';

/**
 * 公益性岗位 (public-welfare posts): posts created by need at an employer unit,
 * filled only by certified 就业困难人员 (the certification in force is named on
 * the placement), with an orderly exit. Rules in shared/domain/welfare-posts.ts.
 */
export const welfarePosts = sqliteTable(
  'welfare_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 用人单位: the unit where the post is (a 街道, a 社区, a public body), by name and, when registered, its enterprise row. */
    employerName: text('employer_name').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    title: text('title').notNull(),
    positions: integer('positions').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    monthlySubsidyFen: integer('monthly_subsidy_fen').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    ...rowMeta,
  },
  (t) => [check('welfare_posts_period', sql`${t.periodTo} >= ${t.periodFrom}`), check('welfare_posts_positions', sql`${t.positions} > 0`)],
);

/** 安置: one certified person in one post, from hire to exit. */
export const welfarePlacements = sqliteTable(
  'welfare_placements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: refersTo('post_id', () => welfarePosts.id),
    personId: refersTo('person_id', () => persons.id),
    /** The 就业困难人员认定 in force at hire; its end ends the placement. */
    certificationCaseId: refersTo('certification_case_id', () => cases.id),
    hiredOn: text('hired_on').notNull(),
    /** Three years on, or the day before retirement for someone hired within 5 years of it. */
    plannedEndOn: text('planned_end_on').notNull(),
    endedOn: text('ended_on'),
    endReason: text('end_reason', { enum: ['certification_ended', 'term_reached', 'resigned', 'dismissed', 'other'] }),
    endNote: text('end_note'),
    ...rowMeta,
  },
  (t) => [
    index('welfare_placements_post').on(t.postId, t.endedOn),
    index('welfare_placements_person').on(t.personId),
    index('welfare_placements_active_end').on(t.plannedEndOn).where(sql`ended_on is null`),
  ],
);

/**
 * 公益性岗位补贴 of one placement for one month, paid through 资金兑付: the
 * entitlement it became. Unique per placement and month, so a month is never
 * paid twice. post_id is the post's, kept so the province receives the month
 * with its post.
 */
export const welfareSubsidyMonths = sqliteTable(
  'welfare_subsidy_months',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: refersTo('post_id', () => welfarePosts.id),
    placementId: refersTo('placement_id', () => welfarePlacements.id),
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    entitlementId: refersTo('entitlement_id', () => paymentEntitlements.id),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('welfare_subsidy_months_placement_month').on(t.placementId, t.month),
    index('welfare_subsidy_months_month').on(t.month),
    check('welfare_subsidy_months_amount', sql`${t.amountFen} > 0`),
  ],
);
