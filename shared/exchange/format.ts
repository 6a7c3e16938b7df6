/**
 * The exchange package, version 1: constants, header, byte layout of the
 * envelope, and the per-chunk parameters (key, IV, AAD). docs/exchange-format.md
 * is the normative description; this file must say the same thing.
 *
 *   offset  length  contents
 *   0       8       magic "JYFWXPKG"
 *   8       2       format version, uint16 BE (1)
 *   10      4       header length H, uint32 BE
 *   14      H       header: canonical JSON, UTF-8            ← signed; SM3 of it = package hash
 *   14+H    2       signature length S, uint16 BE
 *   16+H    S       SM2 signature (DER) over the H header bytes
 *   16+H+S  …       payload of each file in header order: chunk records ciphertext ‖ tag
 */
import { z } from 'zod';
import { canonicalJson } from '../domain/canonical-json';
import { readUint, utf8, fromUtf8, writeUint } from './bytes';
import { ExchangeError } from './errors';
import { DIVISION_CODE } from './keys';
import { GCM_TAG_LENGTH, hkdfSm3, sm3Hex, SM4_KEY_LENGTH } from './sm';

export const PACKAGE_MAGIC = 'JYFWXPKG';
export const PACKAGE_FORMAT = 'JYFW-EXCHANGE-PACKAGE';
export const FORMAT_VERSION = 1;
/** SM2 signature and key wrap, SM3 hashes, HKDF-SM3, SM4-GCM chunks. Another suite gets another name. */
export const SUITE = 'SM2-SM3-SM4GCM';
export const CHUNK_SIZE = 65536;
export const CHUNK_RECORD_SIZE = CHUNK_SIZE + GCM_TAG_LENGTH;
export const FILE_NONCE_LENGTH = 16;
export const FILE_KEY_INFO = 'JYFW-EXCHANGE/1 file key';
export const PRELUDE_LENGTH = 14;
export const MAX_HEADER_LENGTH = 1 << 20;
export const MAX_SIGNATURE_LENGTH = 72;
export const MAX_FILES = 64;
export const MAX_RECIPIENTS = 16;

export const FILE_NAME = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `应为${bytes}字节的小写十六进制`);
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const fileEntry = z.strictObject({
  name: z.string().max(64).regex(FILE_NAME, '文件名只能用小写字母、数字、点、连字符和下划线'),
  /** Plaintext bytes. */
  length: whole,
  /** Lines (JSON Lines records). */
  records: whole,
  /** HKDF salt of this file's key, 16 random bytes. */
  nonce: hex(FILE_NONCE_LENGTH),
  /** SM3 of this file's payload as stored: every chunk's ciphertext ‖ tag, in order. */
  digest: hex(32),
});

const recipientEntry = z.strictObject({ keyId: hex(16), wrappedKey: hex(113) });

export const packageHeaderSchema = z
  .strictObject({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(FORMAT_VERSION),
    suite: z.literal(SUITE),
    chunkSize: z.literal(CHUNK_SIZE),
    sender: z.strictObject({ code: z.string().regex(DIVISION_CODE), keyId: hex(16) }),
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    previousHash: hex(32).nullable(),
    createdAt: z.string().regex(ISO_UTC).refine((t) => new Date(t).toISOString() === t, '不是有效时间'),
    changeRange: z.strictObject({ from: whole, to: whole }).refine((r) => r.from <= r.to, 'from 不能大于 to'),
    schemaVersion: z.number().int().min(1).max(65535),
    files: z.array(fileEntry).max(MAX_FILES).refine((f) => new Set(f.map((x) => x.name)).size === f.length, '文件名重复'),
    recipients: z
      .array(recipientEntry)
      .min(1)
      .max(MAX_RECIPIENTS)
      .refine((r) => new Set(r.map((x) => x.keyId)).size === r.length, '接收方重复'),
  })
  .refine((h) => (h.sequence === 1) === (h.previousHash === null), {
    message: '只有序号 1 的数据包没有前一数据包摘要',
    path: ['previousHash'],
  });

export type PackageHeader = z.infer<typeof packageHeaderSchema>;
export type PackageFileEntry = PackageHeader['files'][number];

/** The exact header bytes: what is signed, and what the package hash is taken over. */
export function encodeHeader(header: PackageHeader): Uint8Array {
  return utf8(canonicalJson(header));
}

/** Strict: UTF-8, JSON, the v1 schema and canonical form (one header, one byte string, one hash). */
export function parseHeader(bytes: Uint8Array, what = '数据包头'): PackageHeader {
  let text: string;
  let value: unknown;
  try {
    text = fromUtf8(bytes);
    value = JSON.parse(text);
  } catch {
    throw new ExchangeError('MALFORMED_HEADER', `${what}不是有效的 UTF-8 JSON`);
  }
  const parsed = packageHeaderSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExchangeError('MALFORMED_HEADER', `${what}字段 ${issue?.path.join('.') || '(根)'} 不合规：${issue?.message ?? ''}`);
  }
  if (canonicalJson(value) !== text) throw new ExchangeError('MALFORMED_HEADER', `${what}不是规范 JSON（键未排序或有多余空白）`);
  return parsed.data;
}

