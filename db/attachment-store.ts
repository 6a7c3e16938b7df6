import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentRelativePath } from '../shared/domain/attachment-files';
import { AppError } from './errors';
import type { OpenedDatabase } from './open';

/**
 * The attachments' bytes, kept beside the database in
 * `<data folder>/attachments/<first two hex digits>/<sha256>`. Named by their
 * own hash, the same scan handed in twice is stored once, and a file can be
 * checked against its name at any time. Files are not encrypted like the
 * database: the data folder's operating-system permissions protect them, as
 * they protect the key file.
 */

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(dataDir, ...attachmentRelativePath(sha256).split('/'));
}

function fsyncDirectory(dir: string): void {
  // Makes the rename itself durable; Windows cannot open a folder for fsync, and its rename is already journaled.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the file under its hash: into a temporary file in the same folder,
 * flushed to disk, then renamed over the final name, so a power cut leaves
 * either no file or the whole file, never half of one. A file already stored
 * with the right content is kept as it is; one whose content no longer matches
 * its name (damaged on disk) is replaced by the good copy.
 */
export function storeAttachmentFile(dataDir: string, content: Uint8Array): { sha256: string; path: string } {
  const sha256 = sha256Hex(content);
  const path = attachmentPath(dataDir, sha256);
  if (existsSync(path) && sha256Hex(readFileSync(path)) === sha256) return { sha256, path };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      let written = 0;
      while (written < content.length) written += writeSync(fd, content, written, content.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
  return { sha256, path };
}

/**
 * The stored bytes, checked against the hash recorded when they were handed
 * in. A missing or altered file is said plainly rather than shown: staff must
 * not take a changed scan for the one the applicant gave.
 */
export function readAttachmentFile(dataDir: string, sha256: string, fileName: string): Buffer {
  const path = attachmentPath(dataDir, sha256);
  if (!existsSync(path)) {
    throw new AppError('NOT_FOUND', `附件“${fileName}”的文件在数据文件夹中找不到（应在 ${attachmentRelativePath(sha256)}），可能被移动或删除，请从备份恢复`);
  }
  const content = readFileSync(path);
  if (sha256Hex(content) !== sha256) {
    throw new AppError('CONFLICT', `附件“${fileName}”的文件已被改动（SHA-256 与登记时不一致），不能作为原件查看，请从备份恢复`, { details: { problem: 'changed' } });
  }
  return content;
}

/**
 * Every attachment file the database refers to (removed ones included: they
 * are kept, too), as absolute paths. A backup of the database must copy these
 * along with it, or the restored matters point at files that are not there.
 */
export function attachmentFilesToBackUp(opened: OpenedDatabase, dataDir: string): string[] {
  const rows = opened.sqlite.prepare('select distinct sha256 from case_attachments order by sha256').all() as { sha256: string }[];
  return rows.map((r) => attachmentPath(dataDir, r.sha256));
}
