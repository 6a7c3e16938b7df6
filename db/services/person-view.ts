import type { PersonListItem, PersonView } from '../../shared/contract';
import { ageOn } from '../../shared/domain/dates';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { statutoryRetirement } from '../../shared/domain/retirement';
import type { ServiceContext } from '../context';
import { countyDivisionNames } from '../divisions';
import { keyGroupsOf, type PersonRow } from './person-derived';
import { readSetting } from './settings';

/** Township and village names of the bureau's county, by code. */
export function divisionNames(ctx: ServiceContext): Map<string, string> {
  return countyDivisionNames(ctx.divisions(), readSetting(ctx.database().db, 'county_code'));
}

function nameOf(names: Map<string, string>, code: string | null): string | null {
  return code ? (names.get(code) ?? null) : null;
}

export function toPersonView(row: PersonRow, names: Map<string, string>, today: string): PersonView {
  const retirement = statutoryRetirement(row.birthDate, row.sex, row.femaleRetirementCategory ?? undefined);
  return {
    id: row.id,
    idNumberMasked: maskIdNumber(row.idNumber),
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    phone2Masked: row.phone2 ? maskPhone(row.phone2) : null,
    ethnicityCode: row.ethnicityCode,
    politicalStatusCode: row.politicalStatusCode,
    householdType: row.householdType,
    householdDivisionCode: row.householdDivisionCode,
    householdAddress: row.householdAddress,
    residenceTownshipCode: row.residenceTownshipCode,
    residenceTownshipName: nameOf(names, row.residenceTownshipCode),
    residenceVillageCode: row.residenceVillageCode,
    residenceVillageName: nameOf(names, row.residenceVillageCode),
    address: row.address,
    educationCode: row.educationCode,
    school: row.school,
    major: row.major,
    graduationDate: row.graduationDate,
    disabilityGrade: row.disabilityGrade,
    healthStatus: row.healthStatus,
    isVeteran: row.isVeteran,
    lowIncomeStatus: row.lowIncomeStatus,
    femaleRetirementCategory: row.femaleRetirementCategory,
    employmentStatus: row.employmentStatus,
    intendedOccupationCode: row.intendedOccupationCode,
    intendedPlace: row.intendedPlace,
    intendedSalaryMinFen: row.intendedSalaryMinFen,
    intendedSalaryMaxFen: row.intendedSalaryMaxFen,
    trainingWishes: row.trainingWishes,
    // A merged record is history: it belongs to no group any more.
    keyGroups: row.mergedIntoId === null ? keyGroupsOf(row, today) : [],
    retirement: { label: retirement.label, date: retirement.retirementDate },
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function toListItem(
  row: Pick<PersonRow, 'id' | 'idNumber' | 'name' | 'sex' | 'birthDate' | 'phone' | 'residenceTownshipCode' | 'employmentStatus'>,
  keyGroups: string[],
  names: Map<string, string>,
  today: string,
): PersonListItem {
  return {
    id: row.id,
    idNumberMasked: maskIdNumber(row.idNumber),
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    residenceTownshipName: nameOf(names, row.residenceTownshipCode),
    employmentStatus: row.employmentStatus,
    keyGroups: keyGroups as PersonListItem['keyGroups'],
  };
}
