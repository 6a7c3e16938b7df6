import type { ParsedInputOf, RatedServiceView, SatisfactionRatingView, SatisfactionSummary } from '../../shared/contract';
import { labelOf } from '../../shared/domain/enterprise-codes';
import { GUIDANCE_MODES } from '../../shared/domain/guidance';
import { CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import { formatFen } from '../../shared/domain/money';
import {
  RATING_WORDS, SATISFACTION_CHANNELS, SATISFACTION_SERVICE_TYPES, ratingMonth, tallyRatings, type SatisfactionServiceType,
} from '../../shared/domain/satisfaction';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { satisfactionRatings } from '../schema';
import { cachedStatement } from '../statements';
import { createdStamps } from './row-stamps';

/** One service as found in its own table: who was served, by whom, when, and what it was. */
interface ServiceFacts {
  personId: number | null;
  personName: string | null;
  staffUserId: number | null;
  servedOn: string;
  detail: string;
}

/**
 * Where each kind of service is found. The staff member is the one who served:
 * the window clerk who accepted (else prepared) the case, the session's counselor,
 * the colleague at the fair's door, the payment's preparer.
 */
const SERVICE_SQL: Record<SatisfactionServiceType, string> = {
  window_case: `select c.person_id as personId, p.name as personName, coalesce(c.accepted_by, c.prepared_by) as staffUserId,
      coalesce(c.accepted_on, substr(c.created_at, 1, 10)) as servedOn, c.case_type || '|' || coalesce(c.receipt_no, '') as detail
    from cases c left join persons p on p.id = c.person_id where c.id = ?`,
  guidance_session: `select s.person_id as personId, p.name as personName, s.counselor_user_id as staffUserId, s.session_date as servedOn,
      s.mode || '|' || s.duration_minutes as detail
    from guidance_sessions s join persons p on p.id = s.person_id where s.id = ?`,
  fair_attendance: `select a.person_id as personId, p.name as personName, a.created_by as staffUserId, substr(a.checked_in_at, 1, 10) as servedOn, f.name as detail
    from fair_attendances a join persons p on p.id = a.person_id join fairs f on f.id = a.fair_id where a.id = ?`,
  payment: `select e.beneficiary_person_id as personId, p.name as personName, e.created_by as staffUserId, substr(e.created_at, 1, 10) as servedOn,
      e.policy_code || '|' || e.amount_fen as detail
    from payment_entitlements e left join persons p on p.id = e.beneficiary_person_id where e.id = ?`,
};

function describe(type: SatisfactionServiceType, detail: string): string {
  const [a, b] = detail.split('|');
  switch (type) {
    case 'window_case': return `${CASE_TYPES[a as CaseTypeCode]?.label ?? a}${b ? `（受理编号 ${b}）` : ''}`;
    case 'guidance_session': return `职业指导（${labelOf(GUIDANCE_MODES, a)}，${b}分钟）`;
    case 'fair_attendance': return `参加招聘会：${detail}`;
    case 'payment': return `补贴发放（${formatFen(Number(b))}）`;
  }
}

function maskName(name: string): string {
  return name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 3))}`;
}

function staffNames(ctx: ServiceContext): Map<number, string> {
  const rows = cachedStatement(ctx.database().sqlite, 'select id, display_name as name from users').all() as Array<{ id: number; name: string }>;
  return new Map(rows.map((u) => [u.id, u.name]));
}

function findService(ctx: ServiceContext, type: SatisfactionServiceType, id: number): ServiceFacts {
  const facts = cachedStatement(ctx.database().sqlite, SERVICE_SQL[type]).get(id) as ServiceFacts | undefined;
  const label = labelOf(SATISFACTION_SERVICE_TYPES, type);
  if (!facts) throw fieldError('serviceId', `没有这项${label}服务记录`, '服务');
  if (facts.personId === null) throw fieldError('serviceId', `这项${label}的服务对象不是个人（单位申请的业务不在群众评价之列）`, '服务');
  return facts;
}

type RatingRow = typeof satisfactionRatings.$inferSelect;

function ratingViews(ctx: ServiceContext, rows: RatingRow[]): SatisfactionRatingView[] {
  const names = staffNames(ctx);
  return rows.map((r) => {
    const facts = cachedStatement(ctx.database().sqlite, SERVICE_SQL[r.serviceType]).get(r.serviceId) as ServiceFacts | undefined;
    return {
      id: r.id, serviceType: r.serviceType, serviceTypeLabel: labelOf(SATISFACTION_SERVICE_TYPES, r.serviceType), serviceId: r.serviceId,
      what: facts ? describe(r.serviceType, facts.detail) : '', personId: r.personId, staffUserId: r.staffUserId,
      staffName: r.staffUserId === null ? null : (names.get(r.staffUserId) ?? null), rating: r.rating, ratingWord: RATING_WORDS[r.rating] ?? '',
      comment: r.comment, channel: r.channel, channelLabel: labelOf(SATISFACTION_CHANNELS, r.channel), ratedOn: r.ratedOn,
    };
  });
}

/** What the rating screen shows before the citizen taps: the service, who served, and whether it is rated already. */
export function service(ctx: ServiceContext, input: ParsedInputOf<'satisfaction.service'>): RatedServiceView {
  const facts = findService(ctx, input.serviceType, input.serviceId);
  const existing = cachedStatement(ctx.database().sqlite, 'select rating from satisfaction_ratings where service_type = ? and service_id = ?').get(input.serviceType, input.serviceId) as { rating: number } | undefined;
  return {
    serviceType: input.serviceType, serviceTypeLabel: labelOf(SATISFACTION_SERVICE_TYPES, input.serviceType), serviceId: input.serviceId,
    what: describe(input.serviceType, facts.detail), servedOn: facts.servedOn, personId: facts.personId!, personNameMasked: maskName(facts.personName ?? ''),
    staffUserId: facts.staffUserId, staffName: facts.staffUserId === null ? null : (staffNames(ctx).get(facts.staffUserId) ?? null), rating: existing?.rating ?? null,
  };
}

/** 记录满意度评价: one per service, linked to the person served and the staff member who served. */
export function rate(ctx: ServiceContext, input: ParsedInputOf<'satisfaction.rate'>): SatisfactionRatingView {
  const actor = requireAccount(ctx, '记录评价需要以个人账号登录').userId;
  const facts = findService(ctx, input.serviceType, input.serviceId);
  const { db, sqlite } = ctx.database();
  const existing = cachedStatement(sqlite, 'select rated_on as ratedOn from satisfaction_ratings where service_type = ? and service_id = ?').get(input.serviceType, input.serviceId) as { ratedOn: string } | undefined;
  if (existing) throw new AppError('CONFLICT', `这项服务已于 ${existing.ratedOn} 评价过，每项服务只评价一次`);
  if (facts.servedOn > ctx.today) throw fieldError('serviceId', '这项服务还没有发生，不能评价', '服务');
  const row = db
    .insert(satisfactionRatings)
    .values({
      serviceType: input.serviceType, serviceId: input.serviceId, personId: facts.personId!, staffUserId: facts.staffUserId, rating: input.rating,
      comment: input.comment?.trim() || null, channel: input.channel, ratedOn: ctx.today, ...createdStamps(ctx, actor),
    })
    .returning()
    .get();
  // The audit names the act and the score, never the comment (it may name people).
  ctx.audit({ action: 'satisfaction.rate', entityType: 'person', entityId: row.personId, detail: { ratedService: row.serviceType, ratedServiceId: row.serviceId, rating: row.rating, ratingChannel: row.channel } });
  return ratingViews(ctx, [row])[0]!;
}

function previousMonths(today: string, count: number): string {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const back = y * 12 + (m - 1) - (count - 1);
  return `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
}

