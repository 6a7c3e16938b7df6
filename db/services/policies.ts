/**
 * 政策库 and 政策找人: the catalogue's versions (a draft is edited, checked and
 * activated; an active version never changes), and one policy judged for one
 * person or enterprise on a day — the verdict drawn by the pure engine
 * (shared/domain/policies) from the facts the desk reads (policy-facts.ts).
 */
import { and, desc, eq, max } from 'drizzle-orm';
import type { ParsedInputOf, PolicyEvaluation, PolicyListItem, PolicyVersionView } from '../../shared/contract';
import { FUND_SOURCES, evaluatePolicy, explainVerdict, policyDefinitionSchema, runStoredCases, validatePolicy, type PolicyDefinition } from '../../shared/domain/policies';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { persons, policySubjects, policyVersions, users } from '../schema';
import { requireEnterprise } from './enterprise-view';
import { enterpriseFacts } from './policy-enterprise-facts';
import { personFacts } from './policy-facts';
import { createdStamps, updatedStamps } from './row-stamps';

type VersionRow = typeof policyVersions.$inferSelect;

/** A stored definition, read back through its schema (it was validated when saved). */
export function definitionOf(row: VersionRow): PolicyDefinition {
  return policyDefinitionSchema.parse(JSON.parse(row.definition)) as PolicyDefinition;
}

const fundSourceLabel = (code: string) => FUND_SOURCES.find(([c]) => c === code)?.[1] ?? code;

export function list(ctx: ServiceContext): PolicyListItem[] {
  const rows = ctx.database().db.select().from(policyVersions).orderBy(policyVersions.code, desc(policyVersions.policyVersion)).all();
  const byCode = new Map<string, VersionRow[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return [...byCode.values()].map((versions) => {
    const active = versions.find((v) => v.status === 'active');
    const shown = definitionOf(active ?? versions[0]!);
    return {
      code: shown.code,
      name: shown.name,
      target: shown.target,
      legalBasis: shown.legalBasis,
      fundSource: fundSourceLabel(shown.fundSource),
      noApplication: shown.noApplication,
      amountsConfirmed: shown.amountsConfirmed,
      activeVersion: active?.policyVersion ?? null,
      effectiveFrom: active?.effectiveFrom ?? null,
      effectiveTo: active?.effectiveTo ?? null,
      draftVersion: versions.find((v) => v.status === 'draft')?.policyVersion ?? null,
    };
  });
}

function versionView(ctx: ServiceContext, row: VersionRow): PolicyVersionView {
  const definition = definitionOf(row);
  const activatedBy = row.activatedBy === null ? null : (ctx.database().db.select({ name: users.displayName }).from(users).where(eq(users.id, row.activatedBy)).get()?.name ?? null);
  const failing = runStoredCases(definition).map((f) => ({
    name: f.name,
    expected: `${f.expected.result} ${f.expected.amountFen ?? '—'}`,
    got: `${f.got.result} ${f.got.amountFen ?? '—'}`,
  }));
  return {
    code: row.code,
    version: row.policyVersion,
    status: row.status,
    definition,
    problems: validatePolicy(definition),
    storedCases: definition.cases.length,
    failingCases: failing,
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
    activatedBy,
  };
}

function versionsOf(ctx: ServiceContext, code: string): VersionRow[] {
  const rows = ctx.database().db.select().from(policyVersions).where(eq(policyVersions.code, code)).orderBy(desc(policyVersions.policyVersion)).all();
  if (rows.length === 0) throw new AppError('NOT_FOUND', `政策库中没有代码为 ${code} 的政策`);
  return rows;
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'policies.get'>): PolicyVersionView[] {
  return versionsOf(ctx, input.code).map((row) => versionView(ctx, row));
}

/** The version in force: the one the sweep and the window judge by. */
export function activeVersion(ctx: ServiceContext, code: string): VersionRow {
  const row = versionsOf(ctx, code).find((v) => v.status === 'active');
  if (!row) throw new AppError('CONFLICT', `政策 ${code} 没有启用的版本`);
  return row;
}

export function evaluate(ctx: ServiceContext, input: ParsedInputOf<'policies.evaluate'>): PolicyEvaluation {
  const definition = definitionOf(activeVersion(ctx, input.policyCode));
  const on = input.on ?? ctx.today;
  const { db } = ctx.database();
  let subject: PolicyEvaluation['subject'];
  let facts;
  if (input.personId !== undefined) {
    if (definition.target !== 'person') throw fieldError('personId', `${definition.name}的对象是企业，不能对人员判定`, '人员');
    const person = db.select({ id: persons.id, name: persons.name, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, input.personId)).get();
    if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.personId} 的人员档案`);
    if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请对保留的档案判定`);
    subject = { type: 'person', id: person.id, name: person.name };
    facts = personFacts(db, [person.id], on).get(person.id)!;
  } else {
    if (definition.target !== 'enterprise') throw fieldError('enterpriseId', `${definition.name}的对象是人员，不能对企业判定`, '企业');
    const enterprise = requireEnterprise(ctx, input.enterpriseId!);
    subject = { type: 'enterprise', id: enterprise.id, name: enterprise.name };
    facts = enterpriseFacts(db, [enterprise.id], on).get(enterprise.id)!;
  }
  const verdict = evaluatePolicy(definition, facts, on);
  // Judging reads a person's or an enterprise's data: it is audited like viewing the record.
  ctx.audit({ action: 'policies.evaluate', entityType: subject.type, entityId: subject.id, detail: { policyCode: definition.code, policyVersion: definition.version, on, result: verdict.result } });
  return {
    policyCode: definition.code,
    policyVersion: definition.version,
    policyName: definition.name,
    on,
    subject,
    result: verdict.result,
    amountFen: verdict.amountFen,
    amountConfirmed: verdict.amountConfirmed,
    trace: verdict.trace,
    explanation: explainVerdict(verdict),
    facts,
  };
}

