import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseView, ParsedInputOf } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import { applyTransition, OPEN_STATES, STATE_LABELS, type CaseState, type RefusalKind } from '../../shared/domain/workflow';
import { addWorkingDays, dueDateWithPauses } from '../../shared/domain/working-days';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { EDITABLE_CODE_TABLES, type EditableCodeTable } from '../../shared/domain/editable-code-tables';
import { cases, caseTransitions, enterprises, persons, settings } from '../schema';
import { acceptanceProblems, applicantOfRow, cleanDocuments, codeLabel, itemCodeOf, refuseApplicantKind, refuseBadValues, refuseSecondOpen, type Applicant } from './case-checks';
import { applyCaseEffects } from './case-effects';
import { attachedDocuments, caseListItems, caseView, caseWorker, formOf, missingDocuments, workCalendar, type CaseRow } from './case-view';
import { certificationsOf, keyGroupsOf } from './person-derived';
import { readSetting } from '../queries/settings';
import { createdStamps, updateVersioned } from './row-stamps';
import { stationOfStaff } from './stations';

/** The workflow's kinds of refusal, as the contract's errors. */
const REFUSAL_ERRORS: Record<RefusalKind, 'CONFLICT' | 'FORBIDDEN' | 'BAD_INPUT'> = { not_now: 'CONFLICT', not_yours: 'FORBIDDEN', incomplete: 'BAD_INPUT' };

