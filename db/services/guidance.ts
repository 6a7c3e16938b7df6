import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GuidanceForPerson, GuidanceFollowUpView, GuidancePlanItemView, GuidanceSessionView, ParsedInputOf } from '../../shared/contract';
import { GUIDANCE_BARRIERS, GUIDANCE_MODES, labelOf, planItemChangeProblem, sessionFollowUps, sessionProblems, type GuidanceBarrier } from '../../shared/domain/guidance';
import { requireAccount, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { codeEntries, guidanceFollowUps, guidancePlanItems, guidanceReferrals, guidanceSessions, users } from '../schema';
import { workCalendar } from './case-view';
import { followUpViews, insertFollowUp, planItemView, referralViews, requireCounselor, requireGuidancePerson } from './guidance-records';
import { createdStamps, updateVersioned } from './row-stamps';
import { stationOfStaff } from './stations';

type SessionRow = typeof guidanceSessions.$inferSelect;

const FIELD_LABELS: Record<string, string> = {
  sessionDate: '指导日期', durationMinutes: '时长', topics: '指导内容', 'assessment.expectedPayMaxFen': '期望月薪', 'assessment.barriers': '就业障碍',
};

function topicLabels(ctx: ServiceContext): Map<string, { label: string; active: boolean }> {
  return new Map(
    ctx.database().db.select().from(codeEntries).where(eq(codeEntries.tableCode, 'guidance_topics')).all().map((e) => [e.code, { label: e.label, active: e.active }]),
  );
}

function sessionViews(ctx: ServiceContext, rows: SessionRow[]): GuidanceSessionView[] {
  const { db } = ctx.database();
  const topics = topicLabels(ctx);
  const ids = rows.map((r) => r.id);
  const items = ids.length === 0 ? [] : db.select().from(guidancePlanItems).where(inArray(guidancePlanItems.sessionId, ids)).orderBy(asc(guidancePlanItems.id)).all();
  const counselorIds = [...new Set(rows.map((r) => r.counselorUserId))];
  const names = new Map(counselorIds.length === 0 ? [] : db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, counselorIds)).all().map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id, personId: r.personId, counselorUserId: r.counselorUserId, counselorName: names.get(r.counselorUserId) ?? '',
    sessionDate: r.sessionDate, durationMinutes: r.durationMinutes, mode: r.mode, modeLabel: labelOf(GUIDANCE_MODES, r.mode),
    topics: (JSON.parse(r.topics) as string[]).map((code) => ({ code, label: topics.get(code)?.label ?? code })),
    notes: r.notes,
    assessment: {
      skills: r.skills, intendedOccupationCode: r.intendedOccupationCode, expectedPayMinFen: r.expectedPayMinFen, expectedPayMaxFen: r.expectedPayMaxFen,
      preferredPlace: r.preferredPlace, barriers: (JSON.parse(r.barriers) as GuidanceBarrier[]).map((code) => ({ code, label: labelOf(GUIDANCE_BARRIERS, code) })),
    },
    planItems: items.filter((i) => i.sessionId === r.id).map(planItemView),
    version: r.version, createdAt: r.createdAt,
  }));
}

/**
 * 记录职业指导: the session, its assessment and plan, and the follow-ups the
 * rules schedule (after the session, on each plan item's due date), in one
 * transaction. Refused whole when any field is wrong.
 */
