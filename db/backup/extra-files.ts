import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { attachmentFilesToBackUp } from '../attachment-store';
import type { OpenedDatabase } from '../open';

/**
 * The files besides the database that a backup carries, relative to the data
 * folder with "/" separators: every attachment file the database refers to
 * (db/attachment-store.ts; they are encrypted at rest, with the key inside the
 * database). A file already missing on disk cannot be copied and is left out
 * rather than failing the backup of everything else.
 */
export function backupExtraFiles(opened: OpenedDatabase, dataDir: string): string[] {
  return attachmentFilesToBackUp(opened, dataDir)
    .filter((path) => existsSync(path))
    .map((path) => relative(dataDir, path).split(sep).join('/'));
}
