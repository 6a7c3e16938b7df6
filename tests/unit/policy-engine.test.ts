import { describe, expect, it } from 'vitest';
import type { PolicyDefinition } from '../../shared/domain/policies/definition';
import { evaluatePolicy } from '../../shared/domain/policies/engine';
import { explainVerdict } from '../../shared/domain/policies/explain';
import { runStoredCases } from '../../shared/domain/policies/stored-cases';

/** A plain person policy: 16 or older, founded a business; 1,000 yuan. */
function policy(overrides: Partial<PolicyDefinition> = {}): PolicyDefinition {
  return {
    code: 'test_policy', version: 3, name: '测试补贴', legalBasis: '测试', target: 'person',
    effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', fundSource: 'employment_subsidy_fund',
    noApplication: false, amountsConfirmed: true,
    conditions: [{ fact: 'age', op: 'gte', value: 16 }, { fact: 'foundedEnterprise', op: 'isTrue' }],
    checklist: [], exclusions: [], benefit: { kind: 'fixed', amountFen: 100_000 }, limits: [], cases: [],
    ...overrides,
  };
}
const ok = { age: 30, foundedEnterprise: true };
const line = (v: ReturnType<typeof evaluatePolicy>, fact: string) => v.trace.find((l) => l.fact === fact);

describe('effective dates', () => {
  it.each([
    ['2024-12-31', 'not_eligible'],
    ['2025-01-01', 'eligible'],
    ['2025-12-31', 'eligible'],
    ['2026-01-01', 'not_eligible'],
  ])('on %s the verdict is %s', (on, result) => {
    const verdict = evaluatePolicy(policy(), ok, on);
    expect(verdict.result).toBe(result);
    expect(verdict.trace[0]).toMatchObject({ kind: 'effective', outcome: result === 'eligible' ? 'pass' : 'fail', rule: '有效期2025年1月1日至2025年12月31日' });
  });

  it('says that the policy was not in force', () => {
    const explanation = explainVerdict(evaluatePolicy(policy(), ok, '2026-01-01'));
    expect(explanation.title).toBe('为什么不符合');
    expect(explanation.headline).toBe('不符合「测试补贴」，不满足的是：政策有效期。');
    expect(explanation.lines).toEqual(['评估日2026年1月1日不在政策有效期内（有效期2025年1月1日至2025年12月31日）。']);
  });

  it('refuses a date that does not exist', () => {
    expect(() => evaluatePolicy(policy(), ok, '2025-02-30')).toThrow(RangeError);
  });
});

describe('the trace', () => {
  it('gives every condition a line with the fact, the value seen and the rule in plain Chinese', () => {
    const verdict = evaluatePolicy(policy(), ok, '2025-06-01');
    expect(verdict).toMatchObject({ policyCode: 'test_policy', policyVersion: 3, result: 'eligible', amountFen: 100_000 });
    expect(verdict.trace.filter((l) => l.kind === 'condition')).toEqual([
      { kind: 'condition', path: 'conditions.0', depth: 0, fact: 'age', label: '年龄', seen: '30岁', rule: '不少于16岁', outcome: 'pass' },
      { kind: 'condition', path: 'conditions.1', depth: 0, fact: 'foundedEnterprise', label: '创办企业或个体工商户', seen: '是', rule: '为「是」', outcome: 'pass' },
    ]);
  });

  it('names the failing condition, and the explanation leads with it', () => {
    const verdict = evaluatePolicy(policy(), { age: 15, foundedEnterprise: true }, '2025-06-01');
    expect(verdict.result).toBe('not_eligible');
    expect(verdict.trace.filter((l) => l.outcome === 'fail')).toEqual([
      { kind: 'condition', path: 'conditions.0', depth: 0, fact: 'age', label: '年龄', seen: '15岁', rule: '不少于16岁', outcome: 'fail' },
    ]);
    const explanation = explainVerdict(verdict);
    expect(explanation.headline).toBe('不符合「测试补贴」，不满足的是：年龄。');
    expect(explanation.lines).toEqual(['年龄为15岁，不满足“不少于16岁”。']);
  });
});