function requireCase(ctx: ServiceContext, id: number): CaseRow {
  const row = ctx.database().db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的业务`);
  return row;
}

/** The applicant named in the input: a person (not merged away) or an enterprise of the registry. */
function applicantFromInput(ctx: ServiceContext, input: ParsedInputOf<'cases.create'>): Applicant {
  const { db } = ctx.database();
  if (input.enterpriseId !== undefined) {
    refuseApplicantKind(input.caseType, 'enterprise');
    const enterprise = db.select({ id: enterprises.id, status: enterprises.status }).from(enterprises).where(eq(enterprises.id, input.enterpriseId)).get();
    if (!enterprise) throw new AppError('NOT_FOUND', `没有编号为 ${input.enterpriseId} 的企业档案`);
    if (enterprise.status === 'closed') throw new AppError('CONFLICT', '该单位已注销，不能再申请补贴', { fields: { enterpriseId: '单位已注销' } });
    return { kind: 'enterprise', id: enterprise.id };
  }
  refuseApplicantKind(input.caseType, 'person');
  const personId = input.personId!;
  const person = db.select({ id: persons.id, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, personId)).get();
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${personId} 的人员档案`);
  if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请在保留的档案上办理`);
  return { kind: 'person', id: person.id };
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'cases.create'>): CaseView {
  const { db } = ctx.database();
  const applicant = applicantFromInput(ctx, input);
  refuseBadValues(ctx, input.caseType, applicant, input.form, null);
  const itemCode = itemCodeOf(input.caseType, input.form);
  refuseSecondOpen(ctx, applicant, input.caseType, itemCode);
  const preparer = caseWorker(ctx).userId;
  const row = db
    .insert(cases)
    .values({
      caseType: input.caseType,
      personId: applicant.kind === 'person' ? applicant.id : null,
      enterpriseId: applicant.kind === 'enterprise' ? applicant.id : null,
      itemCode,
      state: 'draft',
      form: JSON.stringify(input.form),
      documents: JSON.stringify(cleanDocuments(input.caseType, applicant.kind, input.documents)),
      preparedBy: preparer,
      ...createdStamps(ctx, preparer),
    })
    .returning()
    .get();
  ctx.audit({ action: 'cases.create', entityType: 'case', entityId: row.id, detail: { caseType: row.caseType, ...(applicant.kind === 'enterprise' ? { enterpriseId: applicant.id } : { personId: applicant.id }) } });
  return caseView(ctx, row);
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'cases.update'>): CaseView {
  const row = requireCase(ctx, input.id);
  if (row.state !== 'draft' && row.state !== 'returned') {
    throw new AppError('CONFLICT', `业务处于「${STATE_LABELS[row.state as CaseState]}」状态，不能修改表单和材料（仅限草稿或退回补正）`);
  }
  // currentVersion: the form can show what was saved meanwhile beside what was typed (renderer/shell/conflict-dialog.tsx).
  if (row.version !== input.version) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试', { details: { currentVersion: row.version } });
  const type = row.caseType as CaseTypeCode;
  const applicant = applicantOfRow(row);
  refuseBadValues(ctx, type, applicant, input.form, row.acceptedOn, formOf(row));
  const itemCode = itemCodeOf(type, input.form);
  if (itemCode !== row.itemCode) refuseSecondOpen(ctx, applicant, type, itemCode, row.id);
  // A document with a file attached stays received: the file is removed to untick it, not the box.
  const documents = [...new Set([...cleanDocuments(type, applicant.kind, input.documents), ...attachedDocuments(ctx, row.id)])];
  const updated = updateVersioned(ctx, cases, row, input.version, { form: JSON.stringify(input.form), documents: JSON.stringify(documents), itemCode }, '该业务已被他人办理或修改，请刷新后重试', {
    by: caseWorker(ctx).userId,
  });
  ctx.audit({ action: 'cases.update', entityType: 'case', entityId: row.id });
  return caseView(ctx, updated);
}

/** 受理回执编号: county code, year and a yearly sequence, e.g. 320506-2026-00001. */
function nextReceiptNo(ctx: ServiceContext): string {
  const { db } = ctx.database();
  const year = ctx.today.slice(0, 4);
  const key = `receipt_seq.${year}`;
  const current = Number(db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? '0');
  const next = current + 1;
  db.insert(settings).values({ key, value: String(next) }).onConflictDoUpdate({ target: settings.key, set: { value: String(next) } }).run();
  return `${readSetting(db, 'county_code')}-${year}-${String(next).padStart(5, '0')}`;
}

/**
 * The names the form's choices from the administrator's code tables (认定类别, 补贴项目) had when the
 * decision was taken: a later renaming of the entry must not change what a notice says was decided.
 */
function choiceLabelsAtDecision(ctx: ServiceContext, row: CaseRow): Record<string, string> {
  const form = formOf(row);
  const labels: Record<string, string> = {};
  for (const field of CASE_TYPES[row.caseType as CaseTypeCode].fields) {
    const value = form[field.code];
    if (field.kind !== 'choice' || !value || !field.options || !(field.options in EDITABLE_CODE_TABLES)) continue;
    labels[field.code] = codeLabel(ctx, field.options as EditableCodeTable, value);
  }
  return labels;
}

/** The applicant's record as the decision saw it: a person's status, tags and age, or an enterprise's registry entry. */
function decisionSnapshot(ctx: ServiceContext, row: CaseRow): NonNullable<CaseView['decisionSnapshot']> {
  const { db } = ctx.database();
  const applicant = applicantOfRow(row);
  const choiceLabels = choiceLabelsAtDecision(ctx, row);
  if (applicant.kind === 'enterprise') {
    const e = db.select().from(enterprises).where(eq(enterprises.id, applicant.id)).get()!;
    return { name: e.name, creditCode: e.creditCode ?? e.registrationNumber, enterpriseStatus: e.status, sizeClass: e.sizeClass, employmentStatus: null, keyGroups: [], age: null, choiceLabels };
  }
  const person = db.select().from(persons).where(eq(persons.id, applicant.id)).get()!;
  return {
    name: person.name,
    employmentStatus: person.employmentStatus,
    keyGroups: keyGroupsOf(person, ctx.today, certificationsOf(db, person.id)).map((t) => t.code),
    age: Number(ctx.today.slice(0, 4)) - Number(person.birthDate.slice(0, 4)) - (ctx.today.slice(5) < person.birthDate.slice(5) ? 1 : 0),
    choiceLabels,
  };
}

export function transition(ctx: ServiceContext, input: ParsedInputOf<'cases.transition'>): CaseView {
  const { db } = ctx.database();
  const row = requireCase(ctx, input.id);
  if (row.version !== input.version) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
  const type = CASE_TYPES[row.caseType as CaseTypeCode];
  const state = row.state as CaseState;
  const { userId, roles } = caseWorker(ctx);
  const actor = { userId, roles };
  const facts = { preparedBy: row.preparedBy, acceptedBy: row.acceptedBy, missingRequiredDocuments: missingDocuments(row) };
  // The pure workflow decides: whether the step is allowed, why not, and which effects it brings.
  const step = applyTransition(type.workflow, state, input.action, actor, facts, input.comment ?? null, ctx.now.toISOString(), type.effects.onApprove);
  if (!step.ok) throw new AppError(REFUSAL_ERRORS[step.kind], step.reason);
  const comment = step.record.comment;
  const changes: Partial<CaseRow> = { state: step.to };
  if (input.action === 'accept') {
    const problems = acceptanceProblems(ctx, row);
    if (problems.length) throw new AppError('BAD_INPUT', `不能受理：${problems.join('；')}`);
    refuseSecondOpen(ctx, applicantOfRow(row), row.caseType as CaseTypeCode, row.itemCode, row.id);
    changes.receiptNo = nextReceiptNo(ctx);
    changes.acceptedBy = actor.userId;
    changes.acceptedOn = ctx.today;
    // The case carries the station of the clerk who accepts it (就业服务站), as it stands that day.
    changes.stationId = stationOfStaff(ctx, actor.userId);
    changes.dueDate = addWorkingDays(ctx.today, type.timeLimitWorkingDays, workCalendar(ctx));
  }
  if (input.action === 'decline') {
    // 不予受理告知书 carries a number of the same series as the receipts, so it can be cited.
    changes.receiptNo = nextReceiptNo(ctx);
    changes.decidedBy = actor.userId;
    changes.decidedAt = ctx.now.toISOString();
    changes.decisionComment = comment;
  }
  if (input.action === 'resubmit') {
    const problems = acceptanceProblems(ctx, row);
    if (problems.length) throw new AppError('BAD_INPUT', `不能重新提交：${problems.join('；')}`);
  }
  if (input.action === 'resubmit' && row.acceptedOn) {
    // The clock stood still while the documents were with the applicant.
    const history = db.select().from(caseTransitions).where(eq(caseTransitions.caseId, row.id)).orderBy(caseTransitions.id).all();
    // Transition times are UTC instants; pauses count in office (Asia/Shanghai) days.
    const day = (at: string) => officeDate(new Date(at));
    const pauses = history
      .filter((t) => t.action === 'return')
      .map((t) => {
        const resubmitted = history.find((r) => r.id > t.id && r.action === 'resubmit');
        return { from: day(t.at), to: resubmitted ? day(resubmitted.at) : ctx.today };
      });
    changes.dueDate = dueDateWithPauses(row.acceptedOn, type.timeLimitWorkingDays, pauses, workCalendar(ctx), ctx.today);
  }
  if (input.action === 'approve' || input.action === 'reject') {
    changes.decidedBy = actor.userId;
    changes.decidedAt = ctx.now.toISOString();
    changes.decisionComment = comment;
    // Frozen: later corrections of the record never change what this decision relied on.
    changes.decisionSnapshot = JSON.stringify(decisionSnapshot(ctx, row));
  }
  const updated = updateVersioned(ctx, cases, row, row.version, changes, '该业务已被他人办理或修改，请刷新后重试', { by: actor.userId });
  // After the case is approved: a certification's tag reads the approved case itself.
  const effects = applyCaseEffects(ctx, updated, updated.receiptNo ?? `#${updated.id}`, step.effects);
  const current = effects.length > 0 ? requireCase(ctx, row.id) : updated;
  const { record } = step;
  db.insert(caseTransitions).values({ caseId: row.id, action: record.action, fromState: record.from, toState: record.to, actorUserId: record.actorUserId, at: record.at, comment: record.comment }).run();
  ctx.audit({ action: 'cases.transition', entityType: 'case', entityId: row.id, detail: { action: input.action, from: state, to: step.to, effects } });
  return caseView(ctx, current);
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'cases.get'>): CaseView {
  return caseView(ctx, requireCase(ctx, input.id));
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'cases.list'>) {
  const { db } = ctx.database();
  const where =
    input.scope === 'person'
      ? eq(cases.personId, input.personId ?? -1)
      : input.scope === 'enterprise'
        ? eq(cases.enterpriseId, input.enterpriseId ?? -1)
        : input.scope === 'mine'
        ? and(inArray(cases.state, [...OPEN_STATES]), sql`(${cases.preparedBy} = ${ctx.actor?.userId ?? -1} or ${cases.acceptedBy} = ${ctx.actor?.userId ?? -1})`)
        : inArray(cases.state, [...OPEN_STATES]);
  const total = db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()?.n ?? 0;
  const rows = db.select().from(cases).where(where).orderBy(input.scope === 'person' || input.scope === 'enterprise' ? desc(cases.id) : sql`${cases.dueDate} is null, ${cases.dueDate}`).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: caseListItems(ctx, rows), total };
}

