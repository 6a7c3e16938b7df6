import type Database from 'better-sqlite3';
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
