import { describeRule } from './conditions';
import { type Condition, type ConditionNode, isAllOf, isAnyOf } from './definition';
import { type FactSpec, factSpec } from './facts';

/**
 * Finds conditions that can never hold together: 年龄不少于60岁 且 不超过30岁,
 * 为「城镇」 且 为「农村」, 为是 且 为否. Conditions of one "all of" scope are
 * read fact by fact as a range (numbers, dates) or a set (codes); a "one of"
 * group is impossible when each of its branches is, read together with the
 * conditions around it. Only well-formed conditions reach here (validate.ts).
 */

type Path = ReadonlyArray<PropertyKey>;
interface Leaf {
  condition: Condition;
  spec: FactSpec;
}
export interface Impossible {
  path: Path;
  message: string;
}

type Scalar = number | string;

/** Why these conditions on one fact cannot all hold, or null. */
function contradiction(spec: FactSpec, conditions: readonly Condition[]): string | null {
  const type = spec.type;
  const values = (c: Condition): Scalar[] => (Array.isArray(c.value) ? [...c.value] : c.value === undefined ? [] : [c.value as Scalar]);
  if (type.kind === 'boolean') {
    const ops = new Set(conditions.map((c) => c.op));
    return ops.has('isTrue') && ops.has('isFalse') ? '不能既为是又为否' : null;
  }
  if (type.kind === 'codeList') {
    const excluded = new Set(conditions.filter((c) => c.op === 'notIn').flatMap(values));
    const hopeless = conditions.find((c) => c.op === 'includesAny' && values(c).every((v) => excluded.has(v)));
    return hopeless ? '要包含的代码都被排除了' : null;
  }
  if (type.kind === 'entitlements') return null;

  // Numbers, dates and single codes: an allowed set (eq, in), excluded values (ne, notIn) and, for ordered kinds, bounds.
  let allowed: Scalar[] | null = type.kind === 'code' && !type.editable ? type.codes.map(([c]) => c) : null;
  const excluded = new Set<Scalar>();
  let lo: Scalar | null = type.kind === 'number' ? type.min : null;
  let hi: Scalar | null = type.kind === 'number' && type.max !== undefined ? type.max : null;
  const raise = (v: Scalar) => (lo === null || v > lo ? v : lo);
  const lower = (v: Scalar) => (hi === null || v < hi ? v : hi);
  for (const c of conditions) {
    const vs = values(c);
    if (c.op === 'eq' || c.op === 'in') allowed = allowed === null ? vs : allowed.filter((v) => vs.includes(v));
    else if (c.op === 'ne' || c.op === 'notIn') vs.forEach((v) => excluded.add(v));
    else if (c.op === 'gte') lo = raise(vs[0]!);
    else if (c.op === 'lte') hi = lower(vs[0]!);
    else if (c.op === 'between') {
      lo = raise(vs[0]!);
      hi = lower(vs[1]!);
    }
  }
  if (lo !== null && hi !== null && lo > hi) return '范围为空';
  const inRange = (v: Scalar) => (lo === null || v >= lo) && (hi === null || v <= hi) && !excluded.has(v);
  if (allowed !== null && !allowed.some(inRange)) return '没有可取的值';
  if (lo !== null && lo === hi && excluded.has(lo)) return '唯一可取的值被排除了';
  return null;
}

interface Entry {
  node: ConditionNode;
  path: Path;
}
interface Group {
  branches: Entry[];
  path: Path;
}

/** Leaves of an "all of" scope, flattening nested allOf groups; anyOf groups come back apart with their paths. */
function collect(entries: readonly Entry[], leaves: Leaf[], groups: Group[]): void {
  for (const { node, path } of entries) {
    if (isAllOf(node)) collect(node.allOf.map((n, j) => ({ node: n, path: [...path, 'allOf', j] })), leaves, groups);
    else if (isAnyOf(node)) groups.push({ branches: node.anyOf.map((n, j) => ({ node: n, path: [...path, 'anyOf', j] })), path: [...path, 'anyOf'] });
    else {
      const spec = factSpec(node.fact);
      if (spec) leaves.push({ condition: node, spec });
    }
  }
}

/** Problems of one scope read with the conditions around it; true when it can never hold. */
function analyse(entries: readonly Entry[], path: Path, context: readonly Leaf[], found: Impossible[]): boolean {
  const own: Leaf[] = [];
  const groups: Group[] = [];
  collect(entries, own, groups);
  const all = [...context, ...own];
  let impossible = false;
  for (const fact of new Set(own.map((l) => l.condition.fact))) {
    const onFact = all.filter((l) => l.condition.fact === fact);
    const spec = onFact[0]!.spec;
    const why = contradiction(spec, onFact.map((l) => l.condition));
    if (why) {
      const rules = onFact.map((l) => describeRule(spec, l.condition)).join(' 且 ');
      found.push({ path, message: `「${spec.label}」${rules}，不可能同时满足（${why}）` });
      impossible = true;
    }
  }
  // Branches are read only in a scope that can hold; otherwise every branch would repeat the same contradiction.
  if (impossible) return true;
  for (const group of groups) {
    const dead = group.branches.map((branch) => analyse([branch], branch.path, all, found));
    if (dead.every(Boolean)) {
      found.push({ path: group.path, message: '“满足其一”的各项在其他条件下都不可能成立' });
      impossible = true;
    }
  }
  return impossible;
}

/** Every place in a condition tree (a list = all of) whose conditions can never hold. */
export function impossibleConditions(nodes: readonly ConditionNode[], path: Path): Impossible[] {
  const found: Impossible[] = [];
  analyse(nodes.map((node, i) => ({ node, path: [...path, i] })), path, [], found);
  return found;
}
