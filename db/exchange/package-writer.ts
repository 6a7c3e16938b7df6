/**
 * Streaming writer of one exchange package. Memory stays flat whatever the
 * number of records: each file's plaintext goes through a 64 KiB buffer, every
 * full chunk is sealed — at once, or by a seal pool's threads while the caller
 * goes on (`settle` bounds how many are in flight) — and appended in chunk
 * order to that file's spool (ciphertext only); a running SM3 of the spool
 * gives the digest the header signs.
 * `finish` then writes prelude + header + signature + spools into
 * `<out>.tmp`, fsyncs and renames (see package-fs.ts).
 *
 * Writes are synchronous on purpose: the exporter iterates better-sqlite3
 * statements, which cannot be awaited inside; sealing a chunk is CPU work anyway.
 */
import { fastSm3 } from './native-sm3';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, toHex } from '../../shared/exchange/bytes';
import { ExchangeError } from '../../shared/exchange/errors';
import {
  FILE_NAME,
  FILE_NONCE_LENGTH,
  MAX_FILES,
  chunkAad,
  chunkIv,
  deriveFileKey,
  encodePrelude,
  encodeSignatureLength,
  type PackageFileEntry,
} from '../../shared/exchange/format';
import { ChunkFramer } from '../../shared/exchange/payload';
import { checkedHeader, headerWithoutFiles, signedHeader, type HeaderWithoutFiles, type PackageOptions } from '../../shared/exchange/package-header';
import { SM4_KEY_LENGTH, sm4GcmEncrypt, type GcmSealed } from '../../shared/exchange/sm';
import type { SealPool } from './seal-pool';
import { assertAbsent, publishDurably, writeAll } from './package-fs';
import { PRIVATE_FILE_MODE } from '../private-files';

export interface PackageWriterOptions extends PackageOptions {
  /** Folder for the per-file spools (ciphertext only); default: the OS temp folder. */
  spoolDir?: string;
  /** Threads that seal the chunks while the caller goes on writing (`settle` between pages); without: sealed at once, in this thread. */
  sealPool?: SealPool;
}

export interface PackageWriteResult {
  path: string;
  /** SM3 of the signed header bytes: the next package's previousHash. */
  packageHash: string;
  size: number;
  sequence: number;
  files: Array<{ name: string; length: number; records: number }>;
}

export function createPackageWriter(options: PackageWriterOptions): PackageWriter {
  return new PackageWriter(options);
}

export class PackageWriter {
  private readonly base: HeaderWithoutFiles;
  private readonly contentKey = randomBytes(SM4_KEY_LENGTH);
  private readonly spool: string;
  private readonly files: PackageFileWriter[] = [];
  private finished = false;

  constructor(private readonly options: PackageWriterOptions) {
    this.base = headerWithoutFiles(options, this.contentKey);
    this.spool = mkdtempSync(join(options.spoolDir ?? tmpdir(), 'jyfw-package-'));
  }

  /** Starts the next file of the package; files appear in the package in the order they are opened. */
  openFile(name: string): PackageFileWriter {
    this.checkOpen();
    if (name.length > 64 || !FILE_NAME.test(name)) {
      throw new ExchangeError('INVALID_ARGUMENT', `文件名 ${name} 不合规（小写字母、数字、点、连字符、下划线）`);
    }
    if (this.files.some((f) => f.name === name)) throw new ExchangeError('INVALID_ARGUMENT', `文件 ${name} 已经写过`);
    if (this.files.length >= MAX_FILES) throw new ExchangeError('INVALID_ARGUMENT', `一个数据包最多 ${MAX_FILES} 个文件`);
    const nonce = randomBytes(FILE_NONCE_LENGTH);
    const spoolPath = join(this.spool, `${this.files.length}.bin`);
    const file = new PackageFileWriter(name, nonce, spoolPath, deriveFileKey(this.contentKey, nonce), chunkAad(this.base, name), this.options.sealPool ?? null);
    this.files.push(file);
    return file;
  }

  /**
   * Stores the chunks the seal pool has answered, in order, until at most
   * `keep` per file are still being sealed: the caller's back-pressure (and
   * memory bound) between pages. Nothing to do without a pool.
   */
  async settle(keep: number): Promise<void> {
    for (const file of this.files) await file.settle(keep);
  }

