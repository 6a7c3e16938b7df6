import type { PolicyDefinition, PolicyTestCase, VerdictResult } from './definition';
import { type Verdict, evaluatePolicy } from './engine';
import { type FactSnapshot, personDateFacts } from './facts';

/**
 * 测试用例: each policy version carries cases (facts on a date → the result
 * and amount expected). They run in the unit tests, in the CLI's
 * `policies test`, and on the policy page before a version is activated.
 */

/** The snapshot a case stands for: its facts, with age and monthsToRetirement computed from `born` on the case's date. */
export function caseFacts(testCase: PolicyTestCase): FactSnapshot {
  return testCase.born ? { ...testCase.facts, ...personDateFacts(testCase.born, testCase.on) } : testCase.facts;
}

export function evaluateCase(policy: PolicyDefinition, testCase: PolicyTestCase): Verdict {
  return evaluatePolicy(policy, caseFacts(testCase), testCase.on, { confirmedChecklist: testCase.confirmedChecklist ?? [] });
}

export interface StoredCaseFailure {
  name: string;
  on: string;
  expected: { result: VerdictResult; amountFen: number | null };
  got: { result: VerdictResult; amountFen: number | null };
  /** The verdict, to show why it came out as it did. */
  verdict: Verdict;
}

/** The stored cases whose verdict differs from the expected result or amount; [] when all pass. */
export function runStoredCases(policy: PolicyDefinition): StoredCaseFailure[] {
  return policy.cases.flatMap((testCase) => {
    const verdict = evaluateCase(policy, testCase);
    const got = { result: verdict.result, amountFen: verdict.amountFen };
    const ok = got.result === testCase.expect.result && got.amountFen === testCase.expect.amountFen;
    return ok ? [] : [{ name: testCase.name, on: testCase.on, expected: testCase.expect, got, verdict }];
  });
}
