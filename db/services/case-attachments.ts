import { and, eq } from 'drizzle-orm';
import type { AttachmentContent, CaseView, ParsedInputOf } from '../../shared/contract';
import { attachmentRefusal, OTHER_DOCUMENT, sniffMediaType, type AttachmentMediaType } from '../../shared/domain/attachment-files';
import { documentsFor, CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import { STATE_LABELS, type CaseState } from '../../shared/domain/workflow';
import { attachmentKey, readAttachmentFile, storeAttachmentFile } from '../attachment-store';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { caseAttachments, cases } from '../schema';
import { applicantKindOf, caseView, caseWorker, documentsOf, type CaseRow } from './case-view';
import { createdStamps, updatedStamps, updateVersioned } from './row-stamps';

/**
 * 附件 of a case. An attachment ticks its document on the checklist (the
 * same tick staff give paper seen at the window), so a scanned 告知承诺书
 * satisfies acceptance exactly as the signed sheet does.
 */

/** Files may be added while the case is with the front desk: a draft, or returned for 补正. */
const ATTACHABLE: readonly CaseState[] = ['draft', 'returned'];

/** The case at the version the caller saw; a stale one is refused like any other write. */
function caseAtVersion(ctx: ServiceContext, id: number, version: number): CaseRow {
  const row = ctx.database().db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的业务`);
  if (row.version !== version) throw new AppError('CONFLICT', '该业务已被他人办理或修改，请刷新后重试');
  return row;
}

/** Saves the case's ticked documents, bumping its version. */
function saveDocuments(ctx: ServiceContext, row: CaseRow, documents: string[]): CaseRow {
  return updateVersioned(ctx, cases, row, row.version, { documents: JSON.stringify(documents) }, '该业务已被他人办理或修改，请刷新后重试', { by: caseWorker(ctx).userId });
}

export function attach(ctx: ServiceContext, input: ParsedInputOf<'cases.attach'>): CaseView {
  const { db } = ctx.database();
  const row = caseAtVersion(ctx, input.caseId, input.version);
  const state = row.state as CaseState;
  if (!ATTACHABLE.includes(state)) {
    throw new AppError('CONFLICT', `业务处于「${STATE_LABELS[state]}」状态，不能再上传附件（仅限草稿或退回补正）`);
  }
  const type = CASE_TYPES[row.caseType as CaseTypeCode];
  if (input.documentCode !== OTHER_DOCUMENT && !documentsFor(type, applicantKindOf(row)).some((d) => d.code === input.documentCode)) {
    throw new AppError('BAD_INPUT', `“${input.documentCode}”不是${type.label}的材料`, { fields: { documentCode: '不属于该业务的材料' } });
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  const refusal = attachmentRefusal(input.fileName, content);
  if (refusal) throw new AppError('BAD_INPUT', refusal, { fields: { contentBase64: refusal } });
  const mediaType = sniffMediaType(content)!;
  // The file first: a file without its row is harmless (the next upload reuses it); a row without its file is not.
  const { sha256 } = storeAttachmentFile(ctx.desk.dataDir, attachmentKey(ctx.database().sqlite, true)!, content);
  const twice = db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.sha256, sha256), eq(caseAttachments.documentCode, input.documentCode), eq(caseAttachments.state, 'active')))
    .get();
  if (twice) throw new AppError('DUPLICATE', `文件“${input.fileName}”已作为同一材料上传过，不必重复上传`, { details: { attachmentId: twice.id } });
  const uploader = caseWorker(ctx).userId;
  const attachment = db
    .insert(caseAttachments)
    .values({
      caseId: row.id,
      documentCode: input.documentCode,
      fileName: input.fileName,
      mediaType,
      sizeBytes: content.length,
      sha256,
      ...createdStamps(ctx, uploader),
    })
    .returning({ id: caseAttachments.id })
    .get();
  const documents = documentsOf(row);
  const ticks = input.documentCode !== OTHER_DOCUMENT && !documents.includes(input.documentCode);
  const updated = saveDocuments(ctx, row, ticks ? [...documents, input.documentCode] : documents);
  // The file name may carry the applicant's name: the audit keeps the document and the hash only.
  ctx.audit({ action: 'cases.attach', entityType: 'case', entityId: row.id, detail: { attachmentId: attachment.id, documentCode: input.documentCode, sha256, sizeBytes: content.length } });
  return caseView(ctx, updated);
}

export function removeAttachment(ctx: ServiceContext, input: ParsedInputOf<'cases.removeAttachment'>): CaseView {
  const { db } = ctx.database();
  const row = caseAtVersion(ctx, input.caseId, input.version);
  const state = row.state as CaseState;
  if (state !== 'draft') {
    throw new AppError('CONFLICT', `业务处于「${STATE_LABELS[state]}」状态，附件已随受理留存，不能移除（仅限受理前的草稿）`);
  }
  const attachment = db.select().from(caseAttachments).where(and(eq(caseAttachments.id, input.attachmentId), eq(caseAttachments.caseId, row.id))).get();
  if (!attachment) throw new AppError('NOT_FOUND', `该业务没有编号为 ${input.attachmentId} 的附件`);
  if (attachment.state === 'removed') throw new AppError('CONFLICT', `附件“${attachment.fileName}”已经移除`);
  const at = ctx.now.toISOString();
  const remover = caseWorker(ctx).userId;
  db.update(caseAttachments)
    .set({ state: 'removed', removedReason: input.reason, removedAt: at, removedBy: remover, ...updatedStamps(ctx, attachment, remover) })
    .where(eq(caseAttachments.id, attachment.id))
    .run();
  // The tick came with the file: without another file for that document it goes too (staff tick it again for paper seen).
  const stillAttached = db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.documentCode, attachment.documentCode), eq(caseAttachments.state, 'active')))
    .get();
  const documents = documentsOf(row);
  const updated = saveDocuments(ctx, row, stillAttached ? documents : documents.filter((d) => d !== attachment.documentCode));
  ctx.audit({ action: 'cases.removeAttachment', entityType: 'case', entityId: row.id, detail: { attachmentId: attachment.id, documentCode: attachment.documentCode } });
  return caseView(ctx, updated);
}

export function readAttachment(ctx: ServiceContext, input: ParsedInputOf<'cases.readAttachment'>): AttachmentContent {
  const attachment = ctx.database().db.select().from(caseAttachments).where(eq(caseAttachments.id, input.id)).get();
  if (!attachment) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的附件`);
  const content = readAttachmentFile(ctx.desk.dataDir, attachmentKey(ctx.database().sqlite, false), attachment.sha256, attachment.fileName);
  // Viewing a scanned ID is viewing personal data: it is audited like opening a profile.
  ctx.audit({ action: 'cases.readAttachment', entityType: 'case', entityId: attachment.caseId, detail: { attachmentId: attachment.id } });
  return { id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType as AttachmentMediaType, sha256: attachment.sha256, contentBase64: content.toString('base64') };
}
