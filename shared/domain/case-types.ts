import { ROLE_LABELS } from '../labels/zh-CN';
import type { Role } from '../roles';
import { addMonths, addYears, parseIsoDate } from './calendar';
import type { EmploymentStatusCode } from './code-tables';
import { ageOn } from './dates';
import type { Sex } from './id-number';
import type { EditableCodeTable } from './editable-code-tables';
import { type FemaleRetirementCategory, MIN_WORKING_AGE, statutoryRetirement } from './retirement';
import { STANDARD_WORKFLOW, type TransitionRule, type WorkflowActor } from './workflow';
import { addWorkingDays, type WorkCalendar } from './working-days';
import { dateFieldProblems, type DateRule, type CaseDateContext } from './case-dates';

/**
 * The cases handled at the front desk (经办事项), each as data: its form,
 * the documents it needs, its time limit, its workflow and what approval
 * does. Services and screens read these tables; a new case or a changed
 * document list is an edit here, not a new branch in the router. Effects are
 * only named: executing them belongs to the service that owns the tables.
 * Items marked [confirm] follow DOMAIN.md and are meant to become
 * administrator-editable parameters.
 */

export type CaseTypeCode = 'unemployment_registration' | 'employment_registration' | 'difficulty_certification' | 'subsidy_application' | 'training_subsidy_claim';

export type EffectCode =
  | 'set_status_unemployed_registered' | 'schedule_follow_up_contact' | 'close_open_unemployment_registration'
  | 'set_status_employed' | 'grant_difficulty_certification' | 'record_subsidy_entitlement' | 'record_training_claim';

export const EFFECT_LABELS: Record<EffectCode, string> = {
  set_status_unemployed_registered: '就业状态改为“登记失业”',
  schedule_follow_up_contact: '安排跟踪联系（受理后5个工作日内）',
  close_open_unemployment_registration: '注销有效的失业登记（原因：已就业/自主创业）',
  set_status_employed: '就业状态改为“已就业”',
  grant_difficulty_certification: '记入就业困难人员认定（类别、有效期）',
  record_subsidy_entitlement: '记入补贴享受记录（金额按当期政策参数核定）',
  record_training_claim: '按合格学员逐人记入培训补贴（人数 × 项目补贴标准），转资金兑付',
};

/** A form value's requirement that depends on another field (e.g. 劳动合同 only for 单位就业). */
export interface RequiredWhen { field: string; values: readonly string[] }

export interface FormField {
  code: string;
  label: string;
  /** amount_fen: money as a whole number of fen (分), entered and printed in yuan. */
  kind: 'text' | 'date' | 'choice' | 'yes_no' | 'amount_fen';
  required: boolean;
  requiredWhen?: RequiredWhen;
  /** For choices: the code table the options come from (CASE_CODE_TABLES, or an administrator's editable table). */
  options?: CaseCodeTable | EditableCodeTable;
  /** For dates: which kind of date it is, checked against the case's day and the applicant's life (case-dates.ts). */
  dateRule?: DateRule;
  /** Text fields that may be filled from the enterprise registry: the picker also fills the named credit-code field. */
  lookup?: { from: 'enterprises'; creditCodeField: string };
  /** The value is an enterprise key: an 18-character 统一社会信用代码 or a 15-digit 注册号, check digits verified. */
  enterpriseKey?: boolean;
  /** The value is a bank account number (8–34 digits; spaces and hyphens allowed): shared/domain/payments accountNumberProblem. */
  bankAccount?: boolean;
}

/** Who applies: a person, or an employer (only where the case type allows it). */
export type ApplicantKind = 'person' | 'enterprise';

export interface DocumentRequirement {
  code: string;
  label: string;
  required: boolean;
  requiredWhen?: RequiredWhen;
  /** Asked only of this kind of applicant (an enterprise has no ID card, a person no business licence). */
  applicant?: ApplicantKind;
}

