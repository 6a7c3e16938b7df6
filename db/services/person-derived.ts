import { eq, gt, lte } from 'drizzle-orm';
import { computeKeyGroups, keyGroupsRecheckOn, type DifficultyCertification, type KeyGroupFacts, type KeyGroupTag } from '../../shared/domain/key-groups';
import { certificationPeriods, type CertificationEvent } from '../../shared/domain/person-contacts';
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';
import type { DrizzleDb } from '../open';
import { approvedCertifications, certificationEvents, deleteKeyGroups, deleteSearchKeys, insertKeyGroupRows, insertKeyGroups, insertSearchKeyRows, insertSearchKeys } from '../queries/persons';
import { optionalSetting, writeSetting } from '../queries/settings';
import { personKeyGroupSchedule, persons } from '../schema';

export type PersonRow = typeof persons.$inferSelect;
/** The columns key groups are worked out from. */
export type KeyGroupRow = Pick<PersonRow, 'birthDate' | 'sex' | 'femaleRetirementCategory' | 'householdType' | 'educationCode' | 'graduationDate' | 'employmentStatus' | 'isVeteran' | 'disabilityGrade' | 'lowIncomeStatus'>;

/**
 * The person's 就业困难人员 certifications: approved certification cases,
 * with the category and validity period of their form, cut into the periods
 * in which they hold by their suspensions and exit (certificationPeriods).
 */
export function certificationsOf(db: DrizzleDb, personId: number): DifficultyCertification[] {
  return certificationsOfMany(db, [personId]).get(personId) ?? [];
}

const CERTIFICATION_SLICE = 500;

/** certificationsOf for a page of people in two statements (a search lists twenty at a time). */
export function certificationsOfMany(db: DrizzleDb, personIds: number[]): Map<number, DifficultyCertification[]> {
  const result = new Map<number, DifficultyCertification[]>();
  // In slices, so an export of 100,000 rows stays under SQLite's limit on bound parameters.
  if (personIds.length > CERTIFICATION_SLICE) {
    for (let i = 0; i < personIds.length; i += CERTIFICATION_SLICE) {
      for (const [id, periods] of certificationsOfMany(db, personIds.slice(i, i + CERTIFICATION_SLICE))) result.set(id, periods);
    }
    return result;
  }
  if (personIds.length === 0) return result;
  const cases = approvedCertifications(db, personIds);
  if (cases.length === 0) return result;
  const eventsOf = new Map<number, CertificationEvent[]>();
  for (const { caseId, kind, onDate } of certificationEvents(db, cases.map((m) => m.id))) eventsOf.set(caseId, [...(eventsOf.get(caseId) ?? []), { kind, onDate }]);
  for (const { id, personId, form, categoryName } of cases) {
    const values = JSON.parse(form) as Record<string, string | null>;
    const periods = certificationPeriods({ category: categoryName, validFrom: values.validFrom ?? '0000-01-01', validTo: values.validTo ?? null }, eventsOf.get(id) ?? []);
    result.set(personId, [...(result.get(personId) ?? []), ...periods]);
  }
  return result;
}

/** The facts the key-group rules read, from a stored record (and its certifications). */
export function keyGroupFacts(row: KeyGroupRow, certifications: DifficultyCertification[] = []): KeyGroupFacts {
  return {
    birthDate: row.birthDate,
    sex: row.sex,
    // Absent stays undefined (never null); a literal without a spread is built in one step (the sweep makes a million).
    femaleRetirementCategory: row.femaleRetirementCategory ?? undefined,
    householdType: row.householdType,
    educationCode: row.educationCode,
    graduationDate: row.graduationDate,
    employmentStatus: row.employmentStatus,
    isVeteran: row.isVeteran,
    disabilityGrade: row.disabilityGrade,
    lowIncomeStatus: row.lowIncomeStatus,
    certifications,
  };
}

export function keyGroupsOf(row: KeyGroupRow, today: string, certifications: DifficultyCertification[] = []): KeyGroupTag[] {
  return computeKeyGroups(keyGroupFacts(row, certifications), today);
}

/**
 * Everything derived from a person row, rewritten in the same transaction as
 * the row: pinyin search keys, the stored key-group tags used by filters and
 * the day they must be recomputed. `knownCertifications` spares the look-up
 * when the caller knows them.
 */
