import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentRelativePath } from '../shared/domain/attachment-files';
import { AppError } from './errors';
import type { OpenedDatabase } from './open';
import { makePrivateDir } from './private-files';

/**
 * The attachments' bytes, kept beside the database in
 * `<data folder>/attachments/<first two hex digits>/<sha256>`. Named by their
 * own hash, the same scan handed in twice is stored once, and a file can be
 * checked against its name at any time.
 *
 * A scan of an ID card is personal data, so the files are encrypted at rest
 * like the database: AES-256-GCM under a random key kept in the (encrypted)
 * database's settings — a backup carries both, a stolen folder of files alone
 * reads as noise. The nonce is derived from the content's hash with that key,
 * so the same scan always gives the same stored bytes and is still kept once;
 * the GCM tag and the SHA-256 of the plaintext both check every read.
 */
const FILE_MAGIC = Buffer.from('JYFJ1\n', 'latin1');
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const KEY_SETTING = 'attachment_file_key';

/** The key of the attachment files, made on the first attachment (call inside the write transaction). */
export function attachmentKey(sqlite: Database.Database, create: boolean): Buffer | null {
  const row = sqlite.prepare('select value from settings where key = ?').get(KEY_SETTING) as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'hex');
  if (!create) return null;
  const key = randomBytes(32);
  sqlite.prepare('insert into settings (key, value) values (?, ?)').run(KEY_SETTING, key.toString('hex'));
  return key;
}

function sealFile(key: Buffer, sha256: string, content: Uint8Array): Buffer {
  const nonce = createHmac('sha256', key).update(sha256).digest().subarray(0, NONCE_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(sha256, 'latin1'));
  const body = Buffer.concat([cipher.update(content), cipher.final()]);
  return Buffer.concat([FILE_MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the stored bytes are not this file sealed with this key. */
function openFile(key: Buffer, sha256: string, stored: Buffer): Buffer | null {
  if (stored.length < FILE_MAGIC.length + NONCE_LENGTH + TAG_LENGTH || !stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) return null;
  try {
    const nonce = stored.subarray(FILE_MAGIC.length, FILE_MAGIC.length + NONCE_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(sha256, 'latin1'));
    decipher.setAuthTag(stored.subarray(stored.length - TAG_LENGTH));
    const content = Buffer.concat([decipher.update(stored.subarray(FILE_MAGIC.length + NONCE_LENGTH, stored.length - TAG_LENGTH)), decipher.final()]);
    return sha256Hex(content) === sha256 ? content : null;
  } catch {
    return null;
  }
}

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
export function storeAttachmentFile(dataDir: string, key: Buffer, content: Uint8Array): { sha256: string; path: string } {
  const sha256 = sha256Hex(content);
  const path = attachmentPath(dataDir, sha256);
  if (existsSync(path) && openFile(key, sha256, readFileSync(path)) !== null) return { sha256, path };
  const sealed = sealFile(key, sha256, content);
  makePrivateDir(dirname(path));
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      let written = 0;
      while (written < sealed.length) written += writeSync(fd, sealed, written, sealed.length - written);
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
export function readAttachmentFile(dataDir: string, key: Buffer | null, sha256: string, fileName: string): Buffer {
  const path = attachmentPath(dataDir, sha256);
  if (!existsSync(path)) {
    throw new AppError('NOT_FOUND', `附件“${fileName}”的文件在数据文件夹中找不到（应在 ${attachmentRelativePath(sha256)}），可能被移动或删除，请从备份恢复`);
  }
  const content = key ? openFile(key, sha256, readFileSync(path)) : null;
  if (content === null) {
    throw new AppError('CONFLICT', `附件“${fileName}”的文件已被改动（SHA-256 与登记时不一致），不能作为原件查看，请从备份恢复`, { details: { problem: 'changed' } });
  }
  return content;
}

/**
 * Every attachment file the database refers to (removed ones included: they
 * are kept, too), as absolute paths. A backup of the database must copy these
 * along with it, or the restored cases point at files that are not there.
 */
export function attachmentFilesToBackUp(opened: OpenedDatabase, dataDir: string): string[] {
  const rows = opened.sqlite.prepare('select distinct sha256 from case_attachments order by sha256').all() as { sha256: string }[];
  return rows.map((r) => attachmentPath(dataDir, r.sha256));
}
