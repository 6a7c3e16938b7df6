/**
 * 抽查: a campaign draws a share of the 补贴申请 approved in a period (by a
 * recorded seed, so the draw can be repeated and shown to be unbiased); each
 * drawn application is re-reviewed by someone who neither accepted nor
 * decided it, and an irregular finding may open a recovery (payments.orderRecovery).
 */
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { ParsedInputOf, SpotCheckListItem, SpotCheckView } from '../../shared/contract';
import { sampleSize, spotCheckSample } from '../../shared/domain/payments/spot-checks';
import { sm3Hex } from '../../shared/exchange/sm';
import { requireAccount, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { cases, paymentBatches, paymentEntitlements, paymentLines, paymentRecoveries, spotCheckItems, spotChecks, users } from '../schema';
import { codeLabel } from './case-checks';
import { formOf } from './case-view';
import { payeeKey, payeeRecords } from './payment-payees';
import { createdStamps, updatedStamps } from './row-stamps';

type SpotCheckRow = typeof spotChecks.$inferSelect;

function listItem(ctx: ServiceContext, row: SpotCheckRow): SpotCheckListItem {
  const { db } = ctx.database();
  const counts = db.get<{ sampled: number; checked: number; irregular: number }>(sql`select count(*) as sampled, count(finding) as checked, sum(finding = 'irregular') as irregular from spot_check_items where spot_check_id = ${row.id}`);
  const createdBy = row.createdBy === null ? null : (db.select({ n: users.displayName }).from(users).where(eq(users.id, row.createdBy)).get()?.n ?? null);
  return {
    id: row.id, name: row.name, decidedFrom: row.decidedFrom, decidedTo: row.decidedTo, policyCode: row.policyCode, sharePercent: row.sharePercent,
    population: row.population, sampled: counts.sampled, checked: counts.checked, irregular: counts.irregular ?? 0, state: row.state, createdBy, createdAt: row.createdAt,
  };
}

function view(ctx: ServiceContext, id: number): SpotCheckView {
  const { db } = ctx.database();
  const row = db.select().from(spotChecks).where(eq(spotChecks.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的抽查`);
  const items = db.select({ item: spotCheckItems, c: cases }).from(spotCheckItems).innerJoin(cases, eq(cases.id, spotCheckItems.caseId)).where(eq(spotCheckItems.spotCheckId, id)).orderBy(spotCheckItems.id).all();
  const payees = items.map(({ c }) => (c.personId !== null ? { kind: 'person' as const, id: c.personId } : { kind: 'enterprise' as const, id: c.enterpriseId! }));
  const records = payeeRecords(db, payees);
  const name = (uid: number | null) => (uid === null ? null : (db.select({ n: users.displayName }).from(users).where(eq(users.id, uid)).get()?.n ?? null));
  const recoveries = new Map(
    items.length === 0 ? [] : db.select({ item: paymentRecoveries.spotCheckItemId, number: paymentRecoveries.number }).from(paymentRecoveries).where(inArray(paymentRecoveries.spotCheckItemId, items.map(({ item }) => item.id))).all().map((r) => [r.item, r.number]),
  );
  return {
    ...listItem(ctx, row),
    seed: row.seed,
    items: items.map(({ item, c }, i) => ({
      id: item.id, caseId: c.id, receiptNo: c.receiptNo,
      applicant: records.get(payeeKey(payees[i]!))?.ref ?? { ...payees[i]!, name: '（已不在库中）', keyMasked: '' },
      policyName: codeLabel(ctx, 'subsidy_catalogue', c.itemCode), amountFen: Number(formOf(c).requestedAmountFen ?? 0),
      decidedBy: name(c.decidedBy), decidedAt: c.decidedAt, finding: item.finding, note: item.note, checkedBy: name(item.checkedBy), checkedAt: item.checkedAt,
      recoveryNumber: recoveries.get(item.id) ?? null,
      paidLine: paidLineOf(ctx, c.id),
    })),
  };
}

function paidLineOf(ctx: ServiceContext, caseId: number): SpotCheckView['items'][number]['paidLine'] {
  const line = ctx.database().db
    .select({ batchId: paymentLines.batchId, lineNo: paymentLines.lineNo, number: paymentBatches.number })
    .from(paymentLines)
    .innerJoin(paymentEntitlements, eq(paymentEntitlements.id, paymentLines.entitlementId))
    .innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId))
    .where(and(eq(paymentEntitlements.caseId, caseId), eq(paymentLines.state, 'paid')))
    .get();
  return line ? { batchId: line.batchId, lineNo: line.lineNo, lineRef: `${line.number}#${line.lineNo}` } : null;
}

export function list(ctx: ServiceContext, input: ParsedInputOf<'spotChecks.list'>): { items: SpotCheckListItem[]; total: number } {
  const { db } = ctx.database();
  const total = db.select({ n: sql<number>`count(*)` }).from(spotChecks).get()!.n;
  const rows = db.select().from(spotChecks).orderBy(desc(spotChecks.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { items: rows.map((r) => listItem(ctx, r)), total };
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'spotChecks.get'>): SpotCheckView {
  const result = view(ctx, input.id);
  ctx.audit({ action: 'spotChecks.get', entityType: 'spot_check', entityId: input.id });
  return result;
}

/** The office day (Asia/Shanghai) a case was decided: decided_at is a UTC instant. */
const decidedDay = sql<string>`date(${cases.decidedAt}, '+8 hours')`;

export function create(ctx: ServiceContext, input: ParsedInputOf<'spotChecks.create'>): SpotCheckView {
  const { db } = ctx.database();
  requireAccount(ctx, '发起抽查需要以个人账号登录');
  if (input.decidedTo < input.decidedFrom) throw new AppError('BAD_INPUT', '审批日期止：不能早于审批日期起', { fields: { decidedTo: '不能早于审批日期起' } });
  if (input.decidedFrom > ctx.today) throw new AppError('BAD_INPUT', '审批日期起：不能晚于今天', { fields: { decidedFrom: '不能晚于今天' } });
  const population = db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(paymentEntitlements, eq(paymentEntitlements.caseId, cases.id))
    .where(and(eq(cases.caseType, 'subsidy_application'), eq(cases.state, 'approved'), gte(decidedDay, input.decidedFrom), lte(decidedDay, input.decidedTo), input.policyCode ? eq(cases.itemCode, input.policyCode) : undefined))
    .all()
    .map((c) => c.id);
  if (population.length === 0) throw new AppError('CONFLICT', `${input.decidedFrom}至${input.decidedTo}没有已批准的补贴申请可供抽查`);
  // The seed is fixed by the moment of creation (to the millisecond), the name and the population, and is
  // recorded: whoever creates a campaign cannot pick its sample, and anyone can repeat the draw. Every
  // creation is audited, so redrawing until a sample suits would show.
  const seed = sm3Hex(new TextEncoder().encode(`${ctx.now.toISOString()}:${input.name}:${population.join(',')}`)).slice(0, 16);
  const drawn = spotCheckSample(population, sampleSize(population.length, input.sharePercent), seed);
  const created = db.insert(spotChecks).values({ name: input.name, decidedFrom: input.decidedFrom, decidedTo: input.decidedTo, policyCode: input.policyCode ?? null, sharePercent: input.sharePercent, population: population.length, seed, state: 'open', ...createdStamps(ctx) }).returning().get();
  for (const caseId of drawn) db.insert(spotCheckItems).values({ spotCheckId: created.id, caseId }).run();
  ctx.audit({ action: 'spotChecks.create', entityType: 'spot_check', entityId: created.id, detail: { population: population.length, sampled: drawn.length, sharePercent: input.sharePercent, seed } });
  return view(ctx, created.id);
}

export function record(ctx: ServiceContext, input: ParsedInputOf<'spotChecks.record'>): SpotCheckView {
  const { db } = ctx.database();
  const checker = requireAccount(ctx, '记录抽查结论需要以个人账号登录').userId;
  const item = db.select({ item: spotCheckItems, c: cases, check: spotChecks }).from(spotCheckItems).innerJoin(cases, eq(cases.id, spotCheckItems.caseId)).innerJoin(spotChecks, eq(spotChecks.id, spotCheckItems.spotCheckId)).where(eq(spotCheckItems.id, input.itemId)).get();
  if (!item) throw new AppError('NOT_FOUND', `没有编号为 ${input.itemId} 的抽查记录`);
  if (item.check.state === 'finished') throw new AppError('CONFLICT', `抽查“${item.check.name}”已结束，不能再记录结论`);
  if (item.c.decidedBy === checker || item.c.acceptedBy === checker) throw new AppError('FORBIDDEN', '不能抽查自己受理或审批的申请，请由未经手的人员核查');
  db.update(spotCheckItems).set({ finding: input.finding, note: input.note, checkedBy: checker, checkedAt: ctx.now.toISOString() }).where(eq(spotCheckItems.id, input.itemId)).run();
  ctx.audit({ action: 'spotChecks.record', entityType: 'spot_check', entityId: item.check.id, detail: { caseId: item.c.id, finding: input.finding } });
  return view(ctx, item.check.id);
}

export function finish(ctx: ServiceContext, input: ParsedInputOf<'spotChecks.finish'>): SpotCheckView {
  const { db } = ctx.database();
  requireAccount(ctx, '结束抽查需要以个人账号登录');
  const row = db.select().from(spotChecks).where(eq(spotChecks.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的抽查`);
  if (row.state === 'finished') throw new AppError('CONFLICT', `抽查“${row.name}”已结束`);
  const open = db.select({ n: sql<number>`count(*)` }).from(spotCheckItems).where(and(eq(spotCheckItems.spotCheckId, row.id), sql`${spotCheckItems.finding} is null`)).get()!.n;
  if (open > 0) throw new AppError('CONFLICT', `还有${open}份抽中的申请未记录核查结论，不能结束抽查`);
  db.update(spotChecks).set({ state: 'finished', ...updatedStamps(ctx, row) }).where(eq(spotChecks.id, row.id)).run();
  ctx.audit({ action: 'spotChecks.finish', entityType: 'spot_check', entityId: row.id });
  return view(ctx, row.id);
}
