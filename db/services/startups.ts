import { and, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { BusinessStartDetail, BusinessStartView, ParsedInputOf, StartupJobView, TimelineSection } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { BUSINESS_KINDS, businessStartProblems, labelOfCode } from '../../shared/domain/startups';
import { STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { businessStarts, cases, enterprises, persons, startupLoans, users } from '../schema';
import { formValue } from './case-view';
import { incubationViews, loanViews, mentoringViews } from './startup-loans';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

type StartRow = typeof businessStarts.$inferSelect;

/** The catalogue code of 一次性创业补贴 in the 补贴目录 (a 补贴申请 carries it as its item). */
export const STARTUP_SUBSIDY_CODE = 'startup_one_time';

const LABELS = { personId: '创业者', enterpriseId: '经营主体', startedOn: '创业日期', kind: '创业类型', caseId: '补贴申请' };

/**
 * 带动就业人数: people other than the founder whose 就业登记 at the business's
 * enterprise (matched by the credit code on the approved form, as the
 * employer's timeline does) is approved and not cancelled, with a 就业日期 on
 * or after the start.
 */
function jobsOf(ctx: ServiceContext, start: StartRow, creditCode: string | null): StartupJobView[] {
  if (!creditCode) return [];
  const startDate = formValue<string>('startDate');
  return ctx.database().db
    .select({ caseId: cases.id, name: persons.name, idNumber: persons.idNumber, startDate })
    .from(cases).innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(
      eq(cases.caseType, 'employment_registration'), eq(cases.state, 'approved'), isNull(cases.endedOn),
      eq(sql`upper(${formValue('employerCreditCode')})`, creditCode.toUpperCase()),
      sql`${cases.personId} <> ${start.personId}`, sql`coalesce(${startDate}, '9999-12-31') >= ${start.startedOn}`,
    ))
    .orderBy(cases.id).all()
    .map((r) => ({ caseId: r.caseId, personName: r.name, idNumberMasked: maskIdNumber(r.idNumber), startDate: r.startDate }));
}

function subsidyText(ctx: ServiceContext, caseId: number | null): string | null {
  if (caseId === null) return null;
  const row = ctx.database().db.select({ receiptNo: cases.receiptNo, state: cases.state }).from(cases).where(eq(cases.id, caseId)).get();
  return row ? `一次性创业补贴申请${row.receiptNo ? ` ${row.receiptNo}` : ''}：${STATE_LABELS[row.state as CaseState] ?? row.state}` : null;
}

function views(ctx: ServiceContext, rows: StartRow[]): BusinessStartView[] {
  if (rows.length === 0) return [];
  const { db } = ctx.database();
  const people = new Map(db.select().from(persons).where(inArray(persons.id, [...new Set(rows.map((r) => r.personId))])).all().map((p) => [p.id, p]));
  const firms = new Map(db.select().from(enterprises).where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))])).all().map((e) => [e.id, e]));
  const loanCounts = new Map(db.select({ id: startupLoans.businessStartId, n: sql<number>`count(*)` }).from(startupLoans)
    .where(inArray(startupLoans.businessStartId, rows.map((r) => r.id))).groupBy(startupLoans.businessStartId).all().map((r) => [r.id, r.n]));
  return rows.map((r) => {
    const person = people.get(r.personId)!;
    const firm = firms.get(r.enterpriseId)!;
    return {
      id: r.id, personId: r.personId, personName: person.name, idNumberMasked: maskIdNumber(person.idNumber), enterpriseId: r.enterpriseId, enterpriseName: firm.name, creditCode: firm.creditCode,
      startedOn: r.startedOn, kind: r.kind, kindLabel: labelOfCode(BUSINESS_KINDS, r.kind), subsidyCaseId: r.subsidyCaseId, subsidyCaseText: subsidyText(ctx, r.subsidyCaseId), note: r.note,
      jobsCreated: jobsOf(ctx, r, firm.creditCode).length, loans: loanCounts.get(r.id) ?? 0, version: r.version,
    };
  });
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'startups.list'>): BusinessStartView[] {
  const { db } = ctx.database();
  const q = input.query?.trim();
  const rows = db.select({ s: businessStarts }).from(businessStarts)
    .innerJoin(persons, eq(persons.id, businessStarts.personId)).innerJoin(enterprises, eq(enterprises.id, businessStarts.enterpriseId))
    .where(q ? or(like(persons.name, `%${q}%`), like(enterprises.name, `%${q}%`), eq(persons.idNumber, q.toUpperCase()), eq(enterprises.creditCode, q.toUpperCase())) : undefined)
    .orderBy(desc(businessStarts.startedOn), desc(businessStarts.id)).limit(500).all().map((r) => r.s);
  return views(ctx, rows);
}

