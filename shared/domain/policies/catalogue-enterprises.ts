import type { PolicyDefinition } from './definition';

/**
 * Seed policies for enterprises (政策找企). Every amount and rate is 待核
 * (amountsConfirmed: false) until the bureau confirms it; the legal bases name
 * the documents to check, with 文号 marked 待核 where this file could not
 * verify them (DOMAIN.md §3).
 */

const SME = ['micro', 'small', 'medium'];

/** A firm in good standing with nothing enjoyed yet this year. */
const clean = { contributionArrears: false, enjoyedPolicies: [], entitlements: [] };

export const JOB_EXPANSION: PolicyDefinition = {
  code: 'job_expansion',
  version: 1,
  name: '一次性扩岗补助',
  legalBasis: '人力资源社会保障部、教育部、财政部关于实施（延续）一次性扩岗补助政策的通知（文号待核）；江苏省及本县实施口径（待核）',
  target: 'enterprise',
  effectiveFrom: '2025-01-01',
  effectiveTo: '2026-12-31',
  fundSource: 'unemployment_insurance_fund',
  noApplication: true,
  amountsConfirmed: false,
  conditions: [
    {
      label: '招用高校毕业生或16–24岁登记失业青年',
      anyOf: [
        { fact: 'graduateHiresInPeriod', op: 'gte', value: 1 },
        { fact: 'youthUnemployedHiresInPeriod', op: 'gte', value: 1 },
      ],
    },
    { fact: 'contributionArrears', op: 'isFalse', note: '依法参保缴费' },
  ],
  checklist: [],
  exclusions: [],
  benefit: { kind: 'perUnit', amountFen: 150_000, unitsFrom: ['graduateHiresInPeriod', 'youthUnemployedHiresInPeriod'] },
  limits: [{ kind: 'timesPerYear', times: 1 }],
  cases: [
    {
      name: '招用2名毕业生和1名登记失业青年：按3人发放',
      on: '2026-03-02',
      facts: { ...clean, graduateHiresInPeriod: 2, youthUnemployedHiresInPeriod: 1 },
      expect: { result: 'eligible', amountFen: 450_000 },
    },
    {
      name: '没有招用：不符合',
      on: '2026-03-02',
      facts: { ...clean, graduateHiresInPeriod: 0, youthUnemployedHiresInPeriod: 0 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '有效期起日前一天：不符合',
      on: '2024-12-31',
      facts: { ...clean, graduateHiresInPeriod: 1, youthUnemployedHiresInPeriod: 0 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '有效期最后一天：符合',
      on: '2026-12-31',
      facts: { ...clean, graduateHiresInPeriod: 1, youthUnemployedHiresInPeriod: 0 },
      expect: { result: 'eligible', amountFen: 150_000 },
    },
    {
      name: '本年度已领过一次：不符合',
      on: '2026-09-01',
      facts: {
        ...clean,
        graduateHiresInPeriod: 3,
        youthUnemployedHiresInPeriod: 0,
        entitlements: [{ policyCode: 'job_expansion', from: '2026-04-10', to: '2026-04-10', months: 0, amountFen: 150_000 }],
      },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '登记失业青年人数未知：金额算不出，需人工核查',
      on: '2026-03-02',
      facts: { ...clean, graduateHiresInPeriod: 1, youthUnemployedHiresInPeriod: null },
      expect: { result: 'needs_check', amountFen: null },
    },
  ],
};

export const JOB_RETENTION: PolicyDefinition = {
  code: 'job_retention',
  version: 1,
  name: '稳岗返还',
  legalBasis: '人力资源社会保障部、财政部、国家税务总局关于继续实施失业保险稳岗惠企政策的通知（文号待核）；返还比例按江苏省口径（待核）',
  target: 'enterprise',
  effectiveFrom: '2025-01-01',
  effectiveTo: '2026-12-31',
  fundSource: 'unemployment_insurance_fund',
  noApplication: true,
  amountsConfirmed: false,
  conditions: [
    { fact: 'unemploymentInsuranceContributionsLastYearFen', op: 'gte', value: 1, note: '上年度缴纳了失业保险费' },
    { fact: 'contributionArrears', op: 'isFalse', note: '依法参保缴费' },
    {
      label: '裁员率条件',
      anyOf: [
        { fact: 'layoffRatePct', op: 'lte', value: 5.5, note: '不高于全国城镇调查失业率控制目标' },
        {
          label: '参保30人（含）以下的企业',
          allOf: [
            { fact: 'insuredHeadcount', op: 'lte', value: 30 },
            { fact: 'layoffRatePct', op: 'lte', value: 20 },
          ],
        },
      ],
    },
  ],
  checklist: [],
  exclusions: [],
  benefit: {
    kind: 'byCode',
    fact: 'sizeClass',
    rows: [
      { codes: SME, formula: { kind: 'share', percent: 60, of: 'unemploymentInsuranceContributionsLastYearFen' } },
      { codes: ['large'], formula: { kind: 'share', percent: 30, of: 'unemploymentInsuranceContributionsLastYearFen' } },
    ],
  },
  limits: [{ kind: 'timesPerYear', times: 1 }],
  cases: [
    {
      name: '小型企业返还上年度失业保险费的60%',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'small', insuredHeadcount: 80, layoffRatePct: 2, unemploymentInsuranceContributionsLastYearFen: 1_000_005 },
      expect: { result: 'eligible', amountFen: 600_003 },
    },
    {
      name: '大型企业返还30%',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'large', insuredHeadcount: 1500, layoffRatePct: 1.2, unemploymentInsuranceContributionsLastYearFen: 2_000_000 },
      expect: { result: 'eligible', amountFen: 600_000 },
    },
    {
      name: '裁员率恰为5.5%：符合',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'medium', insuredHeadcount: 200, layoffRatePct: 5.5, unemploymentInsuranceContributionsLastYearFen: 500_000 },
      expect: { result: 'eligible', amountFen: 300_000 },
    },
    {
      name: '裁员率5.51%且参保超过30人：不符合',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'medium', insuredHeadcount: 200, layoffRatePct: 5.51, unemploymentInsuranceContributionsLastYearFen: 500_000 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '参保30人、裁员率20%：按小微企业口径符合',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'micro', insuredHeadcount: 30, layoffRatePct: 20, unemploymentInsuranceContributionsLastYearFen: 100_000 },
      expect: { result: 'eligible', amountFen: 60_000 },
    },
    {
      name: '参保31人、裁员率10%：不符合',
      on: '2026-06-01',
      facts: { ...clean, sizeClass: 'small', insuredHeadcount: 31, layoffRatePct: 10, unemploymentInsuranceContributionsLastYearFen: 100_000 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '欠缴社保费：不符合',
      on: '2026-06-01',
      facts: { ...clean, contributionArrears: true, sizeClass: 'small', insuredHeadcount: 50, layoffRatePct: 0, unemploymentInsuranceContributionsLastYearFen: 100_000 },
      expect: { result: 'not_eligible', amountFen: null },
    },
  ],
};

