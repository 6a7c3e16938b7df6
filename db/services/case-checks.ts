import { and, eq, inArray } from 'drizzle-orm';
import { isIsoDate } from '../../shared/domain/calendar';
import { parseEnterpriseKey } from '../../shared/domain/credit-code';
import { accountNumberProblem } from '../../shared/domain/payments/controls';
import { applicantMayApply, EDITABLE_CODE_TABLES, type CodeEntryApplicant, type EditableCodeTable } from '../../shared/domain/editable-code-tables';
import {
  checkUnemploymentEligibility, documentsFor, isCaseCodeTable, CASE_CODE_TABLES, CASE_TYPES, MAX_AMOUNT_FEN, missingFormFields,
  type ApplicantKind, type CaseTypeCode,
} from '../../shared/domain/case-types';
import { formDateProblems, type CaseDateContext } from '../../shared/domain/case-dates';
import { OPEN_STATES } from '../../shared/domain/workflow';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { cases, codeEntries, persons } from '../schema';
import { applicantKindOf, formOf, personIdOf, type CaseRow } from './case-view';
import { registrationInForce } from './registrations';
import { unemploymentRegisteredElsewhere } from './province-feed';
import { trainingClaimProblems } from './training-claims';

/**
 * What a case's form and applicant must satisfy, apart from the workflow:
 * values that cannot be right, the applicant the type allows, one open case
 * of a type (and subsidy) per applicant, and for 受理 a complete form and the
 * eligibility rules of 失业登记.
 */

export interface Applicant { kind: ApplicantKind; id: number }

export function applicantOfRow(row: Pick<CaseRow, 'id' | 'personId' | 'enterpriseId'>): Applicant {
  return applicantKindOf(row) === 'enterprise' ? { kind: 'enterprise', id: row.enterpriseId! } : { kind: 'person', id: personIdOf(row) };
}

/** What within the type is applied for: the subsidy's code for 补贴申请, the class for 培训补贴, '' otherwise (the unique index's third column). */
export function itemCodeOf(type: CaseTypeCode, form: Record<string, string | null>): string {
  if (type === 'training_subsidy_claim') return (form.classNumber ?? '').trim();
  return type === 'subsidy_application' ? (form.subsidyCode ?? '').trim() : '';
}

/** One open case of a type (and subsidy) per applicant; the unique indexes enforce it too, this names the open one. */
export function refuseSecondOpen(ctx: ServiceContext, applicant: Applicant, caseType: CaseTypeCode, itemCode: string, exceptId?: number): void {
  const column = applicant.kind === 'enterprise' ? cases.enterpriseId : cases.personId;
  const open = ctx
    .database()
    .db.select({ id: cases.id, receiptNo: cases.receiptNo })
    .from(cases)
    .where(and(eq(column, applicant.id), eq(cases.caseType, caseType), eq(cases.itemCode, itemCode), inArray(cases.state, [...OPEN_STATES])))
    .get();
  if (open && open.id !== exceptId) {
    const who = applicant.kind === 'enterprise' ? '该单位' : '此人';
    const what = itemCode ? `${CASE_TYPES[caseType].label}（${codeLabel(ctx, 'subsidy_catalogue', itemCode)}）` : CASE_TYPES[caseType].label;
    throw new AppError('DUPLICATE', `${who}已有一件正在办理的${what}（${open.receiptNo ?? `草稿 #${open.id}`}），不能重复申请`, {
      details: { caseId: open.id },
    });
  }
}

export function refuseApplicantKind(type: CaseTypeCode, kind: ApplicantKind): void {
  if (CASE_TYPES[type].applicants.includes(kind)) return;
  if (kind === 'enterprise') throw new AppError('BAD_INPUT', `${CASE_TYPES[type].label}只能由个人申请，不能由单位申请`, { fields: { enterpriseId: '此类业务只能由个人申请' } });
  throw new AppError('BAD_INPUT', `${CASE_TYPES[type].label}只能由单位申请，不能由个人申请`, { fields: { personId: '此类业务只能由单位申请' } });
}

