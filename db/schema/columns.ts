import { integer, text } from 'drizzle-orm/sqlite-core';

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
