import { closeSync, fsyncSync, openSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyPrivateFile, makePrivateDir } from '../private-files';

export function fsyncPath(path: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch (error) {
    // POSIX needs the folder fsynced for a rename to survive power loss; Windows cannot open folders (NTFS journals the rename).
    const code = (error as NodeJS.ErrnoException).code;
    if (flags === 'r' && (process.platform === 'win32' || code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL')) return;
    throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Copies a package into the outbox durably — temp name, fsync, rename, fsync
 * the folder — so the exchange server or the USB stick never sees half a
 * file under the package's name. Used by the export and by re-send.
 */
export function deliverToOutbox(source: string, outboxDir: string, fileName: string): { path: string; size: number } {
  makePrivateDir(outboxDir);
  const target = join(outboxDir, fileName);
  const temp = `${target}.tmp`;
  copyPrivateFile(source, temp);
  fsyncPath(temp, 'r+');
  renameSync(temp, target);
  fsyncPath(outboxDir, 'r');
  return { path: target, size: statSync(target).size };
}
