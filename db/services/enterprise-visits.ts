import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DifficultyType, ParsedInputOf, TaskView, VisitView } from '../../shared/contract';
import { POLICIES_EXPLAINED, labelOf } from '../../shared/domain/enterprise-codes';
import { quarterEnd, surveyReferenceDate } from '../../shared/domain/vacancy';
import { ROLE_PERMISSIONS, ROLES } from '../../shared/roles';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import {
  difficultyTypes, enterpriseContacts, enterpriseHiringPlans, enterprises, enterpriseTasks, enterpriseVisitDifficulties,
  enterpriseVisitPolicies, enterpriseVisits, enterpriseVisitStaff, userRoles, users,
} from '../schema';
import { addHeadcount } from './enterprises';
import { requireEnterprise } from './enterprise-view';
import { insertVacancy } from './vacancies';
import { createdStamps, updateVersioned } from './row-stamps';

type VisitRow = typeof enterpriseVisits.$inferSelect;
type Input = ParsedInputOf<'enterprises.recordVisit'>;

function requireUsers(ctx: ServiceContext, ids: number[], field: string, label: string): void {
  const found = new Set(ctx.database().db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.disabled, false))).all().map((u) => u.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw fieldError(`${field}.${missing}`, '不是在用的工作人员账号', label);
}

/** Checks what the schema cannot: dates against today, lists against the database, the survey's presence. */
function checkVisit(ctx: ServiceContext, input: Input): void {
  const { db } = ctx.database();
  if (input.visitDate > ctx.today) throw fieldError('visitDate', '走访日期不能晚于今天', '走访日期');
  if (input.kind === 'survey' && !input.survey) throw fieldError('survey', '用工调查须填写调查内容', '用工调查');
  if (input.kind === 'visit' && input.survey) throw fieldError('survey', '只有用工调查才填写调查内容', '用工调查');
  if (new Set(input.staffUserIds).size !== input.staffUserIds.length) throw fieldError('staffUserIds', '走访人员重复', '走访人员');
  requireUsers(ctx, input.staffUserIds, 'staffUserIds', '走访人员');
  if (input.contactId) {
    const contact = db.select({ enterpriseId: enterpriseContacts.enterpriseId }).from(enterpriseContacts).where(eq(enterpriseContacts.id, input.contactId)).get();
    if (contact?.enterpriseId !== input.enterpriseId) throw fieldError('contactId', '不是该企业的联系人', '接待人');
  }
  const active = new Set(db.select({ code: difficultyTypes.code }).from(difficultyTypes).where(eq(difficultyTypes.active, true)).all().map((d) => d.code));
  const seen = new Set<string>();
  input.difficulties.forEach((d, i) => {
    if (!active.has(d.code)) throw fieldError(`difficulties.${i}.code`, '请从列表中选择困难类型', '企业困难');
    if (seen.has(d.code)) throw fieldError(`difficulties.${i}.code`, '同一困难只能选一次', '企业困难');
    seen.add(d.code);
  });
  if (new Set(input.policies.map((p) => p.code)).size !== input.policies.length) throw fieldError('policies', '同一政策只能选一次', '宣讲政策');
  requireUsers(ctx, input.tasks.map((t) => t.ownerUserId), 'tasks', '任务负责人');
  input.tasks.forEach((t, i) => {
    if (t.dueDate < input.visitDate) throw fieldError(`tasks.${i}.dueDate`, '完成期限不能早于走访日期', '完成期限');
  });
  if (input.survey) {
    const clash = db
      .select({ id: enterpriseVisits.id })
      .from(enterpriseVisits)
      .where(and(eq(enterpriseVisits.enterpriseId, input.enterpriseId), eq(enterpriseVisits.kind, 'survey'), eq(enterpriseVisits.surveyQuarter, input.survey.quarter), isNull(enterpriseVisits.cancelledAt)))
      .get();
    if (clash) throw new AppError('DUPLICATE', `该企业${input.survey.quarter}的用工调查已填报（走访记录 ${clash.id}），如需更正请先作废原记录`, { fields: { 'survey.quarter': '本季度已填报' } });
  }
}

