/**
 * Streaming reader of one exchange package, in the order the format demands.
 * It reads through a `PackageSource` (random access to the file's bytes), so
 * the county desk and the province's receiver share it without sharing their I/O:
 *
 *   const envelope = await openPackage(source, sm3);  // magic, header, signature: no key, no crypto
 *   const verified = envelope.verify(senderKeys);      // signature (signer ID = county code), file size
 *   checkChain(position, verified.chainLink, hashAt);  // caller: replay / gap / fork / previous hash
 *   await verified.verifyPayloadDigests();             // optional: SM3 of every payload, still no decryption
 *   const contents = verified.unlock(recipientKey);    // SM2-unwrap the content key
 *   for (const file of contents.files)
 *     for await (const line of contents.lines(file.name)) …
 *
 * `lines` checks every chunk's tag before yielding its records, and the file's
 * length, digest and record count at its end; an error thrown mid-file means
 * the whole package is refused, so apply its records in one transaction.
 */
import { fromHex, toHex } from './bytes';
import type { ChainLink } from './chain';
import { ExchangeError } from './errors';
import {
  PRELUDE_LENGTH,
  chunkAad,
  deriveFileKey,
  packageHashOf,
  parseHeader,
  parsePrelude,
  parseSignatureLength,
  payloadLengthOf,
  type PackageFileEntry,
  type PackageHeader,
} from './format';
import { findVerifyingKey, formatFingerprint, type RecipientPrivateKey, type VerifyingKey } from './keys';
import { PayloadOpener, type Sm3Factory } from './payload';
import { verifyAsOrRefuse } from './signing';
import { sm2UnwrapKey } from './sm';

/** Random access to the bytes of one open package file (node's FileHandle fits). */
export interface PackageHandle {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** Where a package's bytes come from: opened again for each pass (the file may change between passes). */
export interface PackageSource {
  /** The file's path or name, for messages. */
  readonly path: string;
  open(): Promise<PackageHandle>;
  /** SM3 for the payload digests: the platform's native one where there is one. */
  readonly sm3: Sm3Factory;
}

type FileHandle = PackageHandle;

/** Reads the envelope. The header is parsed but NOT trusted until `verify`. */
export async function openPackage(source: PackageSource): Promise<PackageEnvelope> {
  const handle = await source.open();
  try {
    const fileSize = (await handle.stat()).size;
    const prelude = await readAt(handle, 0, Math.min(PRELUDE_LENGTH, fileSize));
    const headerLength = parsePrelude(prelude);
    const afterHeader = PRELUDE_LENGTH + headerLength;
    if (fileSize < afterHeader + 2) throw new ExchangeError('TRUNCATED', `包头应有 ${headerLength} 字节，文件在包头内结束`);
    const headerBytes = await readAt(handle, PRELUDE_LENGTH, headerLength);
    const signatureLength = parseSignatureLength(await readAt(handle, afterHeader, 2));
    if (fileSize < afterHeader + 2 + signatureLength) throw new ExchangeError('TRUNCATED', '文件在签名内结束');
    const signature = await readAt(handle, afterHeader + 2, signatureLength);
    const header = parseHeader(headerBytes);
    return new PackageEnvelope(source, header, headerBytes, signature, fileSize, afterHeader + 2 + signatureLength);
  } finally {
    await handle.close();
  }
}

export class PackageEnvelope {
  /** SM3 of the signed header bytes (see docs/exchange-format.md §Package hash). */
  readonly packageHash: string;

  constructor(
    readonly source: PackageSource,
    /** As claimed by the file: trust it only through `verify`. */
    readonly claimedHeader: PackageHeader,
    readonly headerBytes: Uint8Array,
    readonly signature: Uint8Array,
    readonly fileSize: number,
    readonly payloadOffset: number,
  ) {
    this.packageHash = packageHashOf(headerBytes);
  }

  get path(): string {
    return this.source.path;
  }

  /**
   * Checks the signature with the registered key whose id the header names
   * (old keys stay registered after a rotation), the signer ID, and then that
   * the file is exactly as long as the signed header says.
   */
  verify(senderKeys: readonly VerifyingKey[]): VerifiedPackage {
    const key = findVerifyingKey(senderKeys, this.claimedHeader.sender);
    verifyAsOrRefuse(key, this.headerBytes, this.signature, '数据包');
    const expected = expectedSize(this.payloadOffset, this.claimedHeader);
    checkSize(this.fileSize, expected);
    return new VerifiedPackage(this.source, this.claimedHeader, this.packageHash, key, this.payloadOffset, expected);
  }
}

export class VerifiedPackage {
  constructor(
    readonly source: PackageSource,
    readonly header: PackageHeader,
    readonly packageHash: string,
    readonly signer: VerifyingKey,
    private readonly payloadOffset: number,
    private readonly size: number,
  ) {}

  get path(): string {
    return this.source.path;
  }

  /** What `checkChain` needs. */
  get chainLink(): ChainLink {
    const { sender, sequence, previousHash } = this.header;
    return { senderCode: sender.code, sequence, previousHash, packageHash: this.packageHash };
  }

  /** SM3 of every file's stored payload against the signed header, without any key. */
  async verifyPayloadDigests(): Promise<void> {
    await withPackageFile(this.source, this.size, async (handle) => {
      const block = new Uint8Array(1 << 20);
      let offset = this.payloadOffset;
      for (const file of this.header.files) {
        const digest = this.source.sm3();
        const end = offset + payloadLengthOf(file.length);
        while (offset < end) {
          const length = Math.min(block.length, end - offset);
          const { bytesRead } = await handle.read(block, 0, length, offset);
          if (bytesRead !== length) throw new ExchangeError('TRUNCATED', `文件 ${file.name} 的数据不完整`);
          digest.update(block.subarray(0, length));
          offset += length;
        }
        if (toHex(digest.digest()) !== file.digest) {
          throw new ExchangeError('PAYLOAD_DIGEST_MISMATCH', `文件 ${file.name} 的 SM3 摘要与签名的包头不符（数据被改动或损坏）`, {
            file: file.name,
          });
        }
      }
    });
  }

