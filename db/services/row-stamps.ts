import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { actorUserId, type ServiceContext } from '../context';
import { AppError } from '../errors';

/**
 * The stamps of db/schema/columns.ts `rowMeta`, written the same way
 * everywhere: who and when, and the version a stale write must match.
 */

/** A new row: created and last updated now, by the caller (or `by`, for acts that need an account). */
export function createdStamps(ctx: ServiceContext, by: number | null = actorUserId(ctx)) {
  const at = ctx.now.toISOString();
  return { createdAt: at, updatedAt: at, createdBy: by, updatedBy: by };
}

/** What an update sets besides its changes: now, the caller (or `by`), and the row's next version. */
export function updatedStamps(ctx: ServiceContext, row: { version: number }, by: number | null = actorUserId(ctx)) {
  return { updatedAt: ctx.now.toISOString(), updatedBy: by, version: row.version + 1 };
}

type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

/** The refusal of a stale write, in the words of the record it concerns. */
export type Conflict = string | { message: string; details: Record<string, string | number> };

/**
 * Saves `changes` to `row` only while it still has `expectedVersion` (and
 * `where`, if given): someone who saved it since the caller read it wins, and
 * the caller is refused with CONFLICT and its own message.
 */
export function updateVersioned<T extends VersionedTable>(
  ctx: ServiceContext,
  table: T,
  row: { id: number; version: number },
  expectedVersion: number,
  changes: SQLiteUpdateSetSource<T>,
  conflict: Conflict,
  options: { by?: number | null; where?: SQL } = {},
): T['$inferSelect'] {
  const after = ctx
    .database()
    .db.update(table)
    .set({ ...changes, ...updatedStamps(ctx, row, options.by === undefined ? actorUserId(ctx) : options.by) } as SQLiteUpdateSetSource<T>)
    .where(and(eq(table.id, row.id), eq(table.version, expectedVersion), options.where))
    .returning()
    .get() as T['$inferSelect'] | undefined;
  if (!after) throw typeof conflict === 'string' ? new AppError('CONFLICT', conflict) : new AppError('CONFLICT', conflict.message, { details: conflict.details });
  return after;
}
