import { EMPLOYMENT_STATUS_LABELS, HOUSEHOLD_TYPE_LABELS, SEX_LABELS } from '../../labels/zh-CN';
import { addMonths, isIsoDate, parseIsoDate } from '../calendar';
import { ageOn } from '../dates';
import { SIZE_CLASSES } from '../enterprise-codes';
import type { Sex } from '../id-number';
import { KEY_GROUP_LABELS } from '../key-groups';
import { type FemaleRetirementCategory, statutoryRetirement } from '../retirement';

/**
 * 事实目录 (fact catalogue): every fact a policy may test, with its Chinese
 * label, its type and whose fact it is. The backend computes these into a
 * frozen 事实快照 (fact snapshot) for one person or enterprise on one
 * evaluation date; the engine reads nothing else. Each fact's `meaning` is the
 * 口径 the backend must follow, so two sweeps of the same data agree.
 *
 * Conventions the backend must keep:
 * - null (or a missing key) means UNKNOWN. A fact that does not apply is not
 *   unknown: a person who is no graduate has monthsSinceGraduation null, but
 *   higherEducation false, and a policy on graduates tests that first.
 * - Facts from another department's list are never unknown once the list was
 *   imported: not on the death list → deceased false.
 * - "本年度" facts count from 1 January of the evaluation date's year to that
 *   date; "近12个月" facts count the 12 months ending on it.
 */

export type FactTarget = 'person' | 'enterprise';
export type CodeTable = ReadonlyArray<readonly [code: string, label: string]>;

export type FactType =
  | { kind: 'number'; unit: string; min: number; max?: number; integer: boolean }
  | { kind: 'boolean' }
  /** `editable`: the table is the administrator's (code_entries); codes outside the seed list are accepted. */
  | { kind: 'code'; codes: CodeTable; editable?: boolean }
  | { kind: 'codeList'; codes: CodeTable; editable?: boolean }
  | { kind: 'date' }
  /** The 享受记录 history limits read; no condition may test it. */
  | { kind: 'entitlements' };

export interface FactSpec {
  label: string;
  targets: readonly FactTarget[];
  type: FactType;
  /** 口径: how the backend computes the value. */
  meaning: string;
}

/** One approved entitlement (享受记录) of a policy, as limits read it. */
export interface Entitlement {
  policyCode: string;
  /** First and last day of the period it paid for; a one-off payment has from = to = the decision date. */
  from: string;
  to: string;
  /** Months it paid for (0 for a one-off payment). */
  months: number;
  amountFen: number;
  /** Paid by another county (its name), as the province's feed reports it; absent for this county's own. */
  elsewhere?: string;
}

export type FactValue = number | boolean | string | readonly string[] | readonly Entitlement[] | null;
/** fact name → value; null or absent = unknown. Keys the catalogue does not know are ignored. */
export type FactSnapshot = Readonly<Record<string, FactValue | undefined>>;

const codeTable = (labels: Record<string, string>): CodeTable => Object.entries(labels);

/** 职业技能等级 (国家职业技能标准五级) and 专项职业能力, highest first. */
export const CERTIFICATE_LEVELS: CodeTable = [
  ['level1', '一级/高级技师'], ['level2', '二级/技师'], ['level3', '三级/高级工'], ['level4', '四级/中级工'],
  ['level5', '五级/初级工'], ['special', '专项职业能力证书'], ['none', '无'],
];

/** Seed rows of the editable 就业困难人员认定类别 table (migration 0013), plus `none`. */
export const DIFFICULTY_CATEGORY_SEEDS: CodeTable = [
  ['age_4050', '“4050”人员'], ['dibao', '城乡低保家庭成员'], ['disabled', '残疾人'], ['zero_employment_family', '城镇零就业家庭成员'],
  ['zero_transfer_rural', '农村零转移就业家庭成员'], ['single_parent', '单亲家庭抚养未成年子女人员'],
  ['both_spouses_unemployed', '夫妻双方均失业人员'], ['land_expropriated', '被征地农民'], ['long_term_unemployed', '连续失业1年以上人员'],
  ['entitled_family', '优抚对象家庭成员'], ['veteran', '退役军人'], ['none', '未认定'],
];

