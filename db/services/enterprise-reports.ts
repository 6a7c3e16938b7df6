import { and, between, count, countDistinct, desc, eq, gt, gte, inArray, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { EnterpriseTimelineSection, ParsedInputOf } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { formatFenAsYuan } from '../../shared/domain/case-types';
import { STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import { OCCUPATION_GROUPS, VISIT_KINDS, VISIT_MODES, VACANCY_STATUSES, labelOf } from '../../shared/domain/enterprise-codes';
import { formatSalaryRange } from '../../shared/domain/money';
import { monthsBefore, quarterOf, vacancyStatusOn } from '../../shared/domain/vacancy';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import {
  cases, difficultyTypes, enterpriseHeadcounts, enterpriseHiringPlans, enterprises, enterpriseVisitDifficulties, enterpriseVisits, enterpriseVisitStaff, persons, users, vacancies,
} from '../schema';
import { codeLabel } from './case-checks';
import { formValue } from './case-view';
import { requireEnterprise } from './enterprise-view';
import { visitView } from './enterprise-visits';
import { enterpriseFairEvents } from './fair-attendances';
import { enterpriseReferralEvents } from './guidance-timeline';
import { enterpriseStartupEvents } from './startups';
import { divisionNames } from './person-view';

/**
 * The employer's timeline: visits, vacancies, the people counselors referred
 * to them with the answer, hires registered through 就业登记
 * (matched by the credit code on the approved form), the subsidies it applied
 * for (补贴申请 with the enterprise as applicant, in any state), and the fairs it
 * took part in.
 */
export function timeline(ctx: ServiceContext, input: ParsedInputOf<'enterprises.timeline'>): EnterpriseTimelineSection[] {
  const { db } = ctx.database();
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
    ? db
        .select({ id: cases.id, at: cases.decidedAt, name: persons.name, idNumber: persons.idNumber, startDate: formValue<string>('startDate'), actor: users.displayName })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .leftJoin(users, eq(users.id, cases.decidedBy))
        .where(and(eq(cases.caseType, 'employment_registration'), eq(cases.state, 'approved'), eq(sql`upper(${formValue('employerCreditCode')})`, enterprise.creditCode)))
        .orderBy(desc(cases.decidedAt))
        .all()
    : [];
  // An approved case was decided.
  const hireEvents = hires.map((h) => ({ at: h.at!, title: `就业登记：${h.name}（${maskIdNumber(h.idNumber)}）`, detail: h.startDate ? `就业日期 ${h.startDate}` : null, actor: h.actor, link: `/cases/${h.id}` }));
  return [
    { kind: 'visits', label: '走访与用工调查', events: visitEvents, pending: null },
    { kind: 'vacancies', label: '岗位', events: vacancyEvents, pending: null },
    { kind: 'referrals', label: '推荐人员（职业指导）', events: enterpriseReferralEvents(ctx, enterprise.id), pending: null },
    { kind: 'hires', label: '招用人员（就业登记）', events: hireEvents, pending: enterprise.creditCode ? null : '没有统一社会信用代码的企业无法匹配就业登记' },
    { kind: 'subsidies', label: '补贴申请', events: subsidyEvents(ctx, enterprise.id), pending: null },
    { kind: 'fairs', label: '参加招聘会', events: enterpriseFairEvents(ctx, enterprise.id), pending: null },
    { kind: 'startups', label: '创业（创办人与创业担保贷款）', events: enterpriseStartupEvents(ctx, enterprise.id), pending: null },
  ];
}

/** The enterprise's own subsidy applications, newest first: what, how much, where it stands. */
function subsidyEvents(ctx: ServiceContext, enterpriseId: number): EnterpriseTimelineSection['events'] {
  const rows = ctx
    .database()
    .db.select({
      id: cases.id, receiptNo: cases.receiptNo, state: sql<CaseState>`${cases.state}`, itemCode: cases.itemCode, createdAt: cases.createdAt, acceptedOn: cases.acceptedOn,
      amountFen: formValue<string>('requestedAmountFen'), caseType: cases.caseType, actor: users.displayName,
      // 培训补贴: the class claimed for, and once approved what its qualified trainees came to.
      paidFen: sql<number | null>`(select sum(t.amount_fen) from training_claim_trainees t where t.case_id = ${cases.id})`,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.preparedBy))
    .where(and(eq(cases.enterpriseId, enterpriseId), inArray(cases.caseType, ['subsidy_application', 'training_subsidy_claim'])))
    .orderBy(desc(cases.id))
    .all();
  return rows.map((r) => ({
    at: r.acceptedOn ?? r.createdAt.slice(0, 10),
    title: r.caseType === 'training_subsidy_claim' ? `职业培训补贴申领：期次${r.itemCode}（${STATE_LABELS[r.state]}）` : `${codeLabel(ctx, 'subsidy_catalogue', r.itemCode)}（${STATE_LABELS[r.state]}）`,
    detail: [
      r.receiptNo ? `编号 ${r.receiptNo}` : '草稿', r.amountFen && /^\d+$/.test(r.amountFen) ? `申请金额 ${formatFenAsYuan(Number(r.amountFen))} 元` : null,
      r.paidFen ? `核定补贴 ${formatFenAsYuan(r.paidFen)} 元` : null,
    ].filter(Boolean).join('；'),
    actor: r.actor,
    link: `/cases/${r.id}`,
  }));
}

export function notVisited(ctx: ServiceContext, input: ParsedInputOf<'enterprises.notVisited'>) {
  const since = monthsBefore(ctx.today, input.months);
  const names = divisionNames(ctx);
  const { db } = ctx.database();
  const lastVisit = db.select({ on: max(enterpriseVisits.visitDate) }).from(enterpriseVisits).where(and(eq(enterpriseVisits.enterpriseId, enterprises.id), isNull(enterpriseVisits.cancelledAt)));
  const latestHeadcount = db
    .select({ n: enterpriseHeadcounts.insuredCount })
    .from(enterpriseHeadcounts)
    .where(eq(enterpriseHeadcounts.enterpriseId, enterprises.id))
    .orderBy(desc(enterpriseHeadcounts.asOf), desc(enterpriseHeadcounts.id))
    .limit(1);
  const lastVisitDate = sql<string | null>`(${lastVisit})`.as('lastVisitDate');
  const rows = db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, townshipCode: enterprises.townshipCode, lastVisitDate, insuredCount: sql<number | null>`(${latestHeadcount})` })
    .from(enterprises)
    .where(and(eq(enterprises.status, 'active'), input.townshipCode ? eq(enterprises.townshipCode, input.townshipCode) : undefined, lt(sql`coalesce((${lastVisit}), '')`, since)))
    .orderBy((row) => [sql`${row.lastVisitDate} is not null`, row.lastVisitDate, enterprises.name])
    .limit(2000)
    .all();
  return { since, items: rows.map(({ townshipCode, ...r }) => ({ ...r, townshipName: townshipCode ? (names.get(townshipCode) ?? null) : null })) };
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw new AppError('BAD_INPUT', '结束日期不能早于开始日期', { fields: { to: '不能早于开始日期' } });
}

