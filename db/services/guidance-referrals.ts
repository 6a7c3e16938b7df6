import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CaseView, EmploymentRegistrationProposal, GuidanceFollowUpView, GuidanceReferralView, ParsedInputOf } from '../../shared/contract';
import { employmentRegistrationProposal, referralFollowUp, referralMoveProblem, serviceDateProblem, vacancyReferralProblem } from '../../shared/domain/guidance';
import { applicantMayApply } from '../../shared/domain/editable-code-tables';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { codeEntries, enterprises, guidanceFollowUps, guidanceReferrals, guidanceSessions, vacancies } from '../schema';
import { workCalendar } from './case-view';
import { followUpViews, insertFollowUp, referralViews, requireGuidancePerson } from './guidance-records';
import { create as createCase } from './cases';
import { createdStamps, updatedStamps, updateVersioned } from './row-stamps';

/** The label of a 补贴目录 item a person may apply for; refused when it is not one. */
function subsidyItem(ctx: ServiceContext, code: string, kind: string): string {
  if (kind !== 'subsidy') throw fieldError('subsidyCode', '只有补贴申请推荐才选择补贴项目', '补贴项目');
  const entry = ctx.database().db.select().from(codeEntries).where(and(eq(codeEntries.tableCode, 'subsidy_catalogue'), eq(codeEntries.code, code))).get();
  if (!entry) throw fieldError('subsidyCode', `“${code}”不在补贴目录中`, '补贴项目');
  if (!entry.active) throw fieldError('subsidyCode', `“${entry.label}”已停用，请选择其他项目`, '补贴项目');
  if (!applicantMayApply(entry.applicant, 'person')) throw fieldError('subsidyCode', `“${entry.label}”只能由单位申请`, '补贴项目');
  return entry.label;
}

/**
 * 推荐: a person sent to a vacancy, a class, a subsidy application or
 * entrepreneurship services, with the follow-up the rules schedule; and each
 * answer until the outcome. The outcome settles the referral's follow-up.
 */
export function refer(ctx: ServiceContext, input: ParsedInputOf<'guidance.refer'>): { referral: GuidanceReferralView; followUp: GuidanceFollowUpView } {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '记录推荐需要以个人账号登录').userId;
  const person = requireGuidancePerson(ctx, input.personId);
  const dateProblem = serviceDateProblem(input.referredOn, ctx.today, person, '推荐日期');
  if (dateProblem) throw fieldError('referredOn', dateProblem, '推荐日期');
  const sessionId = input.sessionId ?? null;
  if (sessionId !== null) {
    const session = db.select({ personId: guidanceSessions.personId, sessionDate: guidanceSessions.sessionDate }).from(guidanceSessions).where(eq(guidanceSessions.id, sessionId)).get();
    if (!session || session.personId !== person.id) throw fieldError('sessionId', '不是此人的指导记录', '指导记录');
    if (input.referredOn < session.sessionDate) throw fieldError('referredOn', `推荐日期不能早于指导日期（${session.sessionDate}）`, '推荐日期');
  }
  const vacancyId = input.vacancyId ?? null;
  let targetName = input.targetName?.trim() || null;
  const subsidyCode = input.subsidyCode || null;
  if (input.kind === 'vacancy') {
    if (vacancyId === null) throw fieldError('vacancyId', '岗位推荐请选择推荐岗位', '推荐岗位');
    const vacancy = db.select().from(vacancies).where(eq(vacancies.id, vacancyId)).get();
    if (!vacancy) throw fieldError('vacancyId', `没有编号为 ${vacancyId} 的岗位`, '推荐岗位');
    const problem = vacancyReferralProblem(vacancy, input.referredOn);
    if (problem) throw fieldError('vacancyId', problem, '推荐岗位');
    const open = db
      .select({ id: guidanceReferrals.id })
      .from(guidanceReferrals)
      .where(and(eq(guidanceReferrals.personId, person.id), eq(guidanceReferrals.vacancyId, vacancyId), inArray(guidanceReferrals.state, ['referred', 'interview'])))
      .get();
    if (open) throw fieldError('vacancyId', '已推荐此人到该岗位，尚未有结果，请记录结果而不是再次推荐', '推荐岗位');
  } else {
    if (vacancyId !== null) throw fieldError('vacancyId', '只有岗位推荐才选择岗位', '推荐岗位');
    if (subsidyCode !== null) targetName ??= subsidyItem(ctx, subsidyCode, input.kind);
    if (targetName === null) throw fieldError('targetName', '请填写推荐去向（培训班、项目、补贴或创业服务的名称）', '推荐去向');
  }
  const row = db
    .insert(guidanceReferrals)
    .values({
      personId: person.id, sessionId, counselorUserId: actor, kind: input.kind, vacancyId, targetName, subsidyCode, referredOn: input.referredOn, stateOn: input.referredOn,
      note: input.note?.trim() || null, ...createdStamps(ctx, actor),
    })
    .returning()
    .get();
  const planned = referralFollowUp(input.kind, input.referredOn, workCalendar(ctx));
  const followUp = insertFollowUp(ctx, actor, { personId: person.id, counselorUserId: actor, reason: planned.reason, dueOn: planned.dueOn, scheduledOn: input.referredOn, referralId: row.id, sessionId: sessionId ?? undefined });
  ctx.audit({ action: 'guidance.refer', entityType: 'person', entityId: person.id, detail: { referralId: row.id, referralKind: row.kind, vacancyId, referredOn: row.referredOn, followUpDue: followUp.dueOn } });
  return { referral: referralViews(ctx, [row])[0]!, followUp: followUpViews(ctx, [followUp])[0]! };
}