describe('unknown facts', () => {
  it('make the verdict needs_check when nothing fails', () => {
    for (const facts of [{ age: 30, foundedEnterprise: null }, { age: 30 }]) {
      const verdict = evaluatePolicy(policy(), facts, '2025-06-01');
      expect(verdict).toMatchObject({ result: 'needs_check', amountFen: 100_000 });
      expect(line(verdict, 'foundedEnterprise')).toMatchObject({ seen: '未知（无数据）', outcome: 'unknown' });
    }
  });

  it('give way to a failing condition', () => {
    expect(evaluatePolicy(policy(), { age: 15, foundedEnterprise: null }, '2025-06-01')).toMatchObject({ result: 'not_eligible', amountFen: null });
  });

  it('count a malformed value as unknown and say so', () => {
    const verdict = evaluatePolicy(policy(), { age: '30', foundedEnterprise: true }, '2025-06-01');
    expect(verdict.result).toBe('needs_check');
    expect(line(verdict, 'age')).toMatchObject({ seen: '数据格式有误（应为数字（岁））', outcome: 'unknown' });
  });

  it('read through “one of”: a passing branch beats an unknown one, an unknown beats a failing one', () => {
    const p = policy({ conditions: [{ anyOf: [{ fact: 'disabled', op: 'isTrue' }, { fact: 'certified', op: 'isTrue' }] }] });
    expect(evaluatePolicy(p, { disabled: true, certified: null }, '2025-06-01').result).toBe('eligible');
    expect(evaluatePolicy(p, { disabled: false, certified: null }, '2025-06-01').result).toBe('needs_check');
    expect(evaluatePolicy(p, { disabled: false, certified: false }, '2025-06-01').result).toBe('not_eligible');
    const group = evaluatePolicy(p, { disabled: false, certified: false }, '2025-06-01').trace[1]!;
    expect(group).toMatchObject({ kind: 'group', label: '满足其一', seen: '不满足', outcome: 'fail' });
  });

  it('explain what to check', () => {
    const explanation = explainVerdict(evaluatePolicy(policy(), { age: 30 }, '2025-06-01'));
    expect(explanation.title).toBe('为什么需要人工核查');
    expect(explanation.headline).toBe('初步符合「测试补贴」，有1项需人工核查：创办企业或个体工商户。预计金额¥1,000.00。');
    expect(explanation.lines[0]).toBe('创办企业或个体工商户没有数据，无法判断是否满足“为「是」”，需人工核查。');
  });
});

describe('the checklist', () => {
  const p = policy({ checklist: [{ code: 'seen_licence', text: '营业执照原件已核验' }] });

  it('makes an otherwise passing verdict needs_check until staff tick it', () => {
    expect(evaluatePolicy(p, ok, '2025-06-01').result).toBe('needs_check');
    expect(evaluatePolicy(p, ok, '2025-06-01', { confirmedChecklist: ['seen_licence'] }).result).toBe('eligible');
    expect(evaluatePolicy(p, { ...ok, age: 12 }, '2025-06-01').result).toBe('not_eligible');
  });
});

describe('exclusions', () => {
  const p = policy({ exclusions: [{ policyCode: 'social_insurance', name: '社会保险补贴' }] });

  it('refuse a policy enjoyed together with an incompatible one, and say which', () => {
    const verdict = evaluatePolicy(p, { ...ok, enjoyedPolicies: ['social_insurance'] }, '2025-06-01');
    expect(verdict.result).toBe('not_eligible');
    expect(explainVerdict(verdict).lines).toEqual(['本年度未享受「社会保险补贴」（本年度已享受：社会保险补贴），不满足，两者不能同时享受。']);
    expect(evaluatePolicy(p, { ...ok, enjoyedPolicies: ['skill_upgrade'] }, '2025-06-01').result).toBe('eligible');
    expect(evaluatePolicy(p, { ...ok, enjoyedPolicies: null }, '2025-06-01').result).toBe('needs_check');
  });
});

describe('limits', () => {
  const paid = (policyCode: string, from: string, amountFen: number, months = 0) => ({ policyCode, from, to: from, months, amountFen });

  it('once: refuses a second time, ignoring other policies’ records', () => {
    const p = policy({ limits: [{ kind: 'once' }] });
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('other', '2024-01-01', 5)] }, '2025-06-01').result).toBe('eligible');
    const verdict = evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2019-03-01', 100_000)] }, '2025-06-01');
    expect(verdict.result).toBe('not_eligible');
    expect(verdict.trace.find((l) => l.kind === 'limit')).toMatchObject({ label: '享受次数', seen: '已于2019年3月1日享受', outcome: 'fail' });
  });

  it('timesPerYear: counts only the evaluation year', () => {
    const p = policy({ limits: [{ kind: 'timesPerYear', times: 1 }] });
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2024-12-31', 1)] }, '2025-06-01').result).toBe('eligible');
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2025-01-01', 1)] }, '2025-06-01').result).toBe('not_eligible');
  });

  it('maxAmount: pays what is left under the cap, and nothing once it is used up', () => {
    const p = policy({ limits: [{ kind: 'maxAmount', amountFen: 250_000, per: 'ever' }] });
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2024-01-01', 100_000)] }, '2025-06-01').amountFen).toBe(100_000);
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2024-01-01', 200_000)] }, '2025-06-01').amountFen).toBe(50_000);
    expect(evaluatePolicy(p, { ...ok, entitlements: [paid('test_policy', '2024-01-01', 250_000)] }, '2025-06-01').result).toBe('not_eligible');
  });

  it('an unknown history: needs_check, the amount still within the cap', () => {
    const p = policy({ benefit: { kind: 'fixed', amountFen: 300_000 }, limits: [{ kind: 'maxAmount', amountFen: 250_000, per: 'year' }] });
    expect(evaluatePolicy(p, { ...ok, entitlements: null }, '2025-06-01')).toMatchObject({ result: 'needs_check', amountFen: 250_000 });
  });

  it('maxMonths: caps the months a monthly formula pays, unless the waiver holds', () => {
    const p = policy({
      conditions: [],
      benefit: { kind: 'perUnit', amountFen: 10_000, unitsFrom: ['contributionMonthsLast12'], maxUnits: 12 },
      limits: [{ kind: 'maxMonths', months: 36, waivedWhen: { fact: 'monthsToRetirement', op: 'lte', value: 60 } }],
    });
    const facts = (used: number, monthsToRetirement: number | null) => ({ contributionMonthsLast12: 12, monthsToRetirement, entitlements: [paid('test_policy', '2023-01-01', 0, used)] });
    expect(evaluatePolicy(p, facts(20, 200), '2025-06-01').amountFen).toBe(120_000);
    expect(evaluatePolicy(p, facts(30, 200), '2025-06-01').amountFen).toBe(60_000);
    expect(evaluatePolicy(p, facts(30, 50), '2025-06-01').amountFen).toBe(120_000);
    expect(evaluatePolicy(p, facts(36, 200), '2025-06-01').result).toBe('not_eligible');
    expect(evaluatePolicy(p, facts(36, 60), '2025-06-01')).toMatchObject({ result: 'eligible', amountFen: 120_000 });
    // An unknown waiver awaits a check; the amount is what is paid once it is confirmed.
    expect(evaluatePolicy(p, facts(36, null), '2025-06-01')).toMatchObject({ result: 'needs_check', amountFen: 120_000 });
    expect(evaluatePolicy(p, facts(30, null), '2025-06-01')).toMatchObject({ result: 'needs_check', amountFen: 120_000 });
    // The waiver is read only when it cases: far from the limit, an unknown retirement date changes nothing.
    expect(evaluatePolicy(p, facts(0, null), '2025-06-01')).toMatchObject({ result: 'eligible', amountFen: 120_000 });
  });
});

