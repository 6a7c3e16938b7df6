import { and, eq, inArray } from 'drizzle-orm';
import type { InForceCase } from '../../shared/contract';
import { AFTERCARE_EVENT_LABELS, cancellationReasonLabel, exitReasonLabel, suspensionReasonLabel, type AftercareEventKind } from '../../shared/domain/person-contacts';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { caseEvents, cases, persons, users } from '../schema';
import { personIdOf, type CaseRow } from './case-view';
import { firstContactSince } from './contacts';

/**
 * The approved 失业登记 and 就业困难人员认定 of a person as they stand after
 * the decision, with their history. Shared by the registration and the
 * certification services and the profile.
 */

function reasonLabel(kind: AftercareEventKind, reason: string | null): string | null {
  if (reason === null) return null;
  if (kind === 'cancel') return cancellationReasonLabel(reason);
  if (kind === 'suspend') return suspensionReasonLabel(reason);
  if (kind === 'exit') return exitReasonLabel(reason);
  return null;
}

function status(row: CaseRow, validTo: string | null, today: string): InForceCase['status'] {
  if (row.endedOn !== null) return 'ended';
  if (validTo !== null && validTo < today) return 'expired';
  if (row.suspendedOn !== null) return 'suspended';
  return 'in_force';
}

export function inForceView(ctx: ServiceContext, row: CaseRow): InForceCase {
  const { db } = ctx.database();
  const form = JSON.parse(row.form) as Record<string, string | null>;
  const isCert = row.caseType === 'difficulty_certification';
  const events = db
    .select({ e: caseEvents, actor: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(caseEvents.id)
    .all();
  const person = db.select({ name: persons.name }).from(persons).where(eq(persons.id, personIdOf(row))).get();
  const endedBy = row.endedBy ? db.select({ name: users.displayName }).from(users).where(eq(users.id, row.endedBy)).get() : undefined;
  const firstContact = isCert
    ? null
    : firstContactSince(ctx, personIdOf(row), row.acceptedOn ?? '');
  const validTo = isCert ? (form.validTo ?? null) : null;
  const endKind: AftercareEventKind = isCert ? 'exit' : 'cancel';
  return {
    caseId: row.id,
    version: row.version,
    caseType: isCert ? 'difficulty_certification' : 'unemployment_registration',
    receiptNo: row.receiptNo,
    personId: personIdOf(row),
    personName: person?.name ?? '',
    acceptedOn: row.acceptedOn,
    followUpDue: row.followUpDue,
    followedUpOn: firstContact,
    category: isCert ? (form.category ?? null) : null,
    validFrom: isCert ? (form.validFrom ?? null) : null,
    validTo,
    suspendedOn: row.suspendedOn,
    suspensionReason: row.suspensionReason,
    lastReviewedOn: row.lastReviewedOn,
    reviewDue: row.reviewDue,
    status: status(row, validTo, ctx.today),
    endedOn: row.endedOn,
    endReason: row.endReason,
    endReasonLabel: reasonLabel(endKind, row.endReason),
    endNote: row.endNote,
    endedByName: endedBy?.name ?? null,
    events: events.map(({ e, actor }) => ({
      kind: e.kind, label: AFTERCARE_EVENT_LABELS[e.kind], onDate: e.onDate, reason: e.reason, reasonLabel: reasonLabel(e.kind, e.reason), note: e.note, actorName: actor, at: e.at,
    })),
  };
}

/** An approved case of the type, for an act after the decision; refuses a stale version. */
export function requireApproved(ctx: ServiceContext, caseId: number, caseType: CaseRow['caseType'], version: number): CaseRow {
  const row = ctx.database().db.select().from(cases).where(eq(cases.id, caseId)).get();
  const what = caseType === 'difficulty_certification' ? '就业困难人员认定' : '失业登记';
  if (!row || row.caseType !== caseType) throw new AppError('NOT_FOUND', `没有编号为 ${caseId} 的${what}`);
  if (row.state !== 'approved') throw new AppError('CONFLICT', `该${what}尚未批准，不能办理此项`);
  if (row.version !== version) throw new AppError('CONFLICT', `该${what}已被他人办理或修改，请刷新后重试`);
  if (row.endedOn !== null) throw new AppError('CONFLICT', `该${what}已于${row.endedOn}${caseType === 'difficulty_certification' ? '退出' : '注销'}`);
  return row;
}

export function forPerson(ctx: ServiceContext, input: { personId: number }): InForceCase[] {
  return ctx
    .database()
    .db.select()
    .from(cases)
    .where(and(eq(cases.personId, input.personId), eq(cases.state, 'approved'), inArray(cases.caseType, ['unemployment_registration', 'difficulty_certification'])))
    .orderBy(cases.id)
    .all()
    .reverse()
    .map((row) => inForceView(ctx, row));
}
