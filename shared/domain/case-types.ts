import type { CaseCodeTable } from './case-code-tables';
import type { EditableCodeTable } from './editable-code-tables';
import { STANDARD_WORKFLOW, type TransitionRule } from './workflow';
import { dateFieldProblems, type DateRule, type CaseDateContext } from './case-dates';

// The public door for everything about cases: the lists, rules and amounts that grew beside the
// case-type table live in their own modules and are re-exported here, so callers keep one import.
export * from './case-code-tables';
export * from './difficulty-certification';
export * from './unemployment-registration';
export { MAX_AMOUNT_FEN, parseYuanToFen, formatFenAsYuan } from './money';

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