/**
 * The next answer on a referral (面试, 录用, 未录用 …). An outcome settles the
 * referral's due follow-up; a 录用 proposes the 就业登记 the window then files.
 */
export function recordOutcome(ctx: ServiceContext, input: ParsedInputOf<'guidance.recordReferralOutcome'>): { referral: GuidanceReferralView; proposal: EmploymentRegistrationProposal | null } {
  const { db } = ctx.database();
  const actor = requireAccount(ctx, '记录推荐结果需要以个人账号登录').userId;
  const row = db.select().from(guidanceReferrals).where(eq(guidanceReferrals.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的推荐`);
  const problem = referralMoveProblem({ kind: row.kind, state: row.state, referredOn: row.referredOn, lastMoveOn: row.stateOn }, input.state, input.onDate, ctx.today);
  if (problem) throw fieldError(problem.field, problem.message, problem.field === 'state' ? '推荐结果' : '日期');
  const final = !['referred', 'interview'].includes(input.state);
  const after = updateVersioned(
    ctx, guidanceReferrals, row, input.version,
    { state: input.state, stateOn: input.onDate, outcomeNote: input.note?.trim() || row.outcomeNote },
    '该推荐已被他人更新，请刷新后重试', { by: actor },
  );
  if (final) {
    db.update(guidanceFollowUps)
      .set({ status: 'done', doneOn: input.onDate, note: `推荐结果：${input.state === 'hired' ? '录用' : input.state === 'not_hired' ? '未录用' : input.state === 'taken_up' ? '已参加/已申请' : '未参加/未申请'}`, updatedAt: ctx.now.toISOString(), updatedBy: actor, version: sql`${guidanceFollowUps.version} + 1` })
      .where(and(eq(guidanceFollowUps.referralId, row.id), eq(guidanceFollowUps.status, 'due')))
      .run();
  }
  let proposal: EmploymentRegistrationProposal | null = null;
  if (input.state === 'hired' && row.vacancyId !== null) {
    const employer = db.select({ name: enterprises.name, creditCode: enterprises.creditCode }).from(vacancies).innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId)).where(eq(vacancies.id, row.vacancyId)).get()!;
    proposal = { caseType: 'employment_registration', personId: row.personId, form: employmentRegistrationProposal(input.onDate, employer) };
  }
  ctx.audit({ action: 'guidance.recordReferralOutcome', entityType: 'person', entityId: row.personId, detail: { referralId: row.id, referralFrom: row.state, referralTo: input.state, onDate: input.onDate } });
  return { referral: referralViews(ctx, [after])[0]!, proposal };
}

/**
 * 推荐 → 补贴申请: the window opens the 补贴申请 a subsidy referral named, as a
 * draft prefilled with the applicant and the 补贴目录 item, and the referral
 * keeps the case it led to. Its outcome (已申请) is still the counselor's to record.
 */
export function openSubsidyApplication(ctx: ServiceContext, input: ParsedInputOf<'guidance.openSubsidyApplication'>): CaseView {
  const { db } = ctx.database();
  const row = db.select().from(guidanceReferrals).where(eq(guidanceReferrals.id, input.referralId)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.referralId} 的推荐`);
  if (row.kind !== 'subsidy') throw new AppError('CONFLICT', '只有补贴申请推荐才能生成补贴申请');
  if (row.caseId !== null) throw new AppError('CONFLICT', `已为该推荐生成过补贴申请（业务编号 ${row.caseId}）`);
  if (row.subsidyCode === null) throw new AppError('CONFLICT', '该推荐没有选择补贴目录中的项目，请在“业务办理”中新建补贴申请');
  const view = createCase(ctx, { personId: row.personId, caseType: 'subsidy_application', form: { subsidyCode: row.subsidyCode }, documents: [] });
  db.update(guidanceReferrals).set({ caseId: view.id, ...updatedStamps(ctx, row) }).where(eq(guidanceReferrals.id, row.id)).run();
  ctx.audit({ action: 'guidance.openSubsidyApplication', entityType: 'person', entityId: row.personId, detail: { referralId: row.id, caseId: view.id } });
  return view;
}