export interface CaseType {
  code: CaseTypeCode;
  label: string;
  /** Facts about the person (name, sex, education …) live on the person record; these are the case's own. */
  fields: readonly FormField[];
  documents: readonly DocumentRequirement[];
  /** 办理时限, working days from the day after acceptance; the clock stops during 退回补正. */
  timeLimitWorkingDays: number;
  workflow: readonly TransitionRule[];
  effects: { onApprove: readonly EffectCode[] };
  /** Who may apply; every type takes persons, only subsidies also take enterprises. */
  applicants: readonly ApplicantKind[];
}

export const EMPLOYMENT_CHANNELS = [
  ['employer_job', '单位就业'], ['self_employed', '自主创业'], ['flexible', '灵活就业'], ['public_welfare_post', '公益性岗位'],
] as const;
export type EmploymentChannel = (typeof EMPLOYMENT_CHANNELS)[number][0];

/** Labour-contract forms of the 劳动合同法; asked only for employer jobs and public-welfare posts. */
export const CONTRACT_TYPES = [
  ['fixed_term', '固定期限劳动合同'], ['open_ended', '无固定期限劳动合同'],
  ['task_based', '以完成一定工作任务为期限的劳动合同'], ['part_time', '非全日制用工协议'],
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number][0];

/**
 * [confirm] Why the person is out of work, as the 失业登记 form asks; a closed list so the
 * register can be counted by cause (a 失业原因 typed as "x" cannot be).
 */
export const UNEMPLOYMENT_CAUSES = [
  ['contract_expired', '劳动合同期满终止'], ['dismissed', '用人单位解除劳动合同'], ['layoff', '单位经济性裁员'],
  ['employer_closed', '单位破产、关闭或撤销'], ['resigned', '本人辞职'], ['business_ended', '个体经营或创业停止'],
  ['graduate_not_employed', '毕业后未就业'], ['discharged_not_employed', '退役后未就业'], ['land_expropriated', '承包土地被征收'],
  ['other', '其他原因'],
] as const;

export const CASE_CODE_TABLES = { employment_channels: EMPLOYMENT_CHANNELS, contract_types: CONTRACT_TYPES, unemployment_causes: UNEMPLOYMENT_CAUSES } as const;
export type CaseCodeTable = keyof typeof CASE_CODE_TABLES;

/** Whether a choice's options are one of the fixed lists above (not an administrator's table). */
export function isCaseCodeTable(options: string | undefined): options is CaseCodeTable {
  return options !== undefined && Object.hasOwn(CASE_CODE_TABLES, options);
}

/**
 * 就业困难人员 categories are each province's own: an administrator's table
 * (code_entries 'difficulty_categories', seeded by migration 0013 from DOMAIN.md §3).
 */

/** [confirm] Why a certification is put on hold, pending the annual review or a check. */
export const DIFFICULTY_SUSPENSION_REASONS = [
  ['review_missed', '未按期参加年度复核'], ['short_term_work', '阶段性就业（就业期间暂停享受）'], ['under_verification', '信息核查中'],
] as const;

/** [confirm] Why a certification ends (DOMAIN.md §3, plus the obvious end of working age and death). */
export const DIFFICULTY_EXIT_REASONS = [
  ['registration_cancelled', '失业登记已注销'], ['family_member_employed', '家庭成员实现稳定就业'],
  ['business_income', '取得经营性收入'], ['moved_out', '户籍迁出本地'], ['retirement_age', '达到法定退休年龄'],
  ['expired', '认定有效期届满'], ['false_information', '提供虚假材料'], ['death', '死亡'],
] as const;

/** The annual review falls a year after the certification or the last review, whichever is later. */
export function annualReviewDue(certifiedOn: string, lastReviewedOn: string | null): string {
  return addYears(lastReviewedOn !== null && lastReviewedOn > certifiedOn ? lastReviewedOn : certifiedOn, 1);
}

