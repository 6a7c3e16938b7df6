import type { Township } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { townshipsOf, villagesOf } from '../divisions';
import { readSetting } from '../queries/settings';

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
