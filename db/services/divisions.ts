import type { CountyDivision, Township } from '../../shared/contract';
import { placeSearchKeys } from '../../shared/domain/pinyin-keys';
import type { ServiceContext } from '../context';
import { legalCounties, townshipsOf, villagesOf, type Division } from '../divisions';
import { readSetting } from '../queries/settings';

/** Pinyin keys of a division's name, read once: the divisions never change while the desk runs. */
const keysByName = new Map<string, string[]>();
function keysOf(name: string): string[] {
  let keys = keysByName.get(name);
  if (!keys) keysByName.set(name, (keys = placeSearchKeys(name)));
  return keys;
}

const picked = ({ code, name }: Division): Township => ({ code, name, searchKeys: keysOf(name) });

export function townships(ctx: ServiceContext): Township[] {
  const county = readSetting(ctx.database().db, 'county_code');
  return townshipsOf(ctx.divisions(), county).map(picked);
}

export function villages(ctx: ServiceContext, input: { townshipCode: string }): Township[] {
  const county = readSetting(ctx.database().db, 'county_code');
  // Only this county's townships: the bureau keeps residence within its own area.
  if (!input.townshipCode.startsWith(county)) return [];
  return villagesOf(ctx.divisions(), input.townshipCode).map(picked);
}

/** Jiangsu's legal county-level divisions, named with their city (苏州市吴中区), findable by either name's pinyin. */
export function counties(ctx: ServiceContext): CountyDivision[] {
  const divisions = ctx.divisions();
  const cities = new Map(divisions.filter((d) => d.level === 'city').map((d) => [d.code, d.name]));
  return legalCounties(divisions).map((d) => {
    const city = cities.get(d.parentCode) ?? '';
    return { code: d.code, name: `${city}${d.name}`, searchKeys: [...new Set([...keysOf(d.name), ...keysOf(`${city}${d.name}`)])] };
  });
}