describe('amounts in fen', () => {
  const enterprise = (benefit: PolicyDefinition['benefit']) => policy({ target: 'enterprise', conditions: [], benefit });

  it('floors a share to the fen, never paying more than the rule', () => {
    const p = enterprise({ kind: 'share', percent: 60, of: 'unemploymentInsuranceContributionsLastYearFen' });
    expect(evaluatePolicy(p, { unemploymentInsuranceContributionsLastYearFen: 1_000_001 }, '2025-06-01').amountFen).toBe(600_000);
    expect(evaluatePolicy(p, { unemploymentInsuranceContributionsLastYearFen: 3 }, '2025-06-01').amountFen).toBe(1);
  });

  it('applies the unit limit and then the cap', () => {
    const p = enterprise({ kind: 'perUnit', amountFen: 100_000, unitsFrom: ['keyGroupHiresInPeriod', 'graduateHiresInPeriod'], maxUnits: 8, capFen: 700_000 });
    expect(evaluatePolicy(p, { keyGroupHiresInPeriod: 2, graduateHiresInPeriod: 3 }, '2025-06-01').amountFen).toBe(500_000);
    const capped = evaluatePolicy(p, { keyGroupHiresInPeriod: 6, graduateHiresInPeriod: 6 }, '2025-06-01');
    expect(capped.amountFen).toBe(700_000);
    expect(capped.trace.find((l) => l.kind === 'amount')!.seen).toBe('8人（6人 + 6人） × ¥1,000.00 = ¥7,000.00（按上限8人计，封顶¥7,000.00）');
  });

  it('is never negative, even for a definition that skipped validation, and nothing to pay is not eligible', () => {
    const verdict = evaluatePolicy(policy({ benefit: { kind: 'fixed', amountFen: -500 } }), ok, '2025-06-01');
    expect(verdict).toMatchObject({ result: 'not_eligible', amountFen: null });
    expect(verdict.trace.find((l) => l.kind === 'amount')).toMatchObject({ seen: '¥0.00，没有可发的金额', outcome: 'fail' });
  });

  it('is unknown, and the verdict needs_check, when a fact of the formula is unknown', () => {
    const p = enterprise({ kind: 'share', percent: 60, of: 'unemploymentInsuranceContributionsLastYearFen' });
    expect(evaluatePolicy(p, {}, '2025-06-01')).toMatchObject({ result: 'needs_check', amountFen: null });
  });
});

describe('stored cases', () => {
  it('report a case whose expectation is wrong, with expected and got', () => {
    const p = policy({ cases: [
      { name: '对的', on: '2025-06-01', facts: ok, expect: { result: 'eligible', amountFen: 100_000 } },
      { name: '错的', on: '2025-06-01', facts: ok, expect: { result: 'eligible', amountFen: 90_000 } },
    ] });
    const failures = runStoredCases(p);
    expect(failures.map(({ name, expected, got }) => ({ name, expected, got }))).toEqual([
      { name: '错的', expected: { result: 'eligible', amountFen: 90_000 }, got: { result: 'eligible', amountFen: 100_000 } },
    ]);
  });
});
