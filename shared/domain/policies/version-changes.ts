import { canonicalJson } from '../canonical-json';
import type { PolicyDefinition } from './definition';

/**
 * What a new version of a policy changes against the version in force, one
 * Chinese line per changed part (名称、有效期、条件、金额公式 …), so the
 * administrator reviewing a version the province issued sees what it does
 * differently before activating it. Parts compared whole: a changed
 * condition list is one line naming how many conditions each side has.
 */
const SCALARS: Array<[keyof PolicyDefinition, string]> = [
  ['name', '名称'],
  ['legalBasis', '政策依据（文号）'],
  ['target', '政策对象'],
  ['paidTo', '发放对象'],
  ['effectiveFrom', '有效期起'],
  ['effectiveTo', '有效期止'],
  ['fundSource', '资金来源'],
  ['noApplication', '免申即享'],
  ['amountsConfirmed', '金额已确认'],
];
const LISTS: Array<[keyof PolicyDefinition, string]> = [
  ['conditions', '条件'],
  ['checklist', '核查清单'],
  ['exclusions', '排斥政策'],
  ['limits', '享受限制'],
  ['cases', '测试用例'],
];

const shown = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
};

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function policyVersionChanges(before: PolicyDefinition | null, after: PolicyDefinition): string[] {
  if (!before) return ['本县尚无该政策的启用版本：整项政策为新增'];
  const lines: string[] = [];
  for (const [field, label] of SCALARS) {
    if (!same(before[field], after[field])) lines.push(`${label}：${shown(before[field])} → ${shown(after[field])}`);
  }
  if (!same(before.benefit, after.benefit)) lines.push('金额公式已修改');
  for (const [field, label] of LISTS) {
    const a = before[field] as unknown[];
    const b = after[field] as unknown[];
    if (!same(a, b)) lines.push(a.length === b.length ? `${label}已修改（${b.length}项）` : `${label}：${a.length}项 → ${b.length}项`);
  }
  return lines.length ? lines : ['与本县启用的版本内容相同'];
}
