import type { DeskSettings, ParsedInputOf } from '../../shared/contract';
import { bureauNameProblem, defaultBureauName } from '../../shared/domain/bureau-name';
import type { ServiceContext } from '../context';
import { fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { optionalSetting, readSetting, writeSetting } from '../queries/settings';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/** Minutes a session may sit idle before it locks; db/desk.ts asks on every call. */
export function idleLockMinutes(db: DrizzleDb): number {
  const value = optionalSetting(db, 'idle_lock_minutes');
  return value ? Number(value) : DEFAULT_IDLE_LOCK_MINUTES;
}

/** The name on letterheads and beside the seal: the administrator's, or the county's 人社局. */
export function bureauName(db: DrizzleDb): string {
  return optionalSetting(db, 'bureau_name') ?? defaultBureauName(readSetting(db, 'county_name'));
}

/** Days after a fair's last day on which 入场登记 is still taken (shared/domain/fair-check-in.ts); none unless the administrator sets some. */
export function fairCheckInGraceDays(db: DrizzleDb): number {
  const value = optionalSetting(db, 'fair_check_in_grace_days');
  return value ? Number(value) : 0;
}

export function get(ctx: ServiceContext): DeskSettings {
  const { db } = ctx.database();
  return {
    fairCheckInGraceDays: fairCheckInGraceDays(db),
    idleLockMinutes: idleLockMinutes(db),
    bureauName: optionalSetting(db, 'bureau_name'),
    defaultBureauName: defaultBureauName(readSetting(db, 'county_name')),
  };
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'settings.update'>): DeskSettings {
  const { db } = ctx.database();
  const before = get(ctx);
  const name = input.bureauName?.trim() ? input.bureauName.trim() : null;
  const problem = name === null ? null : bureauNameProblem(name);
  if (problem) throw fieldError('bureauName', problem, '机构名称');
  writeSetting(db, 'idle_lock_minutes', String(input.idleLockMinutes));
  // Absent leaves the name as it is; null or blank returns to the default.
  if (input.bureauName !== undefined) writeSetting(db, 'bureau_name', name);
  if (input.fairCheckInGraceDays !== undefined) writeSetting(db, 'fair_check_in_grace_days', String(input.fairCheckInGraceDays));
  const after = get(ctx);
  ctx.audit({ action: 'settings.update', entityType: 'settings', detail: { before, after } });
  return after;
}
