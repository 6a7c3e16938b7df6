import { parseIsoDate } from '../calendar';
import { formatChineseDate } from '../dates';
import { formatFen } from '../money';
import { type Amount, type FactReader, computeAmount, formulaFacts } from './amounts';
import { describeRule, describeValue, testCondition } from './conditions';
import { type ConditionNode, type Limit, type PolicyDefinition, type VerdictResult, isAllOf, isAnyOf } from './definition';
import { type Entitlement, type FactSnapshot, factSpec, factValueProblem } from './facts';

/**
 * 判定 (verdict): one policy version against one frozen fact snapshot on one
 * date. Pure: the same policy, facts and date give the same verdict, and the
 * engine reads only the facts the policy names (policyFactNames), so a fact
 * the policy does not mention — sex, ethnicity, anything else in the
 * snapshot — cannot change the result.
 *
 * The result follows three-valued logic over the trace: any line that fails →
 * not_eligible; otherwise any line unknown (a fact null, an unticked
 * checklist item, a limit whose history is unknown) → needs_check; otherwise
 * eligible. The amount is null when not eligible or when the formula's facts
 * are unknown.
 */

export type Outcome = 'pass' | 'fail' | 'unknown';
export type TraceKind = 'effective' | 'condition' | 'group' | 'exclusion' | 'limit' | 'amount' | 'checklist';

export interface TraceLine {
  kind: TraceKind;
  /** Where in the definition: `conditions.1.anyOf.0`, `limits.0`, `checklist.2`. */
  path: string;
  /** Nesting under condition groups (0 = top). */
  depth: number;
  /** The fact read, for condition lines. */
  fact?: string;
  /** What the line is about: the fact's label, 有效期, 排斥政策「…」, 补贴金额, a checklist item. */
  label: string;
  /** The value seen, in plain Chinese. */
  seen: string;
  /** The rule, in plain Chinese. */
  rule: string;
  outcome: Outcome;
}

export interface Verdict {
  policyCode: string;
  policyVersion: number;
  policyName: string;
  on: string;
  result: VerdictResult;
  amountFen: number | null;
  /** false = the amount follows parameters the bureau has not confirmed yet (待核). */
  amountConfirmed: boolean;
  noApplication: boolean;
  trace: TraceLine[];
}

export interface EvaluateOptions {
  /** Checklist codes staff have verified by hand. */
  confirmedChecklist?: readonly string[];
}

function conditionFacts(node: ConditionNode): string[] {
  if (isAnyOf(node)) return node.anyOf.flatMap(conditionFacts);
  if (isAllOf(node)) return node.allOf.flatMap(conditionFacts);
  return [node.fact];
}

/** Every fact a verdict of this policy may read; the backend's incremental sweep may re-evaluate only when one of them changed. */
export function policyFactNames(policy: PolicyDefinition): string[] {
  const names = [
    ...policy.conditions.flatMap(conditionFacts),
    ...formulaFacts(policy.benefit),
    ...policy.limits.flatMap((l) => (l.kind === 'maxMonths' && l.waivedWhen ? conditionFacts(l.waivedWhen) : [])),
  ];
  if (policy.exclusions.length > 0) names.push('enjoyedPolicies');
  // Always: the same policy paid in another county for a period containing the evaluation date excludes it.
  names.push('entitlements');
  return [...new Set(names)].sort();
}

/** A reader over the named facts only: anything else in the snapshot is never looked at. */
function namedReader(factNames: readonly string[], facts: FactSnapshot): FactReader {
  const view = new Map(factNames.map((name) => [name, facts[name] ?? null]));
  return (name) => {
    const spec = factSpec(name);
    const raw = view.has(name) ? view.get(name) : null;
    const wellFormed = spec !== undefined && raw !== null && raw !== undefined && factValueProblem(spec, raw) === null;
    return { spec, value: wellFormed ? raw : null, seen: spec ? describeValue(spec, raw) : `未知的事实“${name}”` };
  };
}

const combineAll = (outcomes: Outcome[]): Outcome =>
  outcomes.includes('fail') ? 'fail' : outcomes.includes('unknown') ? 'unknown' : 'pass';
const combineAny = (outcomes: Outcome[]): Outcome =>
  outcomes.includes('pass') ? 'pass' : outcomes.includes('unknown') ? 'unknown' : 'fail';

/** Evaluates a condition tree, appending one line per condition and group. */
function evaluateNodes(nodes: readonly ConditionNode[], read: FactReader, path: string, depth: number, trace: TraceLine[]): Outcome {
  return combineAll(nodes.map((node, i) => evaluateNode(node, read, `${path}.${i}`, depth, trace)));
}

