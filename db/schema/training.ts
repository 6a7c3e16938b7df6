import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { enterprises } from './enterprises';
import { persons } from './persons';

/**
 * 职业培训 (vocational training): the institutions (providers) and their
 * subsidised programmes, the classes (期次) run under a programme, the
 * registry's persons enrolled in a class, attendance by session, completion,
 * assessment and the 职业技能等级证书. Rules are in shared/domain/training;
 * these tables keep what was decided there.
 */

/** 培训机构: a training institution, identified by its 统一社会信用代码. */
export const trainingProviders = sqliteTable(
  'training_providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: ['active', 'suspended'] }).notNull().default('active'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('training_providers_credit_code').on(t.creditCode)],
);

/** 培训项目: one subsidised programme of a provider (目录内项目). */
export const trainingProgrammes = sqliteTable(
  'training_programmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: refersTo('provider_id', () => trainingProviders.id),
    name: text('name').notNull(),
    /** 职业分类大典 code, e.g. 4-10-01-05. */
    occupationCode: text('occupation_code').notNull(),
    skill: text('skill').notNull(),
    /** 五级/初级工 … 一级/高级技师, or 专项职业能力. */
    level: text('level', { enum: ['level5', 'level4', 'level3', 'level2', 'level1', 'special'] }).notNull(),
    kind: text('kind', { enum: ['employment_skills', 'entrepreneurship', 'employee_upskilling'] }).notNull(),
    /** Who may enrol (shared/domain/training TRAINING_ELIGIBILITY). */
    eligibility: text('eligibility', { enum: ['working_age', 'registered_unemployed', 'employee'] }).notNull(),
    hours: integer('hours').notNull(),
    subsidyPerPersonFen: integer('subsidy_per_person_fen').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    ...rowMeta,
  },
  (t) => [
    index('training_programmes_provider').on(t.providerId),
    check('training_programmes_dates', sql`${t.validTo} >= ${t.validFrom}`),
    check('training_programmes_amounts', sql`${t.hours} > 0 and ${t.subsidyPerPersonFen} >= 0`),
  ],
);

/** 培训期次: one class of a programme, with its dates, place and teacher. */
export const trainingClasses = sqliteTable(
  'training_classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: refersTo('programme_id', () => trainingProgrammes.id),
    /** 期次编号, e.g. 2026-叉车-03; unique in the county. */
    classNumber: text('class_number').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    place: text('place').notNull(),
    teacher: text('teacher').notNull(),
    capacity: integer('capacity').notNull(),
    /** planned → (completion recorded) closed; a cancelled class keeps its reason. */
    status: text('status', { enum: ['planned', 'closed', 'cancelled'] }).notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('training_classes_number').on(t.classNumber),
    index('training_classes_programme').on(t.programmeId),
    index('training_classes_end').on(t.endDate),
    check('training_classes_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** 课次: one day's teaching of a class, for attendance. */
export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: refersTo('class_id', () => trainingClasses.id),
    sessionDate: text('session_date').notNull(),
    hours: integer('hours').notNull(),
    topic: text('topic'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('training_sessions_class_date').on(t.classId, t.sessionDate)],
);

/** 报名: a registry person in a class, through completion and assessment. */
export const trainingEnrolments = sqliteTable(
  'training_enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: refersTo('class_id', () => trainingClasses.id),
    personId: refersTo('person_id', () => persons.id),
    /** The employer of an employee in 岗位技能提升 training (职工培训稳岗率 asks whether the person stays). */
    employerEnterpriseId: integer('employer_enterprise_id').references(() => enterprises.id),
    enrolledOn: text('enrolled_on').notNull(),
    status: text('status', { enum: ['enrolled', 'completed', 'not_completed', 'withdrawn'] }).notNull().default('enrolled'),
    completedOn: text('completed_on'),
    withdrawnReason: text('withdrawn_reason'),
    assessmentResult: text('assessment_result', { enum: ['passed', 'failed'] }),
    assessedOn: text('assessed_on'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('training_enrolments_class_person').on(t.classId, t.personId),
    index('training_enrolments_person').on(t.personId),
  ],
);

/** 考勤: present or absent at one session. */
export const trainingAttendance = sqliteTable(
  'training_attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enrolmentId: refersTo('enrolment_id', () => trainingEnrolments.id),
    sessionId: refersTo('session_id', () => trainingSessions.id),
    present: integer('present', { mode: 'boolean' }).notNull(),
    ...rowMeta,
  },
  (t) => [uniqueIndex('training_attendance_enrolment_session').on(t.enrolmentId, t.sessionId), index('training_attendance_session').on(t.sessionId)],
);

/** 职业技能等级证书 issued on a passed assessment; revoked (撤销) with a reason, never deleted. */
export const trainingCertificates = sqliteTable(
  'training_certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enrolmentId: refersTo('enrolment_id', () => trainingEnrolments.id),
    certificateNumber: text('certificate_number').notNull(),
    level: text('level', { enum: ['level5', 'level4', 'level3', 'level2', 'level1', 'special'] }).notNull(),
    issuedOn: text('issued_on').notNull(),
    revokedOn: text('revoked_on'),
    revokeReason: text('revoke_reason'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('training_certificates_number').on(t.certificateNumber), uniqueIndex('training_certificates_enrolment').on(t.enrolmentId)],
);

/**
 * 培训补贴申领明细: one qualified trainee paid in an approved claim (a
 * 职业培训补贴申领 case). The unique indexes are the guard against paying a
 * trainee twice: once per enrolment, and [confirm] once per person for the
 * same occupation and level.
 */
export const trainingClaimTrainees = sqliteTable(
  'training_claim_trainees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: refersTo('case_id', () => cases.id),
    enrolmentId: refersTo('enrolment_id', () => trainingEnrolments.id),
    personId: refersTo('person_id', () => persons.id),
    occupationCode: text('occupation_code').notNull(),
    level: text('level', { enum: ['level5', 'level4', 'level3', 'level2', 'level1', 'special'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('training_claim_trainees_enrolment').on(t.enrolmentId),
    uniqueIndex('training_claim_trainees_person_skill').on(t.personId, t.occupationCode, t.level),
    index('training_claim_trainees_case').on(t.caseId),
    check('training_claim_trainees_amount', sql`${t.amountFen} > 0`),
  ],
);
