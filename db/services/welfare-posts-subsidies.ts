/**
 * 公益性岗位补贴: the month's list (placements in post that month, prorated by
 * days in post — shared/domain/welfare-posts.ts monthlySubsidyFen) and its
 * recording as 应发记录 for 资金兑付, one per placement and month. The unique
 * index on welfare_subsidy_months keeps a month from being paid twice.
 */
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { ParsedInputOf, WelfareSubsidyLine, WelfareSubsidyMonth } from '../../shared/contract';
import { formatFenAsYuan } from '../../shared/domain/case-types';
import { monthlySubsidyFen, subsidyMonthProblem } from '../../shared/domain/welfare-posts';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { paymentEntitlements, policyVersions, welfarePlacements, welfarePosts, welfareSubsidyMonths } from '../schema';
import { payeeKey, payeeRecords } from './payment-payees';
import { createdStamps } from './row-stamps';
import { placementViews } from './welfare-posts';

/** The 补贴目录 item these are paid under (migration 0013). */
export const WELFARE_SUBSIDY_CODE = 'public_welfare_post';

interface MonthLine extends WelfareSubsidyLine { postId: number; personId: number; enterpriseId: number | null; monthlyFen: number }

function monthLines(ctx: ServiceContext, month: string): MonthLine[] {
  const { db } = ctx.database();
  const first = `${month}-01`;
  const rows = db.select().from(welfarePlacements).where(lte(welfarePlacements.hiredOn, `${month}-31`)).all().filter((r) => (r.endedOn ?? r.plannedEndOn) >= first);
  if (rows.length === 0) return [];
  const views = new Map(placementViews(ctx, rows).map((v) => [v.id, v]));
  const posts = new Map(db.select().from(welfarePosts).where(inArray(welfarePosts.id, [...new Set(rows.map((r) => r.postId))])).all().map((p) => [p.id, p]));
  const recorded = new Map(db.select().from(welfareSubsidyMonths).where(eq(welfareSubsidyMonths.month, month)).all().map((m) => [m.placementId, m.entitlementId]));
  return rows
    .map((r) => ({ r, post: posts.get(r.postId)!, amountFen: monthlySubsidyFen(posts.get(r.postId)!.monthlySubsidyFen, { hiredOn: r.hiredOn, lastDay: r.endedOn ?? r.plannedEndOn }, month) }))
    .filter((l) => l.amountFen > 0)
    .map(({ r, post, amountFen }) => {
      const v = views.get(r.id)!;
      return {
        placementId: r.id, personName: v.personName, idNumberMasked: v.idNumberMasked, postTitle: v.postTitle, employerName: v.employerName, amountFen,
        entitlementId: recorded.get(r.id) ?? null, postId: post.id, personId: r.personId, enterpriseId: post.enterpriseId, monthlyFen: post.monthlySubsidyFen,
      };
    });
}

function monthView(month: string, lines: MonthLine[]): WelfareSubsidyMonth {
  const recorded = lines.filter((l) => l.entitlementId !== null);
  return {
    month,
    lines: lines.map(({ placementId, personName, idNumberMasked, postTitle, employerName, amountFen, entitlementId }) => ({ placementId, personName, idNumberMasked, postTitle, employerName, amountFen, entitlementId })),
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    recordedCount: recorded.length,
    recordedFen: recorded.reduce((sum, l) => sum + l.amountFen, 0),
  };
}

export function subsidies(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.subsidies'>): WelfareSubsidyMonth {
  return monthView(input.month, monthLines(ctx, input.month));
}

/**
 * 记入应发: each line of an ended month not yet recorded becomes an 应发记录 — paid to the post's employer
 * unit when it is in the registry, otherwise [confirm] to the person placed — and a welfare_subsidy_months row.
 */
export function recordSubsidies(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.recordSubsidies'>): WelfareSubsidyMonth {
  const { db } = ctx.database();
  const problem = subsidyMonthProblem(input.month, ctx.today);
  if (problem) throw new AppError('BAD_INPUT', `补贴月份：${problem}`, { fields: { month: problem } });
  const lines = monthLines(ctx, input.month);
  const open = lines.filter((l) => l.entitlementId === null);
  if (open.length === 0) {
    throw new AppError('CONFLICT', lines.length === 0 ? `${input.month}没有在岗人员，没有应发的公益性岗位补贴` : `${input.month}的公益性岗位补贴已全部记入应发（${lines.length}人），不能重复记入`);
  }
  const active = db.select({ version: policyVersions.policyVersion }).from(policyVersions).where(and(eq(policyVersions.code, WELFARE_SUBSIDY_CODE), eq(policyVersions.status, 'active'))).get();
  const payees = open.map((l) => (l.enterpriseId !== null ? { kind: 'enterprise' as const, id: l.enterpriseId } : { kind: 'person' as const, id: l.personId }));
  const records = payeeRecords(db, payees);
  open.forEach((line, i) => {
    const payee = payees[i]!;
    const whole = line.amountFen === line.monthlyFen;
    const entitlement = db.insert(paymentEntitlements).values({
      payeeKind: payee.kind, payeeId: payee.id, beneficiaryPersonId: line.personId, policyCode: WELFARE_SUBSIDY_CODE, policyVersion: active?.version ?? null,
      periodFrom: input.month, periodTo: input.month, amountFen: line.amountFen, fundSource: 'employment_subsidy_fund', basis: 'entered',
      basisReason: `公益性岗位“${line.postTitle}”${input.month}${whole ? '全月在岗' : '按在岗天数折算'}（岗位补贴每月${formatFenAsYuan(line.monthlyFen)}元）`,
      engineAmountFen: null, caseId: null, townshipCode: records.get(payeeKey(payee))?.townshipCode ?? null, approvedOn: ctx.today, ...createdStamps(ctx),
    }).returning({ id: paymentEntitlements.id }).get();
    db.insert(welfareSubsidyMonths).values({ postId: line.postId, placementId: line.placementId, month: input.month, amountFen: line.amountFen, entitlementId: entitlement.id, ...createdStamps(ctx) }).run();
    line.entitlementId = entitlement.id;
  });
  ctx.audit({ action: 'welfarePosts.recordSubsidies', entityType: 'payment_entitlement', detail: { month: input.month, count: open.length, amountFen: open.reduce((s, l) => s + l.amountFen, 0) } });
  return monthView(input.month, lines);
}
