import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SEED_POLICIES,
  catalogueProblems,
  evaluateCase,
  explainVerdict,
  policyFactNames,
  runStoredCases,
  validatePolicy,
} from '../../shared/domain/policies';

const byCode = (code: string) => SEED_POLICIES.find((p) => p.code === code)!;

describe('the seeded policy catalogue (政策库)', () => {
  it('has the nine subsidies of DOMAIN.md, once each', () => {
    expect(SEED_POLICIES.map((p) => p.name.replace(/（.*）$/, '')).sort()).toEqual([
      '一次性创业补贴', '一次性吸纳就业补贴', '一次性扩岗补助', '公益性岗位补贴', '技能提升补贴', '灵活就业社会保险补贴',
      '社会保险补贴', '稳岗返还', '职业培训补贴',
    ].sort());
    expect(catalogueProblems(SEED_POLICIES)).toEqual([]);
  });

  it('uses the codes of the 补贴目录 code table, so an application’s item names its policy', () => {
    const migration = readFileSync('db/migrations/0013_cases_applicants_and_code_tables.sql', 'utf8');
    const catalogueCodes = [...migration.matchAll(/\('subsidy_catalogue', '([a-z_]+)'/g)].map((m) => m[1]);
    for (const p of SEED_POLICIES.filter((p) => p.code !== 'job_retention')) expect(catalogueCodes, p.code).toContain(p.code);
  });

  it('marks every amount 待核 and names a legal basis', () => {
    for (const p of SEED_POLICIES) {
      expect(p.amountsConfirmed, p.code).toBe(false);
      expect(p.legalBasis, p.code).toMatch(/[〔号]|通知/);
    }
  });

  it('pays 一次性扩岗补助 and 稳岗返还 without application (免申即享)', () => {
    expect(SEED_POLICIES.filter((p) => p.noApplication).map((p) => p.code).sort()).toEqual(['job_expansion', 'job_retention']);
    expect(byCode('job_expansion').checklist).toEqual([]);
    expect(byCode('job_retention').checklist).toEqual([]);
  });

  it('never names sex (ethnicity is not even a fact a policy could name)', () => {
    for (const p of SEED_POLICIES) expect(policyFactNames(p), p.code).not.toContain('sex');
  });
});

describe.each(SEED_POLICIES.map((p) => [p.name, p] as const))('%s', (_name, policy) => {
  it('is a valid definition', () => {
    expect(validatePolicy(policy)).toEqual([]);
  });

  it('carries at least three stored cases, with a boundary among them', () => {
    expect(policy.cases.length).toBeGreaterThanOrEqual(3);
    const results = new Set(policy.cases.map((c) => c.expect.result));
    expect(results.has('not_eligible') && (results.has('eligible') || results.has('needs_check'))).toBe(true);
  });

  it('passes every stored case', () => {
    const failures = runStoredCases(policy).map((f) => ({ name: f.name, expected: f.expected, got: f.got, why: explainVerdict(f.verdict).lines }));
    expect(failures).toEqual([]);
  });

  it('explains every stored case in Chinese', () => {
    for (const testCase of policy.cases) {
      const explanation = explainVerdict(evaluateCase(policy, testCase));
      expect(explanation.headline, testCase.name).toContain(policy.name);
      expect(explanation.lines.length, testCase.name).toBeGreaterThan(0);
    }
  });
});

describe('boundaries in the stored cases', () => {
  it('include the day before and the day of a birthday that crosses an age limit', () => {
    const cases = byCode('vocational_training').cases.filter((c) => c.born?.birthDate === '2010-05-01');
    expect(cases.map((c) => [c.on, c.expect.result])).toEqual([['2026-04-30', 'not_eligible'], ['2026-05-01', 'eligible']]);
  });

  it('include retirement dates under the 2025 table, for men and for both original ages of women', () => {
    const retirementCases = SEED_POLICIES.flatMap((p) => p.cases.filter((c) => c.born && /退休/.test(c.name)).map((c) => ({ p, c })));
    expect(retirementCases.map(({ p, c }) => `${p.code} ${c.on} ${c.expect.result}`)).toEqual(expect.arrayContaining([
      'startup_one_time 2025-03-09 eligible', 'startup_one_time 2025-03-10 not_eligible',
      'flexible_social_insurance 2025-05-14 eligible', 'flexible_social_insurance 2025-05-15 not_eligible',
      'public_welfare_post 2027-10-19 eligible', 'public_welfare_post 2027-10-20 not_eligible',
      'social_insurance 2026-10-09 not_eligible', 'social_insurance 2026-10-10 eligible',
    ]));
  });
});