const ID_DOCUMENT: DocumentRequirement = { code: 'id_card', label: '身份证或社保卡', required: true, applicant: 'person' };
const when = (field: string, ...values: string[]): RequiredWhen => ({ field, values });
const WORKING = when('channel', 'employer_job', 'public_welfare_post');
// Categories proven by the household's composition or land status.
const HOUSEHOLD_CATEGORIES = when('category', 'zero_employment_family', 'zero_transfer_rural', 'land_expropriated');

export const CASE_TYPES: Record<CaseTypeCode, CaseType> = {
  unemployment_registration: {
    code: 'unemployment_registration',
    label: '失业登记',
    fields: [
      { code: 'unemployedSince', label: '失业日期', kind: 'date', required: true, dateRule: { tense: 'past', workFact: true } },
      { code: 'unemploymentCause', label: '失业原因', kind: 'choice', required: true, options: 'unemployment_causes' },
      { code: 'lastEmployer', label: '原工作单位', kind: 'text', required: false },
      { code: 'drawingUnemploymentInsurance', label: '是否领取失业保险金', kind: 'yes_no', required: true },
      { code: 'jobWanted', label: '求职意向', kind: 'text', required: false },
      { code: 'trainingWanted', label: '培训意向', kind: 'text', required: false },
      // Asked for when the province's feed says the person is registered unemployed in another county (受理时检查).
      { code: 'transferReason', label: '转移登记原因（已在外县登记失业时填写）', kind: 'text', required: false },
    ],
    // 告知承诺制: the ID and the signed declaration suffice; other proof is optional.
    documents: [
      ID_DOCUMENT,
      { code: 'self_declaration', label: '告知承诺书', required: true },
      { code: 'termination_proof', label: '解除或终止劳动关系证明', required: false },
    ],
    timeLimitWorkingDays: 3,
    workflow: STANDARD_WORKFLOW,
    effects: { onApprove: ['set_status_unemployed_registered', 'schedule_follow_up_contact'] },
    applicants: ['person'],
  },
  employment_registration: {
    code: 'employment_registration',
    label: '就业登记',
    fields: [
      { code: 'channel', label: '就业形式', kind: 'choice', required: true, options: 'employment_channels' },
      // From the enterprise registry when the employer is there, or typed as name + credit code.
      { code: 'employerName', label: '用人单位', kind: 'text', required: false, requiredWhen: WORKING, lookup: { from: 'enterprises', creditCodeField: 'employerCreditCode' } },
      { code: 'employerCreditCode', label: '统一社会信用代码', kind: 'text', required: false, enterpriseKey: true },
      { code: 'businessName', label: '经营主体名称', kind: 'text', required: false, requiredWhen: when('channel', 'self_employed') },
      { code: 'startDate', label: '就业日期', kind: 'date', required: true, dateRule: { tense: 'past', workFact: true } },
      { code: 'contractType', label: '合同类型', kind: 'choice', required: false, requiredWhen: WORKING, options: 'contract_types' },
      { code: 'contractEndDate', label: '合同终止日期', kind: 'date', required: false, dateRule: { tense: 'planned', notBefore: 'startDate' } },
    ],
    documents: [
      ID_DOCUMENT,
      { code: 'labour_contract', label: '劳动合同', required: false, requiredWhen: WORKING },
      { code: 'business_license', label: '营业执照', required: false, requiredWhen: when('channel', 'self_employed') },
      { code: 'flexible_declaration', label: '灵活就业告知承诺书', required: false, requiredWhen: when('channel', 'flexible') },
    ],
    timeLimitWorkingDays: 3, // [confirm]
    workflow: STANDARD_WORKFLOW,
    effects: { onApprove: ['close_open_unemployment_registration', 'set_status_employed'] },
    applicants: ['person'],
  },
  difficulty_certification: {
    code: 'difficulty_certification',
    label: '就业困难人员认定',
    fields: [
      { code: 'category', label: '认定类别', kind: 'choice', required: true, options: 'difficulty_categories' },
      { code: 'validFrom', label: '有效期起', kind: 'date', required: true, dateRule: { tense: 'planned', workFact: true } },
      // Empty: no fixed end, the annual review decides.
      { code: 'validTo', label: '有效期止', kind: 'date', required: false, dateRule: { tense: 'planned', notBefore: 'validFrom' } },
      { code: 'evidenceNote', label: '证明材料说明', kind: 'text', required: false },
    ],
    documents: [
      ID_DOCUMENT,
      { code: 'difficulty_application', label: '就业困难人员认定申请表', required: true },
      { code: 'disability_certificate', label: '残疾证', required: false, requiredWhen: when('category', 'disabled') },
      { code: 'dibao_certificate', label: '低保证', required: false, requiredWhen: when('category', 'dibao') },
      { code: 'household_register', label: '户口簿', required: false, requiredWhen: HOUSEHOLD_CATEGORIES },
      { code: 'veteran_certificate', label: '退役证明', required: false, requiredWhen: when('category', 'veteran') },
    ],
    timeLimitWorkingDays: 15, // [confirm]
    workflow: STANDARD_WORKFLOW,
    effects: { onApprove: ['grant_difficulty_certification'] },
    applicants: ['person'],
  },
  // A shell: which subsidy (the administrator's catalogue), the period and the amount asked for; the policy
  // engine that checks conditions and fixes the amount, and the payment, plug in here later.
  subsidy_application: {
    code: 'subsidy_application',
    label: '补贴申请',
    fields: [
      { code: 'subsidyCode', label: '补贴项目', kind: 'choice', required: true, options: 'subsidy_catalogue' },
      { code: 'periodFrom', label: '补贴期间起', kind: 'date', required: false, dateRule: { tense: 'planned', workFact: true } },
      { code: 'periodTo', label: '补贴期间止', kind: 'date', required: false, dateRule: { tense: 'planned', notBefore: 'periodFrom' } },
      { code: 'requestedAmountFen', label: '申请金额', kind: 'amount_fen', required: true },
      // Where the subsidy is paid: recorded as the payee's account on approval (payee_accounts), corrected on the payments pages.
      { code: 'bankAccount', label: '收款账号', kind: 'text', required: false, bankAccount: true },
      { code: 'bankName', label: '开户银行', kind: 'text', required: false },
    ],
    documents: [
      ID_DOCUMENT,
      { code: 'business_license', label: '营业执照（统一社会信用代码证）', required: true, applicant: 'enterprise' },
      { code: 'subsidy_application_form', label: '补贴申请表', required: true },
      { code: 'roster', label: '享受补贴人员花名册及参保缴费明细', required: false, applicant: 'enterprise' },
      { code: 'bank_account', label: '银行账户信息（个人为社保卡金融账户）', required: true },
    ],
    timeLimitWorkingDays: 20, // [confirm]
    workflow: STANDARD_WORKFLOW,
    effects: { onApprove: ['record_subsidy_entitlement'] },
    applicants: ['person', 'enterprise'],
  },
  // 培训补贴 claimed by the training institution for one class (期次): the amount is not typed but counted —
  // the class's qualified trainees not claimed before × the programme's 补贴标准 (db/services/training-claims.ts).
  training_subsidy_claim: {
    code: 'training_subsidy_claim',
    label: '职业培训补贴申领',
    fields: [
      { code: 'classNumber', label: '培训期次编号', kind: 'text', required: true },
      { code: 'bankAccount', label: '收款账号', kind: 'text', required: false, bankAccount: true },
      { code: 'bankName', label: '开户银行', kind: 'text', required: false },
    ],
    documents: [
      { code: 'business_license', label: '营业执照（统一社会信用代码证）', required: true, applicant: 'enterprise' },
      { code: 'training_claim_form', label: '职业培训补贴申请表', required: true },
      { code: 'trainee_roster', label: '培训合格人员花名册（含职业技能等级证书编号）', required: true },
      { code: 'bank_account', label: '银行账户信息（单位基本户）', required: true },
    ],
    timeLimitWorkingDays: 20, // [confirm]
    workflow: STANDARD_WORKFLOW,
    effects: { onApprove: ['record_training_claim'] },
    applicants: ['enterprise'],
  },
};

