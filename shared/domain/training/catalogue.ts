/**
 * 职业培训 catalogue: providers (培训机构), programmes (培训项目) and classes
 * (期次). Pure rules; db/services/training*.ts own the tables. Each check
 * answers in Chinese, keyed by the field it names.
 */
import { CREDIT_CODE_MESSAGES, parseCreditCode } from '../credit-code';

export const TRAINING_KINDS = [
  ['employment_skills', '就业技能培训'], ['entrepreneurship', '创业培训'], ['employee_upskilling', '岗位技能提升培训（职工）'],
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number][0];

/** Who a programme takes: set per programme, checked at enrolment. */
export const TRAINING_ELIGIBILITY = [
  ['working_age', '劳动年龄内城乡劳动者'], ['registered_unemployed', '登记失业人员'], ['employee', '企业在职职工'],
] as const;
export type TrainingEligibility = (typeof TRAINING_ELIGIBILITY)[number][0];

/** 职业技能等级 of a programme and of its certificates. */
export const SKILL_LEVELS = [
  ['level5', '五级/初级工'], ['level4', '四级/中级工'], ['level3', '三级/高级工'], ['level2', '二级/技师'], ['level1', '一级/高级技师'], ['special', '专项职业能力'],
] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number][0];

export const CLASS_STATUSES = [['planned', '招生/在训'], ['closed', '已结业'], ['cancelled', '已取消']] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number][0];

export const ENROLMENT_STATUSES = [['enrolled', '在训'], ['completed', '已结业'], ['not_completed', '未结业'], ['withdrawn', '已退学']] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number][0];

export const ASSESSMENT_RESULTS = [['passed', '合格'], ['failed', '不合格']] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number][0];

export const trainingLabel = (table: readonly (readonly [string, string])[], code: string | null): string => (code === null ? '' : (table.find(([c]) => c === code)?.[1] ?? code));

/** A programme's validity may not run longer than this: a longer one is a typo, not a catalogue entry. */
export const PROGRAMME_MAX_YEARS = 5;
/** A class of more than a year is a typo. */
export const CLASS_MAX_DAYS = 366;

export type Problems = Record<string, string>;

/** The credit code of a provider, checked as for enterprises (GB 32100), or the message naming the fault. */
export function providerCreditCodeProblem(raw: string): string | null {
  const parsed = parseCreditCode(raw);
  return parsed.ok ? null : CREDIT_CODE_MESSAGES[parsed.problem];
}

export interface ProgrammeDraft {
  kind: TrainingKind;
  eligibility: TrainingEligibility;
  hours: number;
  subsidyPerPersonFen: number;
  validFrom: string;
  validTo: string;
}

export function programmeProblems(draft: ProgrammeDraft): Problems {
  const problems: Problems = {};
  if (draft.validTo < draft.validFrom) problems.validTo = `有效期止不能早于有效期起（${draft.validFrom}）`;
  else if (Number(draft.validTo.slice(0, 4)) - Number(draft.validFrom.slice(0, 4)) > PROGRAMME_MAX_YEARS) problems.validTo = `有效期不能超过${PROGRAMME_MAX_YEARS}年`;
  if (draft.kind === 'employee_upskilling' && draft.eligibility !== 'employee') problems.eligibility = '岗位技能提升培训的对象应为企业在职职工';
  if (draft.kind !== 'employee_upskilling' && draft.eligibility === 'employee') problems.eligibility = '只有岗位技能提升培训面向企业在职职工';
  return problems;
}

export interface ClassDraft {
  startDate: string;
  endDate: string;
}

/** A class: it ends on or after it starts, inside its programme's validity, and not too long. */
export function classProblems(draft: ClassDraft, programme: { validFrom: string; validTo: string; name: string }): Problems {
  const problems: Problems = {};
  if (draft.endDate < draft.startDate) {
    problems.endDate = `结束日期不能早于开始日期（${draft.startDate}）`;
    return problems;
  }
  if (daysBetween(draft.startDate, draft.endDate) > CLASS_MAX_DAYS) problems.endDate = `一期培训不能超过${CLASS_MAX_DAYS}天`;
  if (draft.startDate < programme.validFrom || draft.startDate > programme.validTo) {
    problems.startDate = `开始日期不在项目“${programme.name}”的有效期内（${programme.validFrom}至${programme.validTo}）`;
  }
  return problems;
}

/** Whole days from `a` to `b` (b − a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000);
}

/** The provider's credit code as stored: half-width capitals, no spaces. */
export { normalizeCreditCode as normalizeProviderCreditCode } from '../credit-code';
