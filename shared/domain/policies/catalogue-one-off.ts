import type { Condition, PolicyDefinition } from './definition';

/**
 * Seed one-off policies for a person: 技能提升补贴 and 职业培训补贴 by
 * certificate level, 一次性创业补贴. Amounts are 待核.
 */

const alive: Condition = { fact: 'deceased', op: 'isFalse' };
const workingAge: Condition[] = [
  { fact: 'age', op: 'gte', value: 16, note: '劳动年龄下限' },
  { fact: 'monthsToRetirement', op: 'gte', value: 1, note: '未达法定退休年龄' },
];
const CERTIFIED_LEVELS = ['level1', 'level2', 'level3', 'level4', 'level5'];

export const SKILL_UPGRADE: PolicyDefinition = {
  code: 'skill_upgrade',
  version: 1,
  name: '技能提升补贴',
  legalBasis: '人力资源社会保障部、财政部关于失业保险支持参保职工提升职业技能有关问题的通知（文号待核）；江苏省标准（待核）',
  target: 'person',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'unemployment_insurance_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    { fact: 'employmentStatus', op: 'eq', value: 'employed', note: '企业在职职工' },
    { fact: 'contributionMonths', op: 'gte', value: 12, note: '参加失业保险累计缴费满1年' },
    { fact: 'certificateLevel', op: 'in', value: CERTIFIED_LEVELS },
    { fact: 'certificateMonthsAgo', op: 'lte', value: 12, note: '发证之日起12个月内' },
  ],
  checklist: [{ code: 'first_of_level', text: '同一职业（工种）同一等级的证书未享受过技能提升补贴' }],
  exclusions: [],
  benefit: {
    kind: 'byCode',
    fact: 'certificateLevel',
    rows: [
      { codes: ['level5'], formula: { kind: 'fixed', amountFen: 100_000 } },
      { codes: ['level4'], formula: { kind: 'fixed', amountFen: 150_000 } },
      { codes: ['level3'], formula: { kind: 'fixed', amountFen: 200_000 } },
      { codes: ['level2', 'level1'], formula: { kind: 'fixed', amountFen: 250_000 } },
    ],
  },
  limits: [{ kind: 'timesPerYear', times: 1 }],
  cases: [
    {
      name: '高级工证书、缴费满12个月：2,000元',
      on: '2026-04-01',
      facts: { deceased: false, employmentStatus: 'employed', contributionMonths: 12, certificateLevel: 'level3', certificateMonthsAgo: 2, entitlements: [] },
      confirmedChecklist: ['first_of_level'],
      expect: { result: 'eligible', amountFen: 200_000 },
    },
    {
      name: '缴费11个月：差一个月，不符合',
      on: '2026-04-01',
      facts: { deceased: false, employmentStatus: 'employed', contributionMonths: 11, certificateLevel: 'level3', certificateMonthsAgo: 2, entitlements: [] },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '发证满12个月：仍可申领，待核查是否首次',
      on: '2026-04-01',
      facts: { deceased: false, employmentStatus: 'employed', contributionMonths: 40, certificateLevel: 'level5', certificateMonthsAgo: 12, entitlements: [] },
      expect: { result: 'needs_check', amountFen: 100_000 },
    },
    {
      name: '发证13个月：不符合',
      on: '2026-04-01',
      facts: { deceased: false, employmentStatus: 'employed', contributionMonths: 40, certificateLevel: 'level5', certificateMonthsAgo: 13, entitlements: [] },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '只有专项职业能力证书：不在补贴范围',
      on: '2026-04-01',
      facts: { deceased: false, employmentStatus: 'employed', contributionMonths: 40, certificateLevel: 'special', certificateMonthsAgo: 1, entitlements: [] },
      expect: { result: 'not_eligible', amountFen: null },
    },
  ],
};

/** Born 2010-05-01: turns 16 on 2026-05-01. */
const born2010 = { birthDate: '2010-05-01', sex: 'female' } as const;
const trainee = { deceased: false, keyGroups: [], employmentStatus: 'unemployed_unregistered', certificateLevel: 'level5', certificateMonthsAgo: 1, enjoyedPolicies: [], entitlements: [] };

