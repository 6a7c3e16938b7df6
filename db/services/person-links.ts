import { and, desc, eq, getTableName, inArray, sql } from 'drizzle-orm';
import { CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import { formatYuan } from '../../shared/domain/payments/money';
import {
  AFTERCARE_EVENT_LABELS, cancellationReasonLabel, contactChannelLabel, contactKindLabel, exitReasonLabel, suspensionReasonLabel, type ContactKind,
} from '../../shared/domain/person-contacts';
import { ACTION_LABELS, OPEN_STATES, STATE_LABELS, type CaseAction, type CaseState } from '../../shared/domain/workflow';
import type { ParsedInputOf, PersonView, TimelineSection } from '../../shared/contract';
import { fieldLabel } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { businessStarts, caseEvents, cases, caseTransitions, fairAttendances, guidanceEventAttendances, guidanceFollowUps, guidanceReferrals, guidanceSessions, personAssistance, personBusinesses, personContacts, personCorrections, personDeaths, personDisabilities, personInsurance, personKeyGroups, personKeyGroupSchedule, personQualifications, persons, personSearchKeys, satisfactionRatings, trainingClaimTrainees, trainingEnrolments, users, welfarePlacements, gigWorkers } from '../schema';
import { refreshDerived, type PersonRow } from './person-derived';
import { recordCorrections } from './corrections';
import { personFairEvents } from './fair-attendances';
import { payeeEvents } from './payment-ledger';
import { personEventEvents } from './guidance-events';
import { guidanceReferralEvents, guidanceSessionEvents } from './guidance-timeline';
import { personStartupEvents } from './startups';
import { personView } from './person-view';
import { trainingTimelineEvents } from './training-classes';
import { gigTimelineEvents } from './gig-statistics';
import { welfarePostTimelineEvents } from './welfare-posts';
import { updatedStamps } from './row-stamps';

/**
 * Every table that points at a person. A merge moves the linked rows to the
 * surviving record; derived rows are recomputed. A test lists the foreign keys
 * to `persons` and fails when a new table is missing here.
 */
export const PERSON_LINKED_COLUMNS = [
  personCorrections.personId,
  personQualifications.personId,
  cases.personId,
  fairAttendances.personId,
  personContacts.personId,
  guidanceSessions.personId,
  guidanceReferrals.personId,
  guidanceFollowUps.personId,
  guidanceEventAttendances.personId,
  satisfactionRatings.personId,
  trainingEnrolments.personId,
  // 培训补贴 paid for the person (with the enrolment it names, which moves too).
  trainingClaimTrainees.personId,
  welfarePlacements.personId,
  gigWorkers.personId,
  // 创业登记: the business the person started (one per person and enterprise).
  businessStarts.personId,
  // Other departments' rows were matched by ID number: they describe the person the record stands for.
  personInsurance.personId,
  personAssistance.personId,
  personDeaths.personId,
  personBusinesses.personId,
  personDisabilities.personId,
] as const;
export const PERSON_DERIVED_COLUMNS = [personSearchKeys.personId, personKeyGroups.personId, personKeyGroupSchedule.personId] as const;

function requireActive(ctx: ServiceContext, id: number, role: string): PersonRow {
  const row = ctx.database().db.select().from(persons).where(eq(persons.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的人员档案`);
  if (row.mergedIntoId !== null) throw new AppError('CONFLICT', `${role}（编号 ${id}）已经并入编号 ${row.mergedIntoId} 的档案`);
  return row;
}

/** Merges a duplicate into the record that stays; nothing is deleted, and the merged record leaves search. */
export function merge(ctx: ServiceContext, input: ParsedInputOf<'persons.merge'>): PersonView {
  if (input.keepId === input.mergeId) throw new AppError('BAD_INPUT', '保留的档案和并入的档案不能是同一份', { fields: { mergeId: '不能与保留的档案相同' } });
  const { db } = ctx.database();
  const keep = requireActive(ctx, input.keepId, '保留的档案');
  const merged = requireActive(ctx, input.mergeId, '并入的档案');
  const openTypes = (id: number) =>
    db.select({ type: cases.caseType }).from(cases).where(and(eq(cases.personId, id), inArray(cases.state, [...OPEN_STATES]))).all().map((c) => c.type);
  const clash = openTypes(merged.id).filter((t) => openTypes(keep.id).includes(t));
  if (clash.length) {
    throw new AppError('CONFLICT', `两份档案都有正在办理的同类业务（${clash.map((t) => CASE_TYPES[t as CaseTypeCode].label).join('、')}），请先办结或撤回其中一件再合并`);
  }
  const moved: Record<string, number> = {};
  for (const column of PERSON_LINKED_COLUMNS) {
    // One check-in per person and fair: where both records attended the same fair, the duplicate's
    // check-in stays with the merged record (as its intentions do), so nothing is lost or doubled.
    // Likewise one enrolment per person and training class, and one gig profile per person.
    const clashing =
      column === fairAttendances.personId ? sql`${fairAttendances.fairId} not in (select fair_id from fair_attendances where person_id = ${keep.id})`
      : column === guidanceEventAttendances.personId ? sql`${guidanceEventAttendances.eventId} not in (select event_id from guidance_event_attendances where person_id = ${keep.id})`
      : column === trainingEnrolments.personId ? sql`${trainingEnrolments.classId} not in (select class_id from training_enrolments where person_id = ${keep.id})`
      : column === gigWorkers.personId ? sql`not exists (select 1 from gig_workers where person_id = ${keep.id})`
      : column === businessStarts.personId ? sql`${businessStarts.enterpriseId} not in (select enterprise_id from business_starts where person_id = ${keep.id})`
      : undefined;
    const result = db.update(column.table).set({ personId: keep.id }).where(and(eq(column, merged.id), clashing)).run();
    moved[getTableName(column.table)] = result.changes;
  }
  const mergedAfter = db
    .update(persons)
    .set({ mergedIntoId: keep.id, ...updatedStamps(ctx, merged) })
    .where(eq(persons.id, merged.id))
    .returning()
    .get();
  refreshDerived(db, mergedAfter, ctx.today);
  const keepAfter = db
    .update(persons)
    .set(updatedStamps(ctx, keep))
    .where(eq(persons.id, keep.id))
    .returning()
    .get();
  recordCorrections(ctx, 'person', keep.id, [{ field: 'mergedFrom', oldValue: null, newValue: String(merged.id) }], input.reason);
  refreshDerived(db, keepAfter, ctx.today);
  ctx.audit({ action: 'persons.merge', entityType: 'person', entityId: keep.id, detail: { mergedId: merged.id, moved, reason: input.reason } });
  ctx.audit({ action: 'persons.merge', entityType: 'person', entityId: merged.id, before: merged, after: mergedAfter, detail: { mergedInto: keep.id } });
  return personView(ctx, keepAfter);
}

/** Every transition of the person's cases of these types, newest first. */
function transitionEvents(ctx: ServiceContext, personId: number, types: CaseTypeCode[]): TimelineSection['events'] {
  return ctx
    .database()
    .db.select({ at: caseTransitions.at, action: caseTransitions.action, to: caseTransitions.toState, comment: caseTransitions.comment, actor: users.displayName, type: cases.caseType, receiptNo: cases.receiptNo })
    .from(caseTransitions)
    .innerJoin(cases, eq(cases.id, caseTransitions.caseId))
    .leftJoin(users, eq(users.id, caseTransitions.actorUserId))
    .where(and(eq(cases.personId, personId), inArray(cases.caseType, types)))
    .orderBy(desc(caseTransitions.id))
    .all()
    .map((e) => ({
      at: e.at,
      title: `${CASE_TYPES[e.type as CaseTypeCode].label}：${ACTION_LABELS[e.action as CaseAction]}（${STATE_LABELS[e.to as CaseState]}）`,
      detail: [e.receiptNo, e.comment].filter(Boolean).join(' · ') || null,
      actor: e.actor,
    }));
}

/** The latest contacts of these kinds (the profile's contact section pages through all of them). */
function contactEvents(ctx: ServiceContext, personId: number, kinds: ContactKind[]): TimelineSection['events'] {
  return ctx
    .database()
    .db.select({ c: personContacts, actor: users.displayName })
    .from(personContacts)
    .leftJoin(users, eq(users.id, personContacts.staffUserId))
    .where(and(eq(personContacts.personId, personId), inArray(personContacts.kind, kinds)))
    .orderBy(desc(personContacts.contactDate), desc(personContacts.id))
    .limit(50)
    .all()
    .map(({ c, actor }) => ({
      // When it was recorded; the day of the contact is in the title.
      at: c.createdAt,
      title: `${contactKindLabel(c.kind)}（${contactChannelLabel(c.channel)}，${c.contactDate}）`,
      detail: [c.content, c.outcome ? `结果：${c.outcome}` : null].filter(Boolean).join(' · '),
      actor,
    }));
}

/** 注销 of registrations and the review, suspension and exit of certifications. */
function aftercareEvents(ctx: ServiceContext, personId: number, types: CaseTypeCode[]): TimelineSection['events'] {
  return ctx
    .database()
    .db.select({ e: caseEvents, actor: users.displayName, receiptNo: cases.receiptNo })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(and(eq(cases.personId, personId), inArray(cases.caseType, types)))
    .all()
    .map(({ e, actor, receiptNo }) => ({
      at: e.at,
      title: `${AFTERCARE_EVENT_LABELS[e.kind]}（${e.onDate}）`,
      detail: [receiptNo, e.reason ? (e.kind === 'cancel' ? cancellationReasonLabel(e.reason) : e.kind === 'suspend' ? suspensionReasonLabel(e.reason) : exitReasonLabel(e.reason)) : null, e.note].filter(Boolean).join(' · ') || null,
      actor,
    }));
}

const newestFirst = (events: TimelineSection['events']) => events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

type Source = { kind: TimelineSection['kind']; label: string; events: (ctx: ServiceContext, person: PersonRow) => TimelineSection['events'] };

/**
 * The profile's service record, one source per kind of service. Kinds whose
 * feature has not landed yet answer with no events, so the profile shows the
 * section and the API keeps its shape as features arrive.
 */
const TIMELINE_SOURCES: Source[] = [
  {
    kind: 'registry',
    label: '档案',
    events: (ctx, person) => {
      const { db } = ctx.database();
      const creator = person.createdBy ? db.select({ name: users.displayName }).from(users).where(eq(users.id, person.createdBy)).get() : undefined;
      const corrections = db
        .select({ at: personCorrections.correctedAt, field: personCorrections.field, reason: personCorrections.reason, actor: users.displayName, newValue: personCorrections.newValue })
        .from(personCorrections)
        .leftJoin(users, eq(users.id, personCorrections.correctedBy))
        .where(eq(personCorrections.personId, person.id))
        .all();
      return [
        { at: person.createdAt, title: '建立档案', detail: null, actor: creator?.name ?? null },
        ...corrections.map((c) => ({
          at: c.at,
          title: c.field === 'mergedFrom' ? `并入重复档案（编号 ${c.newValue}）` : `更正${fieldLabel(c.field)}`,
          detail: c.reason,
          actor: c.actor,
        })),
      ].sort((a, b) => (a.at < b.at ? 1 : -1));
    },
  },
  {
    kind: 'registrations',
    label: '失业/就业登记',
    events: (ctx, person) => newestFirst([...transitionEvents(ctx, person.id, ['unemployment_registration', 'employment_registration']), ...aftercareEvents(ctx, person.id, ['unemployment_registration'])]),
  },
  {
    kind: 'applications',
    label: '业务申请与审批',
    events: (ctx, person) => newestFirst([...transitionEvents(ctx, person.id, ['difficulty_certification', 'subsidy_application']), ...aftercareEvents(ctx, person.id, ['difficulty_certification'])]),
  },
  {
    kind: 'counseling',
    label: '联系与职业指导',
    events: (ctx, person) => newestFirst([...contactEvents(ctx, person.id, ['follow_up', 'counseling', 'policy_info', 'training_referral', 'other']), ...guidanceSessionEvents(ctx, person.id), ...personEventEvents(ctx, person.id)]),
  },
  { kind: 'referrals', label: '岗位推荐', events: (ctx, person) => newestFirst([...contactEvents(ctx, person.id, ['job_referral']), ...guidanceReferralEvents(ctx, person.id)]) },
  { kind: 'fairs', label: '招聘会', events: (ctx, person) => personFairEvents(ctx, person.id) },
  { kind: 'trainings', label: '培训', events: (ctx, person) => trainingTimelineEvents(ctx, person.id) },
  { kind: 'gigs', label: '零工', events: (ctx, person) => gigTimelineEvents(ctx, person.id) },
  { kind: 'startups', label: '创业', events: (ctx, person) => personStartupEvents(ctx, person.id) },
  { kind: 'welfarePosts', label: '公益性岗位', events: (ctx, person) => welfarePostTimelineEvents(ctx, person.id) },
  {
    kind: 'payments',
    label: '补贴发放',
    events: (ctx, person) => newestFirst(payeeEvents(ctx, 'person', person.id).map((e) => ({
      at: e.on,
      title: `${e.policyName} ${e.kindLabel} ${formatYuan(e.amountFen)}元（${e.periodText}）`,
      detail: [`批次明细 ${e.lineRef}`, e.reason].filter(Boolean).join(' · '),
      actor: e.by,
    }))),
  },
];

export function timeline(ctx: ServiceContext, input: ParsedInputOf<'persons.timeline'>): TimelineSection[] {
  const person = ctx.database().db.select().from(persons).where(eq(persons.id, input.id)).get();
  if (!person) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的人员档案`);
  return TIMELINE_SOURCES.map((s) => ({ kind: s.kind, label: s.label, events: s.events(ctx, person) }));
}