/** Seed rows of the editable 补贴目录 (migration 0013) and 稳岗返还: labels for policy codes in traces. */
export const KNOWN_POLICY_CODES: CodeTable = [
  ['job_expansion', '一次性扩岗补助'], ['job_retention', '稳岗返还'], ['social_insurance', '社会保险补贴'],
  ['public_welfare_post', '公益性岗位补贴'], ['flexible_social_insurance', '灵活就业社会保险补贴'], ['skill_upgrade', '技能提升补贴'],
  ['startup_one_time', '一次性创业补贴'], ['hiring_one_time', '一次性吸纳就业补贴'], ['startup_loan_interest', '创业担保贷款贴息'],
  ['vocational_training', '职业培训补贴'],
];

export const LOW_INCOME_CODES: CodeTable = [['dibao', '低保对象'], ['extreme_poverty', '特困人员'], ['low_income', '低收入人口'], ['none', '无']];

const PERSON = ['person'] as const;
const ENTERPRISE = ['enterprise'] as const;
const BOTH = ['person', 'enterprise'] as const;
const months = (min = 0): FactType => ({ kind: 'number', unit: '月', min, integer: true });
const persons: FactType = { kind: 'number', unit: '人', min: 0, integer: true };
const flag: FactType = { kind: 'boolean' };

