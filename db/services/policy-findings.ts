/**
 * The work lists the sweep leaves (疑似符合、尚未享受), one finding's reasons
 * and the facts behind them, the outreach staff record, and the prefilled
 * application opened from a finding in one click.
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { CaseView, FindingListItem, FindingSubject, FindingView, OutreachView, ParsedInputOf } from '../../shared/contract';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { explainVerdict, verdictFromStored, type FactSnapshot, type PolicyDefinition, type StoredVerdict, type Verdict } from '../../shared/domain/policies';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { enterprises, persons, policyFindings, policyOutreach, policyVersions, users } from '../schema';
import { definitionOf } from './policies';
import { create as createCase } from './cases';
import { updatedStamps } from './row-stamps';

type FindingRow = typeof policyFindings.$inferSelect;

/**
 * The findings' whole verdicts: a sweep stores each without its trace, which
 * is derived again here from the finding's facts and its policy version (each
 * version read once per call).
 */
function verdictsOf(ctx: ServiceContext, rows: FindingRow[]): Map<number, Verdict> {
  const { db } = ctx.database();
  const definitions = new Map<string, PolicyDefinition>();
  const verdicts = new Map<number, Verdict>();
  for (const row of rows) {
    const stored = JSON.parse(row.verdict) as StoredVerdict;
    const key = `${row.policyCode}@${row.policyVersion}`;
    let definition = definitions.get(key);
    if (!definition && !stored.trace) {
      const version = db.select().from(policyVersions).where(and(eq(policyVersions.code, row.policyCode), eq(policyVersions.policyVersion, row.policyVersion))).get();
      if (!version) throw new AppError('INTERNAL', `政策 ${row.policyCode} 第 ${row.policyVersion} 版不在政策库中`);
      definition = definitionOf(version);
      definitions.set(key, definition);
    }
    verdicts.set(row.id, definition ? verdictFromStored(stored, definition, JSON.parse(row.facts) as FactSnapshot) : (stored as Verdict));
  }
  return verdicts;
}

function subjectsOf(ctx: ServiceContext, rows: FindingRow[]): Map<string, FindingSubject> {
  const { db } = ctx.database();
  const personIds = rows.filter((r) => r.subjectType === 'person').map((r) => r.subjectId);
  const enterpriseIds = rows.filter((r) => r.subjectType === 'enterprise').map((r) => r.subjectId);
  const subjects = new Map<string, FindingSubject>();
  if (personIds.length) {
    for (const p of db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, phone: persons.phone }).from(persons).where(inArray(persons.id, personIds)).all()) {
      subjects.set(`person:${p.id}`, { type: 'person', id: p.id, name: p.name, keyMasked: maskIdNumber(p.idNumber), phoneMasked: p.phone ? maskPhone(p.phone) : null });
    }
  }
  if (enterpriseIds.length) {
    for (const e of db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, registrationNumber: enterprises.registrationNumber }).from(enterprises).where(inArray(enterprises.id, enterpriseIds)).all()) {
      subjects.set(`enterprise:${e.id}`, { type: 'enterprise', id: e.id, name: e.name, keyMasked: e.creditCode ?? e.registrationNumber ?? '', phoneMasked: null });
    }
  }
  return subjects;
}

function lastOutreachOf(ctx: ServiceContext, ids: number[]): Map<number, FindingListItem['lastOutreach']> {
  const last = new Map<number, FindingListItem['lastOutreach']>();
  if (ids.length === 0) return last;
  const rows = ctx.database().db.select().from(policyOutreach).where(inArray(policyOutreach.findingId, ids)).orderBy(policyOutreach.contactedOn, policyOutreach.id).all();
  for (const r of rows) last.set(r.findingId, { contactedOn: r.contactedOn, channel: r.channel, outcome: r.outcome });
  return last;
}

function listItems(ctx: ServiceContext, rows: FindingRow[]): FindingListItem[] {
  const subjects = subjectsOf(ctx, rows);
  const outreach = lastOutreachOf(ctx, rows.map((r) => r.id));
  const verdicts = verdictsOf(ctx, rows);
  return rows.map((row) => {
    const verdict = verdicts.get(row.id)!;
    return {
      id: row.id,
      policyCode: row.policyCode,
      policyName: verdict.policyName,
      policyVersion: row.policyVersion,
      subject: subjects.get(`${row.subjectType}:${row.subjectId}`) ?? { type: row.subjectType, id: row.subjectId, name: '（已不在库中）', keyMasked: '', phoneMasked: null },
      result: row.result,
      amountFen: row.amountFen,
      amountConfirmed: verdict.amountConfirmed,
      headline: explainVerdict(verdict).headline,
      status: row.status,
      firstFoundAt: row.firstFoundAt,
      lastOutreach: outreach.get(row.id) ?? null,
      caseId: row.caseId,
      batchId: row.batchId,
    };
  });
}

