import type { DifficultyCertification } from '../../shared/domain/key-groups';
import type { PersonListItem, PersonView } from '../../shared/contract';
import { ageOn } from '../../shared/domain/dates';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { statutoryRetirement } from '../../shared/domain/retirement';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { OpenedDatabase } from '../open';
import { personQualifications } from '../schema';
import { countyDivisionNames, countyLevelNames } from '../divisions';
import { certificationsOf, keyGroupsOf, type PersonRow } from './person-derived';
import { readSetting } from '../queries/settings';

/** The county's division names per open database: the county is set once, at setup, and the divisions ship with the app. */
const namesOf = new WeakMap<OpenedDatabase, Map<string, string>>();

/** Township and village names of the bureau's county, by code (every search page names its people's townships). */
export function divisionNames(ctx: ServiceContext): Map<string, string> {
  const opened = ctx.database();
  let names = namesOf.get(opened);
  if (!names) {
    names = countyDivisionNames(ctx.divisions(), readSetting(opened.db, 'county_code'));
    namesOf.set(opened, names);
  }
  return names;
}

function nameOf(names: Map<string, string>, code: string | null): string | null {
  return code ? (names.get(code) ?? null) : null;
}

/** The record as staff see it, with its qualifications and the key groups of today. */
export function personView(ctx: ServiceContext, row: PersonRow): PersonView {
  const household = row.householdDivisionCode ? (countyLevelNames(ctx.divisions()).get(row.householdDivisionCode) ?? null) : null;
  return toPersonView(row, divisionNames(ctx), household, ctx.today, qualificationsOf(ctx, row.id), certificationsOf(ctx.database().db, row.id));
}

function qualificationsOf(ctx: ServiceContext, personId: number): PersonView['qualifications'] {
  return ctx
    .database()
    .db.select({ id: personQualifications.id, name: personQualifications.name, level: personQualifications.level, certificateNumber: personQualifications.certificateNumber, issuedOn: personQualifications.issuedOn })
    .from(personQualifications)
    .where(eq(personQualifications.personId, personId))
    .orderBy(personQualifications.id)
    .all();
}

/** Who the person is, masked as every list and page shows it. */
function identity(row: Pick<PersonRow, 'id' | 'idNumber' | 'name' | 'sex' | 'birthDate' | 'phone'>, today: string) {
  return {
    id: row.id,
    idNumberMasked: maskIdNumber(row.idNumber),
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
  };
}

function toPersonView(
  row: PersonRow,
  names: Map<string, string>,
  householdDivisionName: string | null,
  today: string,
  qualifications: PersonView['qualifications'],
  certifications: DifficultyCertification[],
): PersonView {
  const retirement = statutoryRetirement(row.birthDate, row.sex, row.femaleRetirementCategory ?? undefined);
  return {
    ...identity(row, today),
    phone2Masked: row.phone2 ? maskPhone(row.phone2) : null,
    ethnicityCode: row.ethnicityCode,
    politicalStatusCode: row.politicalStatusCode,
    householdType: row.householdType,
    householdDivisionCode: row.householdDivisionCode,
    householdDivisionName,
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
    qualifications,
    // A merged record is history: it belongs to no group any more.
    keyGroups: row.mergedIntoId === null ? keyGroupsOf(row, today, certifications) : [],
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
    ...identity(row, today),
    residenceTownshipName: nameOf(names, row.residenceTownshipCode),
    employmentStatus: row.employmentStatus,
    keyGroups: keyGroups as PersonListItem['keyGroups'],
  };
}
