import { z } from 'zod';

/**
 * Chinese messages for the contract's generic checks, in the words staff use
 * ("应为整数", "不能大于 100"). zod's own zh-CN locale names types in English
 * and said "期望 数字，实际接收 数字" for an infinite number; rules a schema
 * words itself (regex messages, refinements) keep their own text.
 */
const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '一组字段',
  array: '列表',
  date: '日期',
  bigint: '整数',
};

const fallback = z.locales.zhCN().localeError;

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined || input === null) return '必填';
  if (expected === 'number' || expected === 'int') {
    if (typeof input === 'number' && !Number.isFinite(input)) return '应为有限的数字';
    return expected === 'int' ? '应为整数' : '应为数字';
  }
  return `应为${TYPE_NAMES[expected] ?? '正确的格式'}`;
}

function sizeMessage(origin: string, bound: number | bigint, side: 'min' | 'max', inclusive: boolean): string {
  const n = Number(bound);
  if (origin === 'string') return side === 'min' ? (n <= 1 ? '必填' : `至少 ${n} 个字`) : `最多 ${n} 个字`;
  if (origin === 'array' || origin === 'set') return side === 'min' ? `至少 ${n} 项` : `最多 ${n} 项`;
  if (origin === 'date') return side === 'min' ? '日期过早' : '日期过晚';
  if (!Number.isSafeInteger(n) && Math.abs(n) >= Number.MAX_SAFE_INTEGER) return side === 'min' ? '数值过小' : '数值过大';
  if (side === 'min') return inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
  return inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
}

export const validationMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input);
    case 'too_small':
      return sizeMessage(issue.origin, issue.minimum, 'min', issue.inclusive ?? true);
    case 'too_big':
      return sizeMessage(issue.origin, issue.maximum, 'max', issue.inclusive ?? true);
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return '不是可选的值';
    case 'invalid_union':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    default:
      return fallback(issue);
  }
};
