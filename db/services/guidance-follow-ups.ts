import { and, asc, count, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { GuidanceFollowUpView, ParsedInputOf } from '../../shared/contract';
import { followUpDoneProblem, manualFollowUpProblem } from '../../shared/domain/guidance';
import { ROLE_PERMISSIONS } from '../../shared/roles';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { guidanceFollowUps } from '../schema';
import { followUpViews, insertFollowUp, latestServiceOn, requireCounselor, requireGuidancePerson } from './guidance-records';
import { updateVersioned } from './row-stamps';

/** 手工安排回访: a call-back on a day the counselor picks. */
export function schedule(ctx: ServiceContext, input: ParsedInputOf<'guidance.scheduleFollowUp'>): GuidanceFollowUpView {
  const actor = requireAccount(ctx, '安排回访需要以个人账号登录').userId;
  const person = requireGuidancePerson(ctx, input.personId);
  const counselorUserId = requireCounselor(ctx, actor, input.counselorUserId);
  const problem = manualFollowUpProblem(input.dueOn, ctx.today, latestServiceOn(ctx, person.id));
  if (problem) throw fieldError('dueOn', problem, '回访日期');
  const row = insertFollowUp(ctx, actor, { personId: person.id, counselorUserId, reason: 'manual', dueOn: input.dueOn, scheduledOn: ctx.today, note: input.note?.trim() || null });
  ctx.audit({ action: 'guidance.scheduleFollowUp', entityType: 'person', entityId: person.id, detail: { followUpId: row.id, dueOn: row.dueOn, counselorUserId } });
  return followUpViews(ctx, [row])[0]!;
}

/** 记录回访: the call-back happened on a day, with what was said. */
export function complete(ctx: ServiceContext, input: ParsedInputOf<'guidance.completeFollowUp'>): GuidanceFollowUpView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '记录回访需要以个人账号登录').userId;
  const row = db.select().from(guidanceFollowUps).where(eq(guidanceFollowUps.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的回访`);
  const problem = followUpDoneProblem(row.status, input.doneOn, row.scheduledOn, ctx.today);
  if (problem) throw row.status === 'due' ? fieldError('doneOn', problem, '回访日期') : new AppError('CONFLICT', problem);
  const after = updateVersioned(ctx, guidanceFollowUps, row, input.version, { status: 'done', doneOn: input.doneOn, note: input.note }, '该回访已被他人记录，请刷新后重试', { by: actor });
  ctx.audit({ action: 'guidance.completeFollowUp', entityType: 'person', entityId: row.personId, detail: { followUpId: row.id, doneOn: input.doneOn } });
  return followUpViews(ctx, [after])[0]!;
}

/**
 * 待回访: due follow-ups, the earliest first. A counselor sees her own; the
 * head (reports.read) may see everyone's, and the missed ones alone.
 */
export function due(ctx: ServiceContext, input: ParsedInputOf<'guidance.followUpsDue'>): { items: GuidanceFollowUpView[]; total: number; overdue: number } {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '查看待回访需要以个人账号登录');
  const mayReadOthers = actor.roles.some((r) => ROLE_PERMISSIONS[r].includes('reports.read'));
  const whose = input.all ? null : (input.counselorUserId ?? actor.userId);
  if ((whose === null || whose !== actor.userId) && !mayReadOthers) throw new AppError('FORBIDDEN', '只有中心主任或审核员可以查看其他指导员的待回访');
  const conditions: SQL[] = [eq(guidanceFollowUps.status, 'due')];
  if (whose !== null) conditions.push(eq(guidanceFollowUps.counselorUserId, whose));
  if (input.overdueOnly) conditions.push(lt(guidanceFollowUps.dueOn, ctx.today));
  const where = and(...conditions);
  const counts = db.select({ total: count(), overdue: sql<number>`coalesce(sum(${guidanceFollowUps.dueOn} < ${ctx.today}), 0)` }).from(guidanceFollowUps).where(where).get()!;
  const rows = db.select().from(guidanceFollowUps).where(where).orderBy(asc(guidanceFollowUps.dueOn), asc(guidanceFollowUps.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: followUpViews(ctx, rows), total: counts.total, overdue: counts.overdue };
}
