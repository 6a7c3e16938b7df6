import { desc, eq } from 'drizzle-orm';
import type { EnterpriseTimelineSection } from '../../shared/contract';
import type { TimelineSection } from '../../shared/contract';
import { GUIDANCE_MODES, labelOf, referralStateLabel } from '../../shared/domain/guidance';
import { maskIdNumber } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { codeEntries, guidancePlanItems, guidanceReferrals, guidanceSessions, persons, users, vacancies } from '../schema';
import { referralViews } from './guidance-records';

/**
 * The person's guidance on the profile's timeline, beside the 联系记录: each
 * session under 联系与职业指导, each referral with where it stands under 岗位推荐.
 * Notes stay on the guidance tab; the timeline names topics and outcomes.
 */
export function guidanceSessionEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const { db } = ctx.database();
  const topics = new Map(db.select({ code: codeEntries.code, label: codeEntries.label }).from(codeEntries).where(eq(codeEntries.tableCode, 'guidance_topics')).all().map((t) => [t.code, t.label]));
  return db
    .select({ s: guidanceSessions, actor: users.displayName })
    .from(guidanceSessions)
    .leftJoin(users, eq(users.id, guidanceSessions.counselorUserId))
    .where(eq(guidanceSessions.personId, personId))
    .orderBy(desc(guidanceSessions.sessionDate), desc(guidanceSessions.id))
    .limit(50)
    .all()
    .map(({ s, actor }) => {
      const plan = db.select({ id: guidancePlanItems.id }).from(guidancePlanItems).where(eq(guidancePlanItems.sessionId, s.id)).all().length;
      return {
        at: s.createdAt,
        title: `职业指导（${labelOf(GUIDANCE_MODES, s.mode)}，${s.sessionDate}，${s.durationMinutes}分钟）`,
        detail: [(JSON.parse(s.topics) as string[]).map((t) => topics.get(t) ?? t).join('、'), plan > 0 ? `行动计划${plan}项` : null].filter(Boolean).join(' · '),
        actor,
      };
    });
}

export function guidanceReferralEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const rows = ctx.database().db.select().from(guidanceReferrals).where(eq(guidanceReferrals.personId, personId)).orderBy(desc(guidanceReferrals.referredOn), desc(guidanceReferrals.id)).limit(50).all();
  const updatedAt = new Map(rows.map((r) => [r.id, r.updatedAt]));
  return referralViews(ctx, rows).map((r) => ({
    // When it last moved: an outcome recorded today comes first.
    at: updatedAt.get(r.id)!,
    title: `${r.kindLabel}：${r.target} → ${r.stateLabel}（${r.stateOn}）`,
    detail: r.outcomeNote ?? r.note,
    actor: r.counselorName || null,
  }));
}

/** The people counselors referred to the enterprise's vacancies, with the employer's answer (the enterprise's timeline). */
export function enterpriseReferralEvents(ctx: ServiceContext, enterpriseId: number): EnterpriseTimelineSection['events'] {
  return ctx
    .database()
    .db.select({ r: guidanceReferrals, title: vacancies.title, name: persons.name, idNumber: persons.idNumber, actor: users.displayName })
    .from(vacancies)
    .innerJoin(guidanceReferrals, eq(guidanceReferrals.vacancyId, vacancies.id))
    .innerJoin(persons, eq(persons.id, guidanceReferrals.personId))
    .leftJoin(users, eq(users.id, guidanceReferrals.counselorUserId))
    .where(eq(vacancies.enterpriseId, enterpriseId))
    .orderBy(desc(guidanceReferrals.stateOn), desc(guidanceReferrals.id))
    .limit(200)
    .all()
    .map(({ r, title, name, idNumber, actor }) => ({
      at: r.stateOn,
      title: `推荐${name}（${maskIdNumber(idNumber)}）应聘${title}：${referralStateLabel(r.state)}`,
      detail: r.outcomeNote ?? (r.state === 'referred' ? `${r.referredOn}推荐，等待单位答复` : null),
      actor,
      link: `/persons/${r.personId}`,
    }));
}
