import { describe, expect, it } from 'vitest';
import type { PolicyDefinition } from '../../shared/domain/policies/definition';
import { catalogueProblems, placeOf, validatePolicy } from '../../shared/domain/policies/validate';

/** A sound person policy to spoil one field at a time. */
function policy(overrides: Partial<PolicyDefinition> = {}): PolicyDefinition {
  return {
    code: 'startup_one_time',
    version: 1,
    name: '一次性创业补贴',
    legalBasis: '苏财规〔2025〕2号（待核）',
    target: 'person',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    fundSource: 'employment_subsidy_fund',
    noApplication: false,
    amountsConfirmed: false,
    conditions: [
      { fact: 'age', op: 'gte', value: 16 },
      { fact: 'foundedEnterprise', op: 'isTrue' },
    ],
    checklist: [{ code: 'operating', text: '正常经营' }],
    exclusions: [],
    benefit: { kind: 'fixed', amountFen: 500_000 },
    limits: [{ kind: 'once' }],
    cases: [{ name: '创业满6个月', on: '2026-01-05', facts: { age: 30, foundedEnterprise: true, entitlements: [] }, confirmedChecklist: ['operating'], expect: { result: 'eligible', amountFen: 500_000 } }],
    ...overrides,
  };
}

const messages = (def: unknown) => validatePolicy(def).map((p) => p.message);

describe('a sound policy', () => {
  it('has no problems', () => {
    expect(validatePolicy(policy())).toEqual([]);
  });
});

describe('the four bad definitions of the issue, each a Chinese message naming the field or rule', () => {
  it('an impossible condition: age ≥ 60 and age ≤ 30', () => {
    const problems = validatePolicy(policy({ conditions: [{ fact: 'age', op: 'gte', value: 60 }, { fact: 'age', op: 'lte', value: 30 }] }));
    expect(problems).toEqual([{ path: 'conditions', message: '条件：「年龄」不少于60岁 且 不超过30岁，不可能同时满足（范围为空）' }]);
  });

  it('a formula that can give a negative amount', () => {
    expect(messages(policy({ benefit: { kind: 'fixed', amountFen: -100 } }))).toEqual(['金额公式 › 金额：金额为负数（-100），公式会算出负的金额']);
    expect(messages(policy({ benefit: { kind: 'perUnit', amountFen: 100, unitsFrom: ['contributionMonthsLast12'], capFen: -1 } }))).toEqual([
      '金额公式 › 封顶金额：封顶金额为负数（-1），公式会算出负的金额',
    ]);
    const enterprise = policy({ target: 'enterprise', conditions: [], cases: [], benefit: { kind: 'share', percent: 10, of: 'insuredHeadcountChangePct' } });
    expect(messages(enterprise)).toEqual(['金额公式 › 基数事实：「参保人数变化率」可以为负数，按它的比例会算出负的金额']);
    const table = policy({ benefit: { kind: 'byCode', fact: 'certificateLevel', rows: [{ codes: ['level5'], formula: { kind: 'share', percent: -5, of: 'contributionMonths' } }] } });
    expect(messages(table)).toEqual(['金额公式 › 第1行 › 公式 › 比例：比例为负数（-5），公式会算出负的金额']);
  });

  it('an effective-to before the effective-from', () => {
    expect(validatePolicy(policy({ effectiveFrom: '2026-01-01', effectiveTo: '2025-12-31' }))).toEqual([
      { path: 'effectiveTo', message: '有效期止：2025-12-31 早于有效期起 2026-01-01，有效期不能倒置' },
    ]);
  });

  it('a condition on a fact of the other target, of the wrong type, or unknown', () => {
    const problems = validatePolicy(policy({
      conditions: [
        { fact: 'insuredHeadcount', op: 'gte', value: 3 },
        { fact: 'foundedEnterprise', op: 'gte', value: 3 },
        { fact: 'shoeSize', op: 'eq', value: 42 },
        { fact: 'householdType', op: 'eq', value: 'city' },
        { fact: 'age', op: 'gte', value: '十六' },
      ],
    }));
    expect(problems).toEqual([
      { path: 'conditions.0.fact', message: '条件1 › 事实：「参保人数」是单位的事实，本政策的对象是个人' },
      { path: 'conditions.1.value', message: '条件2 › 比较值：「创办企业或个体工商户」的类型为是/否，只能用“为是”“为否”比较，不能用“不少于”' },
      { path: 'conditions.2.fact', message: '条件3 › 事实：没有名为“shoeSize”的事实（见事实目录）' },
      { path: 'conditions.3.value', message: '条件4 › 比较值：「户口性质」比较值不是代码表中的值' },
      { path: 'conditions.4.value', message: '条件5 › 比较值：「年龄」比较值应为数字（岁）' },
    ]);
  });
});

