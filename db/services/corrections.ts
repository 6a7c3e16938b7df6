import { desc, eq } from 'drizzle-orm';
import type { FieldCorrection } from '../../shared/contract';
import { actorUserId, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { enterpriseCorrections, personCorrections, users } from '../schema';

/**
 * 更正: a person's or an enterprise's record changed with a reason. Every
 * changed field keeps its history (db/schema/columns.ts correctionColumns),
 * written and read here for both kinds of record alike.
 */

export type CorrectedRecord = 'person' | 'enterprise';

const TABLES = {
  person: { table: personCorrections, recordId: personCorrections.personId },
  enterprise: { table: enterpriseCorrections, recordId: enterpriseCorrections.enterpriseId },
} as const;

/** One changed field, its values as the history stores them (text). */
export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** A value as the history stores it: text, or null for nothing. */
export function stored(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * The fields a correction changes, compared as stored; `derived` is a field
 * the service computes from another (it changes with it and is not corrected
 * on its own). Nothing changed is refused.
 */
export function fieldsToCorrect<F extends object>(fields: F, before: Record<keyof F, unknown>, derived: keyof F): Array<keyof F & string> {
  const changed = (Object.keys(fields) as Array<keyof F & string>).filter((k) => k !== derived && stored(fields[k]) !== stored(before[k]));
  if (changed.length === 0) throw new AppError('BAD_INPUT', '没有需要更正的内容');
  return changed;
}

/** The old and new values of `fields`, as stored. */
export function fieldChanges<K extends string>(fields: readonly K[], before: Record<K, unknown>, after: Record<K, unknown>): FieldChange[] {
  return fields.map((field) => ({ field, oldValue: stored(before[field]), newValue: stored(after[field]) }));
}

/** One history row per changed field, by the caller, now. */
export function recordCorrections(ctx: ServiceContext, record: CorrectedRecord, recordId: number, changes: FieldChange[], reason: string): void {
  if (changes.length === 0) return;
  const { db } = ctx.database();
  const rows = changes.map((change) => ({ ...change, reason, correctedBy: actorUserId(ctx), correctedAt: ctx.now.toISOString() }));
  if (record === 'person') db.insert(personCorrections).values(rows.map((row) => ({ personId: recordId, ...row }))).run();
  else db.insert(enterpriseCorrections).values(rows.map((row) => ({ enterpriseId: recordId, ...row }))).run();
}

/** The record's history, latest first, values as staff read them (`valueText`: names for codes, masked phones …). */
export function correctionHistory(
  ctx: ServiceContext,
  record: CorrectedRecord,
  recordId: number,
  valueText: (field: string, value: string | null) => string | null,
): FieldCorrection[] {
  const { table, recordId: recordColumn } = TABLES[record];
  return ctx
    .database()
    .db.select({
      id: table.id,
      field: table.field,
      oldValue: table.oldValue,
      newValue: table.newValue,
      reason: table.reason,
      correctedBy: users.displayName,
      correctedAt: table.correctedAt,
    })
    .from(table)
    .leftJoin(users, eq(users.id, table.correctedBy))
    .where(eq(recordColumn, recordId))
    .orderBy(desc(table.id))
    .all()
    .map((c) => ({ ...c, oldValue: valueText(c.field, c.oldValue), newValue: valueText(c.field, c.newValue) }));
}
