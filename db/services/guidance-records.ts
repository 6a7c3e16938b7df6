import { and, eq, inArray, min, sql } from 'drizzle-orm';
import type { GuidanceFollowUpView, GuidancePlanItemView, GuidanceReferralView } from '../../shared/contract';
import {
  followUpReasonLabel, followUpStanding, FOLLOW_UP_STATUSES, labelOf, nextReferralStates, PLAN_ITEM_OWNERS, PLAN_ITEM_STATUSES, referralKindLabel,
  referralStateLabel, type FollowUpReason, type PersonLife,
} from '../../shared/domain/guidance';
import { maskPhone } from '../../shared/domain/masking';
import { ROLE_PERMISSIONS, ROLES } from '../../shared/roles';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { enterprises, guidanceFollowUps, guidancePlanItems, guidanceReferrals, guidanceSessions, personDeaths, persons, userRoles, users, vacancies } from '../schema';
import { createdStamps } from './row-stamps';

/**
 * What the guidance services share: the person and counselor checks, the
 * follow-up insert, and the views screens read. The rules are decided in
 * shared/domain/guidance; this file only reads and writes rows.
 */

type PlanItemRow = typeof guidancePlanItems.$inferSelect;
type ReferralRow = typeof guidanceReferrals.$inferSelect;
type FollowUpRow = typeof guidanceFollowUps.$inferSelect;

const GUIDANCE_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('guidance.write'));

export interface GuidancePerson extends PersonLife {
  id: number;
  name: string;
}

