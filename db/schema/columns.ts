import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Columns every mutable row carries: timestamps (UTC ISO), the acting user and
 * an optimistic-lock version that a stale write must match.
 */
export const rowMeta = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdBy: integer('created_by'),
  updatedBy: integer('updated_by'),
  version: integer('version').notNull().default(1),
};

/**
 * A correction (更正) of one field of a record: old → new as stored, why, who
 * and when. Persons and enterprises keep theirs in tables of their own (the
 * exchange sends each with its record), after the id and the record's column.
 * The account column is handed in, so this module imports no table and the
 * tables can import it.
 */
export function correctionColumns(account: () => AnySQLiteColumn) {
  return {
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason').notNull(),
    correctedBy: integer('corrected_by').references(account),
    correctedAt: text('corrected_at').notNull(),
  };
}

/** A row's required link to another table's row: `<name> integer not null references …`. */
export function refersTo(name: string, target: () => AnySQLiteColumn) {
  return integer(name).notNull().references(target);
}
