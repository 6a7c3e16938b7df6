import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseView, ParsedInputOf } from '../../shared/contract';
import { isIsoDate } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import {
  annualReviewDue, cancellationReasonForChannel, checkUnemploymentEligibility, followUpDue, MATTER_CODE_TABLES, MATTER_TYPES, missingFormFields,
  type EffectCode, type EmploymentChannel, type MatterTypeCode,
} from '../../shared/domain/matter-types';
import { checkTransition, OPEN_STATES, STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import { addWorkingDays, dueDateWithPauses } from '../../shared/domain/working-days';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { cases, caseTransitions, persons, settings } from '../schema';
import { attachedDocuments, caseListItems, caseView, formOf, missingDocuments, workCalendar, type CaseRow } from './case-view';
import { certifiedOn } from './certifications';
import { certificationsOf, keyGroupsOf, refreshDerived } from './person-derived';
import { endUnemploymentRegistration, registrationInForce, setEmploymentStatus } from './registrations';
import { readSetting } from './settings';

function requireCase(ctx: ServiceContext, id: number): CaseRow {
  const row = ctx.database().db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的业务`);
  return row;
}

function actorId(ctx: ServiceContext): number {
  const id = ctx.actor?.userId;
  if (id == null) throw new AppError('FORBIDDEN', '办理业务需要以个人账号登录');
  return id;
}

/** One open matter of a type per person; the unique index enforces it too, this names the open one. */
function refuseSecondOpen(ctx: ServiceContext, personId: number, matterType: string, exceptId?: number): void {
  const open = ctx
    .database()
    .db.select({ id: cases.id, receiptNo: cases.receiptNo })
    .from(cases)
    .where(and(eq(cases.personId, personId), eq(cases.matterType, matterType), inArray(cases.state, [...OPEN_STATES])))
    .get();
  if (open && open.id !== exceptId) {
    throw new AppError('DUPLICATE', `此人已有一件正在办理的${MATTER_TYPES[matterType as MatterTypeCode].label}（${open.receiptNo ?? `草稿 #${open.id}`}），不能重复申请`, {
      details: { caseId: open.id },
    });
  }
}

function cleanDocuments(type: MatterTypeCode, documents: string[]): string[] {
  const known = new Set(MATTER_TYPES[type].documents.map((d) => d.code));
  const unknown = documents.filter((d) => !known.has(d));
  if (unknown.length) throw new AppError('BAD_INPUT', `不属于该业务的材料：${unknown.join('、')}`, { fields: { documents: '含有不属于该业务的材料' } });
  return [...new Set(documents)];
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'cases.create'>): CaseView {
  const { db } = ctx.database();
  const person = db.select({ id: persons.id, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.personId} 的人员档案`);
  if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请在保留的档案上办理`);
  refuseSecondOpen(ctx, input.personId, input.matterType);
  refuseBadValues(input.matterType, input.form);
  const at = ctx.now.toISOString();
  const row = db
    .insert(cases)
    .values({
      matterType: input.matterType,
      personId: input.personId,
      state: 'draft',
      form: JSON.stringify(input.form),
      documents: JSON.stringify(cleanDocuments(input.matterType, input.documents)),
      preparedBy: actorId(ctx),
      createdAt: at,
      updatedAt: at,
      createdBy: actorId(ctx),
      updatedBy: actorId(ctx),
    })
    .returning()
    .get();
  ctx.audit({ action: 'cases.create', entityType: 'case', entityId: row.id, detail: { matterType: row.matterType, personId: row.personId } });
  return caseView(ctx, row);
}

export function update(ctx: ServiceContext, input: ParsedInputOf<'cases.update'>): CaseView {
  const row = requireCase(ctx, input.id);
  if (row.state !== 'draft' && row.state !== 'returned') {
    throw new AppError('CONFLICT', `业务处于「${STATE_LABELS[row.state as CaseState]}」状态，不能修改表单和材料（仅限草稿或退回补正）`);
  }
  if (row.version !== input.version) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
  refuseBadValues(row.matterType as MatterTypeCode, input.form);
  // A document with a file attached stays received: the file is removed to untick it, not the box.
  const documents = [...new Set([...cleanDocuments(row.matterType as MatterTypeCode, input.documents), ...attachedDocuments(ctx, row.id)])];
  const updated = ctx
    .database()
    .db.update(cases)
    .set({ form: JSON.stringify(input.form), documents: JSON.stringify(documents), updatedAt: ctx.now.toISOString(), updatedBy: actorId(ctx), version: row.version + 1 })
    .where(and(eq(cases.id, row.id), eq(cases.version, input.version)))
    .returning()
    .get();
  if (!updated) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
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

/** Values that cannot be right whatever the matter: impossible dates, answers outside their list. */
function formValueProblems(code: MatterTypeCode, form: Record<string, string | null>): string[] {
  const problems: string[] = [];
  for (const field of MATTER_TYPES[code].fields) {
    const value = form[field.code];
    if (value === null || value === undefined || value === '') continue;
    if (field.kind === 'date' && !isIsoDate(value)) problems.push(`${field.label}“${value}”不是有效日期（应为YYYY-MM-DD）`);
    if (field.kind === 'yes_no' && value !== 'yes' && value !== 'no') problems.push(`${field.label}应为“是”或“否”`);
    if (field.kind === 'choice' && field.options && field.options !== 'difficulty_categories') {
      const allowed = MATTER_CODE_TABLES[field.options].map(([c]) => c as string);
      if (!allowed.includes(value)) problems.push(`${field.label}不在可选范围内`);
    }
  }
  return problems;
}

/** Refuses a draft whose values cannot be right (missing ones may still be filled in later). */
function refuseBadValues(code: MatterTypeCode, form: Record<string, string | null>): void {
  const problems = formValueProblems(code, form);
  if (problems.length) throw new AppError('BAD_INPUT', problems.join('；'), { fields: { form: problems[0]! } });
}

/** Acceptance checks beyond the workflow: a complete form, and for 失业登记 the eligibility rules. */
function acceptanceProblems(ctx: ServiceContext, row: CaseRow): string[] {
  const type = MATTER_TYPES[row.matterType as MatterTypeCode];
  const problems = [...missingFormFields(type, formOf(row)).map((label) => `未填写：${label}`), ...formValueProblems(type.code, formOf(row))];
  if (type.code === 'unemployment_registration') {
    const person = ctx.database().db.select().from(persons).where(eq(persons.id, row.personId)).get()!;
    problems.push(
      ...checkUnemploymentEligibility(
        { birthDate: person.birthDate, sex: person.sex, employmentStatus: person.employmentStatus, ...(person.femaleRetirementCategory ? { femaleRetirementCategory: person.femaleRetirementCategory } : {}) },
        ctx.today,
      ),
    );
    // The status may have been corrected by hand; the registration in force still has to be cancelled first.
    const inForce = registrationInForce(ctx, row.personId);
    if (inForce && person.employmentStatus !== 'unemployed_registered') problems.push(`已有有效的失业登记（${inForce.receiptNo ?? `#${inForce.id}`}），须先注销`);
  }
  return problems;
}

const STATUS_EFFECTS: Partial<Record<EffectCode, 'unemployed_registered' | 'employed'>> = {
  set_status_unemployed_registered: 'unemployed_registered',
  set_status_employed: 'employed',
};

/** The decision's effects on the person's record, in the decision's transaction. */
function applyEffects(ctx: ServiceContext, row: CaseRow, receiptNo: string): EffectCode[] {
  const { db } = ctx.database();
  const type = MATTER_TYPES[row.matterType as MatterTypeCode];
  const applied: EffectCode[] = [];
  for (const effect of type.effects.onApprove) {
    if (effect === 'grant_difficulty_certification') {
      // The certification is the approved matter; the person's stored tags and recheck date follow it.
      db.update(cases).set({ reviewDue: annualReviewDue(certifiedOn(row), null) }).where(eq(cases.id, row.id)).run();
      refreshDerived(db, db.select().from(persons).where(eq(persons.id, row.personId)).get()!, ctx.today);
      applied.push(effect);
      continue;
    }
    if (effect === 'schedule_follow_up_contact') {
      // Due 5 working days from acceptance; the first contact on or after acceptance satisfies it.
      db.update(cases).set({ followUpDue: followUpDue(row.acceptedOn ?? ctx.today, workCalendar(ctx)) }).where(eq(cases.id, row.id)).run();
      applied.push(effect);
      continue;
    }
    if (effect === 'close_open_unemployment_registration') {
      const open = registrationInForce(ctx, row.personId);
      if (open) {
        const reason = cancellationReasonForChannel((formOf(row).channel ?? 'employer_job') as EmploymentChannel);
        endUnemploymentRegistration(ctx, open, reason, `${type.label}批准（${receiptNo}）`, ctx.today, `${type.label}批准（${receiptNo}）`);
      }
      applied.push(effect);
      continue;
    }
    const status = STATUS_EFFECTS[effect];
    if (!status) continue; // subsidy effects arrive with their feature
    setEmploymentStatus(ctx, row.personId, status, `${type.label}批准（${receiptNo}）`);
    applied.push(effect);
  }
  return applied;
}

export function transition(ctx: ServiceContext, input: ParsedInputOf<'cases.transition'>): CaseView {
  const { db } = ctx.database();
  const row = requireCase(ctx, input.id);
  if (row.version !== input.version) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
  const type = MATTER_TYPES[row.matterType as MatterTypeCode];
  const state = row.state as CaseState;
  const actor = { userId: actorId(ctx), roles: ctx.actor!.roles };
  const facts = { preparedBy: row.preparedBy, acceptedBy: row.acceptedBy, missingRequiredDocuments: missingDocuments(row) };
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  const check = checkTransition(type.workflow, state, input.action, actor, facts, comment);
  if (!check.ok) {
    const rule = type.workflow.find((r) => r.action === input.action && r.from.includes(state));
    const forbidden = rule && (!rule.roles.some((r) => actor.roles.includes(r)) || (rule.separateFromPreparer && (actor.userId === row.preparedBy || actor.userId === row.acceptedBy)));
    throw new AppError(!rule ? 'CONFLICT' : forbidden ? 'FORBIDDEN' : 'BAD_INPUT', check.reason);
  }
  const changes: Partial<CaseRow> = { state: check.to };
  if (input.action === 'accept') {
    const problems = acceptanceProblems(ctx, row);
    if (problems.length) throw new AppError('BAD_INPUT', `不能受理：${problems.join('；')}`);
    refuseSecondOpen(ctx, row.personId, row.matterType, row.id);
    changes.receiptNo = nextReceiptNo(ctx);
    changes.acceptedBy = actor.userId;
    changes.acceptedOn = ctx.today;
    changes.dueDate = addWorkingDays(ctx.today, type.timeLimitWorkingDays, workCalendar(ctx));
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
  let effects: EffectCode[] = [];
  if (input.action === 'approve' || input.action === 'reject') {
    const person = db.select().from(persons).where(eq(persons.id, row.personId)).get()!;
    changes.decidedBy = actor.userId;
    changes.decidedAt = ctx.now.toISOString();
    changes.decisionComment = comment;
    // Frozen: later corrections of the record never change what this decision relied on.
    changes.decisionSnapshot = JSON.stringify({
      name: person.name,
      employmentStatus: person.employmentStatus,
      keyGroups: keyGroupsOf(person, ctx.today, certificationsOf(db, person.id)).map((t) => t.code),
      age: Number(ctx.today.slice(0, 4)) - Number(person.birthDate.slice(0, 4)) - (ctx.today.slice(5) < person.birthDate.slice(5) ? 1 : 0),
    });
  }
  const updated = db
    .update(cases)
    .set({ ...changes, updatedAt: ctx.now.toISOString(), updatedBy: actor.userId, version: row.version + 1 })
    .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
    .returning()
    .get();
  if (!updated) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
  // After the matter is approved: a certification's tag reads the approved matter itself.
  if (input.action === 'approve') effects = applyEffects(ctx, updated, updated.receiptNo ?? `#${updated.id}`);
  const current = input.action === 'approve' ? requireCase(ctx, row.id) : updated;
  db.insert(caseTransitions).values({ caseId: row.id, action: input.action, fromState: state, toState: check.to, actorUserId: actor.userId, at: ctx.now.toISOString(), comment }).run();
  ctx.audit({ action: 'cases.transition', entityType: 'case', entityId: row.id, detail: { action: input.action, from: state, to: check.to, effects } });
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
      : input.scope === 'mine'
        ? and(inArray(cases.state, [...OPEN_STATES]), sql`(${cases.preparedBy} = ${ctx.actor?.userId ?? -1} or ${cases.acceptedBy} = ${ctx.actor?.userId ?? -1})`)
        : inArray(cases.state, [...OPEN_STATES]);
  const total = db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()?.n ?? 0;
  const rows = db.select().from(cases).where(where).orderBy(input.scope === 'person' ? desc(cases.id) : sql`${cases.dueDate} is null, ${cases.dueDate}`).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: caseListItems(ctx, rows), total };
}

