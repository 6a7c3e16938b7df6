import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { correctionColumns, refersTo, rowMeta } from './columns';
import { users } from './system';

/**
 * An employer of the county (用人单位), keyed by its 统一社会信用代码 or, for
 * firms registered before 2015 that never got one, its 15-digit 注册号.
 */
export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    creditCode: text('credit_code'),
    /** Legacy 15-digit registration number (注册号), kept as such when no credit code exists. */
    registrationNumber: text('registration_number'),
    name: text('name').notNull(),
    /** Decoded from the credit code (enterprise, sole_trader, farmers_coop, social_organisation …); chosen when there is none. */
    entityType: text('entity_type').notNull(),
    /** GB/T 4754-2017 section letter (A–T) and two-digit division. */
    industrySection: text('industry_section'),
    industryDivision: text('industry_division'),
    ownershipCode: text('ownership_code'),
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }),
    address: text('address'),
    townshipCode: text('township_code'),
    /** 智改数转 */
    isDigitalTransformation: integer('is_digital_transformation', { mode: 'boolean' }).notNull().default(false),
    /** 专精特新 */
    isSpecialized: integer('is_specialized', { mode: 'boolean' }).notNull().default(false),
    /** 重点企业 */
    isKeyEnterprise: integer('is_key_enterprise', { mode: 'boolean' }).notNull().default(false),
    /** 劳动密集型 */
    isLabourIntensive: integer('is_labour_intensive', { mode: 'boolean' }).notNull().default(false),
    /** active, or closed (注销/吊销/迁出): a state with a reason, never a deleted row. */
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('enterprises_credit_code').on(t.creditCode).where(sql`credit_code is not null`),
    uniqueIndex('enterprises_registration_number').on(t.registrationNumber).where(sql`registration_number is not null`),
    index('enterprises_name').on(t.name),
    index('enterprises_township').on(t.townshipCode),
  ],
);

/** 曾用名: the name before each renaming, so an old name still finds the enterprise. */
export const enterpriseFormerNames = sqliteTable(
  'enterprise_former_names',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    name: text('name').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [index('enterprise_former_names_enterprise').on(t.enterpriseId)],
);

/** Corrections keep history: who, when, old → new, and why (as for persons). */
export const enterpriseCorrections = sqliteTable(
  'enterprise_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    ...correctionColumns(() => users.id),
  },
  (t) => [index('enterprise_corrections_enterprise').on(t.enterpriseId)],
);

/** People staff deal with at the enterprise (HR, owner); phones masked like citizens' phones. */
export const enterpriseContacts = sqliteTable(
  'enterprise_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    name: text('name').notNull(),
    position: text('position'),
    phone: text('phone'),
    /** A contact who left is kept (visits name them) but no longer offered. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...rowMeta,
  },
  (t) => [index('enterprise_contacts_enterprise').on(t.enterpriseId)],
);

/** 参保人数 over time: each figure with the date it held and where it came from. */
export const enterpriseHeadcounts = sqliteTable(
  'enterprise_headcounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    asOf: text('as_of').notNull(),
    insuredCount: integer('insured_count').notNull(),
    source: text('source', { enum: ['register', 'manual', 'visit', 'survey', 'import'] }).notNull(),
    visitId: integer('visit_id'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [index('enterprise_headcounts_enterprise').on(t.enterpriseId, t.asOf)],
);

/** 企业走访 and, as a structured kind of visit, the quarterly 用工调查. */
export const enterpriseVisits = sqliteTable(
  'enterprise_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    kind: text('kind', { enum: ['visit', 'survey'] }).notNull(),
    visitDate: text('visit_date').notNull(),
    mode: text('mode', { enum: ['on_site', 'phone', 'online'] }).notNull(),
    contactId: integer('contact_id').references(() => enterpriseContacts.id),
    /** Who was met, as typed when no saved contact fits. */
    contactName: text('contact_name'),
    headcount: integer('headcount'),
    requests: text('requests'),
    notes: text('notes'),
    /** 用工调查: quarter (2026Q3) and its reference date, the 15th of the quarter's last month. */
    surveyQuarter: text('survey_quarter'),
    referenceDate: text('reference_date'),
    headcountPrevious: integer('headcount_previous'),
    headcountChangeReason: text('headcount_change_reason'),
    shortageCount: integer('shortage_count'),
    startingPayFen: integer('starting_pay_fen'),
    expectedHires: integer('expected_hires'),
    /** A visit recorded in error is cancelled with a reason, never deleted. */
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    ...rowMeta,
  },
  (t) => [
    index('enterprise_visits_enterprise').on(t.enterpriseId, t.visitDate),
    index('enterprise_visits_date').on(t.visitDate),
    // One survey per enterprise and quarter.
    uniqueIndex('enterprise_visits_one_survey')
      .on(t.enterpriseId, t.surveyQuarter)
      .where(sql`kind = 'survey' and cancelled_at is null`),
  ],
);

/** The staff who made a visit (one or more). */
export const enterpriseVisitStaff = sqliteTable(
  'enterprise_visit_staff',
  {
    visitId: refersTo('visit_id', () => enterpriseVisits.id),
    userId: refersTo('user_id', () => users.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.userId] }), index('enterprise_visit_staff_user').on(t.userId)],
);

