import { EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, OCCUPATION_MAJOR_GROUPS, POLITICAL_STATUSES } from '../domain/code-tables';
import { formatFenAsYuan } from '../domain/matter-types';
import { EMPLOYMENT_STATUS_LABELS, FEMALE_RETIREMENT_LABELS, HOUSEHOLD_TYPE_LABELS, LOW_INCOME_LABELS, SEX_LABELS } from './zh-CN';

/** Names of the coded person fields, by stored value (the record's codes, never shown to staff as such). */
const NAMES: Record<string, ReadonlyMap<string, string>> = {
  sex: new Map(Object.entries(SEX_LABELS)),
  householdType: new Map(Object.entries(HOUSEHOLD_TYPE_LABELS)),
  employmentStatus: new Map(Object.entries(EMPLOYMENT_STATUS_LABELS)),
  lowIncomeStatus: new Map(Object.entries(LOW_INCOME_LABELS)),
  femaleRetirementCategory: new Map(Object.entries(FEMALE_RETIREMENT_LABELS)),
  educationCode: new Map(EDUCATION_LEVELS),
  ethnicityCode: new Map(ETHNICITIES),
  politicalStatusCode: new Map(POLITICAL_STATUSES),
  healthStatus: new Map(HEALTH_STATUSES),
  intendedOccupationCode: new Map(OCCUPATION_MAJOR_GROUPS),
  // Stored as text from a boolean column: 'true'/'false' (older rows may hold 1/0).
  isVeteran: new Map([['true', '是'], ['false', '否'], ['1', '是'], ['0', '否']]),
};

const DIVISION_FIELDS = new Set(['residenceTownshipCode', 'residenceVillageCode', 'householdDivisionCode']);
const FEN_FIELDS = new Set(['intendedSalaryMinFen', 'intendedSalaryMaxFen']);

/**
 * A stored value of a person's field as staff read it in the 更正记录: names for
 * codes (城镇, 未就业（未登记失业）, 高中), 是/否, amounts in 元, division names
 * from `divisionNames` (the county's; others stay codes). Values it does not
 * know are shown as stored.
 */
export function personValueText(field: string, value: string | null, divisionNames: ReadonlyMap<string, string>): string | null {
  if (value === null) return null;
  const named = NAMES[field]?.get(value);
  if (named !== undefined) return named;
  if (DIVISION_FIELDS.has(field)) return divisionNames.get(value) ?? value;
  if (FEN_FIELDS.has(field) && /^\d{1,12}$/.test(value)) return `${formatFenAsYuan(Number(value))} 元`;
  if (field === 'disabilityGrade' && /^[1-4]$/.test(value)) return `${value}级`;
  return value;
}
