import type { PolicyDefinition } from './definition';
import { evaluatePolicy, type Verdict } from './engine';
import type { FactSnapshot } from './facts';

/**
 * What a sweep's finding keeps of a verdict: the facts the policy names and
 * the verdict without its trace. The engine is pure, so the trace — some
 * 1.5 kB of Chinese per finding, most of a finding's size — is derived again
 * from those facts, the version and the day when someone reads the finding;
 * a county of a million with a third of its persons found writes a few
 * hundred megabytes less per full sweep. A verdict stored whole (findings
 * written before) is read as it is.
 */
export type StoredVerdict = Omit<Verdict, 'trace'> & { trace?: Verdict['trace'] };

/** Only the facts a policy names (its fact names), in the snapshot's order: the rest cannot change its verdict. */
export function namedFacts(facts: FactSnapshot, names: ReadonlySet<string>): FactSnapshot {
  const kept: Record<string, unknown> = {};
  for (const name of Object.keys(facts)) if (names.has(name)) kept[name] = facts[name];
  return kept as FactSnapshot;
}

export function storedVerdict(verdict: Verdict): StoredVerdict {
  const { trace: _trace, ...rest } = verdict;
  return rest;
}

/**
 * The whole verdict of a stored one: its trace derived again from the facts it
 * was drawn from. Should the engine judge those facts differently now (a newer
 * release of the desk), the verdict derived now is returned — its trace must
 * explain its result — and the next sweep rewrites the finding.
 */
export function verdictFromStored(stored: StoredVerdict, policy: PolicyDefinition, facts: FactSnapshot): Verdict {
  if (stored.trace) return stored as Verdict;
  return evaluatePolicy(policy, facts, stored.on);
}