/**
 * A visit with everything learned on it, in one transaction: staff,
 * difficulties, policies, the hiring plan (published lines become vacancies),
 * follow-up tasks, and the headcount into the enterprise's history.
 */
export function recordVisit(ctx: ServiceContext, input: Input): VisitView {
  const { db } = ctx.database();
  const enterprise = requireEnterprise(ctx, input.enterpriseId);
  if (enterprise.status === 'closed') throw new AppError('CONFLICT', `${enterprise.name}已注销或迁出，不能再记录走访`);
  checkVisit(ctx, input);
  const meta = createdStamps(ctx);
  const survey = input.survey;
  const visit = db
    .insert(enterpriseVisits)
    .values({
      enterpriseId: enterprise.id, kind: input.kind, visitDate: input.visitDate, mode: input.mode, contactId: input.contactId ?? null,
      contactName: input.contactName ?? null, headcount: input.headcount ?? null, requests: input.requests ?? null, notes: input.notes ?? null,
      surveyQuarter: survey?.quarter ?? null, referenceDate: survey ? surveyReferenceDate(survey.quarter) : null,
      headcountPrevious: survey?.headcountPrevious ?? null, headcountChangeReason: survey?.headcountChangeReason ?? null,
      shortageCount: survey?.shortageCount ?? null, startingPayFen: survey?.startingPayFen ?? null, expectedHires: survey?.expectedHires ?? null,
      ...meta,
    })
    .returning()
    .get();
  for (const userId of input.staffUserIds) db.insert(enterpriseVisitStaff).values({ visitId: visit.id, userId }).run();
  for (const d of input.difficulties) db.insert(enterpriseVisitDifficulties).values({ visitId: visit.id, code: d.code, note: d.note ?? null }).run();
  for (const p of input.policies) db.insert(enterpriseVisitPolicies).values({ visitId: visit.id, policyCode: p.code, interest: p.interest }).run();
  input.hiringPlan.forEach((line, i) => {
    let vacancyId: number | null = null;
    if (line.publish) {
      const facts = { ...line, validFrom: input.visitDate, validTo: line.validTo ?? quarterEnd(line.quarter) };
      vacancyId = insertVacancy(ctx, enterprise.id, facts, 'visit', visit.id, `hiringPlan.${i}.`).id;
    }
    db.insert(enterpriseHiringPlans).values({ visitId: visit.id, enterpriseId: enterprise.id, occupationCode: line.occupationCode, title: line.title, quarter: line.quarter, openings: line.openings, vacancyId }).run();
  });
  for (const t of input.tasks) {
    db.insert(enterpriseTasks).values({ enterpriseId: enterprise.id, visitId: visit.id, description: t.description, ownerUserId: t.ownerUserId, dueDate: t.dueDate, ...meta }).run();
  }
  if (input.headcount !== undefined && input.headcount !== null) {
    const asOf = survey && surveyReferenceDate(survey.quarter) <= ctx.today ? surveyReferenceDate(survey.quarter) : input.visitDate;
    addHeadcount(ctx, enterprise.id, asOf, input.headcount, survey ? 'survey' : 'visit', visit.id);
  }
  ctx.audit({ action: 'enterprises.recordVisit', entityType: 'enterprise', entityId: enterprise.id, after: visit, detail: { visitId: visit.id, kind: input.kind, vacancies: input.hiringPlan.filter((l) => l.publish).length } });
  return visitView(ctx, visit);
}

