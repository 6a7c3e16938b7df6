/** What the spreadsheet imports share (persons, enterprises, vacancies and department data declare their own methods). */
import { z } from 'zod';
import { text } from './fields';

/** The report of a persons import, the same on screen, in the CLI and in `--json`. */
export interface ImportReport {
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  /**
   * One entry per problem, row numbers as Excel shows them. Department data adds entries
   * with a `kind` that do not make the row bad: `unmatched` (未在本县登记, not written) and
   * `warning` (written, worth a look).
   */
  rows: { row: number; column: string; value: string; reason: string; kind?: 'warning' | 'unmatched' }[];
  dryRun: boolean;
  allOrNothing: boolean;
  /** True when nothing was written (dry run, or all-or-nothing with bad rows). */
  nothingWritten: boolean;
  sheetName: string;
  headerRowNumber: number;
  unknownHeaders: string[];
  /** Required columns the sheet lacks (nothing was checked or written); map a header to them and try again. */
  missingRequired: string[];
  /** Every header of the sheet and the field it was read as (null: ignored or not recognised). */
  columns: { header: string; field: string | null }[];
  /** Department data only: valid rows matched to a registered person or enterprise (written), and those naming nobody registered here. */
  matched?: number;
  unmatched?: number;
  /** Department data only: the dated import written (facts.imports); absent when nothing was written. */
  importId?: number;
}

/** Fields a persons roster column can be read as, for the mapping screen. */
export const PERSON_IMPORT_FIELDS = [
  ['name', '姓名'], ['idNumber', '身份证号'], ['phone', '手机号码'], ['sex', '性别'], ['birthDate', '出生日期'], ['ethnicity', '民族'],
  ['education', '文化程度'], ['householdType', '户口性质'], ['residence', '现居住地'], ['school', '毕业学校'], ['major', '所学专业'],
  ['graduationDate', '毕业日期'], ['employmentStatus', '就业状态'],
] as const;

/** 20 MiB of spreadsheet as base64. */
const MAX_BASE64 = 28 * 1024 * 1024;

/** Fields an enterprise list column can be read as. */
export const ENTERPRISE_IMPORT_FIELDS = [
  ['creditCode', '统一社会信用代码'], ['name', '单位名称'], ['industry', '所属行业'], ['ownership', '经济类型'], ['sizeClass', '企业规模'],
  ['address', '单位地址'], ['insuredCount', '参保人数'], ['contactName', '联系人'], ['contactPhone', '联系电话'],
] as const;

/** Fields a vacancy list column can be read as. */
export const VACANCY_IMPORT_FIELDS = [
  ['creditCode', '统一社会信用代码'], ['enterpriseName', '单位名称'], ['title', '岗位名称'], ['occupationCode', '职业代码'], ['openings', '招聘人数'],
  ['salaryMin', '最低月薪'], ['salaryMax', '最高月薪'], ['education', '学历要求'], ['experienceYears', '工作经验'], ['requirements', '岗位要求'],
  ['workPlace', '工作地点'], ['validTo', '有效期至'],
] as const;

/** The one input of every spreadsheet import (persons, enterprises, vacancies). */
export const importStartInput = z.strictObject({
  fileName: text(200),
  base64: z.string().min(1, '请选择文件').max(MAX_BASE64, '文件过大（上限 20 MB），请分批导入'),
  dryRun: z.boolean(),
  /** true: write nothing if any row is bad; false: write the valid rows only. */
  allOrNothing: z.boolean().default(false),
  /** Header text → field ('' = ignore the column); saved and used for later imports of the same layout. */
  mapping: z.record(z.string().max(100), z.string().max(40)).optional(),
});
