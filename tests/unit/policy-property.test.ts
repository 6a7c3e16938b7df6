import { describe, expect, it } from 'vitest';
import { ETHNICITY_CODES } from '../../shared/domain/code-tables';
import {
  type FactSnapshot,
  type FactValue,
  POLICY_FACTS,
  type PolicyDefinition,
  SEED_POLICIES,
  caseFacts,
  evaluatePolicy,
  policyFactNames,
} from '../../shared/domain/policies';
import { randomSnapshot, randomValue } from '../fixtures/policy-facts-random';
import { type Random, random } from '../fixtures/seeded-random';

/**
 * Property: a policy's verdict never depends on sex, ethnicity or any fact the
 * policy does not name. From many snapshots (each policy's stored cases and
 * random ones), every fact the policy does not name is replaced by another
 * random value — or dropped, or joined by keys the catalogue does not know —
 * and the whole verdict, trace included, must stay the same.
 */

/** The same snapshot with every fact the policy does not name changed, dropped or added to. */
function perturbUnnamed(policy: PolicyDefinition, facts: FactSnapshot, r: Random): FactSnapshot {
  const named = new Set(policyFactNames(policy));
  const out: Record<string, FactValue | undefined> = {};
  for (const [name, value] of Object.entries(facts)) if (named.has(name)) out[name] = value;
  for (const name of Object.keys(POLICY_FACTS) as (keyof typeof POLICY_FACTS)[]) {
    if (named.has(name) || r.chance(0.2)) continue;
    out[name] = randomValue(POLICY_FACTS[name], r);
  }
  out.sex = r.pick(['male', 'female']);
  out.ethnicity = r.pick(ETHNICITY_CODES);
  out.name = r.pick(['张三', '李四', '王五']);
  out.idNumber = r.pick(['320102199003071239', '32050619920115004X']);
  return out;
}

const SAMPLES_PER_POLICY = 400;

describe('a verdict reads only the facts its policy names', () => {
  it.each(SEED_POLICIES.map((p) => [p.name, p] as const))('%s: sex, ethnicity and unnamed facts never change the verdict or amount', (_name, policy) => {
    const r = random(0x5eed + policy.code.length * 7919);
    const seen = new Set<string>();
    for (let i = 0; i < SAMPLES_PER_POLICY; i += 1) {
      // Half the bases are stored cases with named facts nudged, so every result is reached, not only not_eligible.
      const stored = policy.cases[i % policy.cases.length]!;
      const fromCase = i % 2 === 0;
      const base: Record<string, FactValue | undefined> = fromCase ? { ...randomSnapshot(policy.target, r), ...caseFacts(stored) } : randomSnapshot(policy.target, r);
      if (fromCase && r.chance(0.5)) {
        const name = r.pick(policyFactNames(policy)) as keyof typeof POLICY_FACTS;
        base[name] = randomValue(POLICY_FACTS[name], r);
      }
      const on = fromCase ? stored.on : r.date(2024, 2028);
      const confirmedChecklist = r.chance(0.5) ? policy.checklist.map((c) => c.code) : [];
      const verdict = evaluatePolicy(policy, base, on, { confirmedChecklist });
      const other = evaluatePolicy(policy, perturbUnnamed(policy, base, r), on, { confirmedChecklist });
      expect(other, `sample ${i} on ${on}`).toEqual(verdict);
      expect(verdict.amountFen === null || (Number.isInteger(verdict.amountFen) && verdict.amountFen > 0)).toBe(true);
      seen.add(verdict.result);
    }
    // The property is not vacuous: the samples reach more than one result.
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it('and the named facts do matter: changing one can change the verdict', () => {
    const policy = SEED_POLICIES.find((p) => p.code === 'job_retention')!;
    const facts = caseFacts(policy.cases[0]!);
    expect(evaluatePolicy(policy, facts, '2026-06-01').result).toBe('eligible');
    expect(evaluatePolicy(policy, { ...facts, layoffRatePct: 50 }, '2026-06-01').result).toBe('not_eligible');
  });
});
