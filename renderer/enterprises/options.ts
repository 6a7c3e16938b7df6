import { EDUCATION_LEVELS } from '../../shared/domain/code-tables';
import { OWNERSHIP_TYPES, POLICIES_EXPLAINED, POLICY_INTEREST, SIZE_CLASSES, VISIT_MODES } from '../../shared/domain/enterprise-codes';
import { INDUSTRY_SECTIONS } from '../../shared/domain/industry';

export const options = <C extends string>(table: ReadonlyArray<readonly [C, string]>) => table.map(([value, label]) => ({ value, label }));

/** Divisions grouped by section, as the industry picker shows them. */
export const INDUSTRY_OPTIONS = INDUSTRY_SECTIONS.map(([section, label, divisions]) => ({
  group: `${section} ${label}`,
  items: divisions.map(([code, name]) => ({ value: code, label: `${code} ${name}` })),
}));
export const SECTION_OPTIONS = INDUSTRY_SECTIONS.map(([section, label]) => ({ value: section, label: `${section} ${label}` }));
export const SIZE_OPTIONS = options(SIZE_CLASSES);
export const OWNERSHIP_OPTIONS = options(OWNERSHIP_TYPES);
export const VISIT_MODE_OPTIONS = options(VISIT_MODES);
export const POLICY_OPTIONS = options(POLICIES_EXPLAINED);
export const INTEREST_OPTIONS = options(POLICY_INTEREST);
export const EDUCATION_OPTIONS = options(EDUCATION_LEVELS);
export const FLAG_OPTIONS = [
  { value: 'isDigitalTransformation', label: '智改数转' },
  { value: 'isSpecialized', label: '专精特新' },
  { value: 'isKeyEnterprise', label: '重点企业' },
  { value: 'isLabourIntensive', label: '劳动密集型' },
] as const;

/** The quarter a date falls in and the next three, for the hiring-plan picker. */
export function quarterOptions(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    out.push(`${year}Q${q}`);
    q += 1;
    if (q > 4) { q = 1; year += 1; }
  }
  return out;
}

/** Yuan typed in a number input → fen, '' → null. */
export const toFen = (yuan: number | string): number | null => (yuan === '' ? null : Math.round(Number(yuan) * 100));