export function visitsByStaff(ctx: ServiceContext, input: ParsedInputOf<'enterprises.visitsByStaff'>) {
  checkPeriod(input.from, input.to);
  const month = sql<string>`substr(${enterpriseVisits.visitDate}, 1, 7)`.as('month');
  return ctx
    .database()
    .db.select({
      userId: users.id, displayName: users.displayName, month,
      visits: sql<number>`sum(${enterpriseVisits.kind} = 'visit')`, surveys: sql<number>`sum(${enterpriseVisits.kind} = 'survey')`,
    })
    .from(enterpriseVisits)
    .innerJoin(enterpriseVisitStaff, eq(enterpriseVisitStaff.visitId, enterpriseVisits.id))
    .innerJoin(users, eq(users.id, enterpriseVisitStaff.userId))
    .where(and(isNull(enterpriseVisits.cancelledAt), between(enterpriseVisits.visitDate, input.from, input.to)))
    .groupBy((row) => [users.id, row.month])
    .orderBy((row) => [users.displayName, row.month])
    .all();
}

/** Open vacancies today, and planned openings of this quarter and later, by 职业大类. */
export function hiringDemand(ctx: ServiceContext) {
  const { db } = ctx.database();
  // 职业大类: the first character of the occupation code.
  const groupOf = (code: typeof vacancies.occupationCode | typeof enterpriseHiringPlans.occupationCode) => sql<string>`substr(${code}, 1, 1)`.as('g');
  const open = new Map(
    db
      .select({ g: groupOf(vacancies.occupationCode), n: count(), openings: sql<number>`sum(${vacancies.openings})` })
      .from(vacancies)
      .where(and(eq(vacancies.status, 'open'), gte(vacancies.validTo, ctx.today)))
      .groupBy((row) => row.g)
      .all()
      .map((r) => [r.g, r]),
  );
  const planned = new Map(
    db
      .select({ g: groupOf(enterpriseHiringPlans.occupationCode), openings: sql<number>`sum(${enterpriseHiringPlans.openings})` })
      .from(enterpriseHiringPlans)
      .innerJoin(enterpriseVisits, eq(enterpriseVisits.id, enterpriseHiringPlans.visitId))
      .where(and(isNull(enterpriseVisits.cancelledAt), gte(enterpriseHiringPlans.quarter, quarterOf(ctx.today))))
      .groupBy((row) => row.g)
      .all()
      .map((r) => [r.g, r.openings]),
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
  const visits = count(enterpriseVisits.id);
  return ctx
    .database()
    .db.select({ code: difficultyTypes.code, label: difficultyTypes.label, visits, enterprises: countDistinct(enterpriseVisits.enterpriseId) })
    .from(difficultyTypes)
    .leftJoin(enterpriseVisitDifficulties, eq(enterpriseVisitDifficulties.code, difficultyTypes.code))
    .leftJoin(enterpriseVisits, and(eq(enterpriseVisits.id, enterpriseVisitDifficulties.visitId), isNull(enterpriseVisits.cancelledAt), between(enterpriseVisits.visitDate, input.from, input.to)))
    .groupBy(difficultyTypes.code)
    // Retired types stay listed while visits in the period named them.
    .having(or(eq(difficultyTypes.active, true), gt(visits, 0)))
    .orderBy(desc(visits), difficultyTypes.sortOrder)
    .all();
}

