import { z } from 'zod';
import { FACT_SOURCES, type AssistanceKind, type FactSource } from '../domain/department-facts';
import { method } from './define';
import { codesOf, entityId, page, pageSize } from './fields';
import { importStartInput } from './import-fields';
import type { JobView } from './jobs';
import { isoDate } from './person-fields';

/** One department file imported (部门数据导入记录): what it was, how its rows matched, who imported it. */
export interface FactImportView {
  id: number;
  source: FactSource;
  sourceLabel: string;
  /** 数据截止日期. */
  asOf: string;
  fileName: string;
  rows: number;
  matched: number;
  unmatched: number;
  /** Rows that were bad and not written (rows − matched − unmatched). */
  invalid: number;
  importedAt: string;
  importedByName: string | null;
}

/** What one row of a department's file says about a person, by source. */
export type PersonFactRow =
  | { source: 'person_insurance'; monthsTotal: number; monthsLast12: number; employerCreditCode: string | null; employerName: string | null; enterpriseId: number | null; employerSince: string | null }
  | { source: 'assistance'; kind: AssistanceKind; kindLabel: string; fromDate: string | null; toDate: string | null }
  | { source: 'deaths'; diedOn: string }
  | { source: 'business_registrations'; creditCode: string; businessName: string; foundedOn: string; operating: boolean; enterpriseId: number | null }
  /** The certificate number carries the ID number: masked as the ID is. */
  | { source: 'disability_certificates'; certificateNoMasked: string; categoryLabel: string | null; gradeLabel: string | null; validTo: string | null };

/** A person's department data from one source: the latest file that lists the person, and whether a later one no longer does. */
export interface PersonFactSource {
  source: FactSource;
  sourceLabel: string;
  importId: number;
  asOf: string;
  rows: PersonFactRow[];
  /**
   * 数据截止日期 of a later file of the same source that does not list the person
   * (低保 ended, contributions stopped); null when none. Never set for deaths:
   * a death list names the deaths since the last one, not everyone who died.
   */
  absentFromLaterAsOf: string | null;
}

const source = z.enum(codesOf(FACT_SOURCES), '请选择数据来源');

export const factsContract = {
  'facts.importStart': method<JobView>()({
    input: importStartInput.extend({ source, asOf: isoDate }),
    access: 'facts.import',
    writes: true,
    title: '导入部门数据（Excel）',
    labels: { source: '数据来源', asOf: '数据截止日期' },
  }),
  'facts.importTemplate': method<{ fileName: string; base64: string }>()({
    input: z.strictObject({ source }),
    access: 'facts.import',
    writes: false,
    title: '下载部门数据导入模板',
    labels: { source: '数据来源' },
  }),
  'facts.imports': method<{ items: FactImportView[]; total: number }>()({
    input: z.strictObject({ source: source.optional(), page, pageSize }),
    access: 'facts.import',
    writes: false,
    title: '部门数据导入记录',
    labels: { source: '数据来源' },
  }),
  'facts.forPerson': method<PersonFactSource[]>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看某人的部门数据',
  }),
};
