import type { GuidanceProfile, ParsedInputOf } from '../../shared/contract';
import { KEY_GROUP_LABELS, type KeyGroupCode } from '../../shared/domain/key-groups';
import { EMPLOYMENT_STATUS_LABELS } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { cachedStatement } from '../statements';
import { registrationInForce } from './registrations';

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** One read per part of the picture, each by the person's index. */
const SQL = {
  person: 'select id, employment_status as status from persons where id = ?',
  keyGroups: 'select code from person_key_groups where person_id = ? and (until is null or until >= ?) order by code',
  services: `select '职业指导' as label, count(*) as n, null as good from guidance_sessions where person_id = @id
    union all select '推荐', count(*), sum(state in ('hired', 'taken_up')) from guidance_referrals where person_id = @id
    union all select '招聘会', count(*), null from fair_attendances where person_id = @id
    union all select '团体指导活动', count(*), null from guidance_event_attendances where person_id = @id
    union all select '职业培训', count(*), sum(status = 'completed') from training_enrolments where person_id = @id`,
  policies: `select e.policy_code as code, coalesce(c.label, e.policy_code) as name, sum(e.amount_fen) as amountFen, min(e.period_from) as periodFrom, max(e.period_to) as periodTo
    from payment_entitlements e left join code_entries c on c.table_code = 'subsidy_catalogue' and c.code = e.policy_code
    where e.beneficiary_person_id = ? group by e.policy_code order by min(e.period_from)`,
  findings: `select count(*) as n from policy_findings where subject_type = 'person' and subject_id = ? and status in ('open', 'contacted')`,
  openPlanItems: `select i.description, i.due_on as dueOn from guidance_plan_items i join guidance_sessions s on s.id = i.session_id
    where s.person_id = ? and i.status = 'open' order by i.due_on limit 5`,
  openPlanItemsTotal: `select count(*) as n from guidance_plan_items i join guidance_sessions s on s.id = i.session_id where s.person_id = ? and i.status = 'open'`,
  // Follow-ups an outcome or a closed plan item settled were no call: only those recorded as a 回访 count.
  lastContact: `select on_day as onDay, what from (
      select contact_date as on_day, '联系记录' as what, 3 as rank from person_contacts where person_id = @id
      union all select session_date, '职业指导', 2 from guidance_sessions where person_id = @id
      union all select done_on, '回访', 4 from guidance_follow_ups where person_id = @id and status = 'done' and done_on is not null
        and note not like '推荐结果%' and note not like '计划事项%'
      union all select e.event_date, '团体指导活动', 1 from guidance_event_attendances a join guidance_events e on e.id = a.event_id where a.person_id = @id
    ) order by on_day desc, rank limit 1`,
};

/** 画像: where the person stands, from one read — groups, registration, services and outcomes, policies, open plan items, last contact. */
export function profile(ctx: ServiceContext, input: ParsedInputOf<'guidance.profile'>): GuidanceProfile {
  const { sqlite } = ctx.database();
  const person = cachedStatement(sqlite, SQL.person).get(input.personId) as { id: number; status: keyof typeof EMPLOYMENT_STATUS_LABELS } | undefined;
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.personId} 的人员档案`);
  const keyGroups = (cachedStatement(sqlite, SQL.keyGroups).all(person.id, ctx.today) as { code: KeyGroupCode }[]).map((g) => KEY_GROUP_LABELS[g.code] ?? g.code);
  const registration = registrationInForce(ctx, person.id);
  const since = registration ? (registration.acceptedOn ?? registration.createdAt.slice(0, 10)) : null;
  const services = (cachedStatement(sqlite, SQL.services).all({ id: person.id }) as { label: string; n: number; good: number | null }[])
    .filter((s) => s.n > 0)
    .map((s) => ({ label: s.label, count: s.n, outcome: s.good === null ? null : s.label === '推荐' ? `录用/已参加 ${s.good}` : `结业 ${s.good}` }));
  const policies = cachedStatement(sqlite, SQL.policies).all(person.id) as GuidanceProfile['policies'];
  const last = cachedStatement(sqlite, SQL.lastContact).get({ id: person.id }) as { onDay: string; what: string } | undefined;
  return {
    personId: person.id,
    keyGroups,
    employmentStatus: EMPLOYMENT_STATUS_LABELS[person.status] ?? person.status,
    registration: since === null ? null : { since, days: daysBetween(since, ctx.today) },
    services,
    policies,
    openFindings: (cachedStatement(sqlite, SQL.findings).get(person.id) as { n: number }).n,
    openPlanItems: cachedStatement(sqlite, SQL.openPlanItems).all(person.id) as GuidanceProfile['openPlanItems'],
    openPlanItemsTotal: (cachedStatement(sqlite, SQL.openPlanItemsTotal).get(person.id) as { n: number }).n,
    lastContact: last ? { on: last.onDay, what: last.what, daysAgo: daysBetween(last.onDay, ctx.today) } : null,
  };
}
