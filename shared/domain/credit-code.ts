/**
 * Enterprise identifiers: the 18-character unified social credit code
 * (统一社会信用代码, GB 32100-2015) with the organisation code (组织机构代码,
 * GB 11714) embedded in characters 9–17, and the 15-digit registration number
 * (注册号) of firms registered before 2015. Validators normalise first
 * (full-width → half-width, spaces out, lower → upper case), then check.
 */
import { compactCode } from './text';

/** GB 32100's 31 characters: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = 'empty' | 'length' | 'characters' | 'organisationCode' | 'checksum';

/** Kinds of registered entity, from the code's first two characters (GB 32100 table of authorities and types). */
export type EntityType = 'enterprise' | 'sole_trader' | 'farmers_coop' | 'social_organisation' | 'public_institution' | 'other';

export type EnterpriseKey =
  | { ok: true; kind: 'creditCode'; value: string; entityType: EntityType; entityLabel: string; regionCode: string; organisationCode: string }
  | { ok: true; kind: 'registrationNumber'; value: string }
  | { ok: false; problem: CreditCodeProblem | 'registrationChecksum' };

export function normalizeCreditCode(raw: string): string {
  return compactCode(raw).toUpperCase();
}

/** GB 11714 check character of an 8-character organisation code body: c = 11 − S mod 11, 10 → X, 11 → 0. */
export function organisationCodeCheck(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character of the first 17 characters. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const index = CREDIT_CODE_CHARS.indexOf(first17[i] ?? '');
    if (index < 0) return null;
    sum += index * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Authority (1st character) and type (2nd) → kind and a label staff recognise. */
const ENTITY_TYPES: Record<string, Record<string, [EntityType, string]>> = {
  '1': { '1': ['public_institution', '机关'], '2': ['public_institution', '事业单位'], '3': ['social_organisation', '群众团体'] },
  '5': { '1': ['social_organisation', '社会团体'], '2': ['social_organisation', '民办非企业单位'], '3': ['social_organisation', '基金会'] },
  '9': { '1': ['enterprise', '企业'], '2': ['sole_trader', '个体工商户'], '3': ['farmers_coop', '农民专业合作社'] },
};

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  enterprise: '企业',
  sole_trader: '个体工商户',
  farmers_coop: '农民专业合作社',
  social_organisation: '社会组织',
  public_institution: '机关事业单位',
  other: '其他组织',
};

export function decodeEntityType(code: string): { entityType: EntityType; label: string } {
  const found = ENTITY_TYPES[code[0] ?? '']?.[code[1] ?? ''];
  return found ? { entityType: found[0], label: found[1] } : { entityType: 'other', label: ENTITY_TYPE_LABELS.other };
}

export type CreditCodeResult =
  | { ok: true; creditCode: string; entityType: EntityType; entityLabel: string; regionCode: string; organisationCode: string }
  | { ok: false; problem: CreditCodeProblem };

export function parseCreditCode(raw: string): CreditCodeResult {
  const code = normalizeCreditCode(raw);
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length !== 18) return { ok: false, problem: 'length' };
  if (![...code].every((ch) => CREDIT_CODE_CHARS.includes(ch))) return { ok: false, problem: 'characters' };
  if (organisationCodeCheck(code.slice(8, 16)) !== code[16]) return { ok: false, problem: 'organisationCode' };
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'checksum' };
  const { entityType, label } = decodeEntityType(code);
  return { ok: true, creditCode: code, entityType, entityLabel: label, regionCode: code.slice(2, 8), organisationCode: `${code.slice(8, 16)}-${code[16]}` };
}

/** ISO 7064 MOD 11,10 check digit of the 14 leading digits of a 15-digit 注册号 (GS15-2006). */
export function registrationNumberCheck(first14: string): string | null {
  if (!/^\d{14}$/.test(first14)) return null;
  let p = 10;
  for (const ch of first14) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

/**
 * An enterprise's key as typed: an 18-character credit code, or a 15-digit
 * legacy registration number accepted as such (never converted: the credit
 * code is a new number, not a reformatting of the old one).
 */
export function parseEnterpriseKey(raw: string): EnterpriseKey {
  const code = normalizeCreditCode(raw);
  if (/^\d{15}$/.test(code)) {
    return registrationNumberCheck(code.slice(0, 14)) === code[14] ? { ok: true, kind: 'registrationNumber', value: code } : { ok: false, problem: 'registrationChecksum' };
  }
  const parsed = parseCreditCode(code);
  if (!parsed.ok) return parsed;
  const { ok: _ok, creditCode, ...rest } = parsed;
  return { ok: true, kind: 'creditCode', value: creditCode, ...rest };
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem | 'registrationChecksum', string> = {
  empty: '必填',
  length: '应为18位（2015年前登记的可填15位注册号）',
  characters: '只能由数字和大写字母组成，且不含 I、O、Z、S、V',
  organisationCode: '第9–17位的组织机构代码校验位不正确，请核对是否录错',
  checksum: '校验位（最后一位）不正确，请核对是否录错',
  registrationChecksum: '15位注册号的校验位不正确，请核对是否录错',
};
