/**
 * Durable publication of a finished file: write it under `<out>.tmp`, fsync,
 * rename onto `<out>`, fsync the folder. A reader of the outbox therefore sees
 * either no file or the whole file, and after a power cut the rename is not
 * lost behind a sequence number the exporter already recorded as sent.
 */
import { constants } from 'node:fs';
import { access, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExchangeError } from '../../shared/exchange/errors';
import { PRIVATE_FILE_MODE } from '../private-files';

export async function assertAbsent(path: string): Promise<void> {
  try {
    await access(path, constants.F_OK);
  } catch {
    return;
  }
  // Never overwrite a package: it may already have been picked up, and a second
  // version under the same sequence is exactly what the receiver calls a fork.
  throw new ExchangeError('OUTPUT_EXISTS', `${path} 已存在，不会覆盖`, { path });
}

export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** Creates `outPath` durably from what `fill` writes; nothing is left behind when `fill` fails. */
export async function publishDurably(outPath: string, fill: (handle: FileHandle) => Promise<void>): Promise<number> {
  await assertAbsent(outPath);
  const tmpPath = `${outPath}.tmp`;
  const handle = await open(tmpPath, 'w', PRIVATE_FILE_MODE);
  let size: number;
  try {
    await fill(handle);
    await handle.sync();
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmpPath, { force: true });
    throw error;
  }
  await handle.close();
  await assertAbsent(outPath);
  await rename(tmpPath, outPath);
  await fsyncDirectory(dirname(outPath));
  return size;
}

/** POSIX needs the folder fsynced for a rename to survive power loss; Windows cannot open folders (NTFS journals the rename). */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (process.platform === 'win32' || code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL') return;
    throw error;
  } finally {
    await handle?.close();
  }
}