/** 满意度汇总 for the head: by staff, service type and month over the months asked (the last twelve by default), with the comments. */
export function summary(ctx: ServiceContext, input: ParsedInputOf<'satisfaction.summary'>): SatisfactionSummary {
  const to = input.toMonth ?? ratingMonth(ctx.today);
  const from = input.fromMonth ?? previousMonths(`${to}-01`, 12);
  if (from > to) throw fieldError('fromMonth', '起始月份不能晚于截止月份', '起始月份');
  const sqlite = ctx.database().sqlite;
  const rows = cachedStatement(sqlite, `select id, service_type as serviceType, service_id as serviceId, person_id as personId, staff_user_id as staffUserId, rating, comment,
      channel, rated_on as ratedOn from satisfaction_ratings where rated_on >= ? and rated_on < ? order by rated_on desc, id desc`)
    .all(`${from}-01`, `${to}-32`) as RatingRow[];
  const names = staffNames(ctx);
  const group = <K extends string | number | null>(key: (r: RatingRow) => K) => {
    const groups = new Map<K, number[]>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.rating]);
    return groups;
  };
  const byStaff = [...group((r) => r.staffUserId)].map(([staffUserId, ratings]) => ({ staffUserId, staffName: staffUserId === null ? '（未记录）' : (names.get(staffUserId) ?? ''), ...tallyRatings(ratings) }));
  byStaff.sort((a, b) => b.count - a.count || a.staffName.localeCompare(b.staffName, 'zh-CN'));
  const byServiceType = SATISFACTION_SERVICE_TYPES.map(([serviceType, label]) => ({ serviceType, label, ...tallyRatings(rows.filter((r) => r.serviceType === serviceType).map((r) => r.rating)) }));
  const byMonth = [...group((r) => ratingMonth(r.ratedOn))].map(([month, ratings]) => ({ month, ...tallyRatings(ratings) })).sort((a, b) => a.month.localeCompare(b.month));
  const commented = rows.filter((r) => r.comment !== null || r.rating <= 2).slice(0, 200);
  return { from, to, total: tallyRatings(rows.map((r) => r.rating)), byStaff, byServiceType, byMonth, comments: ratingViews(ctx, commented) };
}
