import { eq } from 'drizzle-orm';
import { computeKeyGroups, type KeyGroupFacts, type KeyGroupTag } from '../../shared/domain/key-groups';
import { nameSearchKeys } from '../../shared/domain/pinyin-keys';
import type { DrizzleDb } from '../open';
import { personKeyGroups, persons, personSearchKeys } from '../schema';

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
