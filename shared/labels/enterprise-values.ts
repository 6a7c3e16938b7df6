import { ENTITY_TYPE_LABELS } from '../domain/credit-code';
import { ENTERPRISE_STATUSES, OWNERSHIP_TYPES, SIZE_CLASSES } from '../domain/enterprise-codes';
import { industryDivisionLabel, industrySectionLabel } from '../domain/industry';

const YES_NO = new Map([['true', '是'], ['false', '否'], ['1', '是'], ['0', '否']]);

/** Names of the coded enterprise fields, by stored value. */
const NAMES: Record<string, ReadonlyMap<string, string>> = {
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
  const named = NAMES[field]?.get(value);
  if (named !== undefined) return named;
  if (field === 'industryDivision') return industryDivisionLabel(value) ?? value;
  if (field === 'industrySection') return industrySectionLabel(value) ?? value;
  if (field === 'townshipCode') return divisionNames.get(value) ?? value;
  return value;
}
