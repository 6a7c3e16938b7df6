import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { enterprises } from './enterprises';
import { persons } from './persons';

/**
 * 创业服务: a person's business start (the enterprise they founded, from the
 * registry), its 创业担保贷款 with the interest-subsidy periods, and its
 * 创业孵化 places. Rules in shared/domain/startups.ts.
 */
export const businessStarts = sqliteTable(
  'business_starts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    startedOn: text('started_on').notNull(),
    /** 个体工商户 / 企业 / 农民专业合作社 / 其他 (shared/domain/startups.ts BUSINESS_KINDS). */
    kind: text('kind', { enum: ['sole_trader', 'enterprise', 'farmers_coop', 'other'] }).notNull(),
    /** The person's 补贴申请 for 一次性创业补贴 (subsidy catalogue code startup_one_time), once linked. */
    subsidyCaseId: integer('subsidy_case_id').references(() => cases.id),
    note: text('note'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('business_starts_person_enterprise').on(t.personId, t.enterpriseId), index('business_starts_enterprise').on(t.enterpriseId)],
);

/** 创业担保贷款: an application for a guaranteed start-up loan, by the founder or the business. */
export const startupLoans = sqliteTable(
  'startup_loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessStartId: refersTo('business_start_id', () => businessStarts.id),
    borrower: text('borrower', { enum: ['individual', 'small_enterprise'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    bank: text('bank').notNull(),
    termMonths: integer('term_months').notNull(),
    guaranteeKind: text('guarantee_kind', { enum: ['guarantee_fund', 'with_counter_guarantee', 'counter_guarantee_waived', 'other'] }).notNull(),
    appliedOn: text('applied_on').notNull(),
    /** 放款日期; null while the bank has not lent. */
    grantedOn: text('granted_on'),
    ...rowMeta,
  },
  (t) => [
    index('startup_loans_business').on(t.businessStartId),
    check('startup_loans_term', sql`${t.termMonths} > 0`),
    check('startup_loans_amount', sql`${t.amountFen} > 0`),
  ],
);

/** 贴息期: one period of the loan's interest subsidy and its amount. */
export const startupLoanInterestPeriods = sqliteTable(
  'startup_loan_interest_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: refersTo('loan_id', () => startupLoans.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('startup_loan_interest_periods_loan').on(t.loanId), check('startup_loan_interest_periods_order', sql`${t.periodTo} >= ${t.periodFrom}`)],
);

/** 创业孵化: a place in an incubator (孵化基地) for the business, from and to. */
export const incubatorPlaces = sqliteTable(
  'incubator_places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessStartId: refersTo('business_start_id', () => businessStarts.id),
    incubator: text('incubator').notNull(),
    place: text('place').notNull(),
    fromOn: text('from_on').notNull(),
    toOn: text('to_on'),
    ...rowMeta,
  },
  (t) => [index('incubator_places_business').on(t.businessStartId)],
);