export function recordSession(ctx: ServiceContext, input: ParsedInputOf<'guidance.recordSession'>): { session: GuidanceSessionView; followUps: GuidanceFollowUpView[] } {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '记录职业指导需要以个人账号登录').userId;
  const person = requireGuidancePerson(ctx, input.personId);
  const counselorUserId = requireCounselor(ctx, actor, input.counselorUserId);
  const active = new Set([...topicLabels(ctx)].filter(([, t]) => t.active).map(([code]) => code));
  const assessment = {
    skills: input.assessment.skills?.trim() || null,
    intendedOccupationCode: input.assessment.intendedOccupationCode || null,
    expectedPayMinFen: input.assessment.expectedPayMinFen ?? null,
    expectedPayMaxFen: input.assessment.expectedPayMaxFen ?? null,
    preferredPlace: input.assessment.preferredPlace?.trim() || null,
    barriers: input.assessment.barriers,
  };
  const problems = sessionProblems({ ...input, assessment }, ctx.today, person, active);
  if (Object.keys(problems).length > 0) {
    const text = Object.entries(problems).map(([field, message]) => `${FIELD_LABELS[field] ?? (field.startsWith('planItems.') ? `行动计划第${Number(field.split('.')[1]) + 1}项` : field)}：${message}`);
    throw new AppError('BAD_INPUT', text.join('；'), { fields: problems });
  }
  const session = db
    .insert(guidanceSessions)
    .values({
      personId: person.id, counselorUserId, sessionDate: input.sessionDate, durationMinutes: input.durationMinutes, mode: input.mode,
      topics: JSON.stringify(input.topics), notes: input.notes?.trim() || null, ...assessment, barriers: JSON.stringify(assessment.barriers),
      stationId: stationOfStaff(ctx, counselorUserId),
      ...createdStamps(ctx, actor),
    })
    .returning()
    .get();
  const items = input.planItems.map((item) =>
    db.insert(guidancePlanItems).values({ sessionId: session.id, description: item.description, owner: item.owner, dueOn: item.dueOn, ...createdStamps(ctx, actor) }).returning().get(),
  );
  const planned = sessionFollowUps(session.sessionDate, items.map((i) => i.dueOn), workCalendar(ctx));
  const followUps = planned.map((p) =>
    insertFollowUp(ctx, actor, {
      personId: person.id, counselorUserId, reason: p.reason, dueOn: p.dueOn, scheduledOn: session.sessionDate, sessionId: session.id,
      ...(p.planItemIndex === undefined ? {} : { planItemId: items[p.planItemIndex]!.id }),
    }),
  );
  // Notes and assessment may carry personal circumstances: the audit names the act, not the words.
  ctx.audit({
    action: 'guidance.recordSession', entityType: 'person', entityId: person.id,
    detail: { sessionId: session.id, sessionDate: session.sessionDate, sessionMode: session.mode, topics: input.topics, planItems: items.length, followUps: followUps.map((f) => f.dueOn) },
  });
  return { session: sessionViews(ctx, [session])[0]!, followUps: followUpViews(ctx, followUps) };
}

/** The person's sessions, referrals and follow-ups, newest first (the guidance tab). */
export function forPerson(ctx: ServiceContext, input: ParsedInputOf<'guidance.forPerson'>): GuidanceForPerson {
  const { db } = ctx.database();
  const sessions = db.select().from(guidanceSessions).where(eq(guidanceSessions.personId, input.personId)).orderBy(desc(guidanceSessions.sessionDate), desc(guidanceSessions.id)).limit(200).all();
  const referrals = db.select().from(guidanceReferrals).where(eq(guidanceReferrals.personId, input.personId)).orderBy(desc(guidanceReferrals.referredOn), desc(guidanceReferrals.id)).limit(200).all();
  const followUps = db.select().from(guidanceFollowUps).where(eq(guidanceFollowUps.personId, input.personId)).orderBy(desc(guidanceFollowUps.dueOn), desc(guidanceFollowUps.id)).limit(200).all();
  return { sessions: sessionViews(ctx, sessions), referrals: referralViews(ctx, referrals), followUps: followUpViews(ctx, followUps) };
}

/**
 * A plan item done (on a day) or dropped. Its follow-up, if still due, is
 * settled with it: there is nothing left to call about.
 */
