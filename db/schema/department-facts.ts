import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { refersTo } from './columns';
import { enterprises } from './enterprises';
import { persons } from './persons';
import { users } from './system';

/**
 * Data from other departments (部门数据比对), the fuel of 政策找人: each file a
 * bureau receives is one dated import (fact_imports), and each of its rows
 * that matched a person (by ID number) or an enterprise (by credit code) is
 * kept with that import, never overwritten — a later file is a later import.
 * The policy engine's facts (shared/domain/policies/facts.ts) are read from
 * the latest import of each source. Unmatched rows are reported, not kept.
 */
export const FACT_SOURCES = [
  'person_insurance', // 社保缴费（个人）：累计及近12个月缴费月数、当前参保单位
  'employer_insurance', // 社保缴费（单位）：参保人数及变化、上年度减员、实缴失业保险费、欠费
  'assistance', // 民政：低保、特困、低收入名单
  'deaths', // 公安/卫健：死亡名单
  'business_registrations', // 市场监管：企业、个体工商户及其法定代表人/经营者
  'disability_certificates', // 残联：残疾人证
] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

export const factImports = sqliteTable(
  'fact_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: FACT_SOURCES }).notNull(),
    /** The day the department's data describes (数据截止日期), as staff enter it. */
    asOf: text('as_of').notNull(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    matched: integer('matched').notNull(),
    unmatched: integer('unmatched').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
  },
  (t) => [index('fact_imports_source_as_of').on(t.source, t.asOf)],
);

const importId = () => refersTo('import_id', () => factImports.id);
const personId = () => refersTo('person_id', () => persons.id);

/** 社保缴费（个人）: one row per person per import. */
export const personInsurance = sqliteTable(
  'person_insurance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    personId: personId(),
    monthsTotal: integer('months_total').notNull(),
    monthsLast12: integer('months_last12').notNull(),
    /** The employer paying now (credit code as the file gives it; enterprise_id when it is in the registry). */
    employerCreditCode: text('employer_credit_code'),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** Since when this employer pays for the person: a hire's start. */
    employerSince: text('employer_since'),
  },
  (t) => [
    index('person_insurance_person').on(t.personId, t.importId),
    index('person_insurance_enterprise').on(t.enterpriseId, t.employerSince),
    check('person_insurance_months', sql`${t.monthsTotal} >= 0 and ${t.monthsLast12} between 0 and 12 and ${t.monthsLast12} <= ${t.monthsTotal}`),
  ],
);

/** 社保缴费（单位）: one row per enterprise per import. */
export const employerInsurance = sqliteTable(
  'employer_insurance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    enterpriseId: refersTo('enterprise_id', () => enterprises.id),
    insuredHeadcount: integer('insured_headcount').notNull(),
    /** The headcount a year before, for the change rate. */
    headcountYearAgo: integer('headcount_year_ago'),
    /** Last year's start headcount and reductions, for the layoff rate. */
    headcountStartLastYear: integer('headcount_start_last_year'),
    reductionsLastYear: integer('reductions_last_year'),
    unemploymentInsurancePaidLastYearFen: integer('ui_paid_last_year_fen'),
    arrears: integer('arrears', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('employer_insurance_enterprise').on(t.enterpriseId, t.importId),
    check('employer_insurance_counts', sql`${t.insuredHeadcount} >= 0 and coalesce(${t.reductionsLastYear}, 0) >= 0 and coalesce(${t.unemploymentInsurancePaidLastYearFen}, 0) >= 0`),
  ],
);

/** 民政: 低保、特困、低收入 — who receives what, from when to when. */
export const personAssistance = sqliteTable(
  'person_assistance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    personId: personId(),
    kind: text('kind', { enum: ['dibao', 'extreme_poverty', 'low_income'] }).notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
  },
  (t) => [index('person_assistance_person').on(t.personId, t.importId)],
);

/** 公安/卫健: deaths. */
export const personDeaths = sqliteTable(
  'person_deaths',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    personId: personId(),
    diedOn: text('died_on').notNull(),
  },
  (t) => [index('person_deaths_person').on(t.personId)],
);

/** 市场监管: businesses a person founded or runs (法定代表人、个体工商户经营者). */
export const personBusinesses = sqliteTable(
  'person_businesses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    personId: personId(),
    creditCode: text('credit_code').notNull(),
    businessName: text('business_name').notNull(),
    foundedOn: text('founded_on').notNull(),
    /** 在营 operating, 注销/吊销 closed. */
    operating: integer('operating', { mode: 'boolean' }).notNull(),
    /** The enterprise in the registry with that credit code, when there is one. */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
  },
  (t) => [index('person_businesses_person').on(t.personId, t.importId)],
);

/** 残联: disability certificates. */
export const personDisabilities = sqliteTable(
  'person_disabilities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: importId(),
    personId: personId(),
    certificateNo: text('certificate_no').notNull(),
    category: text('category'),
    grade: text('grade'),
    validTo: text('valid_to'),
  },
  (t) => [index('person_disabilities_person').on(t.personId, t.importId)],
);
