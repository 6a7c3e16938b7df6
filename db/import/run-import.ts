/**
 * The one spreadsheet import (persons, enterprises, vacancies): read the
 * sheet, find the columns, check every row, then — unless a dry run, or
 * all-or-nothing with bad rows — write the valid rows in ONE transaction at
 * the end, so a cancelled or failed import leaves nothing half-written. Each
 * kind supplies its columns, its row checker and its writer.
 */
import type { ImportReport, JobView } from '../../shared/contract';
import { matchHeaders, type ColumnSpec } from '../../shared/domain/import-columns';
import type { RowCheck, SheetRows } from '../../shared/domain/import-rows';
import type { ServiceContext } from '../context';
import type { JobContext } from '../jobs';
import { optionalSetting, writeSetting } from '../queries/settings';
import { writeXlsx } from '../xlsx';
import { readSheet } from './read-sheet';

export type ValidRow = { rowNumber: number; record: Record<string, string | null> };
export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportKind {
  /** Job kind and audit action prefix: persons.import, enterprises.import … */
  name: string;
  columns: ColumnSpec[];
  /** Checks the rows; may read the database (vacancies look up their enterprise). */
  check(ctx: ServiceContext, sheet: SheetRows, mapping: Record<string, string>): RowCheck[];
  /** Compares with (and, when `writes`, changes) the database; runs inside the final transaction. */
  apply(ctx: ServiceContext, valid: ValidRow[], writes: boolean, fileName: string): ApplyCounts;
}

export interface ImportInput {
  fileName: string;
  base64: string;
  dryRun: boolean;
  allOrNothing: boolean;
  mapping?: Record<string, string> | undefined;
}

/** What the import job needs, cloneable to its thread: the kind's name, the file's bytes and the choices. */
export interface ImportTaskInput {
  kind: string;
  fileName: string;
  file: Uint8Array;
  dryRun: boolean;
  allOrNothing: boolean;
  mapping: Record<string, string>;
}

export async function runImport(ctx: ServiceContext, kind: ImportKind, input: ImportTaskInput, job: JobContext): Promise<ImportReport> {
  job.progress({ phase: '读取文件', done: 0, total: 0 });
  const sheet = await readSheet(Buffer.from(input.file.buffer, input.file.byteOffset, input.file.byteLength), { headerCandidates: kind.columns, onProgress: (done, total) => job.progress({ phase: '读取文件', done, total }) });
  await job.checkpoint();
  const match = matchHeaders(sheet.headers, kind.columns, input.mapping);
  const fieldAt = new Map(Object.entries(match.columns).map(([field, index]) => [index as number, field]));
  const layout = {
    sheetName: sheet.sheetName,
    headerRowNumber: sheet.headerRowNumber,
    unknownHeaders: match.unknownHeaders,
    missingRequired: match.missingRequired.map((c) => c.label),
    columns: sheet.headers.map((header, i) => ({ header, field: fieldAt.get(i) ?? null })).filter((c) => c.header.trim() !== ''),
  };
  const base = { dryRun: input.dryRun, allOrNothing: input.allOrNothing };
  if (match.missingRequired.length > 0) {
    // Nothing can be checked without these; the screen offers to map a column to them.
    return { total: sheet.rows.length, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, rows: [], ...base, nothingWritten: true, ...layout };
  }
  job.progress({ phase: '校验', done: 0, total: sheet.rows.length });
  const checks = kind.check(ctx, sheet, input.mapping);
  job.progress({ phase: '校验', done: sheet.rows.length, total: sheet.rows.length });
  await job.checkpoint();

  const valid = checks.flatMap((c) => (c.valid ? [c] : []));
  const rows = checks.flatMap((c) => (c.valid ? [] : c.problems.map((p) => ({ row: c.rowNumber, ...p }))));
  const writes = !input.dryRun && !(input.allOrNothing && rows.length > 0);
  job.progress({ phase: writes ? '写入' : '比对', done: 0, total: valid.length });
  const counts = ctx.later((tx) => {
    const result = kind.apply(tx, valid, writes, input.fileName);
    if (writes && result.created + result.updated > 0) tx.audit({ action: `${kind.name}Commit`, detail: { fileName: input.fileName, ...result } });
    return result;
  });
  job.progress({ phase: '完成', done: valid.length, total: valid.length });
  return { total: checks.length, valid: valid.length, invalid: checks.length - valid.length, ...counts, rows, ...base, nothingWritten: !writes || counts.created + counts.updated === 0, ...layout };
}

/** Column mappings staff chose before, by header text: the same layout is read the same way next time. */
function savedMapping(ctx: ServiceContext, key: string): Record<string, string> {
  const value = optionalSetting(ctx.database().db, key);
  return value ? (JSON.parse(value) as Record<string, string>) : {};
}

/** Starts the import job: remembers a new mapping, audits the start, answers with the job to poll. */
export function startImport(ctx: ServiceContext, kind: ImportKind, input: ImportInput): JobView {
  const key = `import_mapping.${kind.name.split('.')[0]}`;
  const file = Buffer.from(input.base64, 'base64');
  const mapping = { ...savedMapping(ctx, key), ...input.mapping };
  if (input.mapping && Object.keys(input.mapping).length > 0) {
    writeSetting(ctx.database().db, key, JSON.stringify(mapping));
  }
  ctx.audit({ action: `${kind.name}Start`, detail: { fileName: input.fileName, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping: input.mapping ?? {} } });
  return ctx.jobs.startTask(ctx, {
    kind: kind.name,
    task: 'import',
    input: { kind: kind.name, fileName: input.fileName, file, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping },
  });
}

/** The template staff fill in: the usual headers, required ones starred, key and phone columns formatted as text. */
export function importTemplate(kind: ImportKind, sheetName: string, fileName: string, textFields: string[]): { fileName: string; base64: string } {
  const headers = kind.columns.map((c) => (c.required ? `*${c.label}` : c.label));
  const textColumns = textFields.map((f) => kind.columns.findIndex((c) => c.field === f)).filter((i) => i >= 0);
  const buffer = writeXlsx(sheetName, headers, [], headers.map((h) => Math.max(10, h.length * 2 + 4)), textColumns);
  return { fileName, base64: buffer.toString('base64') };
}