export function updatePlanItem(ctx: ServiceContext, input: ParsedInputOf<'guidance.updatePlanItem'>): GuidancePlanItemView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '更新行动计划需要以个人账号登录').userId;
  const row = db.select().from(guidancePlanItems).where(eq(guidancePlanItems.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的行动计划事项`);
  if (row.status !== 'open') throw new AppError('CONFLICT', `该事项已${row.status === 'done' ? '完成' : '取消'}，不能再更改`);
  if (input.status === 'open') throw new AppError('BAD_INPUT', '状态：请选择“已完成”或“已取消”', { fields: { status: '请选择“已完成”或“已取消”' } });
  const session = db.select({ sessionDate: guidanceSessions.sessionDate, personId: guidanceSessions.personId }).from(guidanceSessions).where(eq(guidanceSessions.id, row.sessionId)).get()!;
  const doneOn = input.doneOn ?? null;
  const problem = planItemChangeProblem(input.status, doneOn, session.sessionDate, ctx.today);
  if (problem) throw new AppError('BAD_INPUT', `完成日期：${problem}`, { fields: { doneOn: problem } });
  const after = updateVersioned(ctx, guidancePlanItems, row, input.version, { status: input.status, doneOn }, '该事项已被他人更新，请刷新后重试', { by: actor });
  db.update(guidanceFollowUps)
    .set({ status: input.status === 'done' ? 'done' : 'cancelled', doneOn: input.status === 'done' ? doneOn : null, note: input.status === 'done' ? '计划事项已完成' : '计划事项已取消', updatedAt: ctx.now.toISOString(), updatedBy: actor, version: sql`${guidanceFollowUps.version} + 1` })
    .where(and(eq(guidanceFollowUps.planItemId, row.id), eq(guidanceFollowUps.status, 'due')))
    .run();
  ctx.audit({ action: 'guidance.updatePlanItem', entityType: 'person', entityId: session.personId, detail: { planItemId: row.id, planStatus: input.status, doneOn } });
  return planItemView(after);
}

/** The words the audit keeps for what changed: the fields, never their contents. */
const EDITED_FIELDS: Record<string, string> = {
  sessionDate: '指导日期', durationMinutes: '时长', mode: '指导方式', topics: '指导内容', notes: '指导情况', skills: '技能特长', intendedOccupationCode: '求职意向',
  expectedPayMinFen: '期望月薪下限', expectedPayMaxFen: '期望月薪上限', preferredPlace: '期望工作地点', barriers: '就业障碍',
};

/**
 * 修改指导记录: the session's counselor (or the head) corrects its day, mode,
 * topics, notes or assessment. A stale version is refused; the plan items keep
 * their due dates, so the day cannot move past one of them; a moved day moves
 * the still-due follow-up after the session with it.
 */
export function updateSession(ctx: ServiceContext, input: ParsedInputOf<'guidance.updateSession'>): GuidanceSessionView {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '修改职业指导记录需要以个人账号登录');
  const row = db.select().from(guidanceSessions).where(eq(guidanceSessions.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的指导记录`);
  if (row.counselorUserId !== actor.userId && !actor.roles.includes('head')) throw new AppError('FORBIDDEN', '只有记录该指导的指导员或局领导可以修改此记录');
  const person = requireGuidancePerson(ctx, row.personId);
  // A topic retired since the session was recorded may stay on it.
  const kept = new Set(JSON.parse(row.topics) as string[]);
  const allowed = new Set([...topicLabels(ctx)].filter(([code, t]) => t.active || kept.has(code)).map(([code]) => code));
  const assessment = {
    skills: input.assessment.skills?.trim() || null,
    intendedOccupationCode: input.assessment.intendedOccupationCode || null,
    expectedPayMinFen: input.assessment.expectedPayMinFen ?? null,
    expectedPayMaxFen: input.assessment.expectedPayMaxFen ?? null,
    preferredPlace: input.assessment.preferredPlace?.trim() || null,
    barriers: input.assessment.barriers,
  };
  const items = db.select().from(guidancePlanItems).where(eq(guidancePlanItems.sessionId, row.id)).all();
  const problems = sessionProblems({ ...input, assessment, planItems: [] }, ctx.today, person, allowed);
  const earliestDue = items.map((i) => i.dueOn).sort()[0];
  if (!problems.sessionDate && earliestDue !== undefined && input.sessionDate > earliestDue) problems.sessionDate = `指导日期不能晚于行动计划事项的完成期限（${earliestDue}）`;
  if (Object.keys(problems).length > 0) {
    throw new AppError('BAD_INPUT', Object.entries(problems).map(([field, message]) => `${FIELD_LABELS[field] ?? field}：${message}`).join('；'), { fields: problems });
  }
  const changes = {
    sessionDate: input.sessionDate, durationMinutes: input.durationMinutes, mode: input.mode, topics: JSON.stringify(input.topics), notes: input.notes?.trim() || null,
    ...assessment, barriers: JSON.stringify(assessment.barriers),
  };
  const changed = Object.entries(changes).filter(([key, value]) => row[key as keyof SessionRow] !== value).map(([key]) => EDITED_FIELDS[key] ?? key);
  const after = updateVersioned(ctx, guidanceSessions, row, input.version, changes, '该指导记录已被他人修改，您的修改未保存。请刷新后重试。', { by: actor.userId });
  if (after.sessionDate !== row.sessionDate) {
    const dueOn = sessionFollowUps(after.sessionDate, [], workCalendar(ctx))[0]!.dueOn;
    db.update(guidanceFollowUps)
      .set({ dueOn, scheduledOn: after.sessionDate, updatedAt: ctx.now.toISOString(), updatedBy: actor.userId, version: sql`${guidanceFollowUps.version} + 1` })
      .where(and(eq(guidanceFollowUps.sessionId, row.id), eq(guidanceFollowUps.reason, 'session'), eq(guidanceFollowUps.status, 'due')))
      .run();
  }
  // As when recorded: the audit names the act and the fields, not the notes.
  ctx.audit({ action: 'guidance.updateSession', entityType: 'person', entityId: row.personId, detail: { sessionId: row.id, changedFields: changed } });
  return sessionViews(ctx, [after])[0]!;
}