describe('impossible conditions found through groups', () => {
  it('reads a “one of” branch with the conditions around it', () => {
    const problems = validatePolicy(policy({
      conditions: [
        { fact: 'age', op: 'between', value: [40, 50] },
        { anyOf: [{ fact: 'age', op: 'gte', value: 60 }, { allOf: [{ fact: 'age', op: 'lte', value: 30 }] }] },
      ],
    }));
    expect(problems.map((p) => p.path)).toEqual(['conditions.1.anyOf.0', 'conditions.1.anyOf.1', 'conditions.1.anyOf']);
    expect(problems[2]!.message).toBe('条件2 › 满足其一：“满足其一”的各项在其他条件下都不可能成立');
  });

  it('reports a dead branch even when another branch can hold, but not the group', () => {
    const conditions: PolicyDefinition['conditions'] = [
      { fact: 'age', op: 'gte', value: 40 },
      { anyOf: [{ fact: 'age', op: 'lte', value: 30 }, { fact: 'disabled', op: 'isTrue' }] },
    ];
    expect(validatePolicy(policy({ conditions }))).toEqual([
      { path: 'conditions.1.anyOf.0', message: '条件2 › 满足其一第1项：「年龄」不少于40岁 且 不超过30岁，不可能同时满足（范围为空）' },
    ]);
  });

  it('finds codes that exclude each other, a yes that is also a no, and a range upside down or beyond the fact', () => {
    expect(messages(policy({ conditions: [
      { fact: 'householdType', op: 'eq', value: 'urban' },
      { fact: 'householdType', op: 'in', value: ['rural'] },
      { fact: 'disabled', op: 'isTrue' },
      { fact: 'disabled', op: 'isFalse' },
    ] }))).toEqual([
      '条件：「户口性质」为「城镇」 且 为「农村」之一，不可能同时满足（没有可取的值）',
      '条件：「持残疾人证」为「是」 且 为「否」，不可能同时满足（不能既为是又为否）',
    ]);
    expect(messages(policy({ conditions: [{ fact: 'age', op: 'between', value: [31, 30] }] }))).toEqual([
      '条件：「年龄」在31岁至30岁之间（含两端），不可能同时满足（范围为空）',
    ]);
    expect(messages(policy({ conditions: [{ fact: 'age', op: 'between', value: [30.5, 31] }] }))).toEqual(['条件1 › 比较值：「年龄」比较值应为整数（岁）']);
    expect(messages(policy({ conditions: [{ fact: 'age', op: 'gte', value: 200 }] }))).toEqual(['条件1 › 比较值：「年龄」比较值不能大于150岁']);
    expect(messages(policy({ conditions: [{ fact: 'age', op: 'gte', value: 150 }, { fact: 'age', op: 'ne', value: 150 }] }))).toEqual([
      '条件：「年龄」不少于150岁 且 不为150岁，不可能同时满足（唯一可取的值被排除了）',
    ]);
  });

  it('checks the waiver of a months limit like any condition', () => {
    const problems = messages(policy({ limits: [{ kind: 'maxMonths', months: 36, waivedWhen: { fact: 'insuredHeadcount', op: 'lte', value: 60 } }] }));
    expect(problems).toEqual(['享受限制1 › 例外条件 › 事实：「参保人数」是单位的事实，本政策的对象是个人']);
  });
});

describe('the shape of a definition', () => {
  it('says in Chinese which field is wrong', () => {
    const def = { ...policy(), version: 0, name: '', fundSource: 'lottery', effectiveFrom: '2025-02-30', target: 'family' };
    expect(messages(def)).toEqual([
      '版本号：版本号从1开始',
      '名称：必填',
      '政策对象：政策对象应为个人或单位',
      '有效期起：应为存在的日期，格式 YYYY-MM-DD',
      '资金来源：资金来源应为就业补助资金、失业保险基金或创业担保贷款贴息',
    ]);
  });

  it('names the place of a nested field', () => {
    expect(placeOf(['conditions', 1, 'anyOf', 0, 'value'])).toBe('条件2 › 满足其一第1项 › 比较值');
    expect(placeOf(['benefit', 'rows', 1, 'formula', 'amountFen'])).toBe('金额公式 › 第2行 › 公式 › 金额');
    expect(placeOf(['cases', 0, 'facts', 'age'])).toBe('测试用例1 › 事实 › age');
  });
});

describe('the rest of a definition', () => {
  it('refuses an exclusion of the policy itself, duplicate checklist codes and a second limit of one kind', () => {
    expect(messages(policy({
      exclusions: [{ policyCode: 'startup_one_time', name: '一次性创业补贴' }],
      checklist: [{ code: 'operating', text: 'a' }, { code: 'operating', text: 'b' }],
      limits: [{ kind: 'once' }, { kind: 'once' }],
    }))).toEqual([
      '享受限制：同一种享受限制（once）只能有一条',
      '排斥政策第1项 › 政策代码：政策不能排斥自己（重复享受由享受限制管）',
      '核查清单：核查项代码“operating”重复',
    ]);
  });

  it('checks the stored cases’ facts and ticks against the catalogue and the checklist', () => {
    const bad = policy({
      cases: [{ name: '坏用例', on: '2026-01-05', facts: { age: -1, layoffRatePct: 3 }, confirmedChecklist: ['nothing'], expect: { result: 'not_eligible', amountFen: 5 } }],
    });
    expect(messages(bad)).toEqual([
      '测试用例1 › 事实 › age：「年龄」不能小于0岁',
      '测试用例1 › 事实 › layoffRatePct：「上年度裁员率」是单位的事实，本政策的对象是个人',
      '测试用例1 › 已核查项1：核查清单中没有“nothing”',
      '测试用例1 › 预期结果 › 金额：不符合时预期金额应为空',
    ]);
  });

  it('keeps the versions of one policy apart in time', () => {
    const v1 = policy({ effectiveTo: '2025-12-31' });
    const v2 = policy({ version: 2, effectiveFrom: '2026-01-01' });
    expect(catalogueProblems([v1, v2])).toEqual([]);
    expect(catalogueProblems([v1, { ...v2, effectiveFrom: '2025-12-31' }])).toEqual([
      '政策“startup_one_time”的版本1与版本2有效期重叠（2025-12-31起两个版本同时有效）',
    ]);
    expect(catalogueProblems([v1, { ...v1 }])[0]).toBe('政策“startup_one_time”的版本1重复');
  });
});
