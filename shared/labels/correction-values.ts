import { ENTITY_TYPE_LABELS } from '../domain/credit-code';
import { EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, OCCUPATION_MAJOR_GROUPS, POLITICAL_STATUSES } from '../domain/code-tables';
import { ENTERPRISE_STATUSES, OWNERSHIP_TYPES, SIZE_CLASSES } from '../domain/enterprise-codes';
import { industryDivisionLabel, industrySectionLabel } from '../domain/industry';
import { formatFenAsYuan } from '../domain/case-types';
import { EMPLOYMENT_STATUS_LABELS, FEMALE_RETIREMENT_LABELS, HOUSEHOLD_TYPE_LABELS, LOW_INCOME_LABELS, SEX_LABELS } from './zh-CN';

/**
 * Stored values of corrected fields as staff read them in the 更正记录 of a
 * person or an enterprise: names for codes, never the codes themselves.
 */

/** A boolean column's value stored as text: 'true'/'false' (older rows may hold 1/0). */
const YES_NO = new Map([['true', '是'], ['false', '否'], ['1', '是'], ['0', '否']]);

/** Names of the coded person fields, by stored value (the record's codes, never shown to staff as such). */
const PERSON_NAMES: Record<string, ReadonlyMap<string, string>> = {
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
  isVeteran: YES_NO,
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
  const named = PERSON_NAMES[field]?.get(value);
  if (named !== undefined) return named;
  if (DIVISION_FIELDS.has(field)) return divisionNames.get(value) ?? value;
  if (FEN_FIELDS.has(field) && /^\d{1,12}$/.test(value)) return `${formatFenAsYuan(Number(value))} 元`;
  if (field === 'disabilityGrade' && /^[1-4]$/.test(value)) return `${value}级`;
  return value;
}

/** Names of the coded enterprise fields, by stored value. */
const ENTERPRISE_NAMES: Record<string, ReadonlyMap<string, string>> = {
  sizeClass: new Map(SIZE_CLASSES),
  ownershipCode: new Map(OWNERSHIP_TYPES),
  status: new Map(ENTERPRISE_STATUSES),
  entityType: new Map(Object.entries(ENTITY_TYPE_LABELS)),
  isDigitalTransformation: YES_NO,
  isSpecialized: YES_NO,
  isKeyEnterprise: YES_NO,
  isLabourIntensive: YES_NO,
};

/**
 * A stored value of an enterprise's field as staff read it in its 更正记录:
 * 小型 for small, 私营 for private, GB/T 4754 names for industry codes, the
 * township's name, 是/否. Values it does not know are shown as stored.
 */
export function enterpriseValueText(field: string, value: string | null, divisionNames: ReadonlyMap<string, string>): string | null {
  if (value === null) return null;
  const named = ENTERPRISE_NAMES[field]?.get(value);
  if (named !== undefined) return named;
  if (field === 'industryDivision') return industryDivisionLabel(value) ?? value;
  if (field === 'industrySection') return industrySectionLabel(value) ?? value;
  if (field === 'townshipCode') return divisionNames.get(value) ?? value;
  return value;
}
