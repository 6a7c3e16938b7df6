/**
 * 附件 (attachments) of a case: the kinds of file the desk keeps and how it
 * recognises them. The file's first bytes decide, never its name: a renamed
 * .exe stays refused, and a scan saved as "身份证.pdf" that is really a JPEG is
 * kept and shown as the JPEG it is.
 */

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** 10 MB: a phone photo or a multi-page scan fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Base64 length of the largest file (4 characters per 3 bytes, padded), for the contract's limit. */
export const MAX_ATTACHMENT_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** The checklist code of a file that proves none of the listed documents. */
export const OTHER_DOCUMENT = 'other';
export const OTHER_DOCUMENT_LABEL = '其他材料';

export const MEDIA_TYPE_LABELS: Record<AttachmentMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

const SIGNATURES: ReadonlyArray<{ type: AttachmentMediaType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the content really has, or null when it is none of PDF, JPG, PNG. */
export function sniffMediaType(content: Uint8Array): AttachmentMediaType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (content.length >= bytes.length && bytes.every((b, i) => content[i] === b)) return type;
  }
  return null;
}

/** "10 MB", "350 KB": sizes as staff read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/**
 * Why the file cannot be attached, in Chinese and naming it; null when it may.
 * Checked on both sides: the screen says it before sending 10 MB, the backend
 * says it again because the screen is not the door.
 */
export function attachmentRefusal(fileName: string, content: Uint8Array): string | null {
  if (content.length === 0) return `文件“${fileName}”是空文件`;
  if (content.length > MAX_ATTACHMENT_BYTES) {
    return `文件“${fileName}”大小为 ${formatFileSize(content.length)}，超过上限 ${formatFileSize(MAX_ATTACHMENT_BYTES)}`;
  }
  if (!sniffMediaType(content)) return `文件“${fileName}”不是 PDF、JPG 或 PNG 文件（按文件内容判断，与扩展名无关），不能作为附件`;
  return null;
}

/** Where a stored file lives under the data folder: content-addressed, fanned out by the hash's first two digits. */
export function attachmentRelativePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
  return `attachments/${sha256.slice(0, 2)}/${sha256}`;
}
