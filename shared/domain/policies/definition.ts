import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { CODE_PATTERN } from '../editable-code-tables';
import type { BirthFacts, FactTarget, FactValue } from './facts';

/**
 * One dated, versioned policy (政策版本) as data: what the system checks by
 * itself (conditions over named facts), what staff verify by hand (核查清单),
 * what it cannot be combined with (exclusions), how much it pays (formula),
 * how often (limits), and the stored cases that prove it. A new version is a
 * new definition with the same code; a decision keeps the code, version and
 * snapshot it used, so a later version never alters it.
 *
 * policyDefinitionSchema checks the SHAPE only (it is how a stored definition
 * is read back); validatePolicy (validate.ts) adds the meaning: facts exist and
 * fit the target and the operator, ranges are not empty, amounts cannot go
 * negative, dates are in order.
 */

export const FUND_SOURCES = [
  ['employment_subsidy_fund', '就业补助资金'],
  ['unemployment_insurance_fund', '失业保险基金'],
  ['startup_loan_interest', '创业担保贷款贴息'],
] as const;
export type FundSource = (typeof FUND_SOURCES)[number][0];

export const OPERATORS = ['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'between', 'isTrue', 'isFalse', 'includesAny'] as const;
export type Operator = (typeof OPERATORS)[number];

export type ConditionValue = number | string | ReadonlyArray<number | string>;

/** fact op value: `{ fact: 'age', op: 'between', value: [16, 24] }`. */
export interface Condition {
  fact: string;
  op: Operator;
  value?: ConditionValue;
  /** Why the rule is there, shown beside it (e.g. 劳动年龄下限). */
  note?: string;
}
export interface AnyOf {
  anyOf: ConditionNode[];
  label?: string;
}
export interface AllOf {
  allOf: ConditionNode[];
  label?: string;
}
/** Conditions nest: a list is "all of"; anyOf and allOf groups may hold conditions or further groups. */
export type ConditionNode = Condition | AnyOf | AllOf;

export const isAnyOf = (node: ConditionNode): node is AnyOf => 'anyOf' in node;
export const isAllOf = (node: ConditionNode): node is AllOf => 'allOf' in node;

/** 核查清单: what staff verify by hand; an unchecked item makes a passing verdict needs_check. */
export interface ChecklistItem {
  code: string;
  text: string;
}

/** 排斥: not with another policy enjoyed in the evaluation year (fact enjoyedPolicies). */
export interface Exclusion {
  policyCode: string;
  /** The other policy's name, for the trace (the engine sees one policy at a time). */
  name: string;
}

/**
 * 金额公式, in fen. perUnit multiplies by the SUM of `unitsFrom` facts (months,
 * hires); share takes a percentage of a fact (floored to the fen: never
 * overpay); byCode picks a formula by a code fact (the certificate-level
 * table, SME or not). Caps apply after the computation.
 */
export type Formula =
  | { kind: 'fixed'; amountFen: number }
  | { kind: 'perUnit'; amountFen: number; unitsFrom: string[]; maxUnits?: number; capFen?: number }
  | { kind: 'share'; percent: number; of: string; capFen?: number }
  | { kind: 'byCode'; fact: string; rows: { codes: string[]; formula: Formula }[]; otherwise?: Formula };

/**
 * 享受限制 per person or enterprise, read from the entitlements fact (the
 * policy's own approved records). maxMonths stops a monthly subsidy after so
 * many months in all (and caps the months a perUnit formula of months pays),
 * unless `waivedWhen` holds (公益性岗位: to retirement when within 5 years of it).
 */
export type Limit =
  | { kind: 'once' }
  | { kind: 'timesPerYear'; times: number }
  | { kind: 'maxAmount'; amountFen: number; per: 'ever' | 'year' }
  | { kind: 'maxMonths'; months: number; waivedWhen?: ConditionNode };

export type VerdictResult = 'eligible' | 'not_eligible' | 'needs_check';

/** A stored case: facts on a date → the verdict and amount expected. */
export interface PolicyTestCase {
  name: string;
  on: string;
  /** When given, age and monthsToRetirement are computed from it on `on` (birthday and retirement boundaries). */
  born?: BirthFacts;
  facts: Record<string, FactValue>;
  /** Checklist codes staff have ticked. */
  confirmedChecklist?: string[];
  expect: { result: VerdictResult; amountFen: number | null };
}

export interface PolicyDefinition {
  code: string;
  version: number;
  name: string;
  /** 政策依据（文号）. */
  legalBasis: string;
  target: FactTarget;
  /** Who is paid, when not the target (社会保险补贴 for a hired person is paid to the employer). */
  paidTo?: 'person' | 'enterprise';
  effectiveFrom: string;
  /** Last day in force, inclusive; absent = open-ended. */
  effectiveTo?: string | null;
  fundSource: FundSource;
  /** 免申即享. */
  noApplication: boolean;
  /** false = 待核: the amounts are not yet confirmed by the bureau. */
  amountsConfirmed: boolean;
  conditions: ConditionNode[];
  checklist: ChecklistItem[];
  exclusions: Exclusion[];
  benefit: Formula;
  limits: Limit[];
  cases: PolicyTestCase[];
}

// —— schema (shape only) ——

const code = z.string().regex(CODE_PATTERN, '代码应以小写字母开头，只含小写字母、数字和下划线（2–40位）');
const isoDate = z.string().refine(isIsoDate, '应为存在的日期，格式 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, '必填').max(max, `最多 ${max} 个字`);
const fen = z.number().int('金额应为整数（分）');

const conditionSchema = z.object({
  fact: z.string().min(1, '必填'),
  op: z.enum(OPERATORS, '不是可用的比较方式'),
  value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
  note: z.string().max(200).optional(),
});

export const conditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.object({ anyOf: z.array(conditionNodeSchema).min(1, '“满足其一”至少要有一项'), label: z.string().max(100).optional() }),
    z.object({ allOf: z.array(conditionNodeSchema).min(1, '“全部满足”至少要有一项'), label: z.string().max(100).optional() }),
  ]),
);

