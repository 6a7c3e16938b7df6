import { describe, expect, it } from 'vitest';
import { type FactValue, type PolicyDefinition, POLICY_FACTS, SEED_POLICIES, caseFacts, compilePolicy, evaluatePolicy, policyFactNames } from '../../shared/domain/policies';
import { randomSnapshot, randomValue } from '../fixtures/policy-facts-random';
import { random } from '../fixtures/seeded-random';

/**
 * compilePolicy, as the sweep uses it: `rejects` turns a subject away only when
 * the full verdict is not_eligible, and `evaluate` gives evaluatePolicy's
 * verdict, trace and all. Checked on every seeded policy's stored cases and on
 * random snapshots — some with malformed values, as a department file may
 * bring — around each policy's named facts.
 */
const SAMPLES_PER_POLICY = 1_500;

/** A value of the wrong type for the fact: the engine reads it as unknown. */
function malformed(name: string, i: number): unknown {
  return [`坏值${i}`, -1, 1.5, ['x'], { a: 1 }, true][i % 6];
}

function samples(policy: PolicyDefinition): Array<{ facts: Record<string, unknown>; on: string }> {
  const r = random(0xc0de + policy.code.length * 131);
  const names = policyFactNames(policy);
  const out = policy.cases.map((c) => ({ facts: caseFacts(c) as Record<string, unknown>, on: c.on }));
  for (let i = 0; i < SAMPLES_PER_POLICY; i += 1) {
    const stored = policy.cases[i % policy.cases.length]!;
    const facts: Record<string, unknown> = i % 3 === 0 ? randomSnapshot(policy.target, r) : { ...randomSnapshot(policy.target, r), ...caseFacts(stored) };
    // Nudge a named fact or two: a new value, unknown, absent or malformed.
    for (let k = r.int(0, 2); k > 0; k -= 1) {
      const name = r.pick(names);
      const spec = POLICY_FACTS[name as keyof typeof POLICY_FACTS];
      const pick = r.int(0, 3);
      if (pick === 0 && spec) facts[name] = randomValue(spec, r) as FactValue;
      else if (pick === 1) facts[name] = null;
      else if (pick === 2) delete facts[name];
      else facts[name] = malformed(name, i);
    }
    out.push({ facts, on: i % 3 === 0 ? r.date(2024, 2028) : stored.on });
  }
  return out;
}

describe('a policy compiled for the sweep', () => {
  it.each(SEED_POLICIES.map((p) => [p.name, p] as const))('%s: rejects only what the full verdict finds not eligible, and evaluates as evaluatePolicy', (_name, policy) => {
    const compiled = compilePolicy(policy);
    expect(compiled.factNames).toEqual(policyFactNames(policy));
    const tally = { rejected: 0, notEligible: 0, other: 0 };
    for (const [i, { facts, on }] of samples(policy).entries()) {
      const verdict = evaluatePolicy(policy, facts as never, on);
      expect(compiled.evaluate(facts as never, on), `sample ${i}`).toEqual(verdict);
      const rejected = compiled.rejects(facts as never, on);
      if (rejected) expect(verdict.result, `sample ${i} on ${on}: rejected but ${verdict.result}`).toBe('not_eligible');
      tally[rejected ? 'rejected' : verdict.result === 'not_eligible' ? 'notEligible' : 'other'] += 1;
    }
    // Not vacuous: the screen turns subjects away, and lets the others through to a full verdict.
    expect(tally.rejected).toBeGreaterThan(50);
    expect(tally.other).toBeGreaterThan(20);
  });

  it('rejects on the day before a policy comes into force and the day after it ends, not on its first and last day', () => {
    const policy = SEED_POLICIES.find((p) => p.code === 'job_expansion')!;
    const compiled = compilePolicy(policy);
    const facts = caseFacts(policy.cases[0]!);
    expect([policy.effectiveFrom, policy.effectiveTo]).toEqual(['2025-01-01', '2026-12-31']);
    expect(['2024-12-31', '2025-01-01', '2026-12-31', '2027-01-01'].map((on) => compiled.rejects(facts, on))).toEqual([true, false, false, true]);
  });
});
