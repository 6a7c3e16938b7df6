/**
 * Row checking shared by every spreadsheet import (persons, enterprises,
 * vacancies): each import names its columns and writes one function that
 * parses a row's cells; this collects the values, and the problems in column
 * order with the header text and the cell as staff typed it.
 */
import { matchHeaders, type ColumnSpec } from './import-columns';
import { cellText, duplicateInFileReason, type CellResult } from './import-values';

export interface ImportProblem {
  column: string;
  value: string;
  reason: string;
}

/**
 * What is said of a row that does not keep it out of the import: `warning`, it is
 * written but deserves a look (a name that differs from the registry's);
 * `unmatched`, it is sound but names nobody registered in this county, so there
 * is nothing to write it to (department data). Neither counts as a bad row.
 */
export interface ImportNote extends ImportProblem {
  kind: 'warning' | 'unmatched';
}

export type RowCheck =
  | { rowNumber: number; valid: true; record: Record<string, string | null>; notes?: ImportNote[] }
  | { rowNumber: number; valid: false; problems: ImportProblem[] };

export interface SheetRows {
  headers: string[];
  rows: { rowNumber: number; cells: unknown[] }[];
  date1904: boolean;
}

/** What a row checker may do with the row in hand. */
export interface RowReader<F extends string> {
  readonly rowNumber: number;
  readonly date1904: boolean;
  /** The raw cell of a field's column; undefined when the sheet has no such column. */
  raw(field: F): unknown;
  /** Keeps the parsed value in the record (under the field's name), or files the reason as a problem. */
  take<T extends string | null>(field: F, result: CellResult<T>): T | null;
  problem(field: F, reason: string): void;
  /** Says something of the row that does not make it bad (ImportNote); dropped when the row is bad anyway. */
  note(field: F, reason: string, kind: ImportNote['kind']): void;
  /** Values for the record that no single cell gives (derived from the ID number, …). */
  set(values: Record<string, string | null>): void;
}

/** Remembers the first row of each key (ID number, credit code) to report later rows as duplicates. */
export function firstRowTracker(keyLabel: string): (key: string, rowNumber: number) => string | null {
  const firstRowOf = new Map<string, number>();
  return (key, rowNumber) => {
    const first = firstRowOf.get(key);
    if (first === undefined) {
      firstRowOf.set(key, rowNumber);
      return null;
    }
    return duplicateInFileReason(keyLabel, first);
  };
}

export function checkRows<F extends string>(
  sheet: SheetRows,
  specs: ColumnSpec<F>[],
  savedMapping: Record<string, string> | undefined,
  checkRow: (row: RowReader<F>) => void,
): RowCheck[] {
  const { columns } = matchHeaders(sheet.headers, specs, savedMapping);
  return sheet.rows.map(({ rowNumber, cells }) => {
    const problems: (ImportProblem & { at: number })[] = [];
    const notes: ImportNote[] = [];
    const record: Record<string, string | null> = {};
    const raw = (field: F) => (columns[field] === undefined ? undefined : cells[columns[field]!]);
    const cell = (field: F) => ({ column: sheet.headers[columns[field]!]!, value: cellText(raw(field)) });
    const problem = (field: F, reason: string) => problems.push({ ...cell(field), reason, at: columns[field]! });
    checkRow({
      rowNumber,
      date1904: sheet.date1904,
      raw,
      problem,
      note(field, reason, kind) {
        notes.push({ ...cell(field), reason, kind });
      },
      take(field, result) {
        if (result.ok) {
          record[field] = result.value;
          return result.value;
        }
        problem(field, result.reason);
        return null;
      },
      set(values) {
        Object.assign(record, values);
      },
    });
    if (problems.length === 0) return notes.length > 0 ? { rowNumber, valid: true, record, notes } : { rowNumber, valid: true, record };
    problems.sort((a, b) => a.at - b.at);
    return { rowNumber, valid: false, problems: problems.map(({ at: _at, ...p }) => p) };
  });
}