function evaluateNode(node: ConditionNode, read: FactReader, path: string, depth: number, trace: TraceLine[]): Outcome {
  if (isAnyOf(node) || isAllOf(node)) {
    const any = isAnyOf(node);
    const line: TraceLine = { kind: 'group', path, depth, label: node.label ?? (any ? '满足其一' : '全部满足'), seen: '', rule: any ? '下列条件满足其一' : '下列条件全部满足', outcome: 'unknown' };
    trace.push(line);
    const children = any ? node.anyOf : node.allOf;
    const key = any ? 'anyOf' : 'allOf';
    const outcomes = children.map((child, i) => evaluateNode(child, read, `${path}.${key}.${i}`, depth + 1, trace));
    line.outcome = any ? combineAny(outcomes) : combineAll(outcomes);
    line.seen = { pass: '满足', fail: '不满足', unknown: '无法判断' }[line.outcome];
    return line.outcome;
  }
  const fact = read(node.fact);
  const rule = fact.spec ? describeRule(fact.spec, node) + (node.note ? `（${node.note}）` : '') : `${node.op} ${JSON.stringify(node.value)}`;
  const value = fact.value as number | boolean | string | readonly string[] | null;
  const outcome: Outcome = value === null ? 'unknown' : testCondition(node, value) ? 'pass' : 'fail';
  trace.push({ kind: 'condition', path, depth, fact: node.fact, label: fact.spec?.label ?? node.fact, seen: fact.seen, rule, outcome });
  return outcome;
}

const yearOf = (date: string) => date.slice(0, 4);

interface LimitState {
  /** Remaining amount under a maxAmount limit; null = no such cap. */
  amountCap: number | null;
  /** The maxMonths limit, whose waiver is read only once the amount shows it cases. */
  months: { limit: Extract<Limit, { kind: 'maxMonths' }>; index: number; line: TraceLine; left: number } | null;
}

/** One line per limit (享受限制), read from the policy's own entitlements. */
function evaluateLimits(policy: PolicyDefinition, read: FactReader, on: string, trace: TraceLine[]): LimitState {
  const history = read('entitlements');
  const own = history.value === null ? null : (history.value as Entitlement[]).filter((e) => e.policyCode === policy.code);
  const state: LimitState = { amountCap: null, months: null };
  policy.limits.forEach((limit, i) => {
    const line: TraceLine = { kind: 'limit', path: `limits.${i}`, depth: 0, fact: 'entitlements', label: LIMIT_LABELS[limit.kind], seen: '', rule: describeLimit(limit), outcome: 'pass' };
    trace.push(line);
    if (own === null) {
      Object.assign(line, { seen: '享受记录未知', outcome: 'unknown' });
      if (limit.kind === 'maxAmount') state.amountCap = Math.min(state.amountCap ?? Infinity, limit.amountFen);
      return;
    }
    const inScope = (per: 'ever' | 'year') => (per === 'year' ? own.filter((e) => yearOf(e.from) === yearOf(on)) : own);
    switch (limit.kind) {
      case 'once':
        Object.assign(line, own.length === 0 ? { seen: '未享受过' } : { seen: `已于${formatChineseDate(own[0]!.from)}享受`, outcome: 'fail' });
        return;
      case 'timesPerYear': {
        const n = inScope('year').length;
        Object.assign(line, { seen: `${yearOf(on)}年已享受${n}次`, outcome: n >= limit.times ? 'fail' : 'pass' });
        return;
      }
      case 'maxAmount': {
        const paid = inScope(limit.per).reduce((sum, e) => sum + e.amountFen, 0);
        const left = Math.max(0, limit.amountFen - paid);
        state.amountCap = Math.min(state.amountCap ?? Infinity, left);
        Object.assign(line, { seen: `已享受${formatFen(paid)}，尚可享受${formatFen(left)}`, outcome: left > 0 ? 'pass' : 'fail' });
        return;
      }
      case 'maxMonths': {
        const used = own.reduce((sum, e) => sum + e.months, 0);
        const left = Math.max(0, limit.months - used);
        line.seen = `已享受${used}个月，尚余${left}个月`;
        state.months = { limit, index: i, line, left };
        return;
      }
    }
  });
  return state;
}

/**
 * The amount, with the maxMonths limit applied: the months left cap a
 * monthly formula unless the limit's waiver holds (公益性岗位: to retirement
 * when within 5 years of it). The waiver is read, and traced, only when it
 * cases — months ran out, or the formula asked for more than are left.
 */
function amountWithinLimits(policy: PolicyDefinition, read: FactReader, trace: TraceLine[], state: LimitState): Amount {
  const months = state.months;
  const capped = computeAmount(policy.benefit, read, months ? months.left : null);
  if (!months || (months.left > 0 && !capped.monthsCapped)) return capped;
  const sub: TraceLine[] = [];
  const waiver = months.limit.waivedWhen;
  const waived: Outcome = waiver ? evaluateNodes([waiver], read, `limits.${months.index}.waivedWhen`, 1, sub) : 'fail';
  trace.splice(trace.indexOf(months.line) + 1, 0, ...sub);
  if (waived === 'fail') {
    if (months.left === 0) months.line.outcome = 'fail';
    return capped;
  }
  // Waived, or the waiver awaits a check: like a checklist item, the amount is what is paid once it is confirmed.
  if (waived === 'pass') months.line.seen += '；符合例外条件，不受期限限制';
  else Object.assign(months.line, { seen: `${months.line.seen}；是否符合例外条件无法判断`, outcome: 'unknown' });
  return computeAmount(policy.benefit, read, null);
}

