import { formatChineseDate } from '../dates';
import { formatFen } from '../money';
import type { Condition, ConditionValue, Operator } from './definition';
import { type CodeTable, type Entitlement, type FactSpec, type FactType, factValueProblem } from './facts';

/**
 * What each operator means for each kind of fact, and how a value and a rule
 * read in plain Chinese. The engine tests with testCondition, validation
 * checks with conditionValueProblem, and both word things with the same
 * describe* functions, so a trace and a validation message never disagree.
 */

export const OPERATORS_BY_KIND: Record<FactType['kind'], readonly Operator[]> = {
  number: ['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'between'],
  date: ['eq', 'ne', 'gte', 'lte', 'between'],
  code: ['eq', 'ne', 'in', 'notIn'],
  codeList: ['includesAny', 'notIn'],
  boolean: ['isTrue', 'isFalse'],
  entitlements: [],
};

const OPERATOR_LABELS: Record<Operator, string> = {
  eq: '等于', ne: '不等于', in: '属于', notIn: '不属于', gte: '不少于', lte: '不超过', between: '介于',
  isTrue: '为是', isFalse: '为否', includesAny: '包含其一',
};

const KIND_LABELS: Record<FactType['kind'], string> = {
  number: '数值', date: '日期', code: '单选代码', codeList: '多选代码', boolean: '是/否', entitlements: '享受记录',
};

export const kindLabel = (type: FactType) => KIND_LABELS[type.kind];
export const operatorLabel = (op: Operator) => OPERATOR_LABELS[op];

function codeLabel(codes: CodeTable, code: string): string {
  return codes.find(([c]) => c === code)?.[1] ?? code;
}

/** One number with its unit: 34岁, 14个月, 3人, 5.5%, ¥1,500.00. */
export function formatQuantity(unit: string, n: number): string {
  if (unit === '分') return formatFen(n);
  if (unit === '月') return `${n}个月`;
  return `${n}${unit}`;
}

/** One scalar of a fact's type, as a rule or a trace shows it. */
function formatScalar(type: FactType, v: number | string): string {
  if (type.kind === 'number' && typeof v === 'number') return formatQuantity(type.unit, v);
  if (type.kind === 'date' && typeof v === 'string') return formatChineseDate(v);
  if ((type.kind === 'code' || type.kind === 'codeList') && typeof v === 'string') return `「${codeLabel(type.codes, v)}」`;
  return String(v);
}

/** The value seen, in plain Chinese; null and undefined read as unknown, a malformed value says so. */
export function describeValue(spec: FactSpec, value: unknown): string {
  if (value === null || value === undefined) return '未知（无数据）';
  const problem = factValueProblem(spec, value);
  if (problem) return `数据格式有误（${problem}）`;
  const type = spec.type;
  switch (type.kind) {
    case 'boolean':
      return value ? '是' : '否';
    case 'codeList': {
      const list = value as readonly string[];
      return list.length === 0 ? '无' : list.map((c) => codeLabel(type.codes, c)).join('、');
    }
    case 'code':
      return codeLabel(type.codes, value as string);
    case 'entitlements': {
      const list = value as readonly Entitlement[];
      return list.length === 0 ? '无享受记录' : `${list.length}条享受记录`;
    }
    default:
      return formatScalar(type, value as number | string);
  }
}

const list = (type: FactType, values: ConditionValue | undefined) =>
  (Array.isArray(values) ? values : []).map((v) => formatScalar(type, v)).join('');

/** The rule in plain Chinese: 不少于16岁, 为「城镇」, 包含「…」「…」中的至少一项. */
export function describeRule(spec: FactSpec, condition: Pick<Condition, 'op' | 'value'>): string {
  const { op, value } = condition;
  const type = spec.type;
  const one = (v: ConditionValue | undefined) => (v === undefined || Array.isArray(v) ? '' : formatScalar(type, v as number | string));
  const isDate = type.kind === 'date';
  switch (op) {
    case 'eq':
      return `为${one(value)}`;
    case 'ne':
      return `不为${one(value)}`;
    case 'gte':
      return isDate ? `不早于${one(value)}` : `不少于${one(value)}`;
    case 'lte':
      return isDate ? `不晚于${one(value)}` : `不超过${one(value)}`;
    case 'between': {
      const [lo, hi] = Array.isArray(value) ? value : [];
      return `在${lo === undefined ? '' : formatScalar(type, lo)}至${hi === undefined ? '' : formatScalar(type, hi)}之间（含两端）`;
    }
    case 'in':
      return `为${list(type, value)}之一`;
    case 'notIn':
      return type.kind === 'codeList' ? `不包含${list(type, value)}中的任何一项` : `不为${list(type, value)}中的任何一项`;
    case 'includesAny':
      return `包含${list(type, value)}中的至少一项`;
    case 'isTrue':
      return '为「是」';
    case 'isFalse':
      return '为「否」';
  }
}

/** Does the condition's value fit its operator and the fact's type? A Chinese problem to put after 「fact label」, or null. */
export function conditionValueProblem(spec: FactSpec, condition: Pick<Condition, 'op' | 'value'>): string | null {
  const { op, value } = condition;
  const allowed = OPERATORS_BY_KIND[spec.type.kind];
  if (!allowed.includes(op)) {
    const hint = allowed.length === 0 ? '不能用作条件' : `只能用${allowed.map((o) => `“${operatorLabel(o)}”`).join('')}比较`;
    return `的类型为${kindLabel(spec.type)}，${hint}，不能用“${operatorLabel(op)}”`;
  }
  // A scalar of the fact's type; codes of a code list are checked as codes of that list.
  const scalarSpec: FactSpec = spec.type.kind === 'codeList' ? { ...spec, type: { ...spec.type, kind: 'code' } } : spec;
  const scalarProblem = (v: unknown) => factValueProblem(scalarSpec, v);
  switch (op) {
    case 'isTrue':
    case 'isFalse':
      return value === undefined ? null : '“为是/为否”不需要比较值';
    case 'eq':
    case 'ne':
    case 'gte':
    case 'lte': {
      if (value === undefined || Array.isArray(value)) return '应填一个比较值';
      const p = scalarProblem(value);
      return p ? `比较值${p}` : null;
    }
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return '“介于”应填下限和上限两个值';
      const p = scalarProblem(value[0]) ?? scalarProblem(value[1]);
      return p ? `比较值${p}` : null;
    }
    case 'in':
    case 'notIn':
    case 'includesAny': {
      if (!Array.isArray(value) || value.length === 0) return '应填至少一个比较值';
      const p = value.map(scalarProblem).find((x) => x !== null);
      return p ? `比较值${p}` : null;
    }
  }
}

/**
 * Tests a known, well-formed value against a condition validatePolicy
 * accepted. Numbers and ISO dates compare with < and >, which orders both.
 */
export function testCondition(condition: Pick<Condition, 'op' | 'value'>, value: number | boolean | string | readonly string[]): boolean {
  const { op, value: rule } = condition;
  const values = Array.isArray(rule) ? (rule as ReadonlyArray<number | string>) : [];
  switch (op) {
    case 'isTrue':
      return value === true;
    case 'isFalse':
      return value === false;
    case 'eq':
      return value === rule;
    case 'ne':
      return value !== rule;
    case 'gte':
      return rule !== undefined && (value as number | string) >= (rule as number | string);
    case 'lte':
      return rule !== undefined && (value as number | string) <= (rule as number | string);
    case 'between':
      return values.length === 2 && (value as number | string) >= values[0]! && (value as number | string) <= values[1]!;
    case 'in':
      return values.includes(value as number | string);
    case 'notIn':
      return Array.isArray(value) ? !value.some((v) => values.includes(v)) : !values.includes(value as number | string);
    case 'includesAny':
      return Array.isArray(value) && value.some((v) => values.includes(v));
  }
}
