import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';

/**
 * The administrator's code tables (可维护代码表): lists each province or
 * county sets for itself — the categories of 就业困难人员 and the subsidy
 * catalogue (补贴目录). An entry is retired (active = false), never deleted, so
 * past cases keep the label they were decided under.
 */
export const codeEntries = sqliteTable(
  'code_entries',
  {
    /** Which table: 'difficulty_categories' or 'subsidy_catalogue' (shared/domain/editable-code-tables.ts). */
    tableCode: text('table_code').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Subsidy catalogue only: who may apply — 'person', 'enterprise' or 'both'. */
    applicant: text('applicant', { enum: ['person', 'enterprise', 'both'] }),
    ...rowMeta,
  },
  (t) => [primaryKey({ columns: [t.tableCode, t.code] })],
);
