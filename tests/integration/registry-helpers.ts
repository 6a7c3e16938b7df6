import { expect } from 'vitest';
import type { FieldCorrection, PersonSearchResult, PersonView } from '../../shared/contract';
import { expectOk, type ReadyDesk } from './helpers';

/**
 * Shared steps of the person-registry tests (registry-*.test.ts). The desks
 * come from helpers.readyDesk: a real encrypted file built by the migrations.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid 18-digit ID number (GB 11643) for test data: region, birth date
 * (YYYY-MM-DD) and a three-digit sequence (odd = man, even = woman). The check
 * char is computed here, independently of the code under test.
 */
export function idNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${sequence}`;
  expect(first17).toMatch(/^\d{17}$/);
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The 15-digit card of a person born in the 1900s: no century, no check char. */
export function legacy15(id18: string): string {
  expect(id18.slice(6, 8)).toBe('19');
  return id18.slice(0, 6) + id18.slice(8, 17);
}

export function register(ready: ReadyDesk, input: Record<string, unknown>): PersonView {
  return expectOk<PersonView>(ready.call('persons.register', input));
}

export function search(ready: ReadyDesk, query: string, extra: Record<string, unknown> = {}): PersonSearchResult {
  return expectOk<PersonSearchResult>(ready.call('persons.search', { query, ...extra }));
}

/** Names found, sorted, so the expectation does not depend on the list order. */
export function namesFound(ready: ReadyDesk, query: string, extra: Record<string, unknown> = {}): string[] {
  return search(ready, query, extra)
    .items.map((p) => p.name)
    .sort();
}

export function update(ready: ReadyDesk, id: number, version: number, changes: Record<string, unknown>, reason: string): PersonView {
  return expectOk<PersonView>(ready.call('persons.update', { id, version, changes, reason }));
}

export function corrections(ready: ReadyDesk, id: number): FieldCorrection[] {
  return expectOk<FieldCorrection[]>(ready.call('persons.corrections', { id }));
}

type Row = Record<string, unknown>;

/** Rows as stored, read through the desk's own connection. */
export function rows(ready: ReadyDesk, sql: string, ...params: unknown[]): Row[] {
  return ready.desk.database().sqlite.prepare(sql).all(...params) as Row[];
}

export function keyGroupRows(ready: ReadyDesk, personId: number): Array<{ code: string; as_of: string; until: string | null }> {
  return rows(ready, 'select code, as_of, until from person_key_groups where person_id = ? order by code', personId) as never;
}

export function searchKeys(ready: ReadyDesk, personId: number): string[] {
  return rows(ready, 'select key from person_search_keys where person_id = ? order by key', personId).map((r) => r.key as string);
}

/** The people most tests share (吴中区 320506 and neighbouring regions). */
export const ZHANG_SAN = { idNumber: idNumber('320506', '1990-05-12', '013'), name: '张三', phone: '13951001234' };
export const ZHANG_LI = { idNumber: idNumber('320506', '1988-03-08', '024'), name: '张丽', phone: '13862002468' };
export const LI_XIUYING = { idNumber: idNumber('320506', '1992-01-15', '004'), name: '李秀英', phone: '15150309876' };
export const ZENG_XIAOXIAN = { idNumber: idNumber('320583', '1985-07-21', '031'), name: '曾小贤', phone: '18912347777' };
export const SHAN_TIANFANG = { idNumber: idNumber('320507', '1970-10-02', '057'), name: '单田芳', phone: '13771118888' };

/** A township and a village of 吴中区 (resources/jiangsu-divisions.csv). */
export const CHANGQIAO = { code: '320506001', name: '长桥街道' };
export const LONGQIAO = { code: '320506001012', name: '龙桥社区居委会' };
export const MUDU = { code: '320506103', name: '木渎镇' };
export const XIANGXI = { code: '320506103001', name: '香溪社区居委会' };
