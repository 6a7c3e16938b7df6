import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column, type Logger, type SQL } from 'drizzle-orm';
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

/**
 * A read's deferred transaction with kept BEGIN and COMMIT statements: a
 * search per keystroke spares what wrapping `work` in better-sqlite3's
 * `transaction()` costs on every call (a new function, its statements looked
 * up: some 20 µs, three times a kept statement's run, measured on the bench county).
 */
export function readTransaction<T>(sqlite: Database.Database, work: () => T): T {
  cachedStatement(sqlite, 'begin deferred').run();
  try {
    const value = work();
    cachedStatement(sqlite, 'commit').run();
    return value;
  } catch (error) {
    if (sqlite.inTransaction) cachedStatement(sqlite, 'rollback').run();
    throw error;
  }
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
 * drizzle's own `.all()` prepares again on every call. Statements are kept
 * for the connection's life, so use it only for SQL of a bounded number of
 * shapes — not for `in (…)` lists whose length varies with the data.
 */
export function cachedQuery(db: DrizzleDb, query: SQL): { statement: Database.Statement; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // Drizzle's own logger still sees the statement, as it sees those drizzle prepares.
  (db as unknown as { session?: { logger?: Logger } }).session?.logger?.logQuery(text, params);
  return { statement: cachedStatement(connectionOf(db), text), params };
}

/**
 * A statement of a query module (db/queries/<domain>.ts) with values to bind:
 * tests/integration/query-plans.test.ts runs EXPLAIN QUERY PLAN on each one
 * against a migrated database and fails on a full scan of a big table. `uses`
 * names what the plan must show, where a statement was written for an index.
 */
export interface PlanCase {
  sql: string;
  params: unknown[] | Record<string, unknown>;
  uses?: RegExp[];
}

/** The plan case of a drizzle fragment, rendered as the statement cache renders it. */
export function planCaseOf(query: SQL, uses?: RegExp[]): PlanCase {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { sql: text, params, ...(uses ? { uses } : {}) };
}

/** Each table's columns and the text of `select <columns> from <table>`, rendered once. */
interface TableSelect {
  columns: Array<[string, Column]>;
  byKey: Map<string, Column>;
  columnsText: string;
  text: string;
}
const selectOf = new WeakMap<SQLiteTable, TableSelect>();

function describeSelect(table: SQLiteTable): TableSelect {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const columnsText = columns.map(([, column]) => dialect.escapeName(column.name)).join(', ');
  const select = { columns, byKey: new Map(columns), columnsText, text: `select ${columnsText} from ${dialect.escapeName(getTableName(table))}` };
  selectOf.set(table, select);
  return select;
}

/** A row as drizzle returns it, from the values of a raw statement in column order. */
function rowFrom(columns: Array<[string, Column]>, values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach(([key, column], i) => {
    const value = values[i];
    row[key] = value === null ? null : column.mapFromDriverValue(value);
  });
  return row;
}

/** A row's values as an insert gives them: JavaScript defaults applied, undefined left out, in the given key order. */
function insertValues(select: TableSelect, table: SQLiteTable, values: Record<string, unknown>): { keys: string[]; columns: Column[]; params: unknown[] } {
  const given = { ...values };
  // Defaults computed in JavaScript (`$defaultFn`, `$onUpdateFn`), as drizzle's insert applies them.
  for (const [key, column] of select.columns) {
    if (given[key] !== undefined) continue;
    if (column.defaultFn) given[key] = column.defaultFn();
    else if (column.onUpdateFn) given[key] = column.onUpdateFn();
  }
  const keys = Object.keys(given).filter((key) => given[key] !== undefined);
  const columns = keys.map((key) => {
    const column = select.byKey.get(key);
    if (!column) throw new Error(`${key} is not a column of ${getTableName(table)}`);
    return column;
  });
  const params = keys.map((key, i) => (given[key] === null ? null : columns[i]!.mapToDriverValue(given[key])));
  return { keys, columns, params };
}

const insertHead = (table: SQLiteTable, columns: Column[]) => `insert into ${dialect.escapeName(getTableName(table))} (${columns.map((c) => dialect.escapeName(c.name)).join(', ')}) values`;

/**
 * `insert into <table> (<columns given>) values (…) returning <every column>`
 * through the statement cache, values mapped to the driver and the row mapped
 * back as drizzle maps them.
 */
export function insertReturningCached<T extends SQLiteTable>(db: DrizzleDb, table: T, values: Partial<T['$inferInsert']>): T['$inferSelect'] {
  return insertManyReturningCached(db, table, [values])[0]!;
}

/**
 * insertReturningCached for many rows at once, as multi-row statements
 * (insertRows): a roster import writes its persons so, a batch at a time.
 * Rows come back in the order given: new rowids rise in that order, and
 * `returning`'s own order is left unspecified by SQLite, so they are sorted by it.
 */
export function insertManyReturningCached<T extends SQLiteTable>(db: DrizzleDb, table: T, list: ReadonlyArray<Partial<T['$inferInsert']>>): Array<T['$inferSelect']> {
  const select = selectOf.get(table) ?? describeSelect(table);
  const rowidAt = select.columns.findIndex(([, column]) => column.primary && column.columnType === 'SQLiteInteger');
  const prepared = list.map((values) => insertValues(select, table, values as Record<string, unknown>));
  const out: Array<T['$inferSelect']> = [];
  // Rows giving the same columns share a statement; a run ends where the columns change.
  for (let start = 0; start < prepared.length; ) {
    const keys = prepared[start]!.keys;
    let end = start + 1;
    while (end < prepared.length && sameStrings(prepared[end]!.keys, keys)) end += 1;
    const returned = insertRows(connectionOf(db), insertHead(table, prepared[start]!.columns), keys.length, prepared.slice(start, end).map((p) => p.params), `returning ${select.columnsText}`);
    if (rowidAt >= 0 && !keys.includes(select.columns[rowidAt]![0])) returned.sort((a, b) => (a[rowidAt] as number) - (b[rowidAt] as number));
    for (const values of returned) out.push(rowFrom(select.columns, values) as T['$inferSelect']);
    start = end;
  }
  return out;
}

function sameStrings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** SQLite's limit on bound values in one statement (SQLITE_MAX_VARIABLE_NUMBER of this build, checked by a test). */
export const MAX_BOUND_VALUES = 32_766;
/** Rows in one multi-row statement at most: more saves little and holds bigger statements. */
export const ROWS_PER_STATEMENT = 256;

/**
 * Statement sizes for `count` rows: as many full statements as fit, then the
 * rest in falling powers of two (300 → 256, 32, 8, 4), so a table needs at
 * most a handful of kept statements whatever the batch sizes.
 */
export function statementSizes(count: number, most: number): number[] {
  const sizes: number[] = [];
  let left = count;
  for (; left >= most; left -= most) sizes.push(most);
  for (let size = 2 ** Math.floor(Math.log2(Math.max(left, 1))); left > 0; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * Writes rows of `width` values each with `<head> (?, …), (?, …) … <tail>`,
 * in multi-row statements kept per connection (statementSizes), every
 * statement under SQLite's limit on bound values. With a `returning` tail,
 * answers the returned rows as value arrays.
 */
export function insertRows(sqlite: Database.Database, head: string, width: number, rows: ReadonlyArray<readonly unknown[]>, tail = ''): unknown[][] {
  const most = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_BOUND_VALUES / width)));
  const returning = /^\s*returning\b/i.test(tail);
  const placeholders = `(${new Array<string>(width).fill('?').join(', ')})`;
  const out: unknown[][] = [];
  let at = 0;
  for (const size of statementSizes(rows.length, most)) {
    const statement = cachedStatement(sqlite, `${head} ${new Array<string>(size).fill(placeholders).join(', ')}${tail ? ` ${tail}` : ''}`);
    const params: unknown[] = [];
    for (let i = at; i < at + size; i += 1) for (const value of rows[i]!) params.push(value);
    if (returning) out.push(...(statement.raw(true).all(params) as unknown[][]));
    else statement.run(params);
    at += size;
  }
  return out;
}
