import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { IncubatorPlaceView, ParsedInputOf, StartupLoanView, StartupMentoringView } from '../../shared/contract';
import { GUIDANCE_MODES } from '../../shared/domain/guidance';
import { BORROWER_KINDS, GUARANTEE_KINDS, incubationProblems, labelOfCode, loanLastDay, loanProblems } from '../../shared/domain/startups';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { businessStarts, guidanceSessions, incubatorPlaces, startupLoanInterestPeriods, startupLoans, users } from '../schema';
import { createdStamps } from './row-stamps';
import { refuseProblems } from './training-catalogue';

const LOAN_LABELS = { borrower: '借款人', amountFen: '贷款金额', bank: '贷款银行', termMonths: '贷款期限', guaranteeKind: '担保方式', appliedOn: '申请日期', grantedOn: '放款日期', interestPeriods: '贴息期' };
const PLACE_LABELS = { incubator: '孵化基地', place: '场地（工位）', fromOn: '入孵起日', toOn: '入孵止日' };

export function loanViews(ctx: ServiceContext, businessStartId: number): StartupLoanView[] {
  const { db } = ctx.database();
  const loans = db.select().from(startupLoans).where(eq(startupLoans.businessStartId, businessStartId)).orderBy(asc(startupLoans.appliedOn), asc(startupLoans.id)).all();
  if (loans.length === 0) return [];
  const periods = db.select().from(startupLoanInterestPeriods).where(inArray(startupLoanInterestPeriods.loanId, loans.map((l) => l.id))).orderBy(asc(startupLoanInterestPeriods.periodFrom)).all();
  return loans.map((l) => {
    const own = periods.filter((p) => p.loanId === l.id).map(({ periodFrom, periodTo, amountFen }) => ({ periodFrom, periodTo, amountFen }));
    return {
      id: l.id, businessStartId: l.businessStartId, borrower: l.borrower, borrowerLabel: labelOfCode(BORROWER_KINDS, l.borrower), amountFen: l.amountFen, bank: l.bank, termMonths: l.termMonths,
      guaranteeKind: l.guaranteeKind, guaranteeLabel: labelOfCode(GUARANTEE_KINDS, l.guaranteeKind), appliedOn: l.appliedOn, grantedOn: l.grantedOn,
      lastDay: l.grantedOn ? loanLastDay(l.grantedOn, l.termMonths) : null, interestPeriods: own, interestTotalFen: own.reduce((n, p) => n + p.amountFen, 0), version: l.version,
    };
  });
}

/** The guidance topic of entrepreneurship guidance (the factory code of `guidance_topics`). */
const ENTREPRENEURSHIP_TOPIC = 'entrepreneurship';
const MODE_LABELS = new Map<string, string>(GUIDANCE_MODES);

/**
 * 创业指导 sessions of the founder: the mentor's sessions are guidance's
 * session records (职业指导 → 指导记录 with the topic 创业指导), read here, never copied.
 */
export function mentoringViews(ctx: ServiceContext, personId: number): StartupMentoringView[] {
  const { db } = ctx.database();
  return db
    .select({ sessionId: guidanceSessions.id, sessionDate: guidanceSessions.sessionDate, mode: guidanceSessions.mode, durationMinutes: guidanceSessions.durationMinutes, counselorName: users.displayName })
    .from(guidanceSessions)
    .leftJoin(users, eq(users.id, guidanceSessions.counselorUserId))
    .where(and(eq(guidanceSessions.personId, personId), sql`exists (select 1 from json_each(${guidanceSessions.topics}) where value = ${ENTREPRENEURSHIP_TOPIC})`))
    .orderBy(desc(guidanceSessions.sessionDate), desc(guidanceSessions.id))
    .all()
    .map((r) => ({ sessionId: r.sessionId, sessionDate: r.sessionDate, modeLabel: MODE_LABELS.get(r.mode) ?? r.mode, counselorName: r.counselorName, durationMinutes: r.durationMinutes }));
}

export function incubationViews(ctx: ServiceContext, businessStartId: number): IncubatorPlaceView[] {
  return ctx.database().db.select().from(incubatorPlaces).where(eq(incubatorPlaces.businessStartId, businessStartId)).orderBy(asc(incubatorPlaces.fromOn)).all()
    .map(({ id, incubator, place, fromOn, toOn }) => ({ id, incubator, place, fromOn, toOn }));
}

function requireStart(ctx: ServiceContext, id: number) {
  const row = ctx.database().db.select().from(businessStarts).where(eq(businessStarts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的创业登记`, { fields: { businessStartId: '创业登记不存在' } });
  return row;
}

/** 创业担保贷款申请: checked whole against the borrower's limits (shared/domain/startups.ts) before anything is written. */
export function applyLoan(ctx: ServiceContext, input: ParsedInputOf<'startups.applyLoan'>): StartupLoanView {
  const { db } = ctx.database();
  const start = requireStart(ctx, input.businessStartId);
  const grantedOn = input.grantedOn ?? null;
  refuseProblems(loanProblems({ ...input, grantedOn }, start.startedOn, ctx.today), LOAN_LABELS);
  const { interestPeriods, businessStartId, ...fields } = input;
  const row = db.insert(startupLoans).values({ ...fields, businessStartId, bank: fields.bank.trim(), grantedOn, ...createdStamps(ctx) }).returning().get();
  if (interestPeriods.length) db.insert(startupLoanInterestPeriods).values(interestPeriods.map((p) => ({ loanId: row.id, ...p }))).run();
  ctx.audit({ action: 'startups.applyLoan', entityType: 'person', entityId: start.personId, detail: { name: row.bank, onDate: row.appliedOn, amountFen: row.amountFen } });
  return loanViews(ctx, start.id).find((l) => l.id === row.id)!;
}

export function addIncubation(ctx: ServiceContext, input: ParsedInputOf<'startups.addIncubation'>): IncubatorPlaceView {
  const start = requireStart(ctx, input.businessStartId);
  const toOn = input.toOn ?? null;
  refuseProblems(incubationProblems({ fromOn: input.fromOn, toOn }, ctx.today), PLACE_LABELS);
  const row = ctx.database().db.insert(incubatorPlaces).values({ businessStartId: start.id, incubator: input.incubator.trim(), place: input.place.trim(), fromOn: input.fromOn, toOn, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'startups.addIncubation', entityType: 'person', entityId: start.personId, detail: { name: row.incubator, onDate: row.fromOn } });
  return { id: row.id, incubator: row.incubator, place: row.place, fromOn: row.fromOn, toOn: row.toOn };
}
