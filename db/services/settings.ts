import { eq } from 'drizzle-orm';
import type { DeskSettings, ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';
import type { DrizzleDb } from '../open';
import { settings } from '../schema';

export function readSetting(db: DrizzleDb, key: string): string {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) throw new Error(`setting ${key} is missing`);
  return row.value;
}

function optionalSetting(db: DrizzleDb, key: string): string | null {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function get(ctx: ServiceContext): DeskSettings {
  const value = optionalSetting(ctx.database().db, 'idle_lock_minutes');
  return { idleLockMinutes: value ? Number(value) : DEFAULT_IDLE_LOCK_MINUTES };
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'settings.update'>): DeskSettings {
  const { db } = ctx.database();
  const before = get(ctx);
  db.insert(settings)
    .values({ key: 'idle_lock_minutes', value: String(input.idleLockMinutes) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(input.idleLockMinutes) } })
    .run();
  ctx.audit({ action: 'settings.update', entityType: 'settings', detail: { before, after: input } });
  return get(ctx);
}
