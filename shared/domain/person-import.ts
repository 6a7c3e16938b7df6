import {
  EDUCATION_CHOICES,
  EMPLOYMENT_STATUS_CHOICES,
  ETHNICITY_CHOICES,
  HOUSEHOLD_TYPE_CHOICES,
  PERSON_IMPORT_COLUMNS,
  SEX_CHOICES,
} from './import-columns';
import { checkRows, firstRowTracker, type RowCheck, type SheetRows } from './import-rows';
import {
  birthDateMismatchReason,
  choiceCell,
  dateCell,
  idNumberCell,
  personNameCell,
  phoneCell,
  sexMismatchReason,
  textCell,
} from './import-values';

export type { ImportProblem, SheetRows } from './import-rows';
export type PersonRowCheck = RowCheck;

/**
 * Checks every row of a persons roster: one parser per column, then the
 * cross-field checks for rows whose ID number is valid (sex and birth date
 * against the ID, the same ID earlier in the file).
 */
export function checkPersonRows(sheet: SheetRows, today: string, savedMapping?: Record<string, string>): PersonRowCheck[] {
  const seen = firstRowTracker('身份证号');
  return checkRows(sheet, PERSON_IMPORT_COLUMNS, savedMapping, (row) => {
    row.take('name', personNameCell(row.raw('name')));
    const id = idNumberCell(row.raw('idNumber'), today);
    row.take('phone', phoneCell(row.raw('phone')));
    const sex = row.take('sex', choiceCell(row.raw('sex'), SEX_CHOICES)) as 'male' | 'female' | null;
    const birthDate = row.take('birthDate', dateCell(row.raw('birthDate'), { date1904: row.date1904 }));
    row.take('ethnicity', choiceCell(row.raw('ethnicity'), ETHNICITY_CHOICES));
    row.take('education', choiceCell(row.raw('education'), EDUCATION_CHOICES));
    row.take('householdType', choiceCell(row.raw('householdType'), HOUSEHOLD_TYPE_CHOICES));
    for (const field of ['residence', 'school', 'major'] as const) row.take(field, textCell(row.raw(field)));
    row.take('graduationDate', dateCell(row.raw('graduationDate'), { date1904: row.date1904 }));
    row.take('employmentStatus', choiceCell(row.raw('employmentStatus'), EMPLOYMENT_STATUS_CHOICES));
    if (!id.ok) {
      row.problem('idNumber', id.reason);
      return;
    }
    const duplicate = seen(id.value.idNumber, row.rowNumber);
    if (duplicate) row.problem('idNumber', duplicate);
    const sexReason = sexMismatchReason(sex, id.value.sex);
    if (sexReason) row.problem('sex', sexReason);
    const birthReason = birthDateMismatchReason(birthDate, id.value.birthDate);
    if (birthReason) row.problem('birthDate', birthReason);
    row.set({ idNumber: id.value.idNumber, sex: id.value.sex, birthDate: id.value.birthDate });
  });
}
