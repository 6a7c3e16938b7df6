/**
 * 部门数据比对 on the one import machinery (db/import/run-import.ts): one kind
 * per source, each with the department file's columns, the shared row checks
 * (shared/domain/department-fact-rows.ts) and a writer that keeps the matched
 * rows under ONE dated import (fact_imports) — never overwriting an earlier
 * file. Rows naming nobody registered here are reported, not kept.
 */
import { inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { JobView, ParsedInputOf } from '../../shared/contract';
import { isoDate } from '../../shared/contract/person-fields';
import { checkFactRows, factKeys, type FactRegistry } from '../../shared/domain/department-fact-rows';
import { FACT_COLUMNS, FACT_SOURCE_INFO, FACT_SOURCES, FACT_TEXT_FIELDS, type AssistanceKind, type FactSource } from '../../shared/domain/department-facts';
import { actorUserId, type ServiceContext } from '../context';
import { fieldError } from '../errors';
import { importTemplate as template, startImport, type ApplyCounts, type ImportKind, type ImportRun, type ValidRow } from '../import/run-import';
import {
  employerInsurance, enterpriseFormerNames, enterprises, factImports, FACT_SOURCES as STORED_SOURCES, personAssistance, personBusinesses, personDeaths,
  personDisabilities, personInsurance, persons,
} from '../schema';
import { insertReturningCached } from '../statements';

// The contract's sources and the table's enum are the same words: a source added to one only fails the build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sourcesAgree: Same<FactSource, (typeof STORED_SOURCES)[number]> = true;
void sourcesAgree;

export interface FactImportOptions {
  asOf: string;
}

/**
 * The registry as the row checks ask it: every person and enterprise the file
 * names, read in batches before the rows are checked (one query per 500 keys,
 * through the unique indexes), so a city-wide list costs no query per row.
 */
function registryOf(ctx: ServiceContext, keys: { idNumbers: string[]; enterpriseKeys: string[] }): FactRegistry {
  const { db } = ctx.database();
  const people = new Map<string, { id: number; name: string }>();
  const waiting = new Map<number, string[]>();
  for (const slice of chunks(keys.idNumbers)) {
    for (const p of db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, mergedIntoId: persons.mergedIntoId }).from(persons).where(inArray(persons.idNumber, slice)).all()) {
      if (p.mergedIntoId === null) people.set(p.idNumber, { id: p.id, name: p.name });
      else waiting.set(p.mergedIntoId, [...(waiting.get(p.mergedIntoId) ?? []), p.idNumber]);
    }
  }
  // A merged duplicate stands for the record it was merged into (followed as far as merges were chained).
  for (let hops = 0; waiting.size > 0 && hops < 10; hops += 1) {
    const next = new Map<number, string[]>();
    for (const slice of chunks([...waiting.keys()])) {
      for (const p of db.select({ id: persons.id, name: persons.name, mergedIntoId: persons.mergedIntoId }).from(persons).where(inArray(persons.id, slice)).all()) {
        const idNumbers = waiting.get(p.id)!;
        if (p.mergedIntoId === null) for (const idNumber of idNumbers) people.set(idNumber, { id: p.id, name: p.name });
        else next.set(p.mergedIntoId, [...(next.get(p.mergedIntoId) ?? []), ...idNumbers]);
      }
    }
    waiting.clear();
    for (const [id, idNumbers] of next) waiting.set(id, idNumbers);
  }
  const firms = new Map<string, { id: number; names: string[] }>();
  const byId = new Map<number, { id: number; names: string[] }>();
  for (const slice of chunks(keys.enterpriseKeys)) {
    for (const e of db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, registrationNumber: enterprises.registrationNumber }).from(enterprises)
      .where(or(inArray(enterprises.creditCode, slice), inArray(enterprises.registrationNumber, slice))).all()) {
      const firm = { id: e.id, names: [e.name] };
      byId.set(e.id, firm);
      for (const key of [e.creditCode, e.registrationNumber]) if (key) firms.set(key, firm);
    }
  }
  for (const slice of chunks([...byId.keys()])) {
    for (const f of db.select({ enterpriseId: enterpriseFormerNames.enterpriseId, name: enterpriseFormerNames.name }).from(enterpriseFormerNames).where(inArray(enterpriseFormerNames.enterpriseId, slice)).all()) {
      byId.get(f.enterpriseId)!.names.push(f.name);
    }
  }
  return { person: (idNumber) => people.get(idNumber) ?? null, enterprise: (key) => firms.get(key) ?? null };
}

function chunks<T>(values: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));
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

/**
 * Who was on each department's files, by the file: a newer file replaces the older as what the
 * department says, so whoever was on the older but not on the newer has a fact that just changed
 * (now unknown, or ended) and is due for the next sweep as much as those the newer names, whom
 * the tables' own triggers mark. A death is never taken back by a later list.
 */
const SUBJECTS_OF_IMPORT: Record<Exclude<FactSource, 'deaths'>, string> = {
  person_insurance: `select 'person' as type, person_id as id from person_insurance where import_id = :id
    union select 'enterprise', enterprise_id from person_insurance where import_id = :id and enterprise_id is not null`,
  employer_insurance: `select 'enterprise' as type, enterprise_id as id from employer_insurance where import_id = :id`,
  assistance: `select 'person' as type, person_id as id from person_assistance where import_id = :id`,
  business_registrations: `select 'person' as type, person_id as id from person_businesses where import_id = :id`,
  disability_certificates: `select 'person' as type, person_id as id from person_disabilities where import_id = :id`,
};

function markPreviousFileDue(ctx: ServiceContext, source: FactSource, newImportId: number): void {
  if (source === 'deaths') return;
  const { sqlite } = ctx.database();
  const previous = sqlite.prepare('select id from fact_imports where source = ? and id <> ? order by as_of desc, id desc limit 1').get(source, newImportId) as { id: number } | undefined;
  if (!previous) return;
  sqlite
    .prepare(`insert into policy_subjects (subject_type, subject_id, recheck_on)
      select type, id, '' from (${SUBJECTS_OF_IMPORT[source]}) where true
      on conflict (subject_type, subject_id) do update set recheck_on = ''`)
    .run({ id: previous.id });
}

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
    source, asOf: run.options.asOf, fileName, rows: run.total, matched, unmatched, importedAt: ctx.now.toISOString(), importedBy: actorUserId(ctx),
  });
  markPreviousFileDue(ctx, source, row.id);
  for (const { record } of matchedRows) WRITERS[source](ctx, row.id, record);
  return { ...counts, importId: row.id };
}

function factKind(source: FactSource): ImportKind<FactImportOptions> {
  return {
    name: 'facts.import',
    variant: source,
    columns: FACT_COLUMNS[source],
    options: z.strictObject({ asOf: isoDate }),
    check: (ctx, sheet, mapping, options) =>
      checkFactRows(source, sheet, { today: ctx.today, asOf: options.asOf }, registryOf(ctx, factKeys(source, sheet, ctx.today, mapping)), mapping),
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
