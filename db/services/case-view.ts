import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { AttachmentView, CaseListItem, CaseView } from '../../shared/contract';
import { OTHER_DOCUMENT, OTHER_DOCUMENT_LABEL, type AttachmentMediaType } from '../../shared/domain/attachment-files';
import { maskIdNumber } from '../../shared/domain/masking';
import { documentsFor, CASE_TYPES, missingRequiredDocuments, type ApplicantKind, type CaseTypeCode } from '../../shared/domain/case-types';
import { availableActions, isOpen, type CaseState } from '../../shared/domain/workflow';
import { buildWorkCalendar, type WorkCalendar } from '../../shared/domain/working-days';
import { requireAccount, type Actor, type ServiceContext } from '../context';
import { calendarDays, caseAttachments, cases, caseTransitions, enterprises, persons, users } from '../schema';

export type CaseRow = typeof cases.$inferSelect;

/** Who handles a case: a member of staff by name; the command line has no account to answer for it. */
export function caseWorker(ctx: ServiceContext): Actor & { userId: number } {
  return requireAccount(ctx, '办理业务需要以个人账号登录');
}

export function workCalendar(ctx: ServiceContext): WorkCalendar {
  const days = ctx.database().db.select().from(calendarDays).all();
  return buildWorkCalendar(days.filter((d) => d.kind === 'holiday').map((d) => d.date), days.filter((d) => d.kind === 'workday').map((d) => d.date));
}

function userNames(ctx: ServiceContext, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(ctx.database().db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

/** Whole rows of these cases in the order given: a page is read by its index first, then only its rows. */
export function casesInOrder(ctx: ServiceContext, ids: number[]): CaseRow[] {
  if (ids.length === 0) return [];
  const byId = new Map(ctx.database().db.select().from(cases).where(inArray(cases.id, ids)).all().map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

export function formOf(row: CaseRow): Record<string, string | null> {
  return JSON.parse(row.form) as Record<string, string | null>;
}

/** A value of a case's form in SQL, as json_extract reads the stored JSON. */
export function formValue<T = unknown>(key: string): SQL<T | null> {
  return sql<T | null>`json_extract(${cases.form}, ${`$.${key}`})`;
}

export function documentsOf(row: CaseRow): string[] {
  return JSON.parse(row.documents) as string[];
}

export function applicantKindOf(row: Pick<CaseRow, 'enterpriseId'>): ApplicantKind {
  return row.enterpriseId !== null ? 'enterprise' : 'person';
}

/** The person of a case only persons apply for (registrations, certifications); the schema's check makes it present. */
export function personIdOf(row: Pick<CaseRow, 'id' | 'personId'>): number {
  if (row.personId === null) throw new Error(`case ${row.id} has an enterprise applicant, not a person`);
  return row.personId;
}

export function missingDocuments(row: Pick<CaseRow, 'caseType' | 'form' | 'documents' | 'enterpriseId'>): string[] {
  return missingRequiredDocuments(CASE_TYPES[row.caseType as CaseTypeCode], JSON.parse(row.form), JSON.parse(row.documents), applicantKindOf(row));
}

/** Name and identifier of each applicant: persons by masked ID number, enterprises by credit code (public). */
function applicants(ctx: ServiceContext, rows: Pick<CaseRow, 'personId' | 'enterpriseId'>[]): { persons: Map<number, { name: string; identifier: string }>; enterprises: Map<number, { name: string; identifier: string }> } {
  const { db } = ctx.database();
  const personIds = [...new Set(rows.map((r) => r.personId).filter((id): id is number => id !== null))];
  const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId).filter((id): id is number => id !== null))];
  return {
    persons: new Map(
      personIds.length
        ? db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber }).from(persons).where(inArray(persons.id, personIds)).all().map((p) => [p.id, { name: p.name, identifier: maskIdNumber(p.idNumber) }])
        : [],
    ),
    enterprises: new Map(
      enterpriseIds.length
        ? db
            .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, registrationNumber: enterprises.registrationNumber })
            .from(enterprises)
            .where(inArray(enterprises.id, enterpriseIds))
            .all()
            .map((e) => [e.id, { name: e.name, identifier: e.creditCode ?? e.registrationNumber ?? '' }])
        : [],
    ),
  };
}

function applicantOf(found: ReturnType<typeof applicants>, row: Pick<CaseRow, 'personId' | 'enterpriseId'>): { name: string; identifier: string } {
  const hit = row.enterpriseId !== null ? found.enterprises.get(row.enterpriseId) : found.persons.get(row.personId ?? -1);
  return hit ?? { name: '', identifier: '' };
}

function isOverdue(row: CaseRow, today: string): boolean {
  return isOpen(row.state as CaseState) && row.state !== 'returned' && row.dueDate !== null && row.dueDate < today;
}

