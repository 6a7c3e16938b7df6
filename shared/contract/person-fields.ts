import { z } from 'zod';
import {
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  ETHNICITY_CODES,
  HEALTH_STATUSES,
  HOUSEHOLD_TYPES,
  LOW_INCOME_STATUSES,
  POLITICAL_STATUSES,
} from '../domain/code-tables';
import { isRealDate } from '../domain/id-number';
import { personName, text } from './fields';

const codes = (table: ReadonlyArray<readonly [string, string]>) => table.map(([code]) => code) as [string, ...string[]];

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => isRealDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))), '日期不存在');

const phoneInput = z.string().trim().max(20, '不能超过20个字符');
/** Monthly salary in fen (分); 0 to 1,000,000 yuan. */
const salaryFen = z.number().int('应为整数（分）').min(0, '不能为负数').max(100_000_000, '金额过大');

/**
 * The editable facts of a person record. The ID number (and with it sex and
 * birth date) is not here: it is fixed at registration, and a wrong one is
 * fixed by merging records, not by editing.
 */
export const personFields = {
  name: personName,
  phone: phoneInput.nullish(),
  phone2: phoneInput.nullish(),
  ethnicityCode: z.enum(ETHNICITY_CODES as [string, ...string[]], '请从列表中选择民族').nullish(),
  politicalStatusCode: z.enum(codes(POLITICAL_STATUSES), '请从列表中选择政治面貌').nullish(),
  householdType: z.enum(HOUSEHOLD_TYPES, '请选择城镇或农村').nullish(),
  householdDivisionCode: z.string().regex(/^\d{6}$/, '户籍所在地应为6位行政区划代码').nullish(),
  householdAddress: text(200, false).nullish(),
  residenceTownshipCode: z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）').nullish(),
  residenceVillageCode: z.string().regex(/^\d{12}$/, '请从列表中选择村（社区）').nullish(),
  address: text(200, false).nullish(),
  educationCode: z.enum(codes(EDUCATION_LEVELS), '请从列表中选择文化程度').nullish(),
  school: text(100, false).nullish(),
  major: text(100, false).nullish(),
  graduationDate: isoDate.nullish(),
  disabilityGrade: z.enum(DISABILITY_GRADES, '残疾等级应为1–4级').nullish(),
  healthStatus: z.enum(codes(HEALTH_STATUSES), '请从列表中选择健康状况').nullish(),
  isVeteran: z.boolean().optional(),
  lowIncomeStatus: z.enum(LOW_INCOME_STATUSES, '请选择低保或低收入').nullish(),
  femaleRetirementCategory: z.enum(['worker50', 'cadre55'], '请选择原退休年龄类别').nullish(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES, '请选择就业状态').optional(),
  intendedOccupationCode: z
    .string()
    .regex(/^[1-8](-\d{2}){0,3}$/, '职业代码格式应为 4-07-02-03（可只填大类或中类）')
    .nullish(),
  intendedPlace: text(100, false).nullish(),
  intendedSalaryMinFen: salaryFen.nullish(),
  intendedSalaryMaxFen: salaryFen.nullish(),
  trainingWishes: text(200, false).nullish(),
};

export const personChanges = z.strictObject({
  ...personFields,
  name: personName.optional(),
});
export type PersonChanges = z.output<typeof personChanges>;

/** The fields a correction may touch, in the order forms show them. */
export const PERSON_EDITABLE_FIELDS = Object.keys(personFields) as (keyof typeof personFields)[];