const LIMIT_LABELS: Record<Limit['kind'], string> = { once: '享受次数', timesPerYear: '每年享受次数', maxAmount: '累计金额', maxMonths: '享受期限' };

/** A limit in plain Chinese, as its trace line and the policy page word it. */
export function describeLimit(limit: Limit): string {
  switch (limit.kind) {
    case 'once':
      return '每个对象只能享受一次';
    case 'timesPerYear':
      return `每年最多享受${limit.times}次`;
    case 'maxAmount':
      return `${limit.per === 'year' ? '每年' : ''}累计不超过${formatFen(limit.amountFen)}`;
    case 'maxMonths':
      return `累计享受不超过${limit.months}个月${limit.waivedWhen ? '，符合例外条件的除外' : ''}`;
  }
}

/** The verdict of one policy version for one snapshot on one date (YYYY-MM-DD). */
export function evaluatePolicy(policy: PolicyDefinition, facts: FactSnapshot, on: string, options: EvaluateOptions = {}): Verdict {
  return evaluateNamed(policy, policyFactNames(policy), facts, on, options);
}

/** evaluatePolicy with the policy's fact names computed once (compilePolicy, for a sweep's many subjects). */
export function evaluateNamed(policy: PolicyDefinition, factNames: readonly string[], facts: FactSnapshot, on: string, options: EvaluateOptions = {}): Verdict {
  parseIsoDate(on);
  const read = namedReader(factNames, facts);
  const trace: TraceLine[] = [];

  const inForce = on >= policy.effectiveFrom && (!policy.effectiveTo || on <= policy.effectiveTo);
  const period = `${formatChineseDate(policy.effectiveFrom)}${policy.effectiveTo ? `至${formatChineseDate(policy.effectiveTo)}` : '起'}`;
  trace.push({ kind: 'effective', path: 'effectiveFrom', depth: 0, label: '政策有效期', seen: `评估日${formatChineseDate(on)}`, rule: `有效期${period}`, outcome: inForce ? 'pass' : 'fail' });

  evaluateNodes(policy.conditions, read, 'conditions', 0, trace);

  const enjoyed = read('enjoyedPolicies');
  policy.exclusions.forEach((ex, i) => {
    const list = enjoyed.value as string[] | null;
    const outcome: Outcome = list === null ? 'unknown' : list.includes(ex.policyCode) ? 'fail' : 'pass';
    trace.push({ kind: 'exclusion', path: `exclusions.${i}`, depth: 0, fact: 'enjoyedPolicies', label: `与「${ex.name}」不能同时享受`, seen: enjoyed.seen, rule: `本年度未享受「${ex.name}」`, outcome });
  });

  // Paid in another county for the same period (the province's feed): never twice for one period.
  const history = read('entitlements');
  for (const e of (history.value as readonly Entitlement[] | null) ?? []) {
    if (!e.elsewhere || e.policyCode !== policy.code || on < e.from || on > e.to) continue;
    const during = `${formatChineseDate(e.from)}至${formatChineseDate(e.to)}`;
    trace.push({ kind: 'exclusion', path: 'entitlements', depth: 0, fact: 'entitlements', label: `已在${e.elsewhere}享受本补贴`, seen: `${e.elsewhere}已发放${during}的${policy.name}`, rule: '同一期间不得在两地重复享受', outcome: 'fail' });
  }

  const limits = evaluateLimits(policy, read, on, trace);
  const amount = amountWithinLimits(policy, read, trace, limits);
  let fen = amount.fen;
  let seen = amount.seen;
  if (fen !== null && limits.amountCap !== null && fen > limits.amountCap) {
    fen = limits.amountCap;
    seen += `；受累计限额限制，按${formatFen(fen)}计`;
  }
  const amountOutcome: Outcome = fen === null ? 'unknown' : fen > 0 ? 'pass' : 'fail';
  trace.push({ kind: 'amount', path: 'benefit', depth: 0, label: '补贴金额', seen: fen === 0 ? `${seen}，没有可发的金额` : seen, rule: amount.rule, outcome: amountOutcome });

  const confirmed = new Set(options.confirmedChecklist ?? []);
  policy.checklist.forEach((item, i) => {
    const ok = confirmed.has(item.code);
    trace.push({ kind: 'checklist', path: `checklist.${i}`, depth: 0, label: item.text, seen: ok ? '已核查' : '待人工核查', rule: '由经办人员核查材料', outcome: ok ? 'pass' : 'unknown' });
  });

  // Lines under a group only explain it: the group's own line carries their combined outcome.
  const top = trace.filter((l) => l.depth === 0).map((l) => l.outcome);
  const result: VerdictResult = top.includes('fail') ? 'not_eligible' : top.includes('unknown') ? 'needs_check' : 'eligible';
  return {
    policyCode: policy.code,
    policyVersion: policy.version,
    policyName: policy.name,
    on,
    result,
    amountFen: result === 'not_eligible' ? null : fen,
    amountConfirmed: policy.amountsConfirmed,
    noApplication: policy.noApplication,
    trace,
  };
}
