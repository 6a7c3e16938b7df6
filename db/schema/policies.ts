import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { users } from './system';

/**
 * The policy catalogue (政策库): each version of a policy as data — its
 * conditions, checklist, exclusions, formula, limits and stored test cases —
 * in the shape of shared/domain/policies/definition.ts, kept as JSON. A
 * version is edited while a draft, checked (validatePolicy, its stored cases)
 * before it becomes active, and never changed afterwards: a decision keeps the
 * version it used. One version of a code is active at a time.
 */
export const policyVersions = sqliteTable(
  'policy_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The policy's code: the 补贴目录 code (code_entries, subsidy_catalogue) its applications carry. */
    code: text('code').notNull(),
    policyVersion: integer('policy_version').notNull(),
    name: text('name').notNull(),
    target: text('target', { enum: ['person', 'enterprise'] }).notNull(),
    status: text('status', { enum: ['draft', 'active', 'retired'] }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    effectiveTo: text('effective_to'),
    noApplication: integer('no_application', { mode: 'boolean' }).notNull(),
    /** The whole definition (policyDefinitionSchema), as validated when saved. */
    definition: text('definition').notNull(),
    activatedAt: text('activated_at'),
    activatedBy: integer('activated_by').references(() => users.id),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('policy_versions_code_version').on(t.code, t.policyVersion),
    // One version of a policy in force at a time.
    uniqueIndex('policy_versions_one_active').on(t.code).where(sql`${t.status} = 'active'`),
    index('policy_versions_status').on(t.status, t.code),
    check('policy_versions_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  ],
);

/**
 * Who the sweep must look at again (政策找人/政策找企): a row per person and
 * enterprise, due when `recheck_on` ≤ today. Triggers on the tables facts come
 * from set it to '' (due at once); a sweep sets it to the day the subject's
 * verdicts can next change by the calendar alone (a birthday, a new month).
 */
export const policySubjects = sqliteTable(
  'policy_subjects',
  {
    subjectType: text('subject_type', { enum: ['person', 'enterprise'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    recheckOn: text('recheck_on').notNull(),
  },
  // Due subjects in the order a sweep takes them, read from the index alone: a page is the next 500
  // entries, never a sort of everyone due (a full sweep of a million).
  (t) => [uniqueIndex('policy_subjects_subject').on(t.subjectType, t.subjectId), index('policy_subjects_due').on(t.recheckOn, t.subjectType, t.subjectId)],
);

/** One run of the sweep: which versions it used, how many it looked at and found. */
export const policySweeps = sqliteTable('policy_sweeps', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mode: text('mode', { enum: ['full', 'incremental'] }).notNull(),
  /** Policy code → version evaluated (JSON). */
  versions: text('versions').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  startedBy: integer('started_by').references(() => users.id),
  evaluated: integer('evaluated').notNull().default(0),
  found: integer('found').notNull().default(0),
});

/**
 * 疑似符合、尚未享受: a person or enterprise the sweep found for a policy, with
 * the verdict (result, amount, trace) and the facts it was drawn from, until
 * staff act on it: contacted, an application opened (case_id), declined, or
 * gone (a later sweep no longer finds it, or it is enjoyed).
 */
export const policyFindings = sqliteTable(
  'policy_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    policyCode: text('policy_code').notNull(),
    policyVersion: integer('policy_version').notNull(),
    subjectType: text('subject_type', { enum: ['person', 'enterprise'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    result: text('result', { enum: ['eligible', 'needs_check'] }).notNull(),
    amountFen: integer('amount_fen'),
    /** The verdict as the engine gave it (JSON: trace included) and the frozen facts (JSON). */
    verdict: text('verdict').notNull(),
    facts: text('facts').notNull(),
    status: text('status', { enum: ['open', 'contacted', 'applied', 'declined', 'gone'] }).notNull(),
    firstFoundAt: text('first_found_at').notNull(),
    lastSweepId: integer('last_sweep_id').references(() => policySweeps.id),
    /** The application opened from it (prefilled 补贴申请). */
    caseId: integer('case_id').references(() => cases.id),
    /** 免申即享: the batch proposing it, and the reviewer's decision. */
    batchId: integer('batch_id').references(() => policyBatches.id),
    decision: text('decision', { enum: ['confirmed', 'rejected'] }),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    ...rowMeta,
  },
  (t) => [
    // One open finding per policy and subject: a later sweep refreshes it.
    uniqueIndex('policy_findings_live').on(t.policyCode, t.subjectType, t.subjectId).where(sql`${t.status} in ('open', 'contacted')`),
    index('policy_findings_policy_status').on(t.policyCode, t.status),
    index('policy_findings_subject').on(t.subjectType, t.subjectId),
    index('policy_findings_batch').on(t.batchId),
  ],
);

/** Outreach on a finding (电话、短信、上门、信函): when, how, by whom, and what came of it. */
export const policyOutreach = sqliteTable(
  'policy_outreach',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: refersTo('finding_id', () => policyFindings.id),
    channel: text('channel', { enum: ['phone', 'sms', 'letter', 'home_visit', 'wechat'] }).notNull(),
    contactedOn: text('contacted_on').notNull(),
    outcome: text('outcome', { enum: ['reached', 'no_answer', 'interested', 'declined', 'applied'] }).notNull(),
    /** The SMS or letter text as sent. */
    message: text('message'),
    note: text('note'),
    staffId: integer('staff_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('policy_outreach_finding').on(t.findingId)],
);

/** 免申即享: the findings of a no-application policy proposed together for a reviewer to confirm. */
export const policyBatches = sqliteTable('policy_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  policyCode: text('policy_code').notNull(),
  policyVersion: integer('policy_version').notNull(),
  state: text('state', { enum: ['proposed', 'decided'] }).notNull(),
  items: integer('items').notNull(),
  ...rowMeta,
});
