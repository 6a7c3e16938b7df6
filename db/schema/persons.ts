import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { correctionColumns, refersTo, rowMeta } from './columns';
import { users } from './system';

/** 一人一档: one row per citizen, keyed by the normalised 18-digit ID number. */
export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    /** Derived from the ID number, never typed. */
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    phone: text('phone'),
    /** The mobile number reversed, so "last four digits" is an indexed prefix search. */
    phoneReversed: text('phone_reversed'),
    phone2: text('phone2'),
    ethnicityCode: text('ethnicity_code'),
    politicalStatusCode: text('political_status_code'),
    householdType: text('household_type', { enum: ['urban', 'rural'] }),
    householdDivisionCode: text('household_division_code'),
    householdAddress: text('household_address'),
    residenceTownshipCode: text('residence_township_code'),
    residenceVillageCode: text('residence_village_code'),
    address: text('address'),
    educationCode: text('education_code'),
    school: text('school'),
    major: text('major'),
    graduationDate: text('graduation_date'),
    /** 残疾等级 1–4 from the disability certificate; null when not disabled. */
    disabilityGrade: text('disability_grade'),
    healthStatus: text('health_status'),
    isVeteran: integer('is_veteran', { mode: 'boolean' }).notNull().default(false),
    lowIncomeStatus: text('low_income_status', { enum: ['dibao', 'low_income'] }),
    /** Women's original retirement category, when known (drives the 2025 retirement table). */
    femaleRetirementCategory: text('female_retirement_category', { enum: ['worker50', 'cadre55'] }),
    employmentStatus: text('employment_status', {
      enum: ['employed', 'unemployed_registered', 'unemployed_unregistered', 'not_in_labour_force', 'retired'],
    })
      .notNull()
      .default('unemployed_unregistered'),
    intendedOccupationCode: text('intended_occupation_code'),
    intendedPlace: text('intended_place'),
    intendedSalaryMinFen: integer('intended_salary_min_fen'),
    intendedSalaryMaxFen: integer('intended_salary_max_fen'),
    trainingWishes: text('training_wishes'),
    /** Set when this record was merged into another (a duplicate): it leaves search, never the database. */
    mergedIntoId: integer('merged_into_id'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('persons_id_number').on(t.idNumber),
    // merged_into_id in the index: counting a name prefix never reads the rows.
    index('persons_name_active').on(t.name, t.mergedIntoId),
    index('persons_phone').on(t.phone),
    index('persons_phone_reversed').on(t.phoneReversed),
    index('persons_birth_date').on(t.birthDate),
    // Birth date and merged_into_id in the index: a township/status list with an age band is answered
    // from the index alone, without reading every row of the township.
    index('persons_township_status_birth').on(t.residenceTownshipCode, t.employmentStatus, t.birthDate, t.mergedIntoId),
    index('persons_updated').on(t.updatedAt),
    // The head's 服务站 page counts the persons registered in a period by the registering account.
    index('persons_created').on(t.createdAt, t.createdBy),
    // 人岗匹配 for a vacancy: jobseekers by the range of their intended occupation, with every
    // column the score reads, so ranking thousands reads the index alone (db/queries/matching.ts).
    index('persons_intention').on(
      t.intendedOccupationCode, t.employmentStatus, t.educationCode, t.mergedIntoId, t.residenceTownshipCode, t.intendedSalaryMinFen, t.intendedSalaryMaxFen, t.intendedPlace,
    ),
  ],
);

/**
 * Search keys computed at write time: pinyin initials and full pinyin of the
 * name, every reading of a polyphone surname (曾 zeng/ceng, 单 shan/dan …).
 */
export const personSearchKeys = sqliteTable(
  'person_search_keys',
  {
    personId: refersTo('person_id', () => persons.id),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index('person_search_keys_person').on(t.personId)],
);

/** 重点群体 tags as computed on `as_of`, for filtering; the profile recomputes them live. */
export const personKeyGroups = sqliteTable(
  'person_key_groups',
  {
    personId: refersTo('person_id', () => persons.id),
    code: text('code').notNull(),
    asOf: text('as_of').notNull(),
    until: text('until'),
  },
  (t) => [primaryKey({ columns: [t.code, t.personId] }), index('person_key_groups_person').on(t.personId)],
);

/**
 * How many rows of person_key_groups each code has, kept exact by triggers on
 * that table (hand-written at the end of the migration that made this one),
 * so the head's 工作台 reads a dozen rows instead of every stored tag.
 */
export const personKeyGroupCounts = sqliteTable('person_key_group_counts', {
  code: text('code').primaryKey(),
  persons: integer('persons').notNull(),
});

/**
 * The first day on which a person's stored key groups may no longer hold
 * (keyGroupsRecheckOn): the daily refresh recomputes only the people due.
 */
export const personKeyGroupSchedule = sqliteTable(
  'person_key_group_schedule',
  {
    personId: integer('person_id')
      .primaryKey()
      .references(() => persons.id),
    recheckOn: text('recheck_on').notNull(),
  },
  (t) => [index('person_key_group_schedule_due').on(t.recheckOn)],
);

/** Corrections keep history: who, when, old → new, and why. */
export const personCorrections = sqliteTable(
  'person_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    ...correctionColumns(() => users.id),
  },
  (t) => [index('person_corrections_person').on(t.personId)],
);

/** Qualifications and skill certificates (职业资格/技能等级证书). */
export const personQualifications = sqliteTable(
  'person_qualifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    name: text('name').notNull(),
    level: text('level'),
    certificateNumber: text('certificate_number'),
    issuedOn: text('issued_on'),
    ...rowMeta,
  },
  (t) => [index('person_qualifications_person').on(t.personId)],
);
