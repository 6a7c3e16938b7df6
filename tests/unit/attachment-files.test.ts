import { describe, expect, it } from 'vitest';
import { attachmentRefusal, attachmentRelativePath, formatFileSize, MAX_ATTACHMENT_BASE64_CHARS, MAX_ATTACHMENT_BYTES, sniffMediaType } from '../../shared/domain/attachment-files';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('recognising an attachment by its first bytes', () => {
  it('knows PDF, PNG and JPEG by their signatures', () => {
    expect(sniffMediaType(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
  });

  it('refuses everything else, and truncated signatures', () => {
    expect(sniffMediaType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull(); // a Windows program
    expect(sniffMediaType(new TextEncoder().encode('PK\x03\x04'))).toBeNull(); // a Word or zip file
    expect(sniffMediaType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode('%PD'))).toBeNull();
    expect(sniffMediaType(bytes())).toBeNull();
  });

  it('names the file and the limit when refusing', () => {
    expect(attachmentRefusal('a.pdf', bytes())).toBe('文件“a.pdf”是空文件');
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(attachmentRefusal('扫描.pdf', big)).toBe('文件“扫描.pdf”大小为 10 MB，超过上限 10 MB');
    expect(attachmentRefusal('扫描.pdf', big.subarray(0, MAX_ATTACHMENT_BYTES))).toBeNull();
    expect(attachmentRefusal('照片.jpg', new TextEncoder().encode('GIF89a'))).toContain('不是 PDF、JPG 或 PNG 文件');
  });

  it('lets the contract accept the base64 of the largest allowed file and no more than about that', () => {
    expect(Buffer.alloc(MAX_ATTACHMENT_BYTES).toString('base64').length).toBe(MAX_ATTACHMENT_BASE64_CHARS);
  });

  it('formats sizes as staff read them', () => {
    expect(formatFileSize(512)).toBe('512 字节');
    expect(formatFileSize(350 * 1024)).toBe('350 KB');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('files a hash under its first two digits and refuses anything that is not a hash', () => {
    const hash = 'ab'.padEnd(64, '0');
    expect(attachmentRelativePath(hash)).toBe(`attachments/ab/${hash}`);
    expect(() => attachmentRelativePath('../../etc/passwd')).toThrow();
  });
});