function requireStart(ctx: ServiceContext, id: number): StartRow {
  const row = ctx.database().db.select().from(businessStarts).where(eq(businessStarts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的创业登记`);
  return row;
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'startups.get'>): BusinessStartDetail {
  const row = requireStart(ctx, input.id);
  const view = views(ctx, [row])[0]!;
  return {
    ...view, mentoring: mentoringViews(ctx, row.personId), loanList: loanViews(ctx, row.id), incubation: incubationViews(ctx, row.id), jobs: jobsOf(ctx, row, view.creditCode),
    jobsPending: view.creditCode ? null : '该经营主体没有统一社会信用代码，无法按就业登记统计带动就业人数',
  };
}

/** 登记创业: the person from the registry, the enterprise from the registry, the day and the kind; refused whole on a bad fact. */
export function recordStart(ctx: ServiceContext, input: ParsedInputOf<'startups.recordStart'>): BusinessStartView {
  const { db } = ctx.database();
  const person = db.select().from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) refuseProblems({ personId: `没有编号为 ${input.personId} 的人员档案` }, LABELS);
  if (person!.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person!.mergedIntoId} 的档案，请在保留的档案上办理`);
  const firm = db.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId)).get();
  const problems: Record<string, string> = { ...businessStartProblems(person!, input.startedOn, ctx.today) };
  if (!firm) problems.enterpriseId = `没有编号为 ${input.enterpriseId} 的企业（经营主体），请先在企业库登记`;
  else if (db.select({ id: businessStarts.id }).from(businessStarts).where(and(eq(businessStarts.personId, person!.id), eq(businessStarts.enterpriseId, firm.id))).get()) {
    problems.enterpriseId = `${person!.name}创办“${firm.name}”已登记过`;
  }
  refuseProblems(problems, LABELS);
  const row = db.insert(businessStarts).values({ personId: person!.id, enterpriseId: firm!.id, startedOn: input.startedOn, kind: input.kind, note: input.note?.trim() || null, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'startups.recordStart', entityType: 'person', entityId: person!.id, detail: { name: firm!.name, onDate: input.startedOn } });
  return views(ctx, [row])[0]!;
}

/**
 * 一次性创业补贴 goes through case handling as a 补贴申请 whose item is the
 * catalogue's startup_one_time; the business start only points at it, so the
 * application's state is read from the case, never copied.
 */
export function linkSubsidyCase(ctx: ServiceContext, input: ParsedInputOf<'startups.linkSubsidyCase'>): BusinessStartView {
  const { db } = ctx.database();
  const row = requireStart(ctx, input.businessStartId);
  const found = db.select().from(cases).where(eq(cases.id, input.caseId)).get();
  if (!found) refuseProblems({ caseId: `没有编号为 ${input.caseId} 的业务` }, LABELS);
  if (found!.caseType !== 'subsidy_application' || found!.itemCode !== STARTUP_SUBSIDY_CODE) refuseProblems({ caseId: '只能关联“一次性创业补贴”的补贴申请' }, LABELS);
  if (found!.personId !== row.personId) refuseProblems({ caseId: '该补贴申请不是本创业者提出的' }, LABELS);
  const after = updateVersioned(ctx, businessStarts, row, row.version, { subsidyCaseId: found!.id }, '该创业登记已被他人修改，请刷新后重试');
  ctx.audit({ action: 'startups.linkSubsidyCase', entityType: 'person', entityId: row.personId, detail: { caseId: found!.id } });
  return views(ctx, [after])[0]!;
}

/** The person's timeline: businesses started, loans applied for, incubator places. */
export function personStartupEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const { db } = ctx.database();
  const rows = db.select({ s: businessStarts, firm: enterprises.name, by: users.displayName }).from(businessStarts)
    .innerJoin(enterprises, eq(enterprises.id, businessStarts.enterpriseId)).leftJoin(users, eq(users.id, businessStarts.createdBy))
    .where(eq(businessStarts.personId, personId)).all();
  return rows.flatMap(({ s, firm, by }) => [
    { at: s.startedOn, title: `创业：${firm}（${labelOfCode(BUSINESS_KINDS, s.kind)}）`, detail: s.note, actor: by },
    ...loanViews(ctx, s.id).map((l) => ({ at: l.appliedOn, title: `创业担保贷款申请：${l.bank} ${l.amountFen / 100}元 ${l.termMonths}个月`, detail: l.grantedOn ? `${l.grantedOn} 放款` : '未放款', actor: null })),
    ...incubationViews(ctx, s.id).map((p) => ({ at: p.fromOn, title: `入驻孵化：${p.incubator} ${p.place}`, detail: p.toOn ? `至 ${p.toOn}` : null, actor: null })),
  ]).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The enterprise's timeline: who started it and its loans, with a link to the business's page. */
export function enterpriseStartupEvents(ctx: ServiceContext, enterpriseId: number): (TimelineSection['events'][number] & { link: string | null })[] {
  const { db } = ctx.database();
  const rows = db.select({ s: businessStarts, name: persons.name, idNumber: persons.idNumber }).from(businessStarts)
    .innerJoin(persons, eq(persons.id, businessStarts.personId)).where(eq(businessStarts.enterpriseId, enterpriseId)).all();
  return rows.flatMap(({ s, name, idNumber }) => [
    { at: s.startedOn, title: `创业者：${name}（${maskIdNumber(idNumber)}）${labelOfCode(BUSINESS_KINDS, s.kind)}`, detail: s.note, actor: null, link: `/startups/${s.id}` },
    ...loanViews(ctx, s.id).map((l) => ({ at: l.appliedOn, title: `创业担保贷款申请：${l.bank} ${l.amountFen / 100}元`, detail: `${l.termMonths}个月，${l.guaranteeLabel}`, actor: null, link: `/startups/${s.id}` })),
  ]).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
