import { z } from 'zod';
import { EDUCATION_LEVELS } from '../domain/code-tables';
import { codesOf, OWNERSHIP_TYPES, POLICIES_EXPLAINED, POLICY_INTEREST, SIZE_CLASSES, VISIT_MODES } from '../domain/enterprise-codes';
import { INDUSTRY_DIVISION_CODES } from '../domain/industry';
import { CONTRACT_TYPES } from '../domain/case-types';
import { QUARTER_PATTERN } from '../domain/vacancy';
import { entityId, personName, text } from './fields';
import { isoDate } from './person-fields';

/** Monthly pay in fen (分): 0 to 1,000,000 yuan. */
export const salaryFen = z.number().int('应为整数（分）').min(0, '不能为负数').max(100_000_000, '金额过大');
/** A count of people: never negative. */
export const headcount = z.number().int('应为整数').min(0, '不能为负数').max(1_000_000, '人数过大');
export const openings = z.number().int('应为整数').min(1, '至少为1人').max(10_000, '人数过大');
export const occupationCode = z.string().trim().regex(/^[1-8](-\d{2}){0,3}$/, '职业代码格式应为 4-07-02-03（可只填大类或中类）');
export const quarter = z.string().regex(QUARTER_PATTERN, '季度格式应为 2026Q3');
export const townshipCode = z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）');

const codes = (table: ReadonlyArray<readonly [string, string]>) => table.map(([code]) => code) as [string, ...string[]];

/** The editable facts of an enterprise. The key (credit code / 注册号) is fixed at registration. */
export const enterpriseFields = {
  name: text(100),
  industryDivision: z.enum(INDUSTRY_DIVISION_CODES, '请从列表中选择国民经济行业（GB/T 4754-2017 大类）').nullish(),
  ownershipCode: z.enum(codesOf(OWNERSHIP_TYPES), '请从列表中选择经济类型').nullish(),
  sizeClass: z.enum(codesOf(SIZE_CLASSES), '请选择企业规模（大、中、小、微）').nullish(),
  address: text(200, false).nullish(),
  townshipCode: townshipCode.nullish(),
  isDigitalTransformation: z.boolean().optional(),
  isSpecialized: z.boolean().optional(),
  isKeyEnterprise: z.boolean().optional(),
  isLabourIntensive: z.boolean().optional(),
};

export const enterpriseChanges = z.strictObject({
  ...enterpriseFields,
  name: text(100).optional(),
  status: z.enum(['active', 'closed'], '请选择正常或已注销/迁出').optional(),
});
export type EnterpriseChanges = z.output<typeof enterpriseChanges>;

export const contactFields = {
  name: personName,
  position: text(50, false).nullish(),
  phone: z.string().trim().max(20, '不能超过20个字符').nullish(),
};

/** What a vacancy says; the salary range and dates are checked against each other by the service. */
export const vacancyFields = {
  occupationCode,
  title: text(60),
  openings,
  salaryMinFen: salaryFen.nullish(),
  salaryMaxFen: salaryFen.nullish(),
  educationCode: z.enum(codes(EDUCATION_LEVELS), '请从列表中选择学历要求').nullish(),
  experienceYears: z.number().int('应为整数').min(0, '不能为负数').max(50, '年限过大').nullish(),
  requirements: text(500, false).nullish(),
  workPlace: text(100, false).nullish(),
  contractType: z.enum(codesOf(CONTRACT_TYPES), '请从列表中选择合同类型').nullish(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
};

export const hiringPlanLine = z.strictObject({
  occupationCode,
  title: text(60),
  quarter,
  openings,
  salaryMinFen: salaryFen.nullish(),
  salaryMaxFen: salaryFen.nullish(),
  educationCode: vacancyFields.educationCode,
  /** Publish the line as a vacancy (岗位) now; by default until the quarter's end. */
  publish: z.boolean().default(true),
  validTo: isoDate.optional(),
});

export const surveyFields = z.strictObject({
  quarter,
  headcountPrevious: headcount.nullish(),
  headcountChangeReason: text(200, false).nullish(),
  shortageCount: headcount.nullish(),
  startingPayFen: salaryFen.nullish(),
  expectedHires: headcount.nullish(),
});

export const visitInput = z.strictObject({
  enterpriseId: entityId,
  kind: z.enum(['visit', 'survey'], '请选择企业走访或用工调查').default('visit'),
  visitDate: isoDate,
  mode: z.enum(codesOf(VISIT_MODES), '请选择走访方式'),
  staffUserIds: z.array(entityId).min(1, '至少选择一名走访人员').max(10, '走访人员不能超过10人'),
  contactId: entityId.nullish(),
  contactName: text(50, false).nullish(),
  headcount: headcount.nullish(),
  difficulties: z.array(z.strictObject({ code: z.string().max(40), note: text(200, false).nullish() })).max(30).default([]),
  policies: z
    .array(z.strictObject({ code: z.enum(codesOf(POLICIES_EXPLAINED), '请从列表中选择政策'), interest: z.enum(codesOf(POLICY_INTEREST), '请选择企业意向') }))
    .max(20)
    .default([]),
  requests: text(500, false).nullish(),
  notes: text(1000, false).nullish(),
  hiringPlan: z.array(hiringPlanLine).max(50, '用工计划不能超过50行').default([]),
  tasks: z.array(z.strictObject({ description: text(200), ownerUserId: entityId, dueDate: isoDate })).max(20).default([]),
  survey: surveyFields.optional(),
});
