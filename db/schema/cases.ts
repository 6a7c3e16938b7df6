import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { enterprises } from './enterprises';
import { persons } from './persons';
import { stations } from './stations';
import { users } from './system';

/**
 * A case handled at the service hall (失业登记, 就业登记, 就业困难人员认定,
 * 补贴申请). The workflow and the form are data of the case type; the row
 * keeps the state, the form as JSON, and the frozen facts of the decision.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 受理回执编号, given when the case is accepted. */
    receiptNo: text('receipt_no').unique(),
    caseType: text('case_type').notNull(),
    /** The applicant: a person, or (for a subsidy an employer applies for) an enterprise — exactly one of the two. */
    personId: integer('person_id').references(() => persons.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /**
     * What within the case type is applied for ('' when the type has no items): the subsidy's catalogue
     * code for 补贴申请, so one applicant may have several subsidies open but never the same one twice.
     */
    itemCode: text('item_code').notNull().default(''),
    state: text('state').notNull(),
    form: text('form').notNull(),
    /** Codes of the documents received. */
    documents: text('documents').notNull(),
    preparedBy: refersTo('prepared_by', () => users.id),
    acceptedBy: integer('accepted_by').references(() => users.id),
    acceptedOn: text('accepted_on'),
    /** The 就业服务站 of the accepting account on the day it accepted; null for the bureau's own hall. */
    stationId: integer('station_id').references(() => stations.id),
    dueDate: text('due_date'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionComment: text('decision_comment'),
    /** The person's record and key groups at the moment of the decision (JSON), never updated afterwards. */
    decisionSnapshot: text('decision_snapshot'),
    /** 失业登记: the follow-up contact is due by this day (5 working days from acceptance), set on approval. */
    followUpDue: text('follow_up_due'),
    /** 就业困难人员认定: the next annual review (a year after approval or the last review). */
    reviewDue: text('review_due'),
    lastReviewedOn: text('last_reviewed_on'),
    /** 就业困难人员认定 on hold since this day (the tag is off); null when not suspended. */
    suspendedOn: text('suspended_on'),
    suspensionReason: text('suspension_reason'),
    /** An approved registration cancelled (注销) or certification exited: the day, the reason code, a note and who. */
    endedOn: text('ended_on'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedBy: integer('ended_by').references(() => users.id),
    ...rowMeta,
  },
  (t) => [
    index('cases_person').on(t.personId),
    index('cases_state_due').on(t.state, t.dueDate),
    // The head's staff table (open and overdue cases by who answers for them and type), read from the index alone;
    // state and staff first, so lookups by state and type keep to cases_type_state_decided and cases_in_force.
    index('cases_open_staff').on(t.state, t.acceptedBy, t.preparedBy, t.caseType, t.dueDate),
    // The monthly report: approved cases of a type decided in a period, and "did this person's
    // registration end before then" answered from the index alone. Person and 注销 day ride along so the head's
    // 13-period trends read a window's registrations and decisions from the index alone (db/queries/reports.ts);
    // the name is kept (statements and plan tests name it) and so is the number of indexes a write updates.
    index('cases_type_state_decided').on(t.caseType, t.state, t.decidedAt, t.id, t.personId, t.endedOn),
    index('cases_person_type_decided').on(t.personId, t.caseType, t.state, t.decidedAt),
    // Approved registrations and certifications still in force, by type: the follow-up, 6-month and review lists.
    index('cases_in_force').on(t.caseType, t.acceptedOn).where(sql`state = 'approved' and ended_on is null`),
    index('cases_enterprise').on(t.enterpriseId).where(sql`enterprise_id is not null`),
    // The head's 服务站 page counts a period's accepted cases by station from the index alone.
    index('cases_accepted_station').on(t.acceptedOn, t.stationId),
    // One open case of a type (and item) per applicant: the database itself refuses a second one.
    uniqueIndex('cases_one_open_per_type')
      .on(t.personId, t.caseType, t.itemCode)
      .where(sql`person_id is not null and state in ('draft', 'accepted', 'in_review', 'returned')`),
    uniqueIndex('cases_one_open_per_type_enterprise')
      .on(t.enterpriseId, t.caseType, t.itemCode)
      .where(sql`enterprise_id is not null and state in ('draft', 'accepted', 'in_review', 'returned')`),
    check('cases_one_applicant', sql`(person_id is null) <> (enterprise_id is null)`),
  ],
);

/** Every transition with actor, time and comment. */
export const caseTransitions = sqliteTable(
  'case_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: refersTo('case_id', () => cases.id),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    at: text('at').notNull(),
    comment: text('comment'),
  },
  (t) => [index('case_transitions_case').on(t.caseId)],
);

/**
 * What happened to an approved case afterwards (注销 of a registration; the
 * annual review, suspension, resumption and exit of a certification): the
 * history behind the case's current columns, never changed once written.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: refersTo('case_id', () => cases.id),
    kind: text('kind', { enum: ['cancel', 'review', 'suspend', 'resume', 'exit'] }).notNull(),
    onDate: text('on_date').notNull(),
    reason: text('reason'),
    note: text('note'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('case_events_case').on(t.caseId)],
);

/** The administrator's calendar: public holidays and adjusted working days (调休). */
export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note'),
});

/**
 * 附件: a file handed in for a case, linked to a document of its checklist
 * (or 'other'). The bytes live in the data folder under their SHA-256
 * (shared/domain/attachment-files.ts); the row keeps the name, the size and
 * the hash the file must still have when read. Never deleted: before
 * acceptance a wrong file is marked removed with a reason.
 */
export const caseAttachments = sqliteTable(
  'case_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: refersTo('case_id', () => cases.id),
    documentCode: text('document_code').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    state: text('state', { enum: ['active', 'removed'] }).notNull().default('active'),
    removedReason: text('removed_reason'),
    removedAt: text('removed_at'),
    removedBy: integer('removed_by').references(() => users.id),
    ...rowMeta,
  },
  (t) => [index('case_attachments_case').on(t.caseId), index('case_attachments_sha256').on(t.sha256)],
);
