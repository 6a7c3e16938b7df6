import type { Condition, Limit, PolicyDefinition } from './definition';

/**
 * Seed policies paid by the month for a person (政策找人): 社会保险补贴,
 * 公益性岗位补贴, 灵活就业社会保险补贴. Normally at most 3 years; a person
 * within 5 years of the statutory retirement age (the 2025 table, through
 * monthsToRetirement) may go on to retirement. Amounts are 待核.
 */

const alive: Condition = { fact: 'deceased', op: 'isFalse' };
const workingAge: Condition = { fact: 'monthsToRetirement', op: 'gte', value: 1, note: '未达法定退休年龄' };
const threeYearsOrToRetirement: Limit = {
  kind: 'maxMonths',
  months: 36,
  waivedWhen: { fact: 'monthsToRetirement', op: 'lte', value: 60, note: '距法定退休年龄不足5年的，可延续至退休' },
};
const SUBSIDY_FUND_BASIS = '苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）';

/** Born 1970-05-10, a man: retires at 61岁5个月 on 2031-10-10; his 5-year window opens on 2026-10-10. */
const man1970 = { birthDate: '1970-05-10', sex: 'male' } as const;
const monthly = (months: number) => ({ policyCode: '', from: '2023-01-01', to: '2025-12-31', months, amountFen: 0 });

export const SOCIAL_INSURANCE: PolicyDefinition = {
  code: 'social_insurance',
  version: 1,
  name: '社会保险补贴（单位招用就业困难人员）',
  legalBasis: SUBSIDY_FUND_BASIS,
  target: 'person',
  paidTo: 'enterprise',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    { fact: 'certified', op: 'isTrue', note: '就业困难人员认定在有效期内' },
    { fact: 'employmentStatus', op: 'eq', value: 'employed' },
    { fact: 'flexibleEmployment', op: 'isFalse', note: '灵活就业的另有灵活就业社保补贴' },
    { fact: 'contributionMonthsLast12', op: 'gte', value: 1 },
    workingAge,
  ],
  checklist: [{ code: 'labour_contract', text: '用人单位与其签订劳动合同，并按月足额缴纳社会保险费' }],
  exclusions: [
    { policyCode: 'public_welfare_post', name: '公益性岗位补贴' },
    { policyCode: 'flexible_social_insurance', name: '灵活就业社会保险补贴' },
  ],
  benefit: { kind: 'perUnit', amountFen: 70_000, unitsFrom: ['contributionMonthsLast12'], maxUnits: 12 },
  limits: [threeYearsOrToRetirement],
  cases: [
    {
      name: '认定在有效期内、单位缴费12个月：待核查劳动合同',
      on: '2026-03-01',
      born: { birthDate: '1980-04-02', sex: 'female' },
      facts: { deceased: false, certified: true, employmentStatus: 'employed', flexibleEmployment: false, contributionMonthsLast12: 12, enjoyedPolicies: [], entitlements: [] },
      expect: { result: 'needs_check', amountFen: 840_000 },
    },
    {
      name: '已享受36个月，距退休5年零1天（2026-10-09）：期满，不符合',
      on: '2026-10-09',
      born: man1970,
      facts: { deceased: false, certified: true, employmentStatus: 'employed', flexibleEmployment: false, contributionMonthsLast12: 12, enjoyedPolicies: [], entitlements: [{ ...monthly(36), policyCode: 'social_insurance' }] },
      confirmedChecklist: ['labour_contract'],
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '已享受36个月，次日（2026-10-10）距退休恰5年：延续至退休',
      on: '2026-10-10',
      born: man1970,
      facts: { deceased: false, certified: true, employmentStatus: 'employed', flexibleEmployment: false, contributionMonthsLast12: 12, enjoyedPolicies: [], entitlements: [{ ...monthly(36), policyCode: 'social_insurance' }] },
      confirmedChecklist: ['labour_contract'],
      expect: { result: 'eligible', amountFen: 840_000 },
    },
    {
      name: '本年度已享受公益性岗位补贴：不能同时享受',
      on: '2026-03-01',
      born: { birthDate: '1980-04-02', sex: 'female' },
      facts: { deceased: false, certified: true, employmentStatus: 'employed', flexibleEmployment: false, contributionMonthsLast12: 12, enjoyedPolicies: ['public_welfare_post'], entitlements: [] },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '认定未知：需人工核查',
      on: '2026-03-01',
      born: { birthDate: '1980-04-02', sex: 'female' },
      facts: { deceased: false, certified: null, employmentStatus: 'employed', flexibleEmployment: false, contributionMonthsLast12: 6, enjoyedPolicies: [], entitlements: [] },
      confirmedChecklist: ['labour_contract'],
      expect: { result: 'needs_check', amountFen: 420_000 },
    },
  ],
};

/** Born 1972-03-20, a woman (original category not recorded → 55): retires at 55岁7个月 on 2027-10-20. */
const woman1972 = { birthDate: '1972-03-20', sex: 'female' } as const;
const onPost = { deceased: false, certified: true, onPublicWelfarePost: true, publicWelfarePostMonthsLast12: 12, enjoyedPolicies: [], entitlements: [] };

