import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync } from 'node:fs';

/**
 * Files of the desk hold citizens' data (encrypted, but still theirs): on
 * Linux they are readable by the desk's own account only. SQLite gives a
 * database's -wal and -shm the database file's mode, so creating the file
 * first with 0600 covers all three. Windows ignores these modes; there the
 * folder's ACL decides (README, "Where data and keys live").
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `path` and any missing parents with mode 0700; an existing folder keeps its mode. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Copies a file and makes the copy 0600 (a copy takes its source's mode, and an old backup's files may be 0644). */
export function copyPrivateFile(source: string, target: string): void {
  copyFileSync(source, target);
  chmodSync(target, PRIVATE_FILE_MODE);
}

/** Creates an empty file with mode 0600, for SQLite (a new database, VACUUM INTO) to fill; refuses an existing file. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}
