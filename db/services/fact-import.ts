/**
 * 部门数据比对 on the one import machinery (db/import/run-import.ts): one kind
 * per source, each with the department file's columns, the shared row checks
 * (shared/domain/department-fact-rows.ts) and a writer that keeps the matched
 * rows under ONE dated import (fact_imports) — never overwriting an earlier
 * file. Rows naming nobody registered here are reported, not kept.
 */
import { z } from 'zod';
import type { JobView, ParsedInputOf } from '../../shared/contract';
import { isoDate } from '../../shared/contract/person-fields';
import { checkFactRows, type FactRegistry } from '../../shared/domain/department-fact-rows';
import { FACT_COLUMNS, FACT_SOURCE_INFO, FACT_SOURCES, FACT_TEXT_FIELDS, type AssistanceKind, type FactSource } from '../../shared/domain/department-facts';
import type { ServiceContext } from '../context';
import { fieldError } from '../errors';
import { importTemplate as template, startImport, type ApplyCounts, type ImportKind, type ImportRun, type ValidRow } from '../import/run-import';
import {
  employerInsurance, factImports, FACT_SOURCES as STORED_SOURCES, personAssistance, personBusinesses, personDeaths, personDisabilities, personInsurance,
} from '../schema';
import { cachedStatement, insertReturningCached } from '../statements';

// The contract's sources and the table's enum are the same words: a source added to one only fails the build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sourcesAgree: Same<FactSource, (typeof STORED_SOURCES)[number]> = true;
void sourcesAgree;

export interface FactImportOptions {
  asOf: string;
}

/** The registry as the row checks ask it, one indexed look-up per row on the job's connection. */
function registryOf(ctx: ServiceContext): FactRegistry {
  const sqlite = ctx.database().sqlite;
  const byIdNumber = cachedStatement(sqlite, 'select id, name, merged_into_id as mergedIntoId from persons where id_number = ?');
  const byId = cachedStatement(sqlite, 'select id, name, merged_into_id as mergedIntoId from persons where id = ?');
  const byCreditCode = cachedStatement(sqlite, 'select id, name from enterprises where credit_code = ?');
  const byRegistrationNumber = cachedStatement(sqlite, 'select id, name from enterprises where registration_number = ?');
  const formerNames = cachedStatement(sqlite, 'select name from enterprise_former_names where enterprise_id = ?');
  type PersonHit = { id: number; name: string; mergedIntoId: number | null } | undefined;
  return {
    person(idNumber) {
      let hit = byIdNumber.get(idNumber) as PersonHit;
      // A merged duplicate stands for the record it was merged into.
      for (let hops = 0; hit?.mergedIntoId && hops < 10; hops += 1) hit = byId.get(hit.mergedIntoId) as PersonHit;
      return hit && hit.mergedIntoId === null ? { id: hit.id, name: hit.name } : null;
    },
    enterprise(key) {
      const hit = (byCreditCode.get(key) ?? byRegistrationNumber.get(key)) as { id: number; name: string } | undefined;
      if (!hit) return null;
      return { id: hit.id, names: [hit.name, ...(formerNames.all(hit.id) as { name: string }[]).map((r) => r.name)] };
    },
  };
}

const num = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

