import { testCondition } from './conditions';
import { type ConditionNode, type PolicyDefinition, isAllOf, isAnyOf } from './definition';
import { type EvaluateOptions, type Outcome, type Verdict, evaluateNamed, policyFactNames } from './engine';
import { type FactSnapshot, factSpec, factValueProblem } from './facts';

/**
 * One policy version made ready, once, to judge many subjects (the sweep
 * judges a county's million persons against each policy in force).
 *
 * `rejects` answers without building a verdict — no trace, no Chinese text —
 * whether the verdict is certainly not_eligible: the evaluation date outside
 * the policy's period, or a top-level condition failing. It reads facts
 * exactly as evaluatePolicy does (unknown or malformed = unknown, which never
 * fails), so `rejects(facts, on)` implies `evaluatePolicy(policy, facts,
 * on).result === 'not_eligible'`; when it answers false the full verdict
 * decides. Most persons meet few policies: the sweep builds a verdict only
 * for the few a policy does not turn away.
 */
export interface CompiledPolicy {
  readonly policy: PolicyDefinition;
  /** The facts a verdict may read (policyFactNames), computed once. */
  readonly factNames: readonly string[];
  /** The same names as a set: a finding keeps only these facts (namedFacts). */
  readonly factNameSet: ReadonlySet<string>;
  rejects(facts: FactSnapshot, on: string): boolean;
  evaluate(facts: FactSnapshot, on: string, options?: EvaluateOptions): Verdict;
}

type Test = (facts: FactSnapshot) => Outcome;

/** The value the engine's reader sees: null when unknown, absent or not of the fact's type. */
function leafTest(node: Extract<ConditionNode, { fact: string }>): Test {
  const spec = factSpec(node.fact);
  return (facts) => {
    const raw = facts[node.fact] ?? null;
    if (spec === undefined || raw === null || raw === undefined || factValueProblem(spec, raw) !== null) return 'unknown';
    return testCondition(node, raw as number | boolean | string | readonly string[]) ? 'pass' : 'fail';
  };
}

/** The outcome evaluatePolicy gives the node's trace line (combined as the engine combines groups). */
function nodeTest(node: ConditionNode): Test {
  if (isAnyOf(node)) {
    const children = node.anyOf.map(nodeTest);
    return (facts) => {
      let unknown = false;
      for (const child of children) {
        const outcome = child(facts);
        if (outcome === 'pass') return 'pass';
        if (outcome === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : 'fail';
    };
  }
  if (isAllOf(node)) {
    const children = node.allOf.map(nodeTest);
    return (facts) => {
      let unknown = false;
      for (const child of children) {
        const outcome = child(facts);
        if (outcome === 'fail') return 'fail';
        if (outcome === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : 'pass';
    };
  }
  return leafTest(node);
}

export function compilePolicy(policy: PolicyDefinition): CompiledPolicy {
  const factNames = policyFactNames(policy);
  const conditions = policy.conditions.map(nodeTest);
  const inForce = (on: string) => on >= policy.effectiveFrom && (!policy.effectiveTo || on <= policy.effectiveTo);
  return {
    policy,
    factNames,
    factNameSet: new Set(factNames),
    rejects: (facts, on) => !inForce(on) || conditions.some((test) => test(facts) === 'fail'),
    evaluate: (facts, on, options) => evaluateNamed(policy, factNames, facts, on, options),
  };
}
