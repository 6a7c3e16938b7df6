import { expect } from 'vitest';
import { writeXlsx, type Cell } from '../../db/xlsx';
import type { ImportReport, JobView } from '../../shared/contract';
import type { FactSource } from '../../shared/domain/department-facts';
import { expectOk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B, PERSON_C } from './persons-data';

/**
 * Shared steps of the department-data tests (fact-*.test.ts): files built as a
 * department would send them (xlsx, Chinese headers), imported through the
 * router as the administrator of readyDesk.
 */

/** 李秀英 and 张丽 are registered; 张伟 (PERSON_C) is not, in this county. */
export const REGISTERED_A = PERSON_A;
export const REGISTERED_B = PERSON_B;
export const NOT_HERE = PERSON_C;
/** 张伟's number with its last character wrong (DOMAIN.md's invalid example). */
export const BAD_CHECK_DIGIT = '320102199003071238';
export const AS_OF = '2026-10-31';

export function registerBoth(ready: ReadyDesk): { a: number; b: number } {
  const a = expectOk<{ id: number }>(ready.call('persons.register', { idNumber: REGISTERED_A.idNumber, name: REGISTERED_A.name })).id;
  const b = expectOk<{ id: number }>(ready.call('persons.register', { idNumber: REGISTERED_B.idNumber, name: REGISTERED_B.name })).id;
  return { a, b };
}

/** A department's file: one sheet, the header row, the rows; key columns kept as text as a careful sender does. */
export function departmentFile(header: string[], rows: Cell[][]): string {
  const textColumns = header.flatMap((h, i) => (/身份证|信用代码|证号/.test(h) ? [i] : []));
  return writeXlsx('Sheet1', header, rows, [], textColumns).toString('base64');
}

export interface FactRun {
  source: FactSource;
  base64: string;
  asOf?: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  fileName?: string;
}

export async function importFacts(ready: ReadyDesk, run: FactRun): Promise<ImportReport> {
  const job = expectOk<JobView>(ready.call('facts.importStart', {
    source: run.source, asOf: run.asOf ?? AS_OF, fileName: run.fileName ?? '部门数据.xlsx', base64: run.base64, dryRun: run.dryRun ?? false, allOrNothing: run.allOrNothing ?? false,
  }));
  const done = await ready.desk.jobs.settled(job.id);
  expect(done.state, done.error ?? '').toBe('done');
  return done.result as ImportReport;
}

export function rowsOf(ready: ReadyDesk, sql: string): unknown[] {
  return ready.desk.database().sqlite.prepare(sql).all();
}

export function countOf(ready: ReadyDesk, table: string): number {
  return (ready.desk.database().sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

const FACT_TABLES = ['fact_imports', 'person_insurance', 'employer_insurance', 'person_assistance', 'person_deaths', 'person_businesses', 'person_disabilities', 'audit_log'] as const;

/** Rows of every department-data table and of the audit log: "nothing written" made checkable. */
export function factCounts(ready: ReadyDesk): Record<(typeof FACT_TABLES)[number], number> {
  return Object.fromEntries(FACT_TABLES.map((t) => [t, countOf(ready, t)])) as Record<(typeof FACT_TABLES)[number], number>;
}

/** The audit entries of department imports since `afterId`, with their detail parsed. */
export function factAudit(ready: ReadyDesk, afterId = 0): { action: string; actor: string; detail: Record<string, unknown>; raw: string }[] {
  const rows = ready.desk.database().sqlite
    .prepare("select action, actor_name as actor, detail from audit_log where id > ? and action like 'facts.%' order by id")
    .all(afterId) as { action: string; actor: string; detail: string }[];
  return rows.map((r) => ({ action: r.action, actor: r.actor, detail: JSON.parse(r.detail) as Record<string, unknown>, raw: r.detail }));
}

/** Nothing a row said — names, ID numbers — is in an audit entry. */
export function expectNoPersonalData(raw: string): void {
  for (const value of [REGISTERED_A.idNumber, REGISTERED_A.name, REGISTERED_B.idNumber, REGISTERED_B.name, NOT_HERE.idNumber, NOT_HERE.name, BAD_CHECK_DIGIT]) {
    expect(raw).not.toContain(value);
  }
}