/** A definition as staff submitted it: checked whole, every problem named in Chinese, nothing written when any. */
function checkedDefinition(code: string, raw: unknown): PolicyDefinition {
  const problems = validatePolicy(raw);
  if (problems.length > 0) {
    const fields = Object.fromEntries(problems.map((p) => [`definition.${p.path}`, p.message]));
    const more = problems.length > 1 ? `（另有${problems.length - 1}处问题）` : '';
    throw new AppError('BAD_INPUT', `政策定义：${problems[0]!.message}${more}`, { fields });
  }
  const definition = raw as PolicyDefinition;
  if (definition.code !== code) throw fieldError('definition.code', `定义中的政策代码 ${definition.code} 与所编辑的政策 ${code} 不一致`, '政策定义');
  return definition;
}

export function saveDraft(ctx: ServiceContext, input: ParsedInputOf<'policies.saveDraft'>): PolicyVersionView {
  const { db } = ctx.database();
  const existing = db.select().from(policyVersions).where(eq(policyVersions.code, input.code)).all();
  const draft = existing.find((v) => v.status === 'draft');
  const version = draft?.policyVersion ?? (db.select({ n: max(policyVersions.policyVersion) }).from(policyVersions).where(eq(policyVersions.code, input.code)).get()?.n ?? 0) + 1;
  const definition = checkedDefinition(input.code, { ...(input.definition as object), version });
  const columns = {
    name: definition.name,
    target: definition.target,
    effectiveFrom: definition.effectiveFrom,
    effectiveTo: definition.effectiveTo ?? null,
    noApplication: definition.noApplication,
    definition: JSON.stringify(definition),
  };
  const row = draft
    ? db.update(policyVersions).set({ ...columns, ...updatedStamps(ctx, draft) }).where(eq(policyVersions.id, draft.id)).returning().get()
    : db.insert(policyVersions).values({ code: input.code, policyVersion: version, status: 'draft', ...columns, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'policies.saveDraft', entityType: 'policy', entityId: `${input.code}.${version}` });
  return versionView(ctx, row);
}

export function activate(ctx: ServiceContext, input: ParsedInputOf<'policies.activate'>): PolicyVersionView {
  const { db } = ctx.database();
  const row = versionsOf(ctx, input.code).find((v) => v.policyVersion === input.version);
  if (!row) throw fieldError('version', `政策 ${input.code} 没有第 ${input.version} 版`, '版本');
  if (row.status !== 'draft') throw new AppError('CONFLICT', `第 ${input.version} 版${row.status === 'active' ? '已在启用中' : '已停用'}，只能启用草稿版本`);
  const definition = checkedDefinition(input.code, definitionOf(row));
  const failing = runStoredCases(definition);
  if (failing.length > 0) {
    throw new AppError('CONFLICT', `测试用例未全部通过（${failing.map((f) => f.name).join('、')}），不能启用`, { details: { failing: failing.length } });
  }
  const at = ctx.now.toISOString();
  const retired = db
    .update(policyVersions)
    .set({ status: 'retired', updatedAt: at, updatedBy: actorUserId(ctx) })
    .where(and(eq(policyVersions.code, input.code), eq(policyVersions.status, 'active')))
    .returning({ version: policyVersions.policyVersion })
    .all();
  const activated = db
    .update(policyVersions)
    .set({ status: 'active', activatedAt: at, activatedBy: actorUserId(ctx), ...updatedStamps(ctx, row) })
    .where(eq(policyVersions.id, row.id))
    .returning()
    .get();
  // A new version judges everyone of its target again at the next sweep; past decisions keep the version they used.
  db.update(policySubjects).set({ recheckOn: '' }).where(eq(policySubjects.subjectType, definition.target)).run();
  ctx.audit({ action: 'policies.activate', entityType: 'policy', entityId: `${input.code}.${input.version}`, detail: { retired: retired.map((r) => r.version), reason: input.reason } });
  return versionView(ctx, activated);
}