/** The person guidance is recorded for: on file, not merged away; with the dates of their life. */
export function requireGuidancePerson(ctx: ServiceContext, personId: number): GuidancePerson {
  const { db } = ctx.database();
  const person = db.select({ id: persons.id, name: persons.name, birthDate: persons.birthDate, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, personId)).get();
  if (!person) throw fieldError('personId', `没有编号为 ${personId} 的人员档案`, '服务对象');
  if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请在保留的档案上记录`);
  const deathDate = db.select({ d: min(personDeaths.diedOn) }).from(personDeaths).where(eq(personDeaths.personId, personId)).get()?.d ?? null;
  return { id: person.id, name: person.name, birthDate: person.birthDate, deathDate };
}

/** The counselor named on a record: the caller, or another active account whose role records guidance. */
export function requireCounselor(ctx: ServiceContext, actor: number, counselorUserId: number | undefined): number {
  const id = counselorUserId ?? actor;
  if (id === actor) return id;
  const found = ctx
    .database()
    .db.select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, id), eq(users.disabled, false), inArray(userRoles.role, GUIDANCE_ROLES)))
    .get();
  if (!found) throw fieldError('counselorUserId', '不是可以记录职业指导的在用工作人员账号', '指导员');
  return id;
}

export function insertFollowUp(
  ctx: ServiceContext,
  actor: number,
  values: { personId: number; counselorUserId: number; reason: FollowUpReason; dueOn: string; scheduledOn: string; sessionId?: number; referralId?: number; planItemId?: number; note?: string | null },
): FollowUpRow {
  return ctx
    .database()
    .db.insert(guidanceFollowUps)
    .values({ ...values, note: values.note ?? null, ...createdStamps(ctx, actor) })
    .returning()
    .get();
}

function userNames(ctx: ServiceContext, ids: number[]): Map<number, string> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  return new Map(ctx.database().db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

export function planItemView(row: PlanItemRow): GuidancePlanItemView {
  return {
    id: row.id, sessionId: row.sessionId, description: row.description, owner: row.owner, ownerLabel: labelOf(PLAN_ITEM_OWNERS, row.owner),
    dueOn: row.dueOn, status: row.status, statusLabel: labelOf(PLAN_ITEM_STATUSES, row.status), doneOn: row.doneOn, version: row.version,
  };
}

export function referralViews(ctx: ServiceContext, rows: ReferralRow[]): GuidanceReferralView[] {
  const { db } = ctx.database();
  const vacancyIds = [...new Set(rows.map((r) => r.vacancyId).filter((id): id is number => id !== null))];
  const posts = new Map(
    vacancyIds.length === 0
      ? []
      : db
          .select({ id: vacancies.id, title: vacancies.title, enterpriseId: enterprises.id, enterpriseName: enterprises.name })
          .from(vacancies)
          .innerJoin(enterprises, eq(enterprises.id, vacancies.enterpriseId))
          .where(inArray(vacancies.id, vacancyIds))
          .all()
          .map((v) => [v.id, v]),
  );
  const names = userNames(ctx, rows.map((r) => r.counselorUserId));
  return rows.map((r) => {
    const post = r.vacancyId === null ? undefined : posts.get(r.vacancyId);
    return {
      id: r.id, personId: r.personId, sessionId: r.sessionId, counselorUserId: r.counselorUserId, counselorName: names.get(r.counselorUserId) ?? '',
      kind: r.kind, kindLabel: referralKindLabel(r.kind), vacancyId: r.vacancyId, vacancyTitle: post?.title ?? null,
      enterpriseId: post?.enterpriseId ?? null, enterpriseName: post?.enterpriseName ?? null,
      target: post ? `${post.enterpriseName} · ${post.title}` : (r.targetName ?? ''),
      referredOn: r.referredOn, state: r.state, stateLabel: referralStateLabel(r.state), stateOn: r.stateOn,
      nextStates: nextReferralStates(r.kind, r.state).map((code) => ({ code, label: referralStateLabel(code) })),
      note: r.note, outcomeNote: r.outcomeNote, subsidyCode: r.subsidyCode, caseId: r.caseId, version: r.version,
    };
  });
}

export function followUpViews(ctx: ServiceContext, rows: FollowUpRow[]): GuidanceFollowUpView[] {
  const { db } = ctx.database();
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const people = new Map(personIds.length === 0 ? [] : db.select({ id: persons.id, name: persons.name, phone: persons.phone }).from(persons).where(inArray(persons.id, personIds)).all().map((p) => [p.id, p]));
  const names = userNames(ctx, rows.map((r) => r.counselorUserId));
  const referralIds = rows.map((r) => r.referralId).filter((id): id is number => id !== null);
  const referrals = new Map(referralIds.length === 0 ? [] : referralViews(ctx, db.select().from(guidanceReferrals).where(inArray(guidanceReferrals.id, referralIds)).all()).map((r) => [r.id, r]));
  const planIds = rows.map((r) => r.planItemId).filter((id): id is number => id !== null);
  const plans = new Map(planIds.length === 0 ? [] : db.select({ id: guidancePlanItems.id, d: guidancePlanItems.description }).from(guidancePlanItems).where(inArray(guidancePlanItems.id, planIds)).all().map((p) => [p.id, p.d]));
  const sessionIds = rows.map((r) => r.sessionId).filter((id): id is number => id !== null);
  const sessions = new Map(sessionIds.length === 0 ? [] : db.select({ id: guidanceSessions.id, d: guidanceSessions.sessionDate }).from(guidanceSessions).where(inArray(guidanceSessions.id, sessionIds)).all().map((s) => [s.id, s.d]));
  return rows.map((r) => {
    const person = people.get(r.personId);
    const referral = r.referralId === null ? undefined : referrals.get(r.referralId);
    const about =
      r.reason === 'referral' && referral ? `${referral.kindLabel}：${referral.target}（${referral.stateLabel}）`
      : r.reason === 'plan_item' && r.planItemId !== null ? `计划：${plans.get(r.planItemId) ?? ''}`
      : r.reason === 'session' && r.sessionId !== null ? `${sessions.get(r.sessionId) ?? ''}的职业指导`
      : null;
    return {
      id: r.id, personId: r.personId, personName: person?.name ?? '', phoneMasked: person?.phone ? maskPhone(person.phone) : null,
      counselorUserId: r.counselorUserId, counselorName: names.get(r.counselorUserId) ?? '', reason: r.reason, reasonLabel: followUpReasonLabel(r.reason), about,
      scheduledOn: r.scheduledOn, dueOn: r.dueOn, status: r.status, statusLabel: labelOf(FOLLOW_UP_STATUSES, r.status),
      standing: r.status === 'due' ? followUpStanding(r.dueOn, ctx.today) : null, doneOn: r.doneOn, note: r.note, version: r.version,
    };
  });
}

/** The person's latest session or referral day: a follow-up set by hand cannot be before it. */
export function latestServiceOn(ctx: ServiceContext, personId: number): string | null {
  const { db } = ctx.database();
  const s = db.select({ d: sql<string | null>`max(${guidanceSessions.sessionDate})` }).from(guidanceSessions).where(eq(guidanceSessions.personId, personId)).get()?.d ?? null;
  const r = db.select({ d: sql<string | null>`max(${guidanceReferrals.referredOn})` }).from(guidanceReferrals).where(eq(guidanceReferrals.personId, personId)).get()?.d ?? null;
  return s === null ? r : r === null ? s : s > r ? s : r;
}
