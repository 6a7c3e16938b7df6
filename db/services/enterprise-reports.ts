import { desc, eq } from 'drizzle-orm';
import type { EnterpriseTimelineSection, ParsedInputOf } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { formatFenAsYuan } from '../../shared/domain/matter-types';
import { STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import { OCCUPATION_GROUPS, VISIT_KINDS, VISIT_MODES, VACANCY_STATUSES, labelOf } from '../../shared/domain/enterprise-codes';
import { formatSalaryRange } from '../../shared/domain/money';
import { monthsBefore, quarterOf, vacancyStatusOn } from '../../shared/domain/vacancy';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { enterpriseVisits, users, vacancies } from '../schema';
import { codeLabel } from './case-checks';
import { requireEnterprise } from './enterprise-view';
import { visitView } from './enterprise-visits';
import { enterpriseFairEvents } from './fair-attendances';
import { divisionNames } from './person-view';

/**
 * The employer's timeline: visits, vacancies, hires registered through 就业登记
 * (matched by the credit code on the approved form), the subsidies it applied
 * for (补贴申请 with the enterprise as applicant, in any state), and the fairs it
 * took part in.
 */
export function timeline(ctx: ServiceContext, input: ParsedInputOf<'enterprises.timeline'>): EnterpriseTimelineSection[] {
  const { db, sqlite } = ctx.database();
  const enterprise = requireEnterprise(ctx, input.id);
  const visitRows = db.select().from(enterpriseVisits).where(eq(enterpriseVisits.enterpriseId, enterprise.id)).orderBy(desc(enterpriseVisits.visitDate), desc(enterpriseVisits.id)).all();
  const visitEvents = visitRows.map((row) => {
    const v = visitView(ctx, row);
    const parts = [
      v.difficulties.length ? `困难：${v.difficulties.map((d) => d.label).join('、')}` : null,
      v.hiringPlan.length ? `用工计划 ${v.hiringPlan.reduce((n, l) => n + l.openings, 0)} 人` : null,
      v.cancelledAt ? `已作废：${v.cancelReason ?? ''}` : null,
    ].filter(Boolean);
    return {
      at: v.visitDate,
      title: `${labelOf(VISIT_KINDS, v.kind)}（${labelOf(VISIT_MODES, v.mode)}）${v.survey ? ` ${v.survey.quarter}` : ''}`,
      detail: parts.join('；') || null,
      actor: v.staff.map((s) => s.name).join('、') || null,
      link: `/enterprises/visits/${v.id}`,
    };
  });
  const vacancyEvents = db
    .select({ v: vacancies, by: users.displayName })
    .from(vacancies)
    .leftJoin(users, eq(users.id, vacancies.createdBy))
    .where(eq(vacancies.enterpriseId, enterprise.id))
    .orderBy(desc(vacancies.validFrom), desc(vacancies.id))
    .all()
    .map(({ v, by }) => ({
      at: v.validFrom,
      title: `岗位：${v.title} ${v.openings}人`,
      detail: `${formatSalaryRange(v.salaryMinFen, v.salaryMaxFen)}；${v.validFrom} 至 ${v.validTo}；${labelOf(VACANCY_STATUSES, vacancyStatusOn(v.status, v.validTo, ctx.today))}`,
      actor: by,
      link: null,
    }));
  const hires = enterprise.creditCode
    ? (sqlite
        .prepare(
          `select c.id, c.decided_at as at, p.name, p.id_number as idNumber, json_extract(c.form, '$.startDate') as startDate, u.display_name as actor
           from cases c join persons p on p.id = c.person_id left join users u on u.id = c.decided_by
           where c.matter_type = 'employment_registration' and c.state = 'approved' and upper(json_extract(c.form, '$.employerCreditCode')) = ?
           order by c.decided_at desc`,
        )
        .all(enterprise.creditCode) as { id: number; at: string; name: string; idNumber: string; startDate: string | null; actor: string | null }[])
    : [];
  const hireEvents = hires.map((h) => ({ at: h.at, title: `就业登记：${h.name}（${maskIdNumber(h.idNumber)}）`, detail: h.startDate ? `就业日期 ${h.startDate}` : null, actor: h.actor, link: `/cases/${h.id}` }));
  return [
    { kind: 'visits', label: '走访与用工调查', events: visitEvents, pending: null },
    { kind: 'vacancies', label: '岗位', events: vacancyEvents, pending: null },
    { kind: 'hires', label: '招用人员（就业登记）', events: hireEvents, pending: enterprise.creditCode ? null : '没有统一社会信用代码的企业无法匹配就业登记' },
    { kind: 'subsidies', label: '补贴申请', events: subsidyEvents(ctx, enterprise.id), pending: null },
    { kind: 'fairs', label: '参加招聘会', events: enterpriseFairEvents(ctx, enterprise.id), pending: null },
  ];
}

/** The enterprise's own subsidy applications, newest first: what, how much, where it stands. */
function subsidyEvents(ctx: ServiceContext, enterpriseId: number): EnterpriseTimelineSection['events'] {
  const rows = ctx
    .database()
    .sqlite.prepare(
      `select c.id, c.receipt_no as receiptNo, c.state, c.item_code as itemCode, c.created_at as createdAt, c.accepted_on as acceptedOn,
         json_extract(c.form, '$.requestedAmountFen') as amountFen, u.display_name as actor
       from cases c left join users u on u.id = c.prepared_by
       where c.enterprise_id = ? and c.matter_type = 'subsidy_application' order by c.id desc`,
    )
    .all(enterpriseId) as { id: number; receiptNo: string | null; state: CaseState; itemCode: string; createdAt: string; acceptedOn: string | null; amountFen: string | null; actor: string | null }[];
  return rows.map((r) => ({
    at: r.acceptedOn ?? r.createdAt.slice(0, 10),
    title: `${codeLabel(ctx, 'subsidy_catalogue', r.itemCode)}（${STATE_LABELS[r.state]}）`,
    detail: [r.receiptNo ? `编号 ${r.receiptNo}` : '草稿', r.amountFen && /^\d+$/.test(r.amountFen) ? `申请金额 ${formatFenAsYuan(Number(r.amountFen))} 元` : null].filter(Boolean).join('；'),
    actor: r.actor,
    link: `/cases/${r.id}`,
  }));
}

export function notVisited(ctx: ServiceContext, input: ParsedInputOf<'enterprises.notVisited'>) {
  const since = monthsBefore(ctx.today, input.months);
  const names = divisionNames(ctx);
  const rows = ctx
    .database()
    .sqlite.prepare(
      `select e.id, e.name, e.credit_code as creditCode, e.township_code as townshipCode,
         (select max(v.visit_date) from enterprise_visits v where v.enterprise_id = e.id and v.cancelled_at is null) as lastVisitDate,
         (select h.insured_count from enterprise_headcounts h where h.enterprise_id = e.id order by h.as_of desc, h.id desc limit 1) as insuredCount
       from enterprises e
       where e.status = 'active' and (? is null or e.township_code = ?)
       and coalesce((select max(v.visit_date) from enterprise_visits v where v.enterprise_id = e.id and v.cancelled_at is null), '') < ?
       order by lastVisitDate is not null, lastVisitDate, e.name limit 2000`,
    )
    .all(input.townshipCode ?? null, input.townshipCode ?? null, since) as { id: number; name: string; creditCode: string | null; townshipCode: string | null; lastVisitDate: string | null; insuredCount: number | null }[];
  return { since, items: rows.map(({ townshipCode, ...r }) => ({ ...r, townshipName: townshipCode ? (names.get(townshipCode) ?? null) : null })) };
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw new AppError('BAD_INPUT', '结束日期不能早于开始日期', { fields: { to: '不能早于开始日期' } });
}

export function visitsByStaff(ctx: ServiceContext, input: ParsedInputOf<'enterprises.visitsByStaff'>) {
  checkPeriod(input.from, input.to);
  return ctx
    .database()
    .sqlite.prepare(
      `select u.id as userId, u.display_name as displayName, substr(v.visit_date, 1, 7) as month,
         sum(v.kind = 'visit') as visits, sum(v.kind = 'survey') as surveys
       from enterprise_visits v join enterprise_visit_staff s on s.visit_id = v.id join users u on u.id = s.user_id
       where v.cancelled_at is null and v.visit_date between ? and ?
       group by u.id, month order by u.display_name, month`,
    )
    .all(input.from, input.to) as { userId: number; displayName: string; month: string; visits: number; surveys: number }[];
}

/** Open vacancies today, and planned openings of this quarter and later, by 职业大类. */
export function hiringDemand(ctx: ServiceContext) {
  const { sqlite } = ctx.database();
  const open = new Map(
    (sqlite
      .prepare(`select substr(occupation_code, 1, 1) as g, count(*) as n, sum(openings) as openings from vacancies where status = 'open' and valid_to >= ? group by g`)
      .all(ctx.today) as { g: string; n: number; openings: number }[]).map((r) => [r.g, r]),
  );
  const planned = new Map(
    (sqlite
      .prepare(
        `select substr(p.occupation_code, 1, 1) as g, sum(p.openings) as openings from enterprise_hiring_plans p
         join enterprise_visits v on v.id = p.visit_id where v.cancelled_at is null and p.quarter >= ? group by g`,
      )
      .all(quarterOf(ctx.today)) as { g: string; openings: number }[]).map((r) => [r.g, r.openings]),
  );
  return OCCUPATION_GROUPS.map(([code, label]) => ({
    groupCode: code,
    groupLabel: label,
    openVacancies: open.get(code)?.n ?? 0,
    openings: open.get(code)?.openings ?? 0,
    plannedOpenings: planned.get(code) ?? 0,
  }));
}

export function difficultyTally(ctx: ServiceContext, input: ParsedInputOf<'enterprises.difficultyTally'>) {
  checkPeriod(input.from, input.to);
  return ctx
    .database()
    .sqlite.prepare(
      `select t.code, t.label, count(v.id) as visits, count(distinct v.enterprise_id) as enterprises
       from difficulty_types t
       left join enterprise_visit_difficulties d on d.code = t.code
       left join enterprise_visits v on v.id = d.visit_id and v.cancelled_at is null and v.visit_date between ? and ?
       group by t.code having t.active or count(v.id) > 0
       order by visits desc, t.sort_order`,
    )
    .all(input.from, input.to) as { code: string; label: string; visits: number; enterprises: number }[];
}

