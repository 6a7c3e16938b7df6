import type { CodeTable } from './policies/facts';

/**
 * The level of a 职业资格/职业技能等级证书 as staff type it on the profile
 * (一级, 高级技师, 三级/高级工, 专项职业能力 …) → the policy engine's level code
 * (shared/domain/policies/facts.ts CERTIFICATE_LEVELS). Unrecognised text is
 * 'none': no level a 技能提升补贴 could be paid by.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/专项/, 'special'],
  [/一级|高级技师/, 'level1'],
  [/二级|(?<!高级)技师/, 'level2'],
  [/三级|高级工/, 'level3'],
  [/四级|中级工/, 'level4'],
  [/五级|初级工/, 'level5'],
];

export function certificateLevelOf(text: string | null): string {
  if (!text) return 'none';
  return PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'none';
}

/** Highest first, as CERTIFICATE_LEVELS lists them; 'none' last. */
export function higherCertificateLevel(levels: CodeTable, a: string, b: string): string {
  const rank = (code: string) => {
    const index = levels.findIndex(([c]) => c === code);
    return index < 0 ? levels.length : index;
  };
  return rank(a) <= rank(b) ? a : b;
}