/** One row of the source's table per matched row of the file. */
const WRITERS: Record<FactSource, (ctx: ServiceContext, importId: number, record: Record<string, string | null>) => void> = {
  person_insurance: (ctx, importId, r) =>
    void insertReturningCached(ctx.database().db, personInsurance, {
      importId, personId: Number(r.personId), monthsTotal: Number(r.monthsTotal), monthsLast12: Number(r.monthsLast12),
      employerCreditCode: r.employerCreditCode ?? null, enterpriseId: num(r.enterpriseId), employerSince: r.employerSince ?? null,
    }),
  employer_insurance: (ctx, importId, r) =>
    void insertReturningCached(ctx.database().db, employerInsurance, {
      importId, enterpriseId: Number(r.enterpriseId), insuredHeadcount: Number(r.insuredHeadcount), headcountYearAgo: num(r.headcountYearAgo),
      headcountStartLastYear: num(r.headcountStartLastYear), reductionsLastYear: num(r.reductionsLastYear),
      unemploymentInsurancePaidLastYearFen: num(r.uiPaidLastYear), arrears: r.arrears === 'yes',
    }),
  assistance: (ctx, importId, r) =>
    void insertReturningCached(ctx.database().db, personAssistance, {
      importId, personId: Number(r.personId), kind: r.kind as AssistanceKind, fromDate: r.fromDate ?? null, toDate: r.toDate ?? null,
    }),
  deaths: (ctx, importId, r) => void insertReturningCached(ctx.database().db, personDeaths, { importId, personId: Number(r.personId), diedOn: r.diedOn! }),
  business_registrations: (ctx, importId, r) =>
    void insertReturningCached(ctx.database().db, personBusinesses, {
      importId, personId: Number(r.personId), creditCode: r.creditCode!, businessName: r.businessName!, foundedOn: r.foundedOn!,
      operating: r.status === 'operating', enterpriseId: num(r.enterpriseId),
    }),
  disability_certificates: (ctx, importId, r) =>
    void insertReturningCached(ctx.database().db, personDisabilities, {
      importId, personId: Number(r.personId), certificateNo: r.certificateNo!, category: r.category ?? null, grade: r.grade ?? null, validTo: r.validTo ?? null,
    }),
};

/** The dated import and its matched rows, in the task's final transaction; a dry run only counts. */
function applyFacts(source: FactSource, ctx: ServiceContext, valid: ValidRow[], writes: boolean, fileName: string, run: ImportRun<FactImportOptions>): ApplyCounts {
  const key = FACT_SOURCE_INFO[source].target === 'person' ? 'personId' : 'enterpriseId';
  const matchedRows = valid.filter((v) => v.record[key]);
  const matched = matchedRows.length;
  const unmatched = valid.length - matched;
  const counts = { created: matched, updated: 0, unchanged: 0, matched, unmatched };
  // A file with no sound row says nothing about anyone: no dated import is written for it, so it
  // cannot stand as "nobody of ours is on the list". A sound file with no match here still is one.
  if (!writes || valid.length === 0) return counts;
  const row = insertReturningCached(ctx.database().db, factImports, {
    source, asOf: run.options.asOf, fileName, rows: run.total, matched, unmatched, importedAt: ctx.now.toISOString(), importedBy: ctx.actor?.userId ?? null,
  });
  for (const { record } of matchedRows) WRITERS[source](ctx, row.id, record);
  return { ...counts, importId: row.id };
}

function factKind(source: FactSource): ImportKind<FactImportOptions> {
  return {
    name: 'facts.import',
    variant: source,
    columns: FACT_COLUMNS[source],
    options: z.strictObject({ asOf: isoDate }),
    check: (ctx, sheet, mapping, options) => checkFactRows(source, sheet, { today: ctx.today, asOf: options.asOf }, registryOf(ctx), mapping),
    apply: (ctx, valid, writes, fileName, run) => applyFacts(source, ctx, valid, writes, fileName, run),
    // Who, when and the file are the entry's own; nothing of the rows (names, ID numbers) goes in.
    auditDetail: (options) => ({ source, asOf: options.asOf }),
  };
}

export const FACT_IMPORTS: ImportKind<FactImportOptions>[] = FACT_SOURCES.map(([source]) => factKind(source));
const kindOf = (source: FactSource) => FACT_IMPORTS.find((k) => k.variant === source)!;

export function importStart(ctx: ServiceContext, input: ParsedInputOf<'facts.importStart'>): JobView {
  // A file cannot describe a day that has not come yet; refused before the job starts, naming the field.
  if (input.asOf > ctx.today) throw fieldError('asOf', `不能晚于今天（${ctx.today}）`, '数据截止日期');
  return startImport(ctx, kindOf(input.source), { ...input, options: { asOf: input.asOf } });
}

export function importTemplate(_ctx: ServiceContext, input: ParsedInputOf<'facts.importTemplate'>): { fileName: string; base64: string } {
  const info = FACT_SOURCE_INFO[input.source];
  return template(kindOf(input.source), info.sheetName, `部门数据导入模板-${info.label}.xlsx`, FACT_TEXT_FIELDS);
}
