import { and, eq, gt, isNull } from 'drizzle-orm';
import { computeKeyGroups, type KeyGroupFacts, type KeyGroupTag } from '../../shared/domain/key-groups';
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';
import type { DrizzleDb } from '../open';
import { personKeyGroups, persons, personSearchKeys, settings } from '../schema';

export type PersonRow = typeof persons.$inferSelect;

/** The facts the key-group rules read, from a stored record. */
export function keyGroupFacts(row: PersonRow): KeyGroupFacts {
  return {
    birthDate: row.birthDate,
    sex: row.sex,
    ...(row.femaleRetirementCategory ? { femaleRetirementCategory: row.femaleRetirementCategory } : {}),
    householdType: row.householdType,
    educationCode: row.educationCode,
    graduationDate: row.graduationDate,
    employmentStatus: row.employmentStatus,
    isVeteran: row.isVeteran,
    disabilityGrade: row.disabilityGrade,
    lowIncomeStatus: row.lowIncomeStatus,
    // 就业困难人员 certifications arrive with case handling; until then nobody holds one.
    certifications: [],
  };
}

export function keyGroupsOf(row: PersonRow, today: string): KeyGroupTag[] {
  return computeKeyGroups(keyGroupFacts(row), today);
}

/**
 * Everything derived from a person row, rewritten in the same transaction as
 * the row: pinyin search keys and the stored key-group tags used by filters.
 */
export function refreshDerived(db: DrizzleDb, row: PersonRow, today: string): KeyGroupTag[] {
  db.delete(personSearchKeys).where(eq(personSearchKeys.personId, row.id)).run();
  const keys = row.mergedIntoId === null ? nameSearchKeys(row.name) : [];
  if (keys.length) db.insert(personSearchKeys).values(keys.map((key) => ({ personId: row.id, key }))).run();
  db.delete(personKeyGroups).where(eq(personKeyGroups.personId, row.id)).run();
  const tags = row.mergedIntoId === null ? keyGroupsOf(row, today) : [];
  if (tags.length) {
    db.insert(personKeyGroups)
      .values(tags.map((t) => ({ personId: row.id, code: t.code, asOf: today, until: t.until ?? null })))
      .run();
  }
  return tags;
}

/** The reversed mobile number stored for suffix search. */
export function reversedPhone(phone: string | null): string | null {
  return phone ? [...phone].reverse().join('') : null;
}

const KEY_GROUPS_AS_OF = 'key_groups_as_of';

/**
 * Stored key-group tags hold for the day they were computed; ages and
 * validity periods move with the calendar. Before the first filter of a new
 * office day, every active record is recomputed (in the caller's transaction).
 */
export function ensureKeyGroupsCurrent(db: DrizzleDb, today: string): void {
  const asOf = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY_GROUPS_AS_OF)).get()?.value;
  if (asOf === today) return;
  db.delete(personKeyGroups).run();
  const batch: { personId: number; code: string; asOf: string; until: string | null }[] = [];
  const flush = () => {
    if (batch.length) db.insert(personKeyGroups).values(batch.splice(0)).run();
  };
  // In pages by id, so a county of a million records is never all in memory.
  for (let lastId = 0; ; ) {
    const rows = db.select().from(persons).where(and(isNull(persons.mergedIntoId), gt(persons.id, lastId))).orderBy(persons.id).limit(2000).all();
    if (rows.length === 0) break;
    for (const row of rows) {
      for (const tag of keyGroupsOf(row, today)) batch.push({ personId: row.id, code: tag.code, asOf: today, until: tag.until ?? null });
      if (batch.length >= 500) flush();
    }
    lastId = rows[rows.length - 1]!.id;
  }
  flush();
  db.insert(settings).values({ key: KEY_GROUPS_AS_OF, value: today }).onConflictDoUpdate({ target: settings.key, set: { value: today } }).run();
}
