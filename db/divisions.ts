import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** GB/T 2260 divisions of Jiangsu, shipped as resources/jiangsu-divisions.csv. */
export interface Division {
  level: 'city' | 'county' | 'township' | 'village';
  code: string;
  name: string;
  parentCode: string;
  /** Set for statistical functional zones, which are not legal divisions. */
  note: string;
}

const cache = new Map<string, Division[]>();

export function loadDivisions(resourcesDir: string): Division[] {
  const file = join(resourcesDir, 'jiangsu-divisions.csv');
  const cached = cache.get(file);
  if (cached) return cached;
  const [, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const divisions = lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [level, code, name, parentCode, ...note] = line.split(',');
      return { level, code, name, parentCode, note: note.join(',') } as Division;
    });
  cache.set(file, divisions);
  return divisions;
}

/** Counties a bureau can be set up for: legal divisions only (no functional zones). */
export function legalCounties(divisions: Division[]): Division[] {
  return divisions.filter((d) => d.level === 'county' && d.note === '');
}

export function townshipsOf(divisions: Division[], countyCode: string): Division[] {
  return divisions.filter((d) => d.level === 'township' && d.parentCode === countyCode);
}

const countyNameCache = new Map<string, Map<string, string>>();

/** Names of the county's townships and villages by code (memoised: the list never changes at run time). */
export function countyDivisionNames(divisions: Division[], countyCode: string): Map<string, string> {
  const cached = countyNameCache.get(countyCode);
  if (cached) return cached;
  const townships = townshipsOf(divisions, countyCode);
  const townshipCodes = new Set(townships.map((t) => t.code));
  const names = new Map<string, string>(townships.map((t) => [t.code, t.name]));
  for (const d of divisions) if (d.level === 'village' && townshipCodes.has(d.parentCode)) names.set(d.code, d.name);
  countyNameCache.set(countyCode, names);
  return names;
}

const countyLevelCache = new WeakMap<Division[], Map<string, string>>();

/** Jiangsu's county-level divisions (legal ones and the old codes still printed on ID cards) named with their city: 320506 → 苏州市吴中区. */
export function countyLevelNames(divisions: Division[]): Map<string, string> {
  const cached = countyLevelCache.get(divisions);
  if (cached) return cached;
  const cities = new Map(divisions.filter((d) => d.level === 'city').map((d) => [d.code, d.name]));
  const names = new Map(divisions.filter((d) => d.level === 'county').map((d) => [d.code, `${cities.get(d.parentCode) ?? ''}${d.name}`]));
  countyLevelCache.set(divisions, names);
  return names;
}

export function villagesOf(divisions: Division[], townshipCode: string): Division[] {
  return divisions.filter((d) => d.level === 'village' && d.parentCode === townshipCode);
}

/**
 * The county's township an imported address names (木渎镇中山东路12号 → 木渎镇).
 * `start`: the address begins with the township (the persons' roster gives
 * 现居住地 so); `anywhere`: the name may stand after a city or county (an
 * enterprise list's registered address). The first township found wins.
 */
export function townshipInAddress(names: Map<string, string>, address: string | null, where: 'start' | 'anywhere'): string | null {
  if (!address) return null;
  for (const [code, name] of names) {
    if (code.length === 9 && (where === 'start' ? address.startsWith(name) : address.includes(name))) return code;
  }
  return null;
}
