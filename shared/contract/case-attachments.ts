import { z } from 'zod';
import { MAX_ATTACHMENT_BASE64_CHARS, MAX_ATTACHMENT_BYTES, type AttachmentMediaType } from '../domain/attachment-files';
import type { CaseView } from './case-views';
import { method } from './define';
import { entityId, rowVersion, text } from './fields';

/** The stored file, checked against its SHA-256 on the way out. */
export interface AttachmentContent {
  id: number;
  fileName: string;
  mediaType: AttachmentMediaType;
  sha256: string;
  contentBase64: string;
}

const MAX_MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

export const caseAttachmentsContract = {
  'cases.attach': method<CaseView>()({
    input: z.strictObject({
      caseId: entityId,
      version: rowVersion,
      documentCode: z.string().min(1, '请选择对应的材料').max(40),
      fileName: text(200),
      // Base64 of at most 10 MB; the backend checks the decoded size and the content's type again.
      contentBase64: z
        .string()
        .min(1, '文件是空的')
        .max(MAX_ATTACHMENT_BASE64_CHARS, `文件超过上限 ${MAX_MB} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
    }),
    access: 'cases.prepare',
    writes: true,
    title: '上传业务附件（PDF、JPG、PNG）',
    labels: { fileName: '文件名', contentBase64: '文件', documentCode: '对应材料' },
  }),
  'cases.removeAttachment': method<CaseView>()({
    input: z.strictObject({ caseId: entityId, version: rowVersion, attachmentId: entityId, reason: text(200) }),
    access: 'cases.prepare',
    writes: true,
    title: '移除业务附件（受理前，须注明原因，文件保留）',
    labels: { reason: '移除原因' },
  }),
  'cases.readAttachment': method<AttachmentContent>()({
    input: z.strictObject({ id: entityId }),
    access: 'cases.read',
    writes: false,
    title: '查看业务附件（核对 SHA-256）',
  }),
};
