import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { OpenedDatabase } from '../open';

/**
 * The files besides the database that a backup carries, relative to the data
 * folder with "/" separators: for now every file under `<data>/attachments/`.
 *
 * MERGE NOTE: the attachments work brings `attachmentFilesToBackUp(opened,
 * dataDir)` in db/attachment-store.ts (the files its rows refer to); this
 * function is to return that instead. Same signature on purpose.
 */
export function backupExtraFiles(_opened: OpenedDatabase | null, dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dataDir, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}
