import { and, asc, count, eq, inArray, lte } from 'drizzle-orm';
import type { CounselorDesk } from '../../shared/contract';
import { REFERRAL_STATES, labelOf, type ReferralState } from '../../shared/domain/guidance';
import { requireAccount, type ServiceContext } from '../context';
import { guidanceFollowUps, guidancePlanItems, guidanceReferrals, guidanceSessions, persons } from '../schema';
import { cachedStatement } from '../statements';
import { followUpViews, planItemView, referralViews } from './guidance-records';

const LIST = 20;
const WAITING: ReferralState[] = ['referred', 'interview'];

/** Registered-unemployed bands by months since the registration was accepted (长期失业 from a year). */
const BANDS: Array<[maxDays: number, label: string]> = [[90, '3个月以内'], [180, '3–6个月'], [365, '6–12个月'], [Infinity, '1年以上']];

const SQL = {
  planItemsTotal: `select count(*) as n from guidance_plan_items i join guidance_sessions s on s.id = i.session_id
    where s.counselor_user_id = ? and i.status = 'open'`,
  // The registered unemployed among the persons she has guided, with the day their registration was accepted.
  caseload: `select p.id, (select max(coalesce(c.accepted_on, substr(c.created_at, 1, 10))) from cases c
        where c.person_id = p.id and c.case_type = 'unemployment_registration' and c.state = 'approved') as since
      from persons p where p.id in (select distinct person_id from guidance_sessions where counselor_user_id = ?)
        and p.employment_status = 'unemployed_registered' and p.merged_into_id is null`,
  outcomes: `select state, count(*) as n from guidance_referrals where counselor_user_id = ? and state_on >= ? and state_on <= ?
      and state in ('hired', 'not_hired', 'taken_up', 'not_taken_up') group by state`,
} as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 我的工作台 for the calling counselor. */
export function desk(ctx: ServiceContext): CounselorDesk {
  const me = requireAccount(ctx, '我的工作台需要以个人账号登录').userId;
  const { db, sqlite } = ctx.database();
  const dueWhere = and(eq(guidanceFollowUps.counselorUserId, me), eq(guidanceFollowUps.status, 'due'), lte(guidanceFollowUps.dueOn, ctx.today));
  const followUps = followUpViews(ctx, db.select().from(guidanceFollowUps).where(dueWhere).orderBy(asc(guidanceFollowUps.dueOn), asc(guidanceFollowUps.id)).limit(LIST).all());
  const followUpsTotal = db.select({ n: count() }).from(guidanceFollowUps).where(dueWhere).get()!.n;

  const planWhere = and(eq(guidanceSessions.counselorUserId, me), eq(guidancePlanItems.status, 'open'));
  const planItems = db
    .select({ item: guidancePlanItems, personId: guidanceSessions.personId, personName: persons.name })
    .from(guidancePlanItems)
    .innerJoin(guidanceSessions, eq(guidanceSessions.id, guidancePlanItems.sessionId))
    .innerJoin(persons, eq(persons.id, guidanceSessions.personId))
    .where(planWhere)
    .orderBy(asc(guidancePlanItems.dueOn), asc(guidancePlanItems.id))
    .limit(LIST)
    .all()
    .map((r) => ({ ...planItemView(r.item), personId: r.personId, personName: r.personName }));
  const planItemsTotal = (cachedStatement(sqlite, SQL.planItemsTotal).get(me) as { n: number }).n;

  const bands = new Map<string, number>(BANDS.map(([, label]) => [label, 0]));
  let unknown = 0;
  for (const { since } of cachedStatement(sqlite, SQL.caseload).all(me) as Array<{ since: string | null }>) {
    if (!since) { unknown += 1; continue; }
    const label = BANDS.find(([max]) => daysBetween(since, ctx.today) < max)![1];
    bands.set(label, bands.get(label)! + 1);
  }
  const caseload = [...bands].map(([band, persons]) => ({ band, persons }));
  if (unknown > 0) caseload.push({ band: '未见失业登记记录', persons: unknown });

  const waitingWhere = and(eq(guidanceReferrals.counselorUserId, me), inArray(guidanceReferrals.state, WAITING));
  const waitingRows = db.select().from(guidanceReferrals).where(waitingWhere).orderBy(asc(guidanceReferrals.referredOn), asc(guidanceReferrals.id)).limit(LIST).all();
  const names = new Map((cachedStatement(sqlite, 'select id, name from persons where id in (select value from json_each(?))').all(JSON.stringify(waitingRows.map((r) => r.personId))) as Array<{ id: number; name: string }>).map((p) => [p.id, p.name]));
  const awaiting = referralViews(ctx, waitingRows).map((r) => ({ ...r, personName: names.get(r.personId) ?? '', waitingDays: daysBetween(r.stateOn, ctx.today) }));
  const awaitingTotal = db.select({ n: count() }).from(guidanceReferrals).where(waitingWhere).get()!.n;

  const monthStart = `${ctx.today.slice(0, 7)}-01`;
  const counts = new Map((cachedStatement(sqlite, SQL.outcomes).all(me, monthStart, ctx.today) as Array<{ state: ReferralState; n: number }>).map((o) => [o.state, o.n]));
  const outcomesThisMonth = (['hired', 'not_hired', 'taken_up', 'not_taken_up'] as const).map((code) => ({ code, label: labelOf(REFERRAL_STATES, code), count: counts.get(code) ?? 0 }));

  return { today: ctx.today, followUps, followUpsTotal, planItems, planItemsTotal, caseload, awaiting, awaitingTotal, outcomesThisMonth };
}