export const VOCATIONAL_TRAINING: PolicyDefinition = {
  code: 'vocational_training',
  version: 1,
  name: '职业培训补贴',
  legalBasis: '苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；职业培训补贴标准目录（待核）',
  target: 'person',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    ...workingAge,
    {
      label: '培训对象',
      anyOf: [
        { fact: 'keyGroups', op: 'includesAny', value: ['graduate_this_year', 'graduate_unemployed_2y', 'rural_labour', 'employment_difficulty', 'veteran', 'disabled', 'low_income'] },
        { fact: 'employmentStatus', op: 'in', value: ['unemployed_registered', 'unemployed_unregistered'] },
      ],
    },
    { fact: 'certificateLevel', op: 'ne', value: 'none', note: '培训后取得证书' },
    { fact: 'certificateMonthsAgo', op: 'lte', value: 12 },
  ],
  checklist: [{ code: 'designated_provider', text: '在定点培训机构参加培训并考核合格（机构、课时、考勤核实）' }],
  exclusions: [{ policyCode: 'skill_upgrade', name: '技能提升补贴' }],
  benefit: {
    kind: 'byCode',
    fact: 'certificateLevel',
    rows: [
      { codes: ['special'], formula: { kind: 'fixed', amountFen: 60_000 } },
      { codes: ['level5'], formula: { kind: 'fixed', amountFen: 100_000 } },
      { codes: ['level4'], formula: { kind: 'fixed', amountFen: 150_000 } },
      { codes: ['level3'], formula: { kind: 'fixed', amountFen: 200_000 } },
      { codes: ['level2', 'level1'], formula: { kind: 'fixed', amountFen: 250_000 } },
    ],
  },
  limits: [{ kind: 'timesPerYear', times: 1 }],
  cases: [
    {
      name: '16岁生日前一天（2026-04-30）：未满16周岁，不符合',
      on: '2026-04-30',
      born: born2010,
      facts: { ...trainee },
      confirmedChecklist: ['designated_provider'],
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '16岁生日当天（2026-05-01）：符合',
      on: '2026-05-01',
      born: born2010,
      facts: { ...trainee },
      confirmedChecklist: ['designated_provider'],
      expect: { result: 'eligible', amountFen: 100_000 },
    },
    {
      name: '在职且不属重点群体：不符合',
      on: '2026-06-01',
      born: { birthDate: '1990-03-07', sex: 'male' },
      facts: { ...trainee, employmentStatus: 'employed' },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '农村劳动力取得专项职业能力证书：待核查培训机构',
      on: '2026-06-01',
      born: { birthDate: '1990-03-07', sex: 'male' },
      facts: { ...trainee, employmentStatus: 'employed', keyGroups: ['rural_labour'], certificateLevel: 'special' },
      expect: { result: 'needs_check', amountFen: 60_000 },
    },
    {
      name: '本年度已享受技能提升补贴：不能同时享受',
      on: '2026-06-01',
      born: { birthDate: '1990-03-07', sex: 'male' },
      facts: { ...trainee, enjoyedPolicies: ['skill_upgrade'] },
      confirmedChecklist: ['designated_provider'],
      expect: { result: 'not_eligible', amountFen: null },
    },
  ],
};

/** Born 1965-02-10, a man of the first cohort of the 2025 table: retires at 60岁1个月 on 2025-03-10, not on his 60th birthday. */
const man1965 = { birthDate: '1965-02-10', sex: 'male' } as const;
const founder = { deceased: false, foundedEnterprise: true, foundedEnterpriseMonths: 8, keyGroups: ['employment_difficulty'], entitlements: [] };

export const STARTUP_ONE_TIME: PolicyDefinition = {
  code: 'startup_one_time',
  version: 1,
  name: '一次性创业补贴',
  legalBasis: '苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）',
  target: 'person',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    ...workingAge,
    { fact: 'foundedEnterprise', op: 'isTrue', note: '市场监管登记的企业或个体工商户' },
    { fact: 'foundedEnterpriseMonths', op: 'gte', value: 6, note: '正常经营6个月以上' },
    {
      fact: 'keyGroups',
      op: 'includesAny',
      value: ['graduate_this_year', 'graduate_unemployed_2y', 'employment_difficulty', 'veteran', 'rural_labour', 'low_income', 'disabled'],
      note: '首次创业的重点群体',
    },
  ],
  checklist: [{ code: 'operating', text: '创办主体正常经营（经营场所实地核实），为首次创业' }],
  exclusions: [],
  benefit: { kind: 'fixed', amountFen: 500_000 },
  limits: [{ kind: 'once' }],
  cases: [
    {
      name: '60周岁生日后、退休日前一天（2025-03-09）：仍在劳动年龄',
      on: '2025-03-09',
      born: man1965,
      facts: { ...founder },
      confirmedChecklist: ['operating'],
      expect: { result: 'eligible', amountFen: 500_000 },
    },
    {
      name: '退休日（2025-03-10，60岁1个月）：不符合',
      on: '2025-03-10',
      born: man1965,
      facts: { ...founder },
      confirmedChecklist: ['operating'],
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '经营5个月：不符合',
      on: '2026-02-01',
      born: { birthDate: '1998-11-11', sex: 'female' },
      facts: { ...founder, foundedEnterpriseMonths: 5, keyGroups: ['graduate_unemployed_2y'] },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '已享受过一次：不符合',
      on: '2026-02-01',
      born: { birthDate: '1998-11-11', sex: 'female' },
      facts: { ...founder, entitlements: [{ policyCode: 'startup_one_time', from: '2024-05-06', to: '2024-05-06', months: 0, amountFen: 500_000 }] },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '经营满6个月的退役军人：待核查经营情况',
      on: '2026-02-01',
      born: { birthDate: '1998-11-11', sex: 'female' },
      facts: { ...founder, foundedEnterpriseMonths: 6, keyGroups: ['veteran'] },
      expect: { result: 'needs_check', amountFen: 500_000 },
    },
  ],
};