export const POLICY_FACTS = {
  // —— persons ——
  age: { label: '年龄', targets: PERSON, type: { kind: 'number', unit: '岁', min: 0, max: 150, integer: true }, meaning: '评估日的周岁（生日当天起长一岁，2月29日出生的平年3月1日起）' },
  sex: { label: '性别', targets: PERSON, type: { kind: 'code', codes: codeTable(SEX_LABELS) }, meaning: '身份证号第17位' },
  householdType: { label: '户口性质', targets: PERSON, type: { kind: 'code', codes: codeTable(HOUSEHOLD_TYPE_LABELS) }, meaning: '一人一档的户口性质' },
  keyGroups: { label: '重点群体', targets: PERSON, type: { kind: 'codeList', codes: codeTable(KEY_GROUP_LABELS) }, meaning: '评估日按 computeKeyGroups 计算的重点群体' },
  certified: { label: '就业困难人员认定有效', targets: PERSON, type: flag, meaning: '评估日有一项就业困难人员认定在有效期内（暂停、退出、到期均为否）' },
  certificationCategory: { label: '就业困难人员认定类别', targets: PERSON, type: { kind: 'code', codes: DIFFICULTY_CATEGORY_SEEDS, editable: true }, meaning: '有效认定的类别；未认定为 none' },
  employmentStatus: { label: '就业状态', targets: PERSON, type: { kind: 'code', codes: codeTable(EMPLOYMENT_STATUS_LABELS) }, meaning: '一人一档的就业状态' },
  registeredUnemployedMonths: { label: '失业登记时长', targets: PERSON, type: months(), meaning: '在有效的失业登记自登记日至评估日的整月数；未登记为0' },
  higherEducation: { label: '高校毕业生学历', targets: PERSON, type: flag, meaning: '研究生、本科或专科学历（GB/T 4658 首位1–3）' },
  graduationDate: { label: '毕业日期', targets: PERSON, type: { kind: 'date' }, meaning: '最高学历的毕业日期' },
  monthsSinceGraduation: { label: '毕业时长', targets: PERSON, type: months(), meaning: '毕业日至评估日的整月数；非高校毕业生为空' },
  graduatedThisYear: { label: '毕业年度', targets: PERSON, type: flag, meaning: '高校毕业生且毕业日期与评估日同一自然年' },
  contributionMonths: { label: '社保累计缴费月数', targets: PERSON, type: months(), meaning: '社保部门数据：评估日前累计缴费月数（失业保险）' },
  contributionMonthsLast12: { label: '近12个月社保缴费月数', targets: PERSON, type: { kind: 'number', unit: '月', min: 0, max: 12, integer: true }, meaning: '评估日前12个月内有缴费的月数' },
  monthsToRetirement: { label: '距法定退休年龄', targets: PERSON, type: months(), meaning: 'monthsToRetirement()：按2025年起的渐进式退休年龄，距退休日期尚余月数（不足一月按一月），退休日当天起为0' },
  onPublicWelfarePost: { label: '在公益性岗位', targets: PERSON, type: flag, meaning: '评估日在公益性岗位上岗' },
  publicWelfarePostMonthsLast12: { label: '近12个月在公益性岗位月数', targets: PERSON, type: { kind: 'number', unit: '月', min: 0, max: 12, integer: true }, meaning: '评估日前12个月内在岗的月数' },
  lowIncomeStatus: { label: '低保/特困/低收入', targets: PERSON, type: { kind: 'code', codes: LOW_INCOME_CODES }, meaning: '民政部门名单；不在名单上为 none' },
  disabled: { label: '持残疾人证', targets: PERSON, type: flag, meaning: '残联名单或一人一档的残疾等级' },
  deceased: { label: '已死亡', targets: PERSON, type: flag, meaning: '公安、卫健部门的死亡名单；不在名单上为否' },
  foundedEnterprise: { label: '创办企业或个体工商户', targets: PERSON, type: flag, meaning: '市场监管数据：本人为在营企业的法定代表人或个体工商户经营者' },
  foundedEnterpriseMonths: { label: '创办主体经营时长', targets: PERSON, type: months(), meaning: '所创办主体自登记日至评估日的整月数；未创办为空' },
  certificateLevel: { label: '职业技能等级', targets: PERSON, type: { kind: 'code', codes: CERTIFICATE_LEVELS }, meaning: '持有的最高职业技能等级证书；没有为 none' },
  certificateMonthsAgo: { label: '取得证书时长', targets: PERSON, type: months(), meaning: '最高等级证书发证日至评估日的整月数；没有证书为空' },
  flexibleEmployment: { label: '灵活就业登记', targets: PERSON, type: flag, meaning: '评估日有有效的灵活就业登记' },
  // —— enterprises ——
  insuredHeadcount: { label: '参保人数', targets: ENTERPRISE, type: persons, meaning: '评估日最近一次参保人数' },
  insuredHeadcountChangePct: { label: '参保人数变化率', targets: ENTERPRISE, type: { kind: 'number', unit: '%', min: -100, integer: false }, meaning: '较上年同期的增减百分比，两位小数' },
  layoffRatePct: { label: '上年度裁员率', targets: ENTERPRISE, type: { kind: 'number', unit: '%', min: 0, max: 100, integer: false }, meaning: '上年度减员人数 ÷ 上年初参保人数 × 100，两位小数' },
  keyGroupHiresInPeriod: { label: '本年度招用重点群体人数', targets: ENTERPRISE, type: persons, meaning: '本年度招用、签订劳动合同并已为其缴纳社保满3个月的就业困难人员、脱贫人口等' },
  graduateHiresInPeriod: { label: '本年度招用高校毕业生人数', targets: ENTERPRISE, type: persons, meaning: '本年度招用、已为其缴纳失业保险满3个月的毕业年度或离校2年内高校毕业生' },
  youthUnemployedHiresInPeriod: { label: '本年度招用16–24岁登记失业青年人数', targets: ENTERPRISE, type: persons, meaning: '本年度招用、招用时16–24周岁且在失业登记、已为其缴纳失业保险满3个月' },
  unemploymentInsuranceContributionsLastYearFen: { label: '上年度实际缴纳失业保险费', targets: ENTERPRISE, type: { kind: 'number', unit: '分', min: 0, integer: true }, meaning: '社保部门数据，单位为分' },
  sizeClass: { label: '企业规模', targets: ENTERPRISE, type: { kind: 'code', codes: SIZE_CLASSES }, meaning: '大、中、小、微型；中小微企业即 micro/small/medium' },
  enterpriseAgeMonths: { label: '成立时长', targets: ENTERPRISE, type: months(), meaning: '登记日至评估日的整月数' },
  contributionArrears: { label: '欠缴社会保险费', targets: ENTERPRISE, type: flag, meaning: '社保部门数据：评估日有欠缴' },
  // —— both ——
  enjoyedPolicies: { label: '本年度已享受的政策', targets: BOTH, type: { kind: 'codeList', codes: KNOWN_POLICY_CODES, editable: true }, meaning: '享受期间与评估日所在自然年有交集的已批准享受记录的政策代码（排斥条件读它）' },
  entitlements: { label: '享受记录', targets: BOTH, type: { kind: 'entitlements' }, meaning: '全部已批准的享受记录，含省级下发的在外县已发放的补贴（享受限制与同期重复享受读它）' },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof POLICY_FACTS;

/** The spec of a fact by name, or undefined for a name the catalogue does not know. */
export function factSpec(name: string): FactSpec | undefined {
  return Object.hasOwn(POLICY_FACTS, name) ? (POLICY_FACTS as Record<string, FactSpec>)[name] : undefined;
}

export function factsFor(target: FactTarget): FactName[] {
  return (Object.keys(POLICY_FACTS) as FactName[]).filter((name) => (POLICY_FACTS[name].targets as readonly FactTarget[]).includes(target));
}

/** A code of the table, or any stable key when the table is editable. */
export function isAllowedCode(type: { codes: CodeTable; editable?: boolean }, code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return type.codes.some(([c]) => c === code) || (type.editable === true && /^[a-z][a-z0-9_]{1,39}$/.test(code));
}

function isEntitlement(v: unknown): v is Entitlement {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.policyCode === 'string' && typeof e.from === 'string' && isIsoDate(e.from) && typeof e.to === 'string' && isIsoDate(e.to)
    && Number.isInteger(e.months) && (e.months as number) >= 0 && Number.isInteger(e.amountFen) && (e.amountFen as number) >= 0
    && (e.elsewhere === undefined || typeof e.elsewhere === 'string');
}

/** Why a (non-null) value does not fit the fact's type, in Chinese; null when it fits. */
export function factValueProblem(spec: FactSpec, value: unknown): string | null {
  const type = spec.type;
  switch (type.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `应为数字（${type.unit}）`;
      if (type.integer && !Number.isInteger(value)) return `应为整数（${type.unit}）`;
      if (value < type.min) return `不能小于${type.min}${type.unit}`;
      if (type.max !== undefined && value > type.max) return `不能大于${type.max}${type.unit}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : '应为是或否';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : '应为 YYYY-MM-DD 格式的日期';
    case 'code':
      return isAllowedCode(type, value) ? null : '不是代码表中的值';
    case 'codeList':
      return Array.isArray(value) && value.every((c) => isAllowedCode(type, c)) ? null : '应为代码表中的值的列表';
    case 'entitlements':
      return Array.isArray(value) && value.every(isEntitlement) ? null : '应为享受记录的列表';
  }
}

/**
 * Problems of a snapshot the backend built, as `fact: message`: facts of the
 * other target and values of the wrong type. Unknown keys are not a problem
 * (the engine ignores them), so a snapshot may carry what the UI shows too.
 */
export function snapshotProblems(target: FactTarget, facts: FactSnapshot): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(facts)) {
    const spec = factSpec(name);
    if (!spec || value === null || value === undefined) continue;
    if (!spec.targets.includes(target)) problems.push(`${name}：「${spec.label}」不是${target === 'person' ? '个人' : '单位'}的事实`);
    const problem = factValueProblem(spec, value);
    if (problem) problems.push(`${name}：「${spec.label}」${problem}`);
  }
  return problems;
}

/**
 * Months until the statutory retirement date, counting a part month as a
 * whole one: the least n ≥ 0 with (retirement date − n months) ≤ on. So
 * "within 5 years of retirement" (retirement.ts: on ≥ retirement date − 5
 * years, before the retirement date) is exactly 1 ≤ n ≤ 60, and n is 0 from
 * the retirement date on.
 */
export function monthsToRetirement(birthDate: string, sex: Sex, on: string, femaleCategory?: FemaleRetirementCategory): number {
  parseIsoDate(on);
  const { retirementDate } = statutoryRetirement(birthDate, sex, femaleCategory);
  if (retirementDate <= on) return 0;
  const r = parseIsoDate(retirementDate);
  const o = parseIsoDate(on);
  // Start just below the answer and step up; month-end clamping moves it by at most one.
  let n = Math.max(0, (r.year - o.year) * 12 + (r.month - o.month) - 1);
  while (addMonths(retirementDate, -n) > on) n += 1;
  return n;
}

export interface BirthFacts {
  birthDate: string;
  sex: Sex;
  femaleRetirementCategory?: FemaleRetirementCategory;
}

/** The date-dependent person facts (age, monthsToRetirement) on a date, as the backend and stored test cases compute them. */
export function personDateFacts(born: BirthFacts, on: string): { age: number; monthsToRetirement: number } {
  return {
    age: ageOn(born.birthDate, on),
    monthsToRetirement: monthsToRetirement(born.birthDate, born.sex, on, born.femaleRetirementCategory),
  };
}
