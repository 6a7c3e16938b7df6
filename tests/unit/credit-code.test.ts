import { describe, expect, it } from 'vitest';
import {
  creditCodeCheck,
  decodeEntityType,
  normalizeCreditCode,
  organisationCodeCheck,
  parseCreditCode,
  parseEnterpriseKey,
  registrationNumberCheck,
} from '../../shared/domain/credit-code';

function problemOf(raw: string): string {
  const result = parseEnterpriseKey(raw);
  return result.ok ? 'accepted' : result.problem;
}

describe('unified social credit codes (GB 32100-2015)', () => {
  it.each([
    ['91320100MA1XY8129Y', 'enterprise', '320100'],
    ['92320106MA1N2P3Q0A', 'sole_trader', '320106'],
    ['914403001922038216', 'enterprise', '440300'],
  ])('accepts the DOMAIN.md vector %s', (code, entityType, regionCode) => {
    const parsed = parseCreditCode(code);
    expect(parsed).toMatchObject({ ok: true, creditCode: code, entityType, regionCode });
  });

  it('computes the check character of the first 17 characters', () => {
    expect(creditCodeCheck('91320100MA1XY8129')).toBe('Y');
    expect(creditCodeCheck('92320106MA1N2P3Q0')).toBe('A');
    expect(creditCodeCheck('91440300192203821')).toBe('6');
  });

  it('refuses a wrong check character', () => {
    expect(problemOf('91320100MA1XY81290')).toBe('checksum');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the forbidden letter %s', (letter) => {
    expect(problemOf(`9132010013${letter}567897R`)).toBe('characters');
  });

  it('refuses 17 characters, and other lengths than 18 or 15 digits', () => {
    expect(problemOf('91320100MA2B7C3D7')).toBe('length');
    expect(problemOf('91320100MA1XY8129YY')).toBe('length');
    expect(problemOf('')).toBe('empty');
  });

  it('normalises full-width characters, spaces and lower case before checking', () => {
    expect(normalizeCreditCode(' ９１３２０１００ma1xy8129y ')).toBe('91320100MA1XY8129Y');
    expect(parseEnterpriseKey('９１３２ ０１００ＭＡ１ＸＹ８１２９Ｙ')).toMatchObject({ ok: true, kind: 'creditCode', value: '91320100MA1XY8129Y' });
  });

  it('checks the embedded organisation code: a changed 9th–16th character fails it even with a recomputed final check', () => {
    // MA1XY812 → MA1XY813 with the credit-code check char recomputed: only the GB 11714 digit can catch it.
    const body = '91320100MA1XY8139';
    const code = body + creditCodeCheck(body)!;
    expect(problemOf(code)).toBe('organisationCode');
  });
});

describe('organisation codes (GB 11714)', () => {
  it.each([
    ['MA1XY812', '9'],
    ['MA1N2P3Q', '0'],
    ['19220382', '1'],
    ['80210043', '3'],
    ['D2143569', 'X'],
  ])('check character of %s is %s', (body, check) => {
    expect(organisationCodeCheck(body)).toBe(check);
  });

  it('gives 0 when 11 − S mod 11 is 11, and refuses malformed bodies', () => {
    // S mod 11 = 0: '00000000' sums to 0.
    expect(organisationCodeCheck('00000000')).toBe('0');
    expect(organisationCodeCheck('1234567')).toBeNull();
    expect(organisationCodeCheck('1234567*')).toBeNull();
  });
});

describe('entity type from the first two characters', () => {
  it.each([
    ['91', 'enterprise', '企业'],
    ['92', 'sole_trader', '个体工商户'],
    ['93', 'farmers_coop', '农民专业合作社'],
    ['51', 'social_organisation', '社会团体'],
    ['52', 'social_organisation', '民办非企业单位'],
    ['53', 'social_organisation', '基金会'],
    ['12', 'public_institution', '事业单位'],
    ['11', 'public_institution', '机关'],
    ['Y1', 'other', '其他组织'],
    ['N2', 'other', '其他组织'],
  ])('%s is %s (%s)', (prefix, entityType, label) => {
    expect(decodeEntityType(prefix)).toEqual({ entityType, label });
  });
});

describe('legacy 15-digit registration numbers (注册号, GS15-2006)', () => {
  it('accepts a number whose ISO 7064 MOD 11,10 check digit holds, as a registration number', () => {
    expect(registrationNumberCheck('11010800000001')).toBe('6');
    expect(parseEnterpriseKey('110108000000016')).toEqual({ ok: true, kind: 'registrationNumber', value: '110108000000016' });
  });

  it('refuses a wrong check digit', () => {
    expect(problemOf('110108000000017')).toBe('registrationChecksum');
  });
});