export const CASE_TYPE_CODES = Object.keys(CASE_TYPES) as CaseTypeCode[];

/** Form values as the desk holds them; absent, null and blank all mean "not filled in". */
export type CaseForm = Readonly<Record<string, string | null | undefined>>;

function applies(item: { required: boolean; requiredWhen?: RequiredWhen }, form: CaseForm): boolean {
  if (item.required) return true;
  if (!item.requiredWhen) return false;
  const value = form[item.requiredWhen.field];
  return value != null && item.requiredWhen.values.includes(value);
}

function filled(value: string | null | undefined): boolean {
  return value != null && value.trim() !== '';
}

/** Labels of the form's required fields left empty, e.g. ['用人单位'], for "请填写：…". */
export function missingFormFields(type: CaseType, form: CaseForm): string[] {
  return type.fields.filter((f) => applies(f, form) && !filled(form[f.code])).map((f) => f.label);
}

/** What a form shows beside each field before saving: 请填写 for an empty required one, else the first date rule it breaks. */
export function formFieldErrors(type: CaseType, form: CaseForm, dates: CaseDateContext): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of type.fields) if (applies(f, form) && !filled(form[f.code])) errors[f.code] = `请填写${f.label}`;
  for (const p of dateFieldProblems(type.fields, form, dates)) errors[p.field] ??= p.message;
  return errors;
}

