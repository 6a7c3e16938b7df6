import { describe, expect, it } from 'vitest';
import { SEED_POLICIES, caseFacts, evaluatePolicy, namedFacts, policyFactNames, storedVerdict, verdictFromStored } from '../../shared/domain/policies';

/**
 * A sweep's finding keeps only the facts its policy names and the verdict
 * without its trace; reading it derives the trace again. For every stored
 * case of every seeded policy, what is read back must be the very verdict
 * the sweep judged — result, amount and every trace line.
 */
describe('a finding stored without its trace (shared/domain/policies/stored-verdict.ts)', () => {
  for (const policy of SEED_POLICIES) {
    it(`${policy.name}: every stored case reads back as the verdict judged`, () => {
      const names = new Set(policyFactNames(policy));
      expect(policy.cases.length).toBeGreaterThan(0);
      for (const testCase of policy.cases) {
        const facts = caseFacts(testCase);
        const judged = evaluatePolicy(policy, facts, testCase.on);
        const kept = JSON.parse(JSON.stringify(storedVerdict(judged))) as ReturnType<typeof storedVerdict>;
        expect(kept).not.toHaveProperty('trace');
        const keptFacts = JSON.parse(JSON.stringify(namedFacts(facts, names))) as typeof facts;
        expect(verdictFromStored(kept, policy, keptFacts)).toEqual(judged);
      }
    });
  }

  it('a verdict stored whole (written before) is read as it is', () => {
    const policy = SEED_POLICIES[0]!;
    const testCase = policy.cases[0]!;
    const judged = evaluatePolicy(policy, caseFacts(testCase), testCase.on);
    expect(verdictFromStored(judged, policy, {})).toBe(judged);
  });
});
