import { eq } from 'drizzle-orm';
import type { DrizzleDb } from '../open';
import { settings } from '../schema';
import { cachedStatement, connectionOf, type PlanCase } from '../statements';

/**
 * The one place the `settings` key/value table is read and written. A required
 * setting is read on every search (the county's division names), so its
 * statement is kept prepared per connection (README, Benchmark: part of taking
 * the exact-ID search from 15× to 2.4× of raw SQL).
 */
export const SETTINGS_SQL = {
  value: 'select value from settings where key = ?',
} as const;

/** A setting the county's setup wrote (county code and name): its absence is a broken database. */
export function readSetting(db: DrizzleDb, key: string): string {
  const row = cachedStatement(connectionOf(db), SETTINGS_SQL.value).get(key) as { value: string } | undefined;
  if (!row) throw new Error(`setting ${key} is missing`);
  return row.value;
}

/** A setting that may not have been written yet (the idle lock's minutes are read on every call: the kept statement too). */
export function optionalSetting(db: DrizzleDb, key: string): string | null {
  const row = cachedStatement(connectionOf(db), SETTINGS_SQL.value).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Writes a setting; null removes it. */
export function writeSetting(db: DrizzleDb, key: string, value: string | null): void {
  if (value === null) {
    db.delete(settings).where(eq(settings.key, key)).run();
    return;
  }
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export const PLAN_CASES: Record<keyof typeof SETTINGS_SQL, PlanCase> = {
  value: { sql: SETTINGS_SQL.value, params: ['county_code'], uses: [/SEARCH settings USING INDEX sqlite_autoindex_settings_1 \(key=\?\)/] },
};