function taskViews(ctx: ServiceContext, where: SQL | undefined): TaskView[] {
  return ctx
    .database()
    .db.select({ task: enterpriseTasks, enterpriseName: enterprises.name, ownerName: users.displayName })
    .from(enterpriseTasks)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseTasks.enterpriseId))
    .innerJoin(users, eq(users.id, enterpriseTasks.ownerUserId))
    .where(where)
    .orderBy(asc(enterpriseTasks.dueDate), asc(enterpriseTasks.id))
    .all()
    .map(({ task, enterpriseName, ownerName }) => ({
      id: task.id, enterpriseId: task.enterpriseId, enterpriseName, visitId: task.visitId, description: task.description,
      ownerUserId: task.ownerUserId, ownerName, dueDate: task.dueDate, status: task.status,
      overdue: task.status === 'open' && task.dueDate < ctx.today, closedAt: task.closedAt, closingNote: task.closingNote, version: task.version,
    }));
}

export function visitView(ctx: ServiceContext, visit: VisitRow): VisitView {
  const { db } = ctx.database();
  const enterprise = requireEnterprise(ctx, visit.enterpriseId);
  const contact = visit.contactId ? db.select({ name: enterpriseContacts.name }).from(enterpriseContacts).where(eq(enterpriseContacts.id, visit.contactId)).get() : undefined;
  return {
    id: visit.id, enterpriseId: visit.enterpriseId, enterpriseName: enterprise.name, kind: visit.kind, visitDate: visit.visitDate, mode: visit.mode,
    staff: db.select({ id: users.id, name: users.displayName }).from(enterpriseVisitStaff).innerJoin(users, eq(users.id, enterpriseVisitStaff.userId)).where(eq(enterpriseVisitStaff.visitId, visit.id)).orderBy(users.id).all(),
    contactName: contact?.name ?? visit.contactName,
    headcount: visit.headcount,
    difficulties: db
      .select({ code: enterpriseVisitDifficulties.code, label: difficultyTypes.label, note: enterpriseVisitDifficulties.note })
      .from(enterpriseVisitDifficulties)
      .innerJoin(difficultyTypes, eq(difficultyTypes.code, enterpriseVisitDifficulties.code))
      .where(eq(enterpriseVisitDifficulties.visitId, visit.id))
      .orderBy(difficultyTypes.sortOrder)
      .all(),
    policies: db.select().from(enterpriseVisitPolicies).where(eq(enterpriseVisitPolicies.visitId, visit.id)).all().map((p) => ({ code: p.policyCode, label: labelOf(POLICIES_EXPLAINED, p.policyCode), interest: p.interest })),
    requests: visit.requests,
    notes: visit.notes,
    hiringPlan: db
      .select({ id: enterpriseHiringPlans.id, occupationCode: enterpriseHiringPlans.occupationCode, title: enterpriseHiringPlans.title, quarter: enterpriseHiringPlans.quarter, openings: enterpriseHiringPlans.openings, vacancyId: enterpriseHiringPlans.vacancyId })
      .from(enterpriseHiringPlans)
      .where(eq(enterpriseHiringPlans.visitId, visit.id))
      .orderBy(enterpriseHiringPlans.id)
      .all(),
    tasks: taskViews(ctx, eq(enterpriseTasks.visitId, visit.id)),
    survey: visit.kind === 'survey' && visit.surveyQuarter && visit.referenceDate
      ? { quarter: visit.surveyQuarter, referenceDate: visit.referenceDate, headcountPrevious: visit.headcountPrevious, headcountChangeReason: visit.headcountChangeReason, shortageCount: visit.shortageCount, startingPayFen: visit.startingPayFen, expectedHires: visit.expectedHires }
      : null,
    cancelledAt: visit.cancelledAt,
    cancelReason: visit.cancelReason,
    createdAt: visit.createdAt,
    version: visit.version,
  };
}

