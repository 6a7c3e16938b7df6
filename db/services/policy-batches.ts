/**
 * 免申即享: the findings of a no-application policy, proposed together as a
 * batch; a reviewer (never who proposed it) confirms or rejects each — after
 * checking a sample, the whole batch at once — and each confirmed one becomes
 * a prefilled 补贴申请 that follows the normal workflow, with a printable
 * 告知书 for the applicant.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchView, ParsedInputOf } from '../../shared/contract';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { policyBatches, policyFindings, users } from '../schema';
import { create as createCase } from './cases';
import { activeVersion, definitionOf } from './policies';
import { findingView } from './policy-findings';
import { createdStamps, updatedStamps } from './row-stamps';

function batchView(ctx: ServiceContext, id: number): BatchView {
  const { db } = ctx.database();
  const row = db.select({ batch: policyBatches, createdBy: users.displayName }).from(policyBatches).leftJoin(users, eq(users.id, policyBatches.createdBy)).where(eq(policyBatches.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的免申即享批次`);
  const items = db.select().from(policyFindings).where(eq(policyFindings.batchId, id)).orderBy(policyFindings.id).all().map((f) => findingView(ctx, f));
  const policyName = items[0] ? items[0].policyName : row.batch.policyCode;
  return { id, policyCode: row.batch.policyCode, policyName, policyVersion: row.batch.policyVersion, state: row.batch.state, items, createdAt: row.batch.createdAt, createdBy: row.createdBy };
}

export function batch(ctx: ServiceContext, input: ParsedInputOf<'policies.batch'>): BatchView {
  const view = batchView(ctx, input.id);
  ctx.audit({ action: 'policies.batch', entityType: 'policy_batch', entityId: input.id });
  return view;
}

export function proposeBatch(ctx: ServiceContext, input: ParsedInputOf<'policies.proposeBatch'>): BatchView {
  const { db } = ctx.database();
  requireAccount(ctx, '提出免申即享批次需要以个人账号登录');
  const policy = definitionOf(activeVersion(ctx, input.policyCode));
  if (!policy.noApplication) throw fieldError('policyCode', `${policy.name}不是免申即享政策，请按疑似符合清单联系后申请`, '政策');
  const candidates = db
    .select({ id: policyFindings.id })
    .from(policyFindings)
    .where(and(eq(policyFindings.policyCode, policy.code), eq(policyFindings.result, 'eligible'), inArray(policyFindings.status, ['open', 'contacted']), isNull(policyFindings.batchId), isNull(policyFindings.caseId)))
    .all()
    .map((f) => f.id);
  if (candidates.length === 0) throw new AppError('CONFLICT', `${policy.name}目前没有可汇总的符合记录（先运行政策比对）`);
  const created = db.insert(policyBatches).values({ policyCode: policy.code, policyVersion: policy.version, state: 'proposed', items: candidates.length, ...createdStamps(ctx) }).returning().get();
  db.update(policyFindings).set({ batchId: created.id }).where(inArray(policyFindings.id, candidates)).run();
  ctx.audit({ action: 'policies.proposeBatch', entityType: 'policy_batch', entityId: created.id, detail: { policyCode: policy.code, items: candidates.length } });
  return batchView(ctx, created.id);
}

export function decideBatch(ctx: ServiceContext, input: ParsedInputOf<'policies.decideBatch'>): BatchView {
  const { db } = ctx.database();
  const reviewer = requireAccount(ctx, '确认免申即享需要以个人账号登录').userId;
  const row = db.select().from(policyBatches).where(eq(policyBatches.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的免申即享批次`);
  if (row.createdBy === reviewer) throw new AppError('FORBIDDEN', '提出批次的人不能确认自己提出的批次，请由另一位审核员确认');
  const items = new Map(db.select().from(policyFindings).where(eq(policyFindings.batchId, row.id)).all().map((f) => [f.id, f]));
  for (const [index, d] of input.decisions.entries()) {
    const item = items.get(d.findingId);
    if (!item) throw fieldError(`decisions.${index}.findingId`, '不属于本批次', '确认结果');
    if (item.decision !== null) throw fieldError(`decisions.${index}.findingId`, '已确认过', '确认结果');
    if (d.decision === 'rejected' && !d.reason) throw fieldError(`decisions.${index}.reason`, '不予确认须说明原因', '原因');
  }
  const at = ctx.now.toISOString();
  for (const d of input.decisions) {
    const item = items.get(d.findingId)!;
    let caseId: number | null = null;
    if (d.decision === 'confirmed') {
      const form: Record<string, string | null> = { subsidyCode: item.policyCode };
      if (item.amountFen !== null) form.requestedAmountFen = String(item.amountFen);
      caseId = createCase(ctx, { ...(item.subjectType === 'person' ? { personId: item.subjectId } : { enterpriseId: item.subjectId }), caseType: 'subsidy_application', form, documents: [] }).id;
    }
    db.update(policyFindings)
      .set({ decision: d.decision, decisionReason: d.reason ?? null, decidedBy: reviewer, decidedAt: at, status: d.decision === 'confirmed' ? 'applied' : 'declined', caseId, ...updatedStamps(ctx, item) })
      .where(eq(policyFindings.id, item.id))
      .run();
  }
  const undecided = db.select({ id: policyFindings.id }).from(policyFindings).where(and(eq(policyFindings.batchId, row.id), isNull(policyFindings.decision))).all().length;
  if (undecided === 0) db.update(policyBatches).set({ state: 'decided', ...updatedStamps(ctx, row) }).where(eq(policyBatches.id, row.id)).run();
  ctx.audit({
    action: 'policies.decideBatch',
    entityType: 'policy_batch',
    entityId: row.id,
    detail: { confirmed: input.decisions.filter((d) => d.decision === 'confirmed').length, rejected: input.decisions.filter((d) => d.decision === 'rejected').length },
  });
  return batchView(ctx, row.id);
}