export const PUBLIC_WELFARE_POST: PolicyDefinition = {
  code: 'public_welfare_post',
  version: 1,
  name: '公益性岗位补贴',
  legalBasis: SUBSIDY_FUND_BASIS,
  target: 'person',
  paidTo: 'enterprise',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    { fact: 'certified', op: 'isTrue', note: '公益性岗位只安置就业困难人员' },
    { fact: 'onPublicWelfarePost', op: 'isTrue', note: '只在岗期间补贴' },
    { fact: 'publicWelfarePostMonthsLast12', op: 'gte', value: 1 },
    workingAge,
  ],
  checklist: [{ code: 'on_duty', text: '在岗履职，用人单位按月报送考勤与工资发放记录' }],
  exclusions: [{ policyCode: 'social_insurance', name: '社会保险补贴（单位招用就业困难人员）' }],
  benefit: { kind: 'perUnit', amountFen: 120_000, unitsFrom: ['publicWelfarePostMonthsLast12'], maxUnits: 12 },
  limits: [threeYearsOrToRetirement],
  cases: [
    {
      name: '已享受30个月：只补足剩余6个月',
      on: '2026-07-01',
      born: { birthDate: '1985-09-09', sex: 'male' },
      facts: { ...onPost, entitlements: [{ ...monthly(30), policyCode: 'public_welfare_post' }] },
      confirmedChecklist: ['on_duty'],
      expect: { result: 'eligible', amountFen: 720_000 },
    },
    {
      name: '退休日前一天（2027-10-19）：仍在劳动年龄，已满36个月但距退休不足5年',
      on: '2027-10-19',
      born: woman1972,
      facts: { ...onPost, entitlements: [{ ...monthly(36), policyCode: 'public_welfare_post' }] },
      confirmedChecklist: ['on_duty'],
      expect: { result: 'eligible', amountFen: 1_440_000 },
    },
    {
      name: '退休日（2027-10-20，55岁7个月）：已达法定退休年龄，不符合',
      on: '2027-10-20',
      born: woman1972,
      facts: { ...onPost },
      confirmedChecklist: ['on_duty'],
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '未在岗：不符合',
      on: '2026-07-01',
      born: { birthDate: '1985-09-09', sex: 'male' },
      facts: { ...onPost, onPublicWelfarePost: false },
      expect: { result: 'not_eligible', amountFen: null },
    },
  ],
};

/** Born 1975-03-15, a woman on a worker's post (original age 50): retires at 50岁2个月 on 2025-05-15. */
const workerWoman1975 = { birthDate: '1975-03-15', sex: 'female', femaleRetirementCategory: 'worker50' } as const;
const flexible = { deceased: false, certified: true, keyGroups: ['employment_difficulty'], flexibleEmployment: true, contributionMonthsLast12: 12, enjoyedPolicies: [], entitlements: [] };

export const FLEXIBLE_SOCIAL_INSURANCE: PolicyDefinition = {
  code: 'flexible_social_insurance',
  version: 1,
  name: '灵活就业社会保险补贴',
  legalBasis: SUBSIDY_FUND_BASIS,
  target: 'person',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    alive,
    {
      label: '就业困难人员或离校2年内未就业高校毕业生',
      anyOf: [
        { fact: 'certified', op: 'isTrue' },
        // Judged by the graduation date, not the key group 离校2年内未就业: registering flexible employment makes the graduate employed.
        {
          label: '离校2年内的高校毕业生',
          allOf: [
            { fact: 'higherEducation', op: 'isTrue' },
            { fact: 'monthsSinceGraduation', op: 'lte', value: 24, note: '毕业之日起2年内' },
          ],
        },
      ],
    },
    { fact: 'flexibleEmployment', op: 'isTrue', note: '以灵活就业人员身份参保' },
    { fact: 'contributionMonthsLast12', op: 'gte', value: 1 },
    workingAge,
  ],
  checklist: [],
  exclusions: [
    { policyCode: 'social_insurance', name: '社会保险补贴（单位招用就业困难人员）' },
    { policyCode: 'public_welfare_post', name: '公益性岗位补贴' },
  ],
  benefit: { kind: 'perUnit', amountFen: 40_000, unitsFrom: ['contributionMonthsLast12'], maxUnits: 12 },
  limits: [threeYearsOrToRetirement],
  cases: [
    {
      name: '退休日前一天（2025-05-14，原50周岁退休的女职工）：符合',
      on: '2025-05-14',
      born: workerWoman1975,
      facts: { ...flexible },
      expect: { result: 'eligible', amountFen: 480_000 },
    },
    {
      name: '退休日（2025-05-15，50岁2个月）：不符合',
      on: '2025-05-15',
      born: workerWoman1975,
      facts: { ...flexible },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '离校2年内的毕业生灵活就业，未认定：符合，缴费5个月',
      on: '2026-03-01',
      born: { birthDate: '2002-06-30', sex: 'male' },
      facts: { ...flexible, certified: false, keyGroups: [], higherEducation: true, monthsSinceGraduation: 8, contributionMonthsLast12: 5 },
      expect: { result: 'eligible', amountFen: 200_000 },
    },
    {
      name: '毕业已满2年零1个月，未认定：不符合',
      on: '2026-03-01',
      born: { birthDate: '2000-06-30', sex: 'male' },
      facts: { ...flexible, certified: false, keyGroups: [], higherEducation: true, monthsSinceGraduation: 25, contributionMonthsLast12: 5 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '不是灵活就业：不符合',
      on: '2026-03-01',
      born: { birthDate: '1980-01-01', sex: 'female' },
      facts: { ...flexible, flexibleEmployment: false },
      expect: { result: 'not_eligible', amountFen: null },
    },
  ],
};