function requireVisit(ctx: ServiceContext, id: number): VisitRow {
  const row = ctx.database().db.select().from(enterpriseVisits).where(eq(enterpriseVisits.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的走访记录`);
  return row;
}

export function getVisit(ctx: ServiceContext, input: ParsedInputOf<'enterprises.getVisit'>): VisitView {
  return visitView(ctx, requireVisit(ctx, input.id));
}

export function visits(ctx: ServiceContext, input: ParsedInputOf<'enterprises.visits'>): VisitView[] {
  requireEnterprise(ctx, input.enterpriseId);
  const where = and(eq(enterpriseVisits.enterpriseId, input.enterpriseId), input.includeCancelled ? undefined : isNull(enterpriseVisits.cancelledAt));
  return ctx.database().db.select().from(enterpriseVisits).where(where).orderBy(desc(enterpriseVisits.visitDate), desc(enterpriseVisits.id)).all().map((v) => visitView(ctx, v));
}

/** A visit recorded in error is cancelled with a reason; its vacancies stay (they may have been advertised). */
export function cancelVisit(ctx: ServiceContext, input: ParsedInputOf<'enterprises.cancelVisit'>): VisitView {
  const before = requireVisit(ctx, input.id);
  if (before.cancelledAt) throw new AppError('CONFLICT', '该走访记录已作废');
  const after = updateVersioned(ctx, enterpriseVisits, before, input.version, { cancelledAt: ctx.now.toISOString(), cancelReason: input.reason }, '该走访记录已被他人修改，请刷新后重试。');
  ctx.audit({ action: 'enterprises.cancelVisit', entityType: 'enterprise', entityId: before.enterpriseId, detail: { visitId: before.id, reason: input.reason } });
  return visitView(ctx, after);
}

export function tasks(ctx: ServiceContext, input: ParsedInputOf<'enterprises.tasks'>): TaskView[] {
  return taskViews(
    ctx,
    and(
      input.enterpriseId ? eq(enterpriseTasks.enterpriseId, input.enterpriseId) : undefined,
      input.mine ? eq(enterpriseTasks.ownerUserId, actorUserId(ctx) ?? -1) : undefined,
      input.status === 'all' ? undefined : eq(enterpriseTasks.status, input.status),
    ),
  );
}

export function closeTask(ctx: ServiceContext, input: ParsedInputOf<'enterprises.closeTask'>): TaskView {
  const { db } = ctx.database();
  const before = db.select().from(enterpriseTasks).where(eq(enterpriseTasks.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的跟进任务`);
  if (before.status !== 'open') throw new AppError('CONFLICT', '该任务已经完成或取消');
  const after = updateVersioned(ctx, enterpriseTasks, before, input.version, { status: input.status, closedAt: ctx.now.toISOString(), closingNote: input.note ?? null }, '该任务已被他人修改，请刷新后重试。');
  ctx.audit({ action: 'enterprises.closeTask', entityType: 'enterprise', entityId: before.enterpriseId, before, after });
  return taskViews(ctx, eq(enterpriseTasks.id, after.id))[0]!;
}

export function difficultyTypeList(ctx: ServiceContext): DifficultyType[] {
  return ctx.database().db.select().from(difficultyTypes).orderBy(difficultyTypes.sortOrder, difficultyTypes.code).all();
}

/** The administrator adds, renames or retires a difficulty; a retired one stays on old visits. */
export function setDifficultyType(ctx: ServiceContext, input: ParsedInputOf<'enterprises.setDifficultyType'>): DifficultyType[] {
  const { db } = ctx.database();
  const before = db.select().from(difficultyTypes).where(eq(difficultyTypes.code, input.code)).get();
  db.insert(difficultyTypes).values(input).onConflictDoUpdate({ target: difficultyTypes.code, set: { label: input.label, sortOrder: input.sortOrder, active: input.active } }).run();
  ctx.audit({ action: 'enterprises.setDifficultyType', entityType: 'difficulty_type', entityId: input.code, before: before ?? null, after: input });
  return difficultyTypeList(ctx);
}

const VISITING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('enterprises.write'));

/** Accounts whose roles may record visits, for the staff and owner pickers. */
export function staff(ctx: ServiceContext): { id: number; displayName: string }[] {
  return ctx
    .database()
    .db.selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.disabled, false), inArray(userRoles.role, VISITING_ROLES)))
    .orderBy(users.id)
    .all();
}
