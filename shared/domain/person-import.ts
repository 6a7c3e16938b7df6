import {
  EDUCATION_CHOICES,
  EMPLOYMENT_STATUS_CHOICES,
  ETHNICITY_CHOICES,
  HOUSEHOLD_TYPE_CHOICES,
  matchHeaders,
  PERSON_IMPORT_COLUMNS,
  SEX_CHOICES,
  type PersonImportField,
} from './import-columns';
import {
  birthDateMismatchReason,
  cellText,
  choiceCell,
  dateCell,
  duplicateInFileReason,
  idNumberCell,
  personNameCell,
  phoneCell,
  sexMismatchReason,
  textCell,
  type CellResult,
} from './import-values';

export interface ImportProblem {
  column: string;
  value: string;
  reason: string;
}

export type PersonRowCheck =
  | { rowNumber: number; valid: true; record: Record<string, string | null> }
  | { rowNumber: number; valid: false; problems: ImportProblem[] };

export interface SheetRows {
  headers: string[];
  rows: { rowNumber: number; cells: unknown[] }[];
  date1904: boolean;
}

/**
 * Checks every row of a persons roster: one parser per column, then the
 * cross-field checks for rows whose ID number is valid (sex and birth date
 * against the ID, the same ID earlier in the file). Problems are listed in
 * column order with the header text and the cell as staff typed it.
 */
export function checkPersonRows(sheet: SheetRows, today: string, savedMapping?: Record<string, string>): PersonRowCheck[] {
  const { columns } = matchHeaders(sheet.headers, PERSON_IMPORT_COLUMNS, savedMapping);
  const firstRowOf = new Map<string, number>();
  return sheet.rows.map(({ rowNumber, cells }) => {
    const problems: (ImportProblem & { at: number })[] = [];
    const record: Record<string, string | null> = {};
    const raw = (field: PersonImportField) => (columns[field] === undefined ? undefined : cells[columns[field]!]);
    const problem = (field: PersonImportField, reason: string) =>
      problems.push({ column: sheet.headers[columns[field]!]!, value: cellText(raw(field)), reason, at: columns[field]! });
    const take = <T extends string | null>(field: PersonImportField, result: CellResult<T>): T | null => {
      if (result.ok) {
        record[field] = result.value;
        return result.value;
      }
      problem(field, result.reason);
      return null;
    };
    take('name', personNameCell(raw('name')));
    const id = idNumberCell(raw('idNumber'), today);
    take('phone', phoneCell(raw('phone')));
    const sex = take('sex', choiceCell(raw('sex'), SEX_CHOICES)) as 'male' | 'female' | null;
    const birthDate = take('birthDate', dateCell(raw('birthDate'), { date1904: sheet.date1904 }));
    take('ethnicity', choiceCell(raw('ethnicity'), ETHNICITY_CHOICES));
    take('education', choiceCell(raw('education'), EDUCATION_CHOICES));
    take('householdType', choiceCell(raw('householdType'), HOUSEHOLD_TYPE_CHOICES));
    for (const field of ['residence', 'school', 'major'] as const) take(field, textCell(raw(field)));
    take('graduationDate', dateCell(raw('graduationDate'), { date1904: sheet.date1904 }));
    take('employmentStatus', choiceCell(raw('employmentStatus'), EMPLOYMENT_STATUS_CHOICES));
    if (!id.ok) problem('idNumber', id.reason);
    else {
      const first = firstRowOf.get(id.value.idNumber);
      if (first === undefined) firstRowOf.set(id.value.idNumber, rowNumber);
      else problem('idNumber', duplicateInFileReason('身份证号', first));
      const sexReason = sexMismatchReason(sex, id.value.sex);
      if (sexReason) problem('sex', sexReason);
      const birthReason = birthDateMismatchReason(birthDate, id.value.birthDate);
      if (birthReason) problem('birthDate', birthReason);
      Object.assign(record, { idNumber: id.value.idNumber, sex: id.value.sex, birthDate: id.value.birthDate });
    }
    if (problems.length === 0) return { rowNumber, valid: true, record };
    problems.sort((a, b) => a.at - b.at);
    return { rowNumber, valid: false, problems: problems.map(({ at: _at, ...p }) => p) };
  });
}