/** Checklist codes that have an active file attached (not 'other'). */
export function attachedDocuments(ctx: ServiceContext, caseId: number): string[] {
  return ctx
    .database()
    .db.selectDistinct({ code: caseAttachments.documentCode })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.state, 'active'), ne(caseAttachments.documentCode, OTHER_DOCUMENT)))
    .all()
    .map((r) => r.code);
}

/** The case's files in the order handed in, removed ones included with their reason. */
function attachmentViews(ctx: ServiceContext, row: CaseRow): AttachmentView[] {
  const rows = ctx.database().db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id)).orderBy(caseAttachments.id).all();
  const labels = new Map(documentsFor(CASE_TYPES[row.caseType as CaseTypeCode], applicantKindOf(row)).map((d) => [d.code, d.label]));
  const names = userNames(ctx, rows.map((a) => a.createdBy));
  return rows.map((a) => ({
    id: a.id,
    documentCode: a.documentCode,
    documentLabel: a.documentCode === OTHER_DOCUMENT ? OTHER_DOCUMENT_LABEL : (labels.get(a.documentCode) ?? a.documentCode),
    fileName: a.fileName,
    mediaType: a.mediaType as AttachmentMediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    state: a.state,
    removedReason: a.removedReason,
    uploadedByName: a.createdBy ? (names.get(a.createdBy) ?? null) : null,
    uploadedAt: a.createdAt,
  }));
}

export function caseView(ctx: ServiceContext, row: CaseRow): CaseView {
  const { db } = ctx.database();
  const type = CASE_TYPES[row.caseType as CaseTypeCode];
  const applicant = applicantOf(applicants(ctx, [row]), row);
  const transitions = db.select().from(caseTransitions).where(eq(caseTransitions.caseId, row.id)).orderBy(caseTransitions.id).all();
  const names = userNames(ctx, [row.preparedBy, row.acceptedBy, row.decidedBy, ...transitions.map((t) => t.actorUserId)]);
  const received = new Set(documentsOf(row));
  const actor = ctx.actor?.userId != null ? { userId: ctx.actor.userId, roles: ctx.actor.roles } : null;
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    caseType: type.code,
    caseLabel: type.label,
    applicantKind: applicantKindOf(row),
    personId: row.personId,
    enterpriseId: row.enterpriseId,
    applicantName: applicant.name,
    applicantIdentifier: applicant.identifier,
    state: row.state as CaseState,
    form: formOf(row),
    documents: documentsFor(type, applicantKindOf(row)).map((d) => ({ code: d.code, label: d.label, required: d.required, received: received.has(d.code) })),
    attachments: attachmentViews(ctx, row),
    preparedByName: names.get(row.preparedBy) ?? null,
    acceptedByName: row.acceptedBy ? (names.get(row.acceptedBy) ?? null) : null,
    acceptedOn: row.acceptedOn,
    dueDate: row.dueDate,
    overdue: isOverdue(row, ctx.today),
    decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
    decidedAt: row.decidedAt,
    decisionComment: row.decisionComment,
    decisionSnapshot: row.decisionSnapshot ? JSON.parse(row.decisionSnapshot) : null,
    transitions: transitions.map((t) => ({
      action: t.action as CaseView['transitions'][number]['action'],
      fromState: t.fromState as CaseState,
      toState: t.toState as CaseState,
      actorName: t.actorUserId ? (names.get(t.actorUserId) ?? null) : null,
      at: t.at,
      comment: t.comment,
    })),
    availableActions: actor
      ? availableActions(type.workflow, row.state as CaseState, actor, {
          preparedBy: row.preparedBy,
          acceptedBy: row.acceptedBy,
          missingRequiredDocuments: missingDocuments(row),
        }).map(({ action, commentRequired }) => ({ action, commentRequired }))
      : [],
    createdAt: row.createdAt,
    version: row.version,
  };
}

export function caseListItems(ctx: ServiceContext, rows: CaseRow[]): CaseListItem[] {
  const found = applicants(ctx, rows);
  const names = userNames(ctx, rows.map((r) => r.preparedBy));
  return rows.map((row) => ({
    id: row.id,
    receiptNo: row.receiptNo,
    caseLabel: CASE_TYPES[row.caseType as CaseTypeCode].label,
    applicantKind: applicantKindOf(row),
    personId: row.personId,
    enterpriseId: row.enterpriseId,
    applicantName: applicantOf(found, row).name,
    state: row.state as CaseState,
    acceptedOn: row.acceptedOn,
    dueDate: row.dueDate,
    overdue: isOverdue(row, ctx.today),
    preparedByName: names.get(row.preparedBy) ?? null,
  }));
}

