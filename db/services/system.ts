import type { SystemInfo, Township } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { townshipsOf, villagesOf } from '../divisions';
import { readSetting } from './settings';

export function info(ctx: ServiceContext): SystemInfo {
  const opened = ctx.database();
  return {
    appVersion: ctx.desk.appVersion,
    schemaVersion: opened.schemaVersion,
    county: { code: readSetting(opened.db, 'county_code'), name: readSetting(opened.db, 'county_name') },
  };
}

export function townships(ctx: ServiceContext): Township[] {
  const county = readSetting(ctx.database().db, 'county_code');
  return townshipsOf(ctx.divisions(), county).map(({ code, name }) => ({ code, name }));
}

export function villages(ctx: ServiceContext, input: { townshipCode: string }): Township[] {
  const county = readSetting(ctx.database().db, 'county_code');
  // Only this county's townships: the bureau keeps residence within its own area.
  if (!input.townshipCode.startsWith(county)) return [];
  return villagesOf(ctx.divisions(), input.townshipCode).map(({ code, name }) => ({ code, name }));
}