export function refreshDerived(db: DrizzleDb, row: PersonRow, today: string, knownCertifications?: DifficultyCertification[]): KeyGroupTag[] {
  deleteSearchKeys(db, row.id);
  if (row.mergedIntoId === null) insertSearchKeys(db, row.id, nameSearchKeys(row.name));
  return storeKeyGroups(db, row, today, knownCertifications);
}

/**
 * refreshDerived for a person inserted a moment ago in this transaction: there
 * is nothing derived to remove and no certification to look up.
 */
export function deriveForNewPerson(db: DrizzleDb, row: PersonRow, today: string): void {
  deriveForNewPersons(db, [row], today);
}

/**
 * deriveForNewPerson for a batch of persons (a roster import writes thousands):
 * their search keys, key-group tags and recheck dates, each table in
 * multi-row statements for the whole batch.
 */
export function deriveForNewPersons(db: DrizzleDb, rows: readonly PersonRow[], today: string): void {
  const keys: Array<[number, string]> = [];
  const tags: Array<[number, string, string, string | null]> = [];
  const rechecks: Array<[number, string | null]> = [];
  for (const row of rows) {
    for (const key of nameSearchKeys(row.name)) keys.push([row.id, key]);
    const facts = keyGroupFacts(row, []);
    for (const tag of computeKeyGroups(facts, today)) tags.push([row.id, tag.code, today, tag.until ?? null]);
    rechecks.push([row.id, keyGroupsRecheckOn(facts, today)]);
  }
  insertSearchKeyRows(db, keys);
  insertKeyGroupRows(db, tags, rechecks);
}

/**
 * Stored tags and recheck date of one person (none for a merged record). Runs
 * once per person of a bulk write, so its statements are prepared once.
 */
function storeKeyGroups(db: DrizzleDb, row: PersonRow, today: string, knownCertifications?: DifficultyCertification[]): KeyGroupTag[] {
  deleteKeyGroups(db, row.id, row.mergedIntoId !== null);
  if (row.mergedIntoId !== null) return [];
  return storeNewKeyGroups(db, row, today, knownCertifications ?? certificationsOf(db, row.id));
}

function storeNewKeyGroups(db: DrizzleDb, row: PersonRow, today: string, certifications: DifficultyCertification[]): KeyGroupTag[] {
  const facts = keyGroupFacts(row, certifications);
  const tags = computeKeyGroups(facts, today);
  insertKeyGroups(db, row.id, today, tags, keyGroupsRecheckOn(facts, today));
  return tags;
}

/** The reversed mobile number stored for suffix search. */
export function reversedPhone(phone: string | null): string | null {
  return phone ? [...phone].reverse().join('') : null;
}

export const KEY_GROUPS_AS_OF = 'key_groups_as_of';

/**
 * Stored key-group tags hold until each person's recheck date; ages and
 * validity periods move with the calendar. Before the first filter of a new
 * office day, the people due are recomputed (in the caller's transaction) —
 * a few thousand a day in a county of a million. A database that never had
 * its tags computed (new, or just migrated) is computed in full once.
 * Returns how many people were recomputed.
 */
export function ensureKeyGroupsCurrent(db: DrizzleDb, today: string): number {
  const asOf = optionalSetting(db, KEY_GROUPS_AS_OF);
  if (asOf === today) return 0;
  let recomputed = 0;
  if (asOf === null) {
    // In pages by id, so a county of a million records is never all in memory.
    for (let lastId = 0; ; ) {
      const rows = db.select().from(persons).where(gt(persons.id, lastId)).orderBy(persons.id).limit(2000).all();
      if (rows.length === 0) break;
      for (const row of rows) storeKeyGroups(db, row, today);
      recomputed += rows.length;
      lastId = rows[rows.length - 1]!.id;
    }
  } else {
    const due = db
      .select({ person: persons })
      .from(personKeyGroupSchedule)
      .innerJoin(persons, eq(persons.id, personKeyGroupSchedule.personId))
      .where(lte(personKeyGroupSchedule.recheckOn, today))
      .all();
    for (const { person } of due) storeKeyGroups(db, person, today);
    recomputed = due.length;
  }
  writeSetting(db, KEY_GROUPS_AS_OF, today);
  return recomputed;
}