export function cleanDocuments(type: CaseTypeCode, kind: ApplicantKind, documents: string[]): string[] {
  const known = new Set(documentsFor(CASE_TYPES[type], kind).map((d) => d.code));
  const unknown = documents.filter((d) => !known.has(d));
  if (unknown.length) throw new AppError('BAD_INPUT', `不属于该业务的材料：${unknown.join('、')}`, { fields: { documents: '含有不属于该业务的材料' } });
  return [...new Set(documents)];
}

interface EntryFacts { label: string; active: boolean; applicant: CodeEntryApplicant | null }

function codeEntry(ctx: ServiceContext, table: EditableCodeTable, code: string): EntryFacts | undefined {
  return ctx
    .database()
    .db.select({ label: codeEntries.label, active: codeEntries.active, applicant: codeEntries.applicant })
    .from(codeEntries)
    .where(and(eq(codeEntries.tableCode, table), eq(codeEntries.code, code)))
    .get();
}

/** The label of a code in an editable table, the code itself when unknown. */
export function codeLabel(ctx: ServiceContext, table: EditableCodeTable, code: string): string {
  return codeEntry(ctx, table, code)?.label ?? code;
}

/** The day a case's dates are judged on (its acceptance day, or today for a draft) and the applicant's birth date. */
export function caseDateContext(ctx: ServiceContext, applicant: Applicant, acceptedOn: string | null): CaseDateContext {
  const birthDate = applicant.kind === 'person'
    ? (ctx.database().db.select({ birthDate: persons.birthDate }).from(persons).where(eq(persons.id, applicant.id)).get()?.birthDate ?? null)
    : null;
  return { caseDay: acceptedOn ?? ctx.today, accepted: acceptedOn !== null, birthDate };
}

/**
 * Values that cannot be right whatever the case: dates malformed or impossible for the case's day
 * and the applicant's life, answers outside their list, a retired category or subsidy, a subsidy this
 * kind of applicant cannot ask for, an amount that is not one. `keep` is the form already saved: a
 * value it holds stays acceptable after its entry is retired (or, for 失业原因, when it was typed
 * before the reason became a list).
 */
export function formValueProblems(
  ctx: ServiceContext, code: CaseTypeCode, applicant: Applicant, form: Record<string, string | null>,
  dates: CaseDateContext, keep: Record<string, string | null> = {},
): string[] {
  const kind = applicant.kind;
  const problems: string[] = [];
  for (const field of CASE_TYPES[code].fields) {
    const value = form[field.code];
    // Blank is not filled in: missingFormFields names it at acceptance.
    if (value === null || value === undefined || value.trim() === '') continue;
    if (field.kind === 'date' && !isIsoDate(value)) problems.push(`${field.label}“${value}”不是有效日期（应为YYYY-MM-DD）`);
    if (field.kind === 'yes_no' && value !== 'yes' && value !== 'no') problems.push(`${field.label}应为“是”或“否”`);
    if (field.enterpriseKey && !parseEnterpriseKey(value).ok) problems.push(`${field.label}“${value}”不是有效的统一社会信用代码或15位注册号（校验位不符）`);
    if (field.bankAccount) {
      const problem = accountNumberProblem(value);
      if (problem) problems.push(`${field.label}${problem}`);
    }
    if (field.kind === 'amount_fen') {
      const fen = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(fen) || fen <= 0) problems.push(`${field.label}应为大于0的金额（元，最多两位小数）`);
      else if (fen > MAX_AMOUNT_FEN) problems.push(`${field.label}超过单笔上限（1000万元），请核对`);
    }
    if (field.kind !== 'choice' || !field.options) continue;
    if (isCaseCodeTable(field.options)) {
      const allowed = CASE_CODE_TABLES[field.options].map(([c]) => c as string);
      if (!allowed.includes(value) && keep[field.code] !== value) problems.push(`${field.label}“${value}”不在可选范围内，请从列表中选择`);
      continue;
    }
    const entry = codeEntry(ctx, field.options, value);
    if (!entry) problems.push(`${field.label}“${value}”不在${EDITABLE_CODE_TABLES[field.options].label}中`);
    else if (!entry.active && keep[field.code] !== value) problems.push(`${field.label}“${entry.label}”已停用，请选择其他项目`);
    else if (field.options === 'subsidy_catalogue' && !applicantMayApply(entry.applicant, kind)) {
      problems.push(`${field.label}“${entry.label}”只能由${entry.applicant === 'enterprise' ? '单位' : '个人'}申请`);
    }
  }
  problems.push(...formDateProblems(CASE_TYPES[code].fields, form, dates));
  // 培训补贴: the class must exist, be the claimant's own and have ended.
  if (code === 'training_subsidy_claim' && kind === 'enterprise') problems.push(...trainingClaimProblems(ctx, applicant.id, form, false));
  return problems;
}