/** SM3 of the exact signed header bytes, lower-case hex. See docs/exchange-format.md §Package hash. */
export function packageHashOf(headerBytes: Uint8Array): string {
  return sm3Hex(headerBytes);
}

// ---- envelope ----------------------------------------------------------------

export function encodePrelude(headerLength: number): Uint8Array {
  const out = new Uint8Array(PRELUDE_LENGTH);
  out.set(utf8(PACKAGE_MAGIC), 0);
  writeUint(out, 8, 2, FORMAT_VERSION);
  writeUint(out, 10, 4, headerLength);
  return out;
}

export function encodeSignatureLength(signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(2);
  writeUint(out, 0, 2, signature.length);
  return out;
}

/** Header length H from the first 14 bytes; refuses a foreign file or another version. */
export function parsePrelude(prelude: Uint8Array): number {
  if (prelude.length < PRELUDE_LENGTH) {
    if (fromAscii(prelude.subarray(0, 8)) !== PACKAGE_MAGIC.slice(0, Math.min(8, prelude.length))) {
      throw new ExchangeError('NOT_A_PACKAGE', '文件开头的格式标识不是 JYFWXPKG');
    }
    throw new ExchangeError('TRUNCATED', `文件只有 ${prelude.length} 字节，连文件头都不完整`);
  }
  if (fromAscii(prelude.subarray(0, 8)) !== PACKAGE_MAGIC) {
    throw new ExchangeError('NOT_A_PACKAGE', '文件开头的格式标识不是 JYFWXPKG');
  }
  const version = readUint(prelude, 8, 2);
  if (version !== FORMAT_VERSION) {
    throw new ExchangeError('UNSUPPORTED_VERSION', `文件为第 ${version} 版格式，本程序只支持第 ${FORMAT_VERSION} 版`, { version });
  }
  const headerLength = readUint(prelude, 10, 4);
  if (headerLength < 2 || headerLength > MAX_HEADER_LENGTH) {
    throw new ExchangeError('MALFORMED_HEADER', `包头长度 ${headerLength} 超出允许范围`);
  }
  return headerLength;
}

export function parseSignatureLength(bytes: Uint8Array): number {
  const length = readUint(bytes, 0, 2);
  if (length < 8 || length > MAX_SIGNATURE_LENGTH) {
    throw new ExchangeError('BAD_SIGNATURE', `签名长度 ${length} 字节不是 SM2 签名（DER 编码为 8–72 字节）`);
  }
  return length;
}

function fromAscii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

// ---- chunks ------------------------------------------------------------------

/** Every file has at least one chunk (an empty file is one empty chunk marked last). */
export function chunkCountOf(length: number): number {
  return Math.max(1, Math.ceil(length / CHUNK_SIZE));
}

export function plainLengthOfChunk(fileLength: number, index: number): number {
  const count = chunkCountOf(fileLength);
  return index < count - 1 ? CHUNK_SIZE : fileLength - CHUNK_SIZE * (count - 1);
}

/** Bytes of a file's payload on disk: plaintext length plus one tag per chunk. */
export function payloadLengthOf(fileLength: number): number {
  return fileLength + GCM_TAG_LENGTH * chunkCountOf(fileLength);
}

/** IV = chunk index (uint64 BE) ‖ 00 00 00 ‖ last flag (01 on the file's last chunk, else 00). */
export function chunkIv(index: number, isLast: boolean): Uint8Array {
  const iv = new Uint8Array(12);
  writeUint(iv, 0, 8, index);
  iv[11] = isLast ? 1 : 0;
  return iv;
}

/** AAD = sender code (6 ASCII) ‖ sequence (uint64 BE) ‖ previous hash (32, zeros if none) ‖ name length (uint16 BE) ‖ name. */
export function chunkAad(
  header: Pick<PackageHeader, 'sequence' | 'previousHash'> & { sender: { code: string } },
  fileName: string,
): Uint8Array {
  const name = utf8(fileName);
  const aad = new Uint8Array(6 + 8 + 32 + 2 + name.length);
  aad.set(utf8(header.sender.code), 0);
  writeUint(aad, 6, 8, header.sequence);
  if (header.previousHash !== null) {
    for (let i = 0; i < 32; i += 1) aad[14 + i] = parseInt(header.previousHash.slice(2 * i, 2 * i + 2), 16);
  }
  writeUint(aad, 46, 2, name.length);
  aad.set(name, 48);
  return aad;
}

/** File key = HKDF-SM3(IKM = content key, salt = file nonce, info = "JYFW-EXCHANGE/1 file key", L = 16). */
export function deriveFileKey(contentKey: Uint8Array, fileNonce: Uint8Array): Uint8Array {
  return hkdfSm3(contentKey, fileNonce, utf8(FILE_KEY_INFO), SM4_KEY_LENGTH);
}
