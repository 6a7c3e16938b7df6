/**
 * The province's file I/O: packages read through node's file handles and
 * node's SM3 (OpenSSL's, several times the JavaScript one), receipts
 * published durably (temp file, fsync, rename, fsync the folder).
 */
import { createHash, getHashes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ExchangeError } from '../shared/exchange/errors';
import type { PackageSource } from '../shared/exchange/package-reader';
import type { Sm3Factory } from '../shared/exchange/payload';
import { Sm3 } from '../shared/exchange/sm3-stream';

const nativeSm3: Sm3Factory = getHashes().includes('sm3')
  ? () => {
      const hash = createHash('sm3');
      return { update: (data: Uint8Array) => hash.update(data), digest: () => new Uint8Array(hash.digest()) };
    }
  : () => new Sm3();

export function packageFileSource(path: string): PackageSource {
  return { path, open: () => open(path, 'r'), sm3: nativeSm3 };
}

/** Every package in `dir`, in sequence order (the file names sort by county and sequence). */
export async function packagesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.jyx')).sort().map((name) => join(dir, name));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes `bytes` at `path` (which must not exist) so that a reader sees no file or the whole file, also after a power cut. */
export async function publishFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  if (await exists(path)) throw new ExchangeError('OUTPUT_EXISTS', `${path} 已存在，不会覆盖`, { path });
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(tmp, path);
  if (process.platform !== 'win32') {
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}