export function findings(ctx: ServiceContext, input: ParsedInputOf<'policies.findings'>): { items: FindingListItem[]; total: number } {
  const { db } = ctx.database();
  const where: SQL[] = [inArray(policyFindings.status, input.status ? [input.status] : ['open', 'contacted'])];
  if (input.policyCode) where.push(eq(policyFindings.policyCode, input.policyCode));
  const total = db.select({ n: count() }).from(policyFindings).where(and(...where)).get()?.n ?? 0;
  const rows = db
    .select()
    .from(policyFindings)
    .where(and(...where))
    .orderBy(desc(policyFindings.result), policyFindings.firstFoundAt, policyFindings.id)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { items: listItems(ctx, rows), total };
}

function requireFinding(ctx: ServiceContext, id: number): FindingRow {
  const row = ctx.database().db.select().from(policyFindings).where(eq(policyFindings.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的疑似符合记录`);
  return row;
}

export function findingView(ctx: ServiceContext, row: FindingRow): FindingView {
  const [item] = listItems(ctx, [row]);
  const verdict = verdictsOf(ctx, [row]).get(row.id)!;
  const outreach: OutreachView[] = ctx
    .database()
    .db.select({ o: policyOutreach, staff: users.displayName })
    .from(policyOutreach)
    .leftJoin(users, eq(users.id, policyOutreach.staffId))
    .where(eq(policyOutreach.findingId, row.id))
    .orderBy(policyOutreach.contactedOn, policyOutreach.id)
    .all()
    .map(({ o, staff }) => ({ id: o.id, channel: o.channel, contactedOn: o.contactedOn, outcome: o.outcome, message: o.message, note: o.note, staff, createdAt: o.createdAt }));
  return {
    ...item!,
    explanation: explainVerdict(verdict),
    trace: verdict.trace,
    facts: JSON.parse(row.facts) as FindingView['facts'],
    outreach,
    suggestedMessage: `【${verdict.policyName}】${item!.subject.name}您好：经比对，您可能符合${verdict.policyName}的享受条件，请携带身份证件到就业服务窗口咨询办理。`,
    decision: row.decision,
    decisionReason: row.decisionReason,
  };
}

export function finding(ctx: ServiceContext, input: ParsedInputOf<'policies.finding'>): FindingView {
  const row = requireFinding(ctx, input.id);
  // The facts behind a finding are a person's or an enterprise's data: looking at them is audited.
  ctx.audit({ action: 'policies.finding', entityType: row.subjectType, entityId: row.subjectId, detail: { findingId: row.id, policyCode: row.policyCode } });
  return findingView(ctx, row);
}

export function recordOutreach(ctx: ServiceContext, input: ParsedInputOf<'policies.recordOutreach'>): FindingView {
  const { db } = ctx.database();
  const row = requireFinding(ctx, input.findingId);
  if (!['open', 'contacted'].includes(row.status)) throw new AppError('CONFLICT', '该记录已办结（已申请、已拒绝或已不再符合），不能再记录联系');
  if (input.contactedOn > ctx.today) throw fieldError('contactedOn', '不能晚于今天', '联系日期');
  if (input.contactedOn < row.firstFoundAt.slice(0, 10)) throw fieldError('contactedOn', `不能早于比对发现之日（${row.firstFoundAt.slice(0, 10)}）`, '联系日期');
  if (input.channel === 'sms' && !input.message) throw fieldError('message', '短信须记录发送内容', '发送内容');
  db.insert(policyOutreach)
    .values({ findingId: row.id, channel: input.channel, contactedOn: input.contactedOn, outcome: input.outcome, message: input.message ?? null, note: input.note ?? null, staffId: actorUserId(ctx), createdAt: ctx.now.toISOString() })
    .run();
  const status = input.outcome === 'declined' ? 'declined' : 'contacted';
  const after = db.update(policyFindings).set({ status, ...updatedStamps(ctx, row) }).where(eq(policyFindings.id, row.id)).returning().get();
  ctx.audit({ action: 'policies.recordOutreach', entityType: row.subjectType, entityId: row.subjectId, detail: { findingId: row.id, channel: input.channel, outcome: input.outcome } });
  return findingView(ctx, after);
}

/** The 补贴申请 a finding becomes: the applicant, the policy's code, the amount the engine computed, as a draft. */
export function openApplication(ctx: ServiceContext, input: ParsedInputOf<'policies.openApplication'>): CaseView {
  const { db } = ctx.database();
  const row = requireFinding(ctx, input.findingId);
  if (row.caseId !== null) throw new AppError('CONFLICT', `已为该记录生成过申请（业务编号 ${row.caseId}）`);
  if (!['open', 'contacted'].includes(row.status)) throw new AppError('CONFLICT', '该记录已办结，不能再生成申请');
  const form: Record<string, string | null> = { subsidyCode: row.policyCode };
  if (row.amountFen !== null) form.requestedAmountFen = String(row.amountFen);
  const view = createCase(ctx, {
    ...(row.subjectType === 'person' ? { personId: row.subjectId } : { enterpriseId: row.subjectId }),
    caseType: 'subsidy_application',
    form,
    documents: [],
  });
  db.update(policyFindings).set({ status: 'applied', caseId: view.id, ...updatedStamps(ctx, row) }).where(eq(policyFindings.id, row.id)).run();
  ctx.audit({ action: 'policies.openApplication', entityType: row.subjectType, entityId: row.subjectId, detail: { findingId: row.id, caseId: view.id } });
  return view;
}
