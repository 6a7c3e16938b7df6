import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { ageOn, formatChineseDate, formatOfficeTimestamp, officeDate } from '../../shared/domain/dates';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { normalizeMobile } from '../../shared/domain/phone';
import { PERMISSIONS, ROLES, isRole, permissionsOf } from '../../shared/roles';

describe('mobile numbers', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['+86-139-1234-5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['(139)12345678', '13912345678'],
    [' 19912345678 ', '19912345678'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(normalizeMobile(raw)).toBe(expected);
  });

  it.each([
    ['12912345678', 'second digit 2'],
    ['1391234567', 'ten digits'],
    ['139123456789', 'twelve digits'],
    ['025-84561234', 'a Nanjing landline'],
    ['', 'empty'],
    ['1391234567a', 'a letter'],
    ['+8612912345678', '+86 and an impossible number'],
  ])('refuses %j (%s)', (raw) => {
    expect(normalizeMobile(raw)).toBeNull();
  });
});

describe('masking personal data in lists and prints', () => {
  it('shows the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('32050619920115004X')).toBe('3205**********004X');
    expect(maskIdNumber('320102199003071239')).toBe('3201**********1239');
  });

  it('shows the first three and last four digits of a phone number', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('hides short values completely instead of revealing them', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskPhone('123456')).toBe('******');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('canonical JSON for hashes and signatures', () => {
  it('sorts keys at every depth, including inside arrays', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: { n: 2, m: 1 } }], c: null } };
    expect(canonicalJson(value)).toBe('{"a":{"c":null,"d":[{"y":{"m":1,"n":2},"z":1}]},"b":1}');
  });

  it('gives the same bytes for equal values written in a different key order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: [1, 2] } })).toBe(canonicalJson({ y: { a: [1, 2], b: 2 }, x: 1 }));
  });

  it('keeps array order, drops undefined members and has no whitespace', () => {
    expect(canonicalJson({ list: [3, 1, 2], gone: undefined, s: 'a b' })).toBe('{"list":[3,1,2],"s":"a b"}');
  });

  it('serialises scalars like JSON.stringify', () => {
    expect(canonicalJson('张三')).toBe('"张三"');
    expect(canonicalJson(12)).toBe('12');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('office dates (Asia/Shanghai)', () => {
  it('moves to the next calendar day at 16:00 UTC', () => {
    expect(officeDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(officeDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(officeDate(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });

  it('crosses a year boundary in office time', () => {
    expect(officeDate(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('writes document dates in the Chinese form without leading zeros', () => {
    expect(formatChineseDate('2026-11-27')).toBe('2026年11月27日');
    expect(formatChineseDate('2027-01-05')).toBe('2027年1月5日');
  });

  it('shows timestamps in office time to the minute', () => {
    expect(formatOfficeTimestamp('2026-11-27T17:05:42Z')).toBe('2026-11-28 01:05');
  });

  it('counts a birthday year only from the birthday itself', () => {
    expect(ageOn('1990-03-07', '2026-03-06')).toBe(35);
    expect(ageOn('1990-03-07', '2026-03-07')).toBe(36);
    expect(ageOn('1990-03-07', '2026-12-31')).toBe(36);
    expect(ageOn('2010-11-28', '2026-11-27')).toBe(15);
    expect(ageOn('2010-11-27', '2026-11-27')).toBe(16);
  });
});

describe('roles and permissions', () => {
  it('does not let the administrator read citizens’ records', () => {
    const admin = permissionsOf(['admin']);
    expect(admin).not.toContain('persons.read');
    expect(admin).not.toContain('persons.write');
    expect(admin).toContain('users.manage');
  });

  it('lets the front desk register and read persons', () => {
    expect(permissionsOf(['front_desk'])).toEqual(expect.arrayContaining(['persons.read', 'persons.write']));
  });

  it('grants the union of several roles once each, in a stable order', () => {
    const both = permissionsOf(['front_desk', 'admin']);
    expect(both).toEqual(PERMISSIONS.filter((p) => both.includes(p)));
    expect(new Set(both).size).toBe(both.length);
    expect(both).toEqual(expect.arrayContaining(['persons.write', 'users.manage']));
  });

  it('gives no permission without a role and only write access to the front desk', () => {
    expect(permissionsOf([])).toEqual([]);
    for (const role of ROLES) {
      if (role !== 'front_desk') expect(permissionsOf([role])).not.toContain('persons.write');
    }
  });

  it('recognises only the known role names', () => {
    expect(isRole('front_desk')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole('toString')).toBe(false);
  });
});