  /** Opens the content key with the recipient's private key, chosen by key id. */
  unlock(recipient: RecipientPrivateKey): PackageContents {
    const entry = this.header.recipients.find((r) => r.keyId === recipient.keyId);
    if (!entry) {
      const addressed = this.header.recipients.map((r) => formatFingerprint(r.keyId)).join('、');
      throw new ExchangeError('NOT_ADDRESSED_TO_RECIPIENT', `本端密钥 ${formatFingerprint(recipient.keyId)} 不在接收方之列（${addressed}）`, {
        keyId: recipient.keyId,
      });
    }
    const contentKey = sm2UnwrapKey(fromHex(entry.wrappedKey), recipient.privateKey);
    if (!contentKey) {
      throw new ExchangeError('WRONG_RECIPIENT_KEY', `密钥 ${formatFingerprint(recipient.keyId)} 对应的私钥不对，或内容密钥已损坏`, {
        keyId: recipient.keyId,
      });
    }
    return new PackageContents(this, contentKey, this.payloadOffset, this.size);
  }
}

export class PackageContents {
  private readonly offsets = new Map<string, number>();

  constructor(
    private readonly pkg: VerifiedPackage,
    private readonly contentKey: Uint8Array,
    payloadOffset: number,
    private readonly size: number,
  ) {
    let offset = payloadOffset;
    for (const file of pkg.header.files) {
      this.offsets.set(file.name, offset);
      offset += payloadLengthOf(file.length);
    }
  }

  get files(): readonly PackageFileEntry[] {
    return this.pkg.header.files;
  }

  /** Authenticated plaintext chunks of one file, in order. */
  async *chunks(name: string): AsyncGenerator<Uint8Array> {
    const file = this.pkg.header.files.find((f) => f.name === name);
    const offset = this.offsets.get(name);
    if (!file || offset === undefined) throw new ExchangeError('UNKNOWN_FILE', `数据包中没有 ${name}`, { file: name });
    const opener = new PayloadOpener(deriveFileKey(this.contentKey, fromHex(file.nonce)), chunkAad(this.pkg.header, name), file, this.pkg.source.sm3);
    const handle = await openPackageFile(this.pkg.source, this.size);
    try {
      const record = new Uint8Array(opener.recordLength(0));
      let position = offset;
      for (let index = 0; index < opener.chunkCount; index += 1) {
        const length = opener.recordLength(index);
        const { bytesRead } = await handle.read(record, 0, length, position);
        if (bytesRead !== length) throw new ExchangeError('TRUNCATED', `文件 ${name} 第 ${index + 1} 块不完整`, { file: name, chunk: index });
        position += length;
        const plaintext = opener.open(record.subarray(0, length));
        if (index === opener.chunkCount - 1) opener.finish(); // digest holds before the last records go out
        yield plaintext;
      }
    } finally {
      await handle.close();
    }
  }

  /** The records of a JSON Lines file, one string per line (without "\n"). */
  async *lines(name: string): AsyncGenerator<string> {
    for await (const batch of this.lineBatches(name)) yield* batch;
  }

  /**
   * The same records, as the lines completed by each chunk: one await per
   * 64 KiB instead of one per record (a per-record await costs ~0.5 s per
   * million records). The checks at the end of the file run before the
   * generator completes, as with `lines`.
   */
  async *lineBatches(name: string): AsyncGenerator<string[]> {
    const file = this.pkg.header.files.find((f) => f.name === name);
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const malformed = (detail: string) => new ExchangeError('MALFORMED_PAYLOAD', `文件 ${name} ${detail}`, { file: name });
    let carry = '';
    let records = 0;
    for await (const chunk of this.chunks(name)) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw malformed('不是有效的 UTF-8 文本');
      }
      if (!text.includes('\n')) {
        carry += text;
        continue;
      }
      const lines = (carry + text).split('\n');
      carry = lines.pop() ?? '';
      records += lines.length;
      yield lines;
    }
    try {
      carry += decoder.decode();
    } catch {
      throw malformed('以不完整的 UTF-8 字符结尾');
    }
    if (carry !== '') throw malformed('最后一条记录没有换行符');
    if (file && records !== file.records) {
      throw new ExchangeError('RECORD_COUNT_MISMATCH', `文件 ${name} 有 ${records} 条记录，包头写的是 ${file.records} 条`, { file: name });
    }
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
}

function expectedSize(payloadOffset: number, header: PackageHeader): number {
  return header.files.reduce((total, file) => total + payloadLengthOf(file.length), payloadOffset);
}

function checkSize(actual: number, expected: number): void {
  if (actual < expected) {
    throw new ExchangeError('TRUNCATED', `文件应有 ${expected} 字节，实际只有 ${actual} 字节`, { expected, actual });
  }
  if (actual > expected) {
    throw new ExchangeError('TRAILING_BYTES', `文件应有 ${expected} 字节，末尾多出 ${actual - expected} 字节`, { expected, actual });
  }
}

/** Opens the package again for reading payloads, re-checking its size (it may have changed since `verify`). */
async function openPackageFile(source: PackageSource, size: number): Promise<FileHandle> {
  const handle = await source.open();
  try {
    checkSize((await handle.stat()).size, size);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function withPackageFile<T>(source: PackageSource, size: number, work: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await openPackageFile(source, size);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