/** Refuses a draft whose values cannot be right (missing ones may still be filled in later). */
export function refuseBadValues(
  ctx: ServiceContext, code: CaseTypeCode, applicant: Applicant, form: Record<string, string | null>,
  acceptedOn: string | null, keep?: Record<string, string | null>,
): void {
  const problems = formValueProblems(ctx, code, applicant, form, caseDateContext(ctx, applicant, acceptedOn), keep);
  if (problems.length) throw new AppError('BAD_INPUT', problems.join('；'), { fields: { form: problems[0]! } });
}

/** Acceptance checks beyond the workflow: a complete form, and for 失业登记 the eligibility rules. */
export function acceptanceProblems(ctx: ServiceContext, row: CaseRow): string[] {
  const type = CASE_TYPES[row.caseType as CaseTypeCode];
  const form = formOf(row);
  // A case accepted before its category or subsidy was retired carries on with it (补正 and resubmission).
  const keep = row.acceptedOn ? form : {};
  const applicant = applicantOfRow(row);
  // Accepting now: the dates are judged on today, which becomes the acceptance day; after 补正, on the day it was accepted.
  const dates = caseDateContext(ctx, applicant, row.acceptedOn);
  const problems = [...missingFormFields(type, form).map((label) => `未填写：${label}`), ...formValueProblems(ctx, type.code, applicant, form, dates, keep)];
  if (type.code === 'unemployment_registration') {
    const personId = personIdOf(row);
    const person = ctx.database().db.select().from(persons).where(eq(persons.id, personId)).get()!;
    problems.push(
      ...checkUnemploymentEligibility(
        { birthDate: person.birthDate, sex: person.sex, employmentStatus: person.employmentStatus, ...(person.femaleRetirementCategory ? { femaleRetirementCategory: person.femaleRetirementCategory } : {}) },
        ctx.today,
      ),
    );
    // The status may have been corrected by hand; the registration in force still has to be cancelled first.
    const inForce = registrationInForce(ctx, personId);
    if (inForce && person.employmentStatus !== 'unemployed_registered') problems.push(`已有有效的失业登记（${inForce.receiptNo ?? `#${inForce.id}`}），须先注销`);
    // Registered in another county (the province's feed): a second registration here is a transfer, and says why.
    const elsewhere = unemploymentRegisteredElsewhere(ctx, person.idNumber);
    if (elsewhere && !form.transferReason?.trim()) {
      problems.push(`该人员已在${elsewhere.countyName}登记失业（${elsewhere.since}起，据省级数据截至${elsewhere.asOf.slice(0, 10)}），请填写转移登记原因`);
    }
  }
  // 培训补贴: something left to claim — a qualified trainee not paid before (the rest is in formValueProblems).
  if (type.code === 'training_subsidy_claim' && applicant.kind === 'enterprise' && problems.length === 0) problems.push(...trainingClaimProblems(ctx, applicant.id, form, true, row.id));
  return problems;
}
