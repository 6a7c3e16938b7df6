import { and, count, eq, isNull, lte, sql } from 'drizzle-orm';
import type { InForceCase, NoContactProposal, ParsedInputOf } from '../../shared/contract';
import type { EmploymentStatusCode } from '../../shared/domain/code-tables';
import { cancellationRefusal, proposeCancellation } from '../../shared/domain/case-types';
import { cancellationExitsCertification, cancellationReasonLabel, noContactCutoff, STATUS_AFTER_CANCELLATION } from '../../shared/domain/person-contacts';
import { actorUserId, requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { caseEvents, cases, persons } from '../schema';
import { inForceView, requireApproved } from './registration-view';
import { personIdOf, type CaseRow } from './case-view';
import { endCertification } from './certifications';
import { lastContactOn, lastContactSql } from './contacts';
import { recordCorrections } from './corrections';
import { refreshDerived } from './person-derived';
import { updatedStamps, updateVersioned } from './row-stamps';

/**
 * The person's employment status changed by a decision or a 注销, with a
 * correction entry naming why, and the derived tags recomputed.
 */
export function setEmploymentStatus(ctx: ServiceContext, personId: number, status: EmploymentStatusCode, reason: string): void {
  const { db } = ctx.database();
  const person = db.select().from(persons).where(eq(persons.id, personId)).get()!;
  if (person.employmentStatus === status) return;
  const after = db.update(persons).set({ employmentStatus: status, ...updatedStamps(ctx, person) }).where(eq(persons.id, person.id)).returning().get();
  recordCorrections(ctx, 'person', person.id, [{ field: 'employmentStatus', oldValue: person.employmentStatus, newValue: status }], reason);
  refreshDerived(db, after, ctx.today);
}

/**
 * The one code path that ends an unemployment registration in force: by
 * 注销 at the desk, and by an approved 就业登记 (close_open_unemployment_registration).
 * Records the day, reason, note and actor on the registration and in its
 * history, sets the person's status for the reason, and ends an active
 * 就业困难人员认定 when the reason is not work (cancellationExitsCertification).
 */
export function endUnemploymentRegistration(ctx: ServiceContext, row: CaseRow, reason: string, note: string | null, onDate: string, statusReason: string): CaseRow {
  const { db } = ctx.database();
  const at = ctx.now.toISOString();
  const actor = actorUserId(ctx);
  const after = updateVersioned(ctx, cases, row, row.version, { endedOn: onDate, endReason: reason, endNote: note, endedBy: actor }, '该失业登记已被他人办理或修改，请刷新后重试', {
    where: isNull(cases.endedOn),
  });
  db.insert(caseEvents).values({ caseId: row.id, kind: 'cancel', onDate, reason, note, actorUserId: actor, at }).run();
  if (cancellationExitsCertification(reason)) {
    const certifications = db
      .select()
      .from(cases)
      .where(and(eq(cases.personId, personIdOf(row)), eq(cases.caseType, 'difficulty_certification'), eq(cases.state, 'approved'), isNull(cases.endedOn)))
      .all();
    for (const cert of certifications) endCertification(ctx, cert, 'registration_cancelled', `失业登记注销（${cancellationReasonLabel(reason)}）`, onDate);
  }
  setEmploymentStatus(ctx, personIdOf(row), STATUS_AFTER_CANCELLATION[reason] ?? 'unemployed_unregistered', statusReason);
  return after;
}

/** The person's registration in force, if any (at most one: a second cannot be approved while the first holds). */
export function registrationInForce(ctx: ServiceContext, personId: number): CaseRow | undefined {
  return ctx
    .database()
    .db.select()
    .from(cases)
    .where(and(eq(cases.personId, personId), eq(cases.caseType, 'unemployment_registration'), eq(cases.state, 'approved'), isNull(cases.endedOn)))
    .get();
}

/** The day the 6 months count from: the latest contact, or the registration when later or without contact. */
function countedFrom(registeredOn: string, lastContact: string | null): string {
  return lastContact !== null && lastContact > registeredOn ? lastContact : registeredOn;
}

/** 注销 at the desk: who may use which reason is data (CANCELLATION_REASONS); nothing is deleted. */
export function cancel(ctx: ServiceContext, input: ParsedInputOf<'registrations.cancel'>): InForceCase {
  const actor = requireAccount(ctx, '注销失业登记需要以个人账号登录');
  const row = requireApproved(ctx, input.caseId, 'unemployment_registration', input.version);
  const note = input.note?.trim() ? input.note.trim() : null;
  const refusal = cancellationRefusal(input.reason, { userId: actor.userId, roles: actor.roles }, note);
  if (refusal) throw new AppError(refusal.includes('须由') ? 'FORBIDDEN' : 'BAD_INPUT', refusal, { fields: { [refusal.includes('说明') ? 'note' : 'reason']: refusal } });
  if (input.onDate > ctx.today) throw fieldError('onDate', '注销日期不能晚于今天', '注销日期');
  if (row.acceptedOn && input.onDate < row.acceptedOn) throw fieldError('onDate', `注销日期不能早于登记日期（${row.acceptedOn}）`, '注销日期');
  if (input.reason === 'no_contact_6_months') {
    const from = countedFrom(row.acceptedOn ?? ctx.today, lastContactOn(ctx, personIdOf(row)));
    if (!proposeCancellation(from, ctx.today)) {
      throw new AppError('CONFLICT', `最近一次联系或登记在${from}，未满连续6个月未联系，不能以此为由注销`, { fields: { reason: '未满6个月' } });
    }
  }
  const after = endUnemploymentRegistration(ctx, row, input.reason, note, input.onDate, `注销失业登记（${cancellationReasonLabel(input.reason)}，${row.receiptNo ?? `#${row.id}`}）`);
  ctx.audit({ action: 'registrations.cancel', entityType: 'case', entityId: row.id, detail: { reason: input.reason, onDate: input.onDate, personId: row.personId } });
  return inForceView(ctx, after);
}

/**
 * 连续6个月未联系: registrations in force whose latest contact (or the
 * registration itself) is at or before the cutoff, longest silent first. The
 * cutoff makes the SQL agree with proposeCancellation day for day.
 */
export function noContactProposals(ctx: ServiceContext, input: ParsedInputOf<'registrations.noContactProposals'>): { items: NoContactProposal[]; total: number; cutoff: string } {
  const { db } = ctx.database();
  const cutoff = noContactCutoff(ctx.today);
  const inForce = db
    .select({ id: cases.id, version: cases.version, receiptNo: cases.receiptNo, personId: cases.personId, acceptedOn: cases.acceptedOn, lastContact: lastContactSql.as('last_contact') })
    .from(cases)
    .where(and(eq(cases.caseType, 'unemployment_registration'), eq(cases.state, 'approved'), isNull(cases.endedOn)))
    .as('r');
  // SQLite's max of two values: the later of the registration and its latest contact.
  const countedFrom = sql<string>`max(${inForce.acceptedOn}, coalesce(${inForce.lastContact}, ${inForce.acceptedOn}))`;
  const silent = lte(countedFrom, cutoff);
  const total = db.select({ n: count() }).from(inForce).where(silent).get()!.n;
  const rows = db
    .select({ id: inForce.id, version: inForce.version, receiptNo: inForce.receiptNo, personId: persons.id, acceptedOn: inForce.acceptedOn, lastContact: inForce.lastContact, name: persons.name, countedFrom })
    .from(inForce)
    .innerJoin(persons, eq(persons.id, inForce.personId))
    .where(silent)
    .orderBy(countedFrom, inForce.id)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return {
    total,
    cutoff,
    items: rows.map((r) => ({
      caseId: r.id, caseVersion: r.version, receiptNo: r.receiptNo, personId: r.personId, personName: r.name,
      // An approved registration was accepted.
      registeredOn: r.acceptedOn!, lastContactOn: r.lastContact, countedFrom: r.countedFrom,
    })),
  };
}
