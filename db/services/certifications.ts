import { and, count, eq, isNull, lte, sql } from 'drizzle-orm';
import type { InForceCase, ParsedInputOf } from '../../shared/contract';
import { addDays } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { annualReviewDue } from '../../shared/domain/case-types';
import { AFTERCARE_EVENT_LABELS, CERTIFICATION_EVENT_ROLES, type CertificationEventKind } from '../../shared/domain/person-contacts';
import { ROLE_LABELS } from '../../shared/labels/zh-CN';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { caseEvents, cases, persons } from '../schema';
import { inForceView, requireApproved } from './registration-view';
import { casesInOrder, formValue, personIdOf, type CaseRow } from './case-view';
import { refreshDerived } from './person-derived';
import { updateVersioned } from './row-stamps';

/**
 * The life of an approved 就业困难人员认定: annual review, suspension (the
 * key-group tag is off while suspended), resumption and exit (off for good).
 * Each step is a history row (case_events) plus the case's current columns,
 * under the case's version; the person's stored tags follow in the same
 * transaction through certificationsOf.
 */

/** The day the certification was decided (office day), from which the first review counts. */
export function certifiedOn(row: CaseRow): string {
  return row.decidedAt ? officeDate(new Date(row.decidedAt)) : (row.acceptedOn ?? row.createdAt.slice(0, 10));
}

function refreshPerson(ctx: ServiceContext, personId: number): void {
  const { db } = ctx.database();
  refreshDerived(db, db.select().from(persons).where(eq(persons.id, personId)).get()!, ctx.today);
}

function lastEventOn(ctx: ServiceContext, caseId: number): string | null {
  return ctx.database().db.select({ d: sql<string | null>`max(${caseEvents.onDate})` }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).get()?.d ?? null;
}

function write(ctx: ServiceContext, row: CaseRow, kind: CertificationEventKind, onDate: string, reason: string | null, note: string | null, changes: Partial<CaseRow>): CaseRow {
  const { db } = ctx.database();
  const at = ctx.now.toISOString();
  const actor = actorUserId(ctx);
  const after = updateVersioned(ctx, cases, row, row.version, changes, '该就业困难人员认定已被他人办理或修改，请刷新后重试');
  db.insert(caseEvents).values({ caseId: row.id, kind, onDate, reason, note, actorUserId: actor, at }).run();
  refreshPerson(ctx, personIdOf(row));
  return after;
}

/** Ends a certification (exit); also called when the registration it rests on is cancelled. */
export function endCertification(ctx: ServiceContext, row: CaseRow, reason: string, note: string | null, onDate: string): CaseRow {
  return write(ctx, row, 'exit', onDate, reason, note, { endedOn: onDate, endReason: reason, endNote: note, endedBy: actorUserId(ctx), suspendedOn: null, suspensionReason: null });
}

/** The checks every step shares: the role, the version, the day (not in the future, not before the certification or its last step). */
function prepare(ctx: ServiceContext, kind: CertificationEventKind, input: { caseId: number; version: number; onDate: string }): CaseRow {
  const roles = ctx.actor?.roles ?? [];
  const allowed = CERTIFICATION_EVENT_ROLES[kind];
  if (!allowed.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', `${AFTERCARE_EVENT_LABELS[kind]}须由${allowed.map((r) => ROLE_LABELS[r]).join('或')}办理`);
  const row = requireApproved(ctx, input.caseId, 'difficulty_certification', input.version);
  const label = `${AFTERCARE_EVENT_LABELS[kind].slice(0, 2)}日期`;
  if (input.onDate > ctx.today) throw fieldError('onDate', `${label}不能晚于今天`, label);
  const form = JSON.parse(row.form) as Record<string, string | null>;
  const since = certifiedOn(row);
  if (input.onDate < since) throw fieldError('onDate', `${label}不能早于认定日期（${since}）`, label);
  const last = lastEventOn(ctx, row.id);
  if (last !== null && input.onDate < last) throw fieldError('onDate', `${label}不能早于上一次办理（${last}）`, label);
  if (kind !== 'exit' && form.validTo && form.validTo < ctx.today) throw new AppError('CONFLICT', `该认定已于${form.validTo}有效期届满，不能再${AFTERCARE_EVENT_LABELS[kind]}`);
  return row;
}

const noteOf = (note: string | null | undefined) => (note?.trim() ? note.trim() : null);

export function review(ctx: ServiceContext, input: ParsedInputOf<'certifications.review'>): InForceCase {
  const row = prepare(ctx, 'review', input);
  const after = write(ctx, row, 'review', input.onDate, null, noteOf(input.note), { lastReviewedOn: input.onDate, reviewDue: annualReviewDue(certifiedOn(row), input.onDate) });
  ctx.audit({ action: 'certifications.review', entityType: 'case', entityId: row.id, detail: { onDate: input.onDate, reviewDue: after.reviewDue } });
  return inForceView(ctx, after);
}

export function suspend(ctx: ServiceContext, input: ParsedInputOf<'certifications.suspend'>): InForceCase {
  const row = prepare(ctx, 'suspend', input);
  if (row.suspendedOn !== null) throw new AppError('CONFLICT', `该认定已于${row.suspendedOn}暂停`);
  const after = write(ctx, row, 'suspend', input.onDate, input.reason, noteOf(input.note), { suspendedOn: input.onDate, suspensionReason: input.reason });
  ctx.audit({ action: 'certifications.suspend', entityType: 'case', entityId: row.id, detail: { onDate: input.onDate, reason: input.reason } });
  return inForceView(ctx, after);
}

export function resume(ctx: ServiceContext, input: ParsedInputOf<'certifications.resume'>): InForceCase {
  const row = prepare(ctx, 'resume', input);
  if (row.suspendedOn === null) throw new AppError('CONFLICT', '该认定未暂停，无需恢复');
  const after = write(ctx, row, 'resume', input.onDate, null, noteOf(input.note), { suspendedOn: null, suspensionReason: null });
  ctx.audit({ action: 'certifications.resume', entityType: 'case', entityId: row.id, detail: { onDate: input.onDate } });
  return inForceView(ctx, after);
}

export function exit(ctx: ServiceContext, input: ParsedInputOf<'certifications.exit'>): InForceCase {
  const row = prepare(ctx, 'exit', input);
  const after = endCertification(ctx, row, input.reason, noteOf(input.note), input.onDate);
  ctx.audit({ action: 'certifications.exit', entityType: 'case', entityId: row.id, detail: { onDate: input.onDate, reason: input.reason } });
  return inForceView(ctx, after);
}

/** Certifications in force (suspended ones too) whose annual review falls within `withinDays`, or is past. */
export function reviewsDue(ctx: ServiceContext, input: ParsedInputOf<'certifications.reviewsDue'>): { items: InForceCase[]; total: number } {
  const { db } = ctx.database();
  const until = addDays(ctx.today, input.withinDays);
  const due = and(
    eq(cases.caseType, 'difficulty_certification'), eq(cases.state, 'approved'), isNull(cases.endedOn), lte(cases.reviewDue, until),
    sql`coalesce(${formValue('validTo')}, '9999-12-31') >= ${ctx.today}`,
  );
  const total = db.select({ n: count() }).from(cases).where(due).get()!.n;
  const ids = db.select({ id: cases.id }).from(cases).where(due).orderBy(cases.reviewDue, cases.id).limit(input.pageSize).offset((input.page - 1) * input.pageSize).all();
  return { total, items: casesInOrder(ctx, ids.map((r) => r.id)).map((row) => inForceView(ctx, row)) };
}
