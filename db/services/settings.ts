import { eq } from 'drizzle-orm';
import type { DrizzleDb } from '../open';
import { settings } from '../schema';

export function readSetting(db: DrizzleDb, key: string): string {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) throw new Error(`setting ${key} is missing`);
  return row.value;
}
