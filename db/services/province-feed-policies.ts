/**
 * 省级下发的政策版本 at the county: kept as pending when a feed first carries
 * them, reviewed by the administrator (what the version changes against the
 * one in force, its stored test cases run here), and activated — it becomes
 * the county's next version of that policy, in force, the previous one
 * retired — only when its definition is sound and every test case passes.
 */
import { and, desc, eq, lt, max } from 'drizzle-orm';
import type { ParsedInputOf, ProvincePolicyVersionView } from '../../shared/contract';
import { evaluateCase, policyDefinitionSchema, policyVersionChanges, validatePolicy, type PolicyDefinition, type VerdictResult } from '../../shared/domain/policies';
import { formatFen } from '../../shared/domain/money';
import type { IssuedPolicyVersion } from '../../shared/exchange/province-feed';
import { VERDICT_LABELS } from '../../shared/labels/policies';
import { actorUserId, type ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { policyVersions, provincePolicyVersions } from '../schema';
import { activate, definitionOf } from './policies';
import { createdStamps } from './row-stamps';

type IssuedRow = typeof provincePolicyVersions.$inferSelect;

/** Keeps the versions of a feed not seen before as pending; returns how many were new. */
export function keepIssuedPolicies(db: DrizzleDb, feedSequence: number, issued: readonly IssuedPolicyVersion[]): number {
  let fresh = 0;
  for (const p of issued) {
    const kept = db
      .insert(provincePolicyVersions)
      .values({
        code: p.code,
        provinceVersion: p.version,
        name: typeof p.definition.name === 'string' ? p.definition.name : p.code,
        definition: JSON.stringify(p.definition),
        issuedAt: p.issuedAt,
        feedSequence,
        status: 'pending',
      })
      .onConflictDoNothing()
      .returning({ id: provincePolicyVersions.id })
      .all();
    fresh += kept.length;
  }
  return fresh;
}

const outcome = (result: VerdictResult, amountFen: number | null) => `${VERDICT_LABELS[result]}${amountFen === null ? '' : ` ${formatFen(amountFen)}`}`;

/** The issued definition as the county reads it: sound (no problems) or not, and its test cases run against the engine here. */
function review(row: IssuedRow) {
  const raw: unknown = JSON.parse(row.definition);
  const problems = validatePolicy(raw).map((p) => p.message);
  if (problems.length) return { definition: null, problems, cases: [] };
  const definition = policyDefinitionSchema.parse(raw) as PolicyDefinition;
  const cases = definition.cases.map((c) => {
    const verdict = evaluateCase(definition, c);
    const passed = verdict.result === c.expect.result && verdict.amountFen === c.expect.amountFen;
    return { name: c.name, on: c.on, expected: outcome(c.expect.result, c.expect.amountFen), got: outcome(verdict.result, verdict.amountFen), passed };
  });
  return { definition, problems, cases };
}

function activeRow(db: DrizzleDb, code: string) {
  return db.select().from(policyVersions).where(and(eq(policyVersions.code, code), eq(policyVersions.status, 'active'))).get() ?? null;
}

function view(ctx: ServiceContext, row: IssuedRow): ProvincePolicyVersionView {
  const { definition, problems, cases } = review(row);
  const active = activeRow(ctx.database().db, row.code);
  const changes = definition ? policyVersionChanges(active ? definitionOf(active) : null, definition) : [];
  return {
    id: row.id,
    code: row.code,
    provinceVersion: row.provinceVersion,
    name: row.name,
    issuedAt: row.issuedAt,
    feedSequence: row.feedSequence,
    status: row.status,
    activatedVersion: row.activatedVersion,
    activatedAt: row.activatedAt,
    activeVersion: active?.policyVersion ?? null,
    changes: row.status === 'pending' ? changes : [],
    problems,
    cases,
  };
}

export function policyVersionsIssued(ctx: ServiceContext): ProvincePolicyVersionView[] {
  const rows = ctx.database().db.select().from(provincePolicyVersions).orderBy(desc(provincePolicyVersions.issuedAt), provincePolicyVersions.code).all();
  return rows.map((row) => view(ctx, row));
}

export function activatePolicy(ctx: ServiceContext, input: ParsedInputOf<'provinceFeed.activatePolicy'>): ProvincePolicyVersionView {
  const { db } = ctx.database();
  const row = db.select().from(provincePolicyVersions).where(eq(provincePolicyVersions.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', '没有这个省级下发的政策版本');
  const label = `省级下发的政策“${row.name}”第 ${row.provinceVersion} 版`;
  if (row.status !== 'pending') throw new AppError('CONFLICT', `${label}${row.status === 'activated' ? `已启用（本县第 ${row.activatedVersion} 版）` : '已被更新的版本取代'}，不能再启用`);
  const { definition, problems, cases } = review(row);
  if (!definition) throw new AppError('CONFLICT', `${label}的定义有误，不能启用：${problems.join('；')}`);
  const failing = cases.filter((c) => !c.passed);
  if (failing.length) {
    const named = failing.map((c) => `“${c.name}”预期${c.expected}，实际${c.got}`).join('；');
    throw new AppError('CONFLICT', `${label}有 ${failing.length} 个测试用例未通过，不能启用：${named}`, { details: { failing: failing.length } });
  }
  // The county's next version of the policy: a draft made of the issued definition, activated at once (policies.activate retires the one in force).
  const version = (db.select({ n: max(policyVersions.policyVersion) }).from(policyVersions).where(eq(policyVersions.code, row.code)).get()?.n ?? 0) + 1;
  const local: PolicyDefinition = { ...definition, version };
  db.insert(policyVersions)
    .values({
      code: row.code,
      policyVersion: version,
      status: 'draft',
      name: local.name,
      target: local.target,
      effectiveFrom: local.effectiveFrom,
      effectiveTo: local.effectiveTo ?? null,
      noApplication: local.noApplication,
      definition: JSON.stringify(local),
      ...createdStamps(ctx),
    })
    .run();
  activate(ctx, { code: row.code, version, reason: `启用省级下发的第 ${row.provinceVersion} 版：${input.reason}` });
  const at = ctx.now.toISOString();
  db.update(provincePolicyVersions)
    .set({ status: 'activated', activatedVersion: version, activatedAt: at, activatedBy: actorUserId(ctx) })
    .where(eq(provincePolicyVersions.id, row.id))
    .run();
  // Older issued versions of the same policy still pending are passed over: a newer one is in force.
  db.update(provincePolicyVersions)
    .set({ status: 'superseded' })
    .where(and(eq(provincePolicyVersions.code, row.code), eq(provincePolicyVersions.status, 'pending'), lt(provincePolicyVersions.provinceVersion, row.provinceVersion)))
    .run();
  ctx.audit({ action: 'provinceFeed.activatePolicy', entityType: 'policy', entityId: `${row.code}.${version}`, detail: { provinceVersion: row.provinceVersion, reason: input.reason } });
  return view(ctx, db.select().from(provincePolicyVersions).where(eq(provincePolicyVersions.id, row.id)).get()!);
}