  /** Closes any open file, signs, and publishes the package at `outPath` (which must not exist). */
  async finish(outPath: string): Promise<PackageWriteResult> {
    this.checkOpen();
    await assertAbsent(outPath); // before anything is closed, so the caller may retry elsewhere
    for (const file of this.files) {
      file.close();
      await file.settle(0);
    }
    const header = checkedHeader(this.base, this.files.map((f) => f.entry()));
    const { headerBytes, signature, packageHash } = signedHeader(this.options.sender, header);
    this.finished = true;
    try {
      const size = await publishDurably(outPath, async (handle) => {
        await writeAll(handle, encodePrelude(headerBytes.length));
        await writeAll(handle, headerBytes);
        await writeAll(handle, encodeSignatureLength(signature));
        await writeAll(handle, signature);
        for (const file of this.files) await copySpool(file.spoolPath, handle);
      });
      return {
        path: outPath,
        packageHash,
        size,
        sequence: header.sequence,
        files: header.files.map(({ name, length, records }) => ({ name, length, records })),
      };
    } finally {
      this.removeSpool();
    }
  }

  /** Drops everything written so far (e.g. the export was cancelled). */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    for (const file of this.files) file.discard();
    this.removeSpool();
  }

  private checkOpen(): void {
    if (this.finished) throw new ExchangeError('WRITER_FINISHED', '该数据包已写完或已放弃');
  }

  private removeSpool(): void {
    rmSync(this.spool, { recursive: true, force: true });
  }
}

export class PackageFileWriter {
  private readonly fd: number;
  private readonly framer: ChunkFramer;
  private readonly digest = fastSm3();
  /** Chunks handed to the seal pool, in chunk order, not yet stored. */
  private readonly sealing: Array<Promise<GcmSealed>> = [];
  private framed: { length: number; records: number } | null = null;
  private sealed: { length: number; records: number; digest: string } | null = null;
  private discarded = false;

  constructor(
    readonly name: string,
    private readonly nonce: Uint8Array,
    readonly spoolPath: string,
    fileKey: Uint8Array,
    aad: Uint8Array,
    pool: SealPool | null,
  ) {
    this.fd = openSync(spoolPath, 'w', PRIVATE_FILE_MODE);
    this.framer = new ChunkFramer((plaintext, index, isLast) => {
      const iv = chunkIv(index, isLast);
      if (!pool) {
        this.store(sm4GcmEncrypt(fileKey, iv, plaintext, aad));
        return;
      }
      const answer = pool.seal(fileKey, iv, plaintext.slice(), aad);
      answer.catch(() => undefined); // awaited, in order, by settle
      this.sealing.push(answer);
    });
  }

  /** One record: `line` is its JSON text without the line break. */
  writeLine(line: string): void {
    this.checkWritable();
    this.framer.pushLine(line);
  }

  /** Raw bytes; each 0x0A ends a record. */
  writeBytes(bytes: Uint8Array): void {
    this.checkWritable();
    this.framer.pushBytes(bytes);
  }

  /** Hands over the last chunk; writing afterwards fails. `finish` closes files still open. */
  close(): void {
    if (this.framed || this.discarded) return;
    this.framed = this.framer.end();
    this.complete();
  }

  /** Stores answered chunks in order until at most `keep` are still being sealed. */
  async settle(keep: number): Promise<void> {
    while (this.sealing.length > keep && !this.discarded) {
      const sealed = await this.sealing[0]!;
      this.sealing.shift();
      this.store(sealed);
    }
    this.complete();
  }

  discard(): void {
    if (!this.sealed && !this.discarded) closeSync(this.fd);
    this.discarded = true;
    this.sealing.length = 0;
  }

  entry(): PackageFileEntry {
    if (!this.sealed) throw new Error(`file ${this.name} is not closed`);
    return { name: this.name, nonce: toHex(this.nonce), length: this.sealed.length, records: this.sealed.records, digest: this.sealed.digest };
  }

  private store(sealed: GcmSealed): void {
    writeFully(this.fd, sealed.ciphertext);
    writeFully(this.fd, sealed.tag);
    this.digest.update(sealed.ciphertext);
    this.digest.update(sealed.tag);
  }

  /** Once framing has ended and every chunk is stored: the spool is closed and its digest taken. */
  private complete(): void {
    if (!this.framed || this.sealed || this.discarded || this.sealing.length > 0) return;
    closeSync(this.fd);
    this.sealed = { ...this.framed, digest: toHex(this.digest.digest()) };
  }

  private checkWritable(): void {
    if (this.framed || this.discarded) throw new ExchangeError('WRITER_FINISHED', `文件 ${this.name} 已结束，不能再写入`);
  }
}

function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

async function copySpool(path: string, target: FileHandle): Promise<void> {
  const source = await open(path, 'r');
  const block = new Uint8Array(1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await source.read(block, 0, block.length, null);
      if (bytesRead === 0) return;
      await writeAll(target, block.subarray(0, bytesRead));
    }
  } finally {
    await source.close();
  }
}