/** The editable list of difficulties an enterprise may report (招工难, 技能不足 …). */
export const difficultyTypes = sqliteTable('difficulty_types', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const enterpriseVisitDifficulties = sqliteTable(
  'enterprise_visit_difficulties',
  {
    visitId: refersTo('visit_id', () => enterpriseVisits.id),
    code: text('code')
      .notNull()
      .references(() => difficultyTypes.code),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.code] }), index('enterprise_visit_difficulties_code').on(t.code)],
);

/** Policies explained on a visit and how interested the enterprise was. */
export const enterpriseVisitPolicies = sqliteTable(
  'enterprise_visit_policies',
  {
    visitId: refersTo('visit_id', () => enterpriseVisits.id),
    policyCode: text('policy_code').notNull(),
    interest: text('interest', { enum: ['applying', 'interested', 'not_interested'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.policyCode] })],
);

/** Hiring plan of a visit, by occupation and quarter; a published line becomes a vacancy. */
export const enterpriseHiringPlans = sqliteTable(
  'enterprise_hiring_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    visitId: refersTo('visit_id', () => enterpriseVisits.id),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    occupationCode: text('occupation_code').notNull(),
    title: text('title').notNull(),
    quarter: text('quarter').notNull(),
    openings: integer('openings').notNull(),
    vacancyId: integer('vacancy_id'),
  },
  (t) => [index('enterprise_hiring_plans_visit').on(t.visitId), index('enterprise_hiring_plans_quarter').on(t.quarter, t.occupationCode)],
);

/** Follow-up tasks from a visit, with an owner and a due date. */
export const enterpriseTasks = sqliteTable(
  'enterprise_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    visitId: integer('visit_id').references(() => enterpriseVisits.id),
    description: text('description').notNull(),
    ownerUserId: refersTo('owner_user_id', () => users.id),
    dueDate: text('due_date').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull().default('open'),
    closedAt: text('closed_at'),
    closingNote: text('closing_note'),
    ...rowMeta,
  },
  (t) => [index('enterprise_tasks_enterprise').on(t.enterpriseId, t.status), index('enterprise_tasks_owner').on(t.ownerUserId, t.status, t.dueDate)],
);

/**
 * 岗位: an opening an employer asks the bureau to advertise. `status` holds
 * what staff decided (open, filled, withdrawn); an open vacancy past
 * `valid_to` reads as expired, by the date alone.
 */
export const vacancies = sqliteTable(
  'vacancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    occupationCode: text('occupation_code').notNull(),
    title: text('title').notNull(),
    openings: integer('openings').notNull(),
    salaryMinFen: integer('salary_min_fen'),
    salaryMaxFen: integer('salary_max_fen'),
    educationCode: text('education_code'),
    /** Years of experience asked for; null = 不限. */
    experienceYears: integer('experience_years'),
    requirements: text('requirements'),
    workPlace: text('work_place'),
    contractType: text('contract_type'),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    source: text('source', { enum: ['visit', 'fair', 'walk_in', 'import'] }).notNull(),
    visitId: integer('visit_id').references(() => enterpriseVisits.id),
    status: text('status', { enum: ['open', 'filled', 'withdrawn'] }).notNull().default('open'),
    statusReason: text('status_reason'),
    ...rowMeta,
  },
  (t) => [
    index('vacancies_enterprise').on(t.enterpriseId),
    index('vacancies_status_valid_to').on(t.status, t.validTo),
    index('vacancies_occupation').on(t.occupationCode),
    // 人岗匹配 for a person: the open vacancies of an occupation group with every column the score
    // reads, so ranking thousands of them reads the index alone (db/queries/matching.ts).
    index('vacancies_match').on(t.status, t.occupationCode, t.validTo, t.validFrom, t.educationCode, t.salaryMinFen, t.salaryMaxFen, t.enterpriseId, t.workPlace),
    // Vacancies posted in a reporting period (the numerator of 求人倍率); status and openings ride along so the head's
    // trends sum a window's openings from the index alone (id right after valid_from keeps the period list's order).
    index('vacancies_valid_from').on(t.validFrom, t.id, t.status, t.openings),
  ],
);