export const formulaSchema: z.ZodType<Formula> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amountFen: fen }),
    z.object({
      kind: z.literal('perUnit'),
      amountFen: fen,
      unitsFrom: z.array(z.string().min(1)).min(1, '至少要有一个计数的事实'),
      maxUnits: z.number().int().optional(),
      capFen: fen.optional(),
    }),
    z.object({ kind: z.literal('share'), percent: z.number(), of: z.string().min(1), capFen: fen.optional() }),
    z.object({
      kind: z.literal('byCode'),
      fact: z.string().min(1),
      rows: z.array(z.object({ codes: z.array(z.string()).min(1), formula: formulaSchema })).min(1, '金额表至少要有一行'),
      otherwise: formulaSchema.optional(),
    }),
  ], '不是可用的金额公式'),
);

const limitSchema: z.ZodType<Limit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('timesPerYear'), times: z.number().int().min(1) }),
  z.object({ kind: z.literal('maxAmount'), amountFen: fen, per: z.enum(['ever', 'year']) }),
  z.object({ kind: z.literal('maxMonths'), months: z.number().int().min(1), waivedWhen: conditionNodeSchema.optional() }),
], '不是可用的享受限制');

const entitlementSchema = z.object({
  policyCode: z.string(), from: isoDate, to: isoDate, months: z.number().int().min(0), amountFen: fen.min(0),
});
const factValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.array(entitlementSchema), z.null()]);

const testCaseSchema = z.object({
  name: text(100),
  on: isoDate,
  born: z.object({ birthDate: isoDate, sex: z.enum(['male', 'female']), femaleRetirementCategory: z.enum(['worker50', 'cadre55']).optional() }).optional(),
  facts: z.record(z.string(), factValueSchema),
  confirmedChecklist: z.array(z.string()).optional(),
  expect: z.object({ result: z.enum(['eligible', 'not_eligible', 'needs_check']), amountFen: fen.nullable() }),
});

export const policyDefinitionSchema = z.object({
  code,
  version: z.number().int('版本号应为整数').min(1, '版本号从1开始'),
  name: text(60),
  legalBasis: text(300),
  target: z.enum(['person', 'enterprise'], '政策对象应为个人或单位'),
  paidTo: z.enum(['person', 'enterprise']).optional(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullish(),
  fundSource: z.enum(FUND_SOURCES.map(([c]) => c) as [FundSource, ...FundSource[]], '资金来源应为就业补助资金、失业保险基金或创业担保贷款贴息'),
  noApplication: z.boolean(),
  amountsConfirmed: z.boolean(),
  conditions: z.array(conditionNodeSchema),
  checklist: z.array(z.object({ code, text: text(200) })),
  exclusions: z.array(z.object({ policyCode: code, name: text(60) })),
  benefit: formulaSchema,
  limits: z.array(limitSchema),
  cases: z.array(testCaseSchema),
}) satisfies z.ZodType<PolicyDefinition>;
