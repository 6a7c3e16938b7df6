import type Database from 'better-sqlite3';
import { getTableColumns, sql, type Column, type Logger, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DrizzleDb } from './open';

/**
 * Prepared statements kept per connection. Preparing costs more than running a
 * small statement (tens of µs each, measured by `npm run bench`); the hot
 * paths that run once per row of a bulk write — the audit chain, a person's
 * search keys and key groups — prepare their SQL once per connection.
 */
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(sqlite);
  if (!statements) {
    statements = new Map();
    byConnection.set(sqlite, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** The better-sqlite3 connection behind a drizzle database (drizzle keeps it as `$client`). */
export function connectionOf(db: DrizzleDb): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('drizzle database without its better-sqlite3 connection');
  return client;
}

const dialect = new SQLiteSyncDialect();

/**
 * A drizzle SQL fragment run as a statement prepared once per connection:
 * the same search shape with other values reuses its statement, where
 * drizzle's own `.all()` prepares again on every call.
 */
export function cachedQuery(db: DrizzleDb, query: SQL): { statement: Database.Statement; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // Drizzle's own logger still sees the statement, as it sees those drizzle prepares.
  (db as unknown as { session?: { logger?: Logger } }).session?.logger?.logQuery(text, params);
  return { statement: cachedStatement(connectionOf(db), text), params };
}

/** Each table's column list and the text of `select <columns> from <table>`, rendered once. */
const selectOf = new WeakMap<SQLiteTable, { columns: Array<[string, Column]>; text: string }>();

/**
 * Whole rows of `table` (as drizzle's `select()` returns them, values mapped
 * by their columns) from `select <columns> from <table> <rest>`, through the
 * statement cache.
 */
export function selectRowsCached<T extends SQLiteTable>(db: DrizzleDb, table: T, rest: SQL): Array<T['$inferSelect']> {
  let select = selectOf.get(table);
  if (!select) {
    const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
    select = { columns, text: dialect.sqlToQuery(sql`select ${sql.join(columns.map(([, column]) => column), sql`, `)} from ${table}`).sql };
    selectOf.set(table, select);
  }
  const { columns } = select;
  const { statement, params } = cachedQuery(db, sql`${sql.raw(select.text)} ${rest}`);
  const rows = statement.raw(true).all(...params) as unknown[][];
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    columns.forEach(([key, column], i) => {
      const value = values[i];
      row[key] = value === null ? null : column.mapFromDriverValue(value);
    });
    return row as T['$inferSelect'];
  });
}