export const HIRING_ONE_TIME: PolicyDefinition = {
  code: 'hiring_one_time',
  version: 1,
  name: '一次性吸纳就业补贴',
  legalBasis: '苏财规〔2025〕2号（江苏省就业补助资金有关规定，文号及标准待核）；本县实施细则（待核）',
  target: 'enterprise',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  fundSource: 'employment_subsidy_fund',
  noApplication: false,
  amountsConfirmed: false,
  conditions: [
    { fact: 'sizeClass', op: 'in', value: SME, note: '中小微企业' },
    { fact: 'keyGroupHiresInPeriod', op: 'gte', value: 1 },
    { fact: 'contributionArrears', op: 'isFalse', note: '依法参保缴费' },
  ],
  checklist: [
    { code: 'contract_one_year', text: '与招用人员签订1年以上劳动合同' },
    { code: 'not_double_paid', text: '同一招用人员未同时享受一次性扩岗补助' },
  ],
  exclusions: [],
  benefit: { kind: 'perUnit', amountFen: 100_000, unitsFrom: ['keyGroupHiresInPeriod'], capFen: 1_000_000 },
  limits: [{ kind: 'timesPerYear', times: 1 }],
  cases: [
    {
      name: '小型企业招用3名重点群体：核查前需人工核查',
      on: '2026-05-20',
      facts: { ...clean, sizeClass: 'small', keyGroupHiresInPeriod: 3 },
      expect: { result: 'needs_check', amountFen: 300_000 },
    },
    {
      name: '核查清单已核：符合',
      on: '2026-05-20',
      facts: { ...clean, sizeClass: 'small', keyGroupHiresInPeriod: 3 },
      confirmedChecklist: ['contract_one_year', 'not_double_paid'],
      expect: { result: 'eligible', amountFen: 300_000 },
    },
    {
      name: '招用12人：封顶1万元',
      on: '2026-05-20',
      facts: { ...clean, sizeClass: 'medium', keyGroupHiresInPeriod: 12 },
      confirmedChecklist: ['contract_one_year', 'not_double_paid'],
      expect: { result: 'eligible', amountFen: 1_000_000 },
    },
    {
      name: '大型企业：不符合',
      on: '2026-05-20',
      facts: { ...clean, sizeClass: 'large', keyGroupHiresInPeriod: 3 },
      expect: { result: 'not_eligible', amountFen: null },
    },
    {
      name: '有效期起日：符合',
      on: '2025-01-01',
      facts: { ...clean, sizeClass: 'micro', keyGroupHiresInPeriod: 1 },
      confirmedChecklist: ['contract_one_year', 'not_double_paid'],
      expect: { result: 'eligible', amountFen: 100_000 },
    },
  ],
};