/** The checklist for this kind of applicant. */
export function documentsFor(type: CaseType, applicant: ApplicantKind): readonly DocumentRequirement[] {
  return type.documents.filter((d) => d.applicant === undefined || d.applicant === applicant);
}

/** Labels of required documents not among `provided` (codes): the input to WorkflowFacts.missingRequiredDocuments. */
export function missingRequiredDocuments(type: CaseType, form: CaseForm, provided: Iterable<string>, applicant: ApplicantKind = 'person'): string[] {
  const have = new Set(provided);
  return documentsFor(type, applicant).filter((d) => applies(d, form) && !have.has(d.code)).map((d) => d.label);
}

/** Largest amount one application may ask for: 10 million yuan, far above any subsidy, well inside a safe integer. */
export const MAX_AMOUNT_FEN = 1_000_000_000;

/**
 * 元 as typed at the desk ("1500", "1,500.5", "1500.50") → 分 as a whole number; null when it is not an
 * amount (negative, more than two decimals, letters). Parsed from the digits, never through a float.
 */
export function parseYuanToFen(input: string): number | null {
  const text = input.trim().replace(/[,，\s]/g, '');
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 分 → "1,500.50" for screens and printouts. */
export function formatFenAsYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

// ---------- 失业登记: eligibility, follow-up, cancellation ----------

export const FOLLOW_UP_WORKING_DAYS = 5;
export const NO_CONTACT_CANCELLATION_MONTHS = 6;

export interface UnemploymentEligibilityFacts {
  birthDate: string;
  sex: Sex;
  femaleRetirementCategory?: FemaleRetirementCategory;
  employmentStatus: EmploymentStatusCode;
}

/**
 * Why a person cannot register as unemployed on `asOf`, in Chinese; empty
 * when eligible. Ability and willingness to work are declared by the person
 * (告知承诺) and not judged here. A woman whose original retirement category
 * is unknown is judged by the later one (see ASSUMED_FEMALE_CATEGORY), so the
 * check never refuses someone who may still be of working age.
 */
export function checkUnemploymentEligibility(facts: UnemploymentEligibilityFacts, asOf: string): string[] {
  parseIsoDate(asOf);
  const reasons: string[] = [];
  if (ageOn(facts.birthDate, asOf) < MIN_WORKING_AGE) reasons.push(`未满${MIN_WORKING_AGE}周岁`);
  const retirement = statutoryRetirement(facts.birthDate, facts.sex, facts.femaleRetirementCategory);
  if (asOf >= retirement.retirementDate) {
    reasons.push(`已达到法定退休年龄（${retirement.label}，${retirement.retirementDate}起）`);
  }
  if (facts.employmentStatus === 'employed') reasons.push('目前为就业状态，须先办理就业状态变更');
  if (facts.employmentStatus === 'retired') reasons.push('已退休（领取基本养老金）');
  if (facts.employmentStatus === 'unemployed_registered') reasons.push('已有有效的失业登记，不能重复登记');
  return reasons;
}

/** Staff must contact a newly registered person within 5 working days of acceptance. */
export function followUpDue(acceptedOn: string, cal: WorkCalendar): string {
  return addWorkingDays(acceptedOn, FOLLOW_UP_WORKING_DAYS, cal);
}

/**
 * True once 6 months have passed since the last contact (the registration date
 * if there was none): asOf ≥ addMonths(lastContactOn, 6), end-of-month
 * clamped, so a contact on 08-31 makes the case due on 02-28/29. This only
 * proposes 注销 for reason no_contact_6_months; a reviewer confirms it.
 */
export function proposeCancellation(lastContactOn: string, asOf: string): boolean {
  parseIsoDate(asOf);
  return asOf >= addMonths(lastContactOn, NO_CONTACT_CANCELLATION_MONTHS);
}

export interface CancellationReason {
  code: string;
  label: string;
  /** Who may record it; the 6-month rule is proposed by the system and only confirmed by a reviewer. */
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['front_desk', 'counselor', 'reviewer', 'head'];

/** 注销 reasons (DOMAIN.md §3). */
export const CANCELLATION_REASONS: readonly CancellationReason[] = [
  { code: 'employed', label: '实现就业', roles: STAFF },
  { code: 'self_employed', label: '自主创业（含从事个体经营）', roles: STAFF },
  { code: 'stable_income', label: '有稳定收入且不低于当地最低工资标准', roles: STAFF },
  { code: 'pension', label: '领取基本养老金', roles: STAFF },
  { code: 'unable_to_work', label: '完全丧失劳动能力', roles: STAFF },
  { code: 'school_military_emigration', label: '入学、服兵役或移居境外', roles: STAFF },
  { code: 'imprisoned', label: '被判刑收监执行', roles: STAFF },
  { code: 'stopped_seeking', label: '无求职意愿或拒绝公共就业服务', roles: STAFF },
  { code: 'no_contact_6_months', label: '连续6个月未与公共就业服务机构联系', roles: ['reviewer', 'head'] },
  { code: 'death', label: '死亡', roles: STAFF },
  { code: 'local_rule', label: '地方规定的其他情形', roles: STAFF },
];

/**
 * Null when `actor` may cancel for `reasonCode`, else why not. "Other" needs
 * a note because its code alone does not say why the registration ended.
 */
export function cancellationRefusal(reasonCode: string, actor: WorkflowActor, note: string | null): string | null {
  const reason = CANCELLATION_REASONS.find((r) => r.code === reasonCode);
  if (!reason) return `未知的注销原因：${reasonCode}`;
  if (!reason.roles.some((r) => actor.roles.includes(r))) {
    return `以“${reason.label}”为由注销须由${reason.roles.map((r) => ROLE_LABELS[r]).join('或')}办理`;
  }
  if (reasonCode === 'local_rule' && (note === null || note.trim() === '')) return '以“地方规定的其他情形”注销须填写说明';
  return null;
}

/** The 注销 reason recorded when an approved 就业登记 closes an open 失业登记. */
export function cancellationReasonForChannel(channel: EmploymentChannel): 'employed' | 'self_employed' {
  return channel === 'self_employed' ? 'self_employed' : 'employed';
}
