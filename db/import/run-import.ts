/**
 * The one spreadsheet import (persons, enterprises, vacancies, department
 * data): read the sheet, find the columns, check every row, then — unless a
 * dry run, or all-or-nothing with bad rows — write the valid rows in ONE
 * transaction at the end, so a cancelled or failed import leaves nothing
 * half-written. Each kind supplies its columns, its row checker, its writer
 * and the choices it needs besides the file (department data: the source and
 * its 数据截止日期).
 */
import { z } from 'zod';
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
  /** Department data: valid rows matched to a registered person or enterprise, and the rest of the valid rows. */
  matched?: number;
  unmatched?: number;
  /**
   * Department data: the dated import written. It is written even when no row
   * matched — the list then said that none of the county's people is on it.
   */
  importId?: number;
}

/** What a run knows besides the valid rows: the kind's own choices and how many rows the file had. */
export interface ImportRun<O> {
  options: O;
  total: number;
}

/** Kinds that need nothing besides the file (persons, enterprises, vacancies). */
export const NO_OPTIONS = z.undefined();

export interface ImportKind<O = undefined> {
  /** Job kind and audit action prefix: persons.import, enterprises.import, facts.import … */
  name: string;
  /** One of several kinds under one name (department data: the source); keys the task and the remembered mapping. */
  variant?: string;
  columns: ColumnSpec[];
  /** The kind's choices besides the file, parsed again in the job's own thread (never trusted as cloned). */
  options: z.ZodType<O>;
  /** Checks the rows; may read the database (vacancies look up their enterprise, department data its persons). */
  check(ctx: ServiceContext, sheet: SheetRows, mapping: Record<string, string>, options: O): RowCheck[];
  /** Compares with (and, when `writes`, changes) the database; runs inside the final transaction. */
  apply(ctx: ServiceContext, valid: ValidRow[], writes: boolean, fileName: string, run: ImportRun<O>): ApplyCounts;
  /** What the start and commit audit entries add (department data: source and 数据截止日期) — never personal data. */
  auditDetail?(options: O): Record<string, unknown>;
}

/** The task registry's key of a kind: its name, and its variant when several kinds share the name. */
export function importKey(kind: Pick<ImportKind<unknown>, 'name' | 'variant'>): string {
  return kind.variant ? `${kind.name}.${kind.variant}` : kind.name;
}

export interface ImportInput {
  fileName: string;
  base64: string;
  dryRun: boolean;
  allOrNothing: boolean;
  mapping?: Record<string, string> | undefined;
}

/** What the import job needs, cloneable to its thread: the kind's key, the file's bytes and the choices. */
export interface ImportTaskInput {
  kind: string;
  fileName: string;
  file: Uint8Array;
  dryRun: boolean;
  allOrNothing: boolean;
  mapping: Record<string, string>;
  /** The kind's own choices (ImportKind.options), checked again by the kind in the thread. */
  options?: unknown;
}

export async function runImport<O>(ctx: ServiceContext, kind: ImportKind<O>, input: ImportTaskInput, job: JobContext): Promise<ImportReport> {
  const options = kind.options.parse(input.options);
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
  const checks = kind.check(ctx, sheet, input.mapping, options);
  job.progress({ phase: '校验', done: sheet.rows.length, total: sheet.rows.length });
  await job.checkpoint();

  const valid = checks.flatMap((c) => (c.valid ? [c] : []));
  const invalid = checks.length - valid.length;
  // Notes (未在本县登记, a differing name) stand in the report beside the problems, in row order; they never make a row bad.
  const rows = checks.flatMap((c) => (c.valid ? (c.notes ?? []) : c.problems).map((p) => ({ row: c.rowNumber, ...p })));
  const writes = !input.dryRun && !(input.allOrNothing && invalid > 0);
  job.progress({ phase: writes ? '写入' : '比对', done: 0, total: valid.length });
  const { counts, wrote } = ctx.later((tx) => {
    const result = kind.apply(tx, valid, writes, input.fileName, { options, total: checks.length });
    const wrote = writes && (result.created + result.updated > 0 || result.importId !== undefined);
    if (wrote) tx.audit({ action: `${kind.name}Commit`, detail: { fileName: input.fileName, total: checks.length, ...result, ...kind.auditDetail?.(options) } });
    return { counts: result, wrote };
  });
  job.progress({ phase: '完成', done: valid.length, total: valid.length });
  return { total: checks.length, valid: valid.length, invalid, ...counts, rows, ...base, nothingWritten: !wrote, ...layout };
}

/** Column mappings staff chose before, by header text: the same layout is read the same way next time. */
function savedMapping(ctx: ServiceContext, key: string): Record<string, string> {
  const value = optionalSetting(ctx.database().db, key);
  return value ? (JSON.parse(value) as Record<string, string>) : {};
}

/**
 * Starts the import job: remembers a new mapping, audits the start, answers with the job to poll.
 * Each kind remembers its own mapping (department data: one per source).
 */
export function startImport<O>(ctx: ServiceContext, kind: ImportKind<O>, input: ImportInput & { options?: O }): JobView {
  const options = kind.options.parse(input.options);
  const key = `import_mapping.${kind.name.split('.')[0]}${kind.variant ? `.${kind.variant}` : ''}`;
  const file = Buffer.from(input.base64, 'base64');
  const mapping = { ...savedMapping(ctx, key), ...input.mapping };
  if (input.mapping && Object.keys(input.mapping).length > 0) {
    writeSetting(ctx.database().db, key, JSON.stringify(mapping));
  }
  ctx.audit({ action: `${kind.name}Start`, detail: { fileName: input.fileName, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping: input.mapping ?? {}, ...kind.auditDetail?.(options) } });
  return ctx.jobs.startTask(ctx, {
    kind: kind.name,
    task: 'import',
    input: { kind: importKey(kind), fileName: input.fileName, file, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping, options },
  });
}

/** The template staff fill in: the usual headers, required ones starred, key and phone columns formatted as text. */
export function importTemplate<O>(kind: ImportKind<O>, sheetName: string, fileName: string, textFields: string[]): { fileName: string; base64: string } {
  const headers = kind.columns.map((c) => (c.required ? `*${c.label}` : c.label));
  const textColumns = textFields.map((f) => kind.columns.findIndex((c) => c.field === f)).filter((i) => i >= 0);
  const buffer = writeXlsx(sheetName, headers, [], headers.map((h) => Math.max(10, h.length * 2 + 4)), textColumns);
  return { fileName, base64: buffer.toString('base64') };
}
