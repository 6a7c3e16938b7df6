/**
 * A whole package in memory, both directions, synchronously: for the
 * province's feed to a county (small: the county's own people's status
 * elsewhere, policy versions), which the desk verifies and applies inside one
 * synchronous transaction. Same format, same checks and refusal codes as the
 * streaming reader (package-reader.ts) and the county's streaming writer.
 */
import { concatBytes, fromHex, fromUtf8, randomBytes, toHex } from './bytes';
import type { ChainLink } from './chain';
import { ExchangeError } from './errors';
import {
  FILE_NAME,
  FILE_NONCE_LENGTH,
  MAX_FILES,
  PRELUDE_LENGTH,
  chunkAad,
  deriveFileKey,
  encodePrelude,
  encodeSignatureLength,
  packageHashOf,
  parseHeader,
  parsePrelude,
  parseSignatureLength,
  payloadLengthOf,
  type PackageHeader,
} from './format';
import { findVerifyingKey, formatFingerprint, type RecipientPrivateKey, type VerifyingKey } from './keys';
import { checkedHeader, headerWithoutFiles, signedHeader, type PackageOptions } from './package-header';
import { PayloadOpener, PayloadSealer } from './payload';
import { verifyAsOrRefuse } from './signing';
import { SM4_KEY_LENGTH, sm2UnwrapKey } from './sm';

export type PackageBytesOptions = PackageOptions;

/** Builds a signed, encrypted package from whole files of JSON Lines records. */
export function buildPackageBytes(options: PackageBytesOptions, files: ReadonlyArray<{ name: string; lines: readonly string[] }>): { bytes: Uint8Array; packageHash: string; header: PackageHeader } {
  if (files.length > MAX_FILES) throw new ExchangeError('INVALID_ARGUMENT', `一个数据包最多 ${MAX_FILES} 个文件`);
  const contentKey = randomBytes(SM4_KEY_LENGTH);
  const base = headerWithoutFiles(options, contentKey);
  const payloads: Uint8Array[] = [];
  const entries = files.map((file) => {
    if (!FILE_NAME.test(file.name) || file.name.length > 64) throw new ExchangeError('INVALID_ARGUMENT', `文件名 ${file.name} 不合规`);
    const nonce = randomBytes(FILE_NONCE_LENGTH);
    const sealer = new PayloadSealer(deriveFileKey(contentKey, nonce), chunkAad(base, file.name), (ciphertext, tag) => payloads.push(ciphertext.slice(), tag.slice()));
    for (const line of file.lines) sealer.pushLine(line);
    const sealed = sealer.end();
    return { name: file.name, length: sealed.length, records: sealed.records, nonce: toHex(nonce), digest: sealed.digest };
  });
  const header = checkedHeader(base, entries);
  const { headerBytes, signature, packageHash } = signedHeader(options.sender, header);
  const bytes = concatBytes(encodePrelude(headerBytes.length), headerBytes, encodeSignatureLength(signature), signature, ...payloads);
  return { bytes, packageHash, header };
}

export interface PackageInMemory {
  header: PackageHeader;
  packageHash: string;
  chainLink: ChainLink;
  /** Every file's records (lines without "\n"), after every chunk's tag, the digest and the record count held. */
  unlock(recipient: RecipientPrivateKey): Map<string, string[]>;
}

/** Verifies a whole package held in memory against the registered sender keys: signature, signer, exact size. */
export function readPackageBytes(bytes: Uint8Array, senderKeys: readonly VerifyingKey[]): PackageInMemory {
  const headerLength = parsePrelude(bytes.subarray(0, PRELUDE_LENGTH));
  const afterHeader = PRELUDE_LENGTH + headerLength;
  if (bytes.length < afterHeader + 2) throw new ExchangeError('TRUNCATED', `包头应有 ${headerLength} 字节，文件在包头内结束`);
  const headerBytes = bytes.subarray(PRELUDE_LENGTH, afterHeader);
  const signatureLength = parseSignatureLength(bytes.subarray(afterHeader, afterHeader + 2));
  const payloadOffset = afterHeader + 2 + signatureLength;
  if (bytes.length < payloadOffset) throw new ExchangeError('TRUNCATED', '文件在签名内结束');
  const header = parseHeader(headerBytes);
  const key = findVerifyingKey(senderKeys, header.sender);
  verifyAsOrRefuse(key, headerBytes, bytes.subarray(afterHeader + 2, payloadOffset), '数据包');
  const expected = header.files.reduce((total, file) => total + payloadLengthOf(file.length), payloadOffset);
  if (bytes.length < expected) throw new ExchangeError('TRUNCATED', `文件应有 ${expected} 字节，实际只有 ${bytes.length} 字节`);
  if (bytes.length > expected) throw new ExchangeError('TRAILING_BYTES', `文件应有 ${expected} 字节，末尾多出 ${bytes.length - expected} 字节`);
  const packageHash = packageHashOf(headerBytes);
  return {
    header,
    packageHash,
    chainLink: { senderCode: header.sender.code, sequence: header.sequence, previousHash: header.previousHash, packageHash },
    unlock(recipient) {
      const entry = header.recipients.find((r) => r.keyId === recipient.keyId);
      if (!entry) {
        const addressed = header.recipients.map((r) => formatFingerprint(r.keyId)).join('、');
        throw new ExchangeError('NOT_ADDRESSED_TO_RECIPIENT', `本端密钥 ${formatFingerprint(recipient.keyId)} 不在接收方之列（${addressed}）`, { keyId: recipient.keyId });
      }
      const contentKey = sm2UnwrapKey(fromHex(entry.wrappedKey), recipient.privateKey);
      if (!contentKey) throw new ExchangeError('WRONG_RECIPIENT_KEY', `密钥 ${formatFingerprint(recipient.keyId)} 对应的私钥不对，或内容密钥已损坏`, { keyId: recipient.keyId });
      const files = new Map<string, string[]>();
      let offset = payloadOffset;
      for (const file of header.files) {
        const opener = new PayloadOpener(deriveFileKey(contentKey, fromHex(file.nonce)), chunkAad(header, file.name), file);
        const parts: Uint8Array[] = [];
        for (let index = 0; index < opener.chunkCount; index += 1) {
          const length = opener.recordLength(index);
          parts.push(opener.open(bytes.subarray(offset, offset + length)));
          offset += length;
        }
        opener.finish();
        let text: string;
        try {
          text = fromUtf8(concatBytes(...parts));
        } catch {
          throw new ExchangeError('MALFORMED_PAYLOAD', `文件 ${file.name} 不是有效的 UTF-8 文本`, { file: file.name });
        }
        if (text !== '' && !text.endsWith('\n')) throw new ExchangeError('MALFORMED_PAYLOAD', `文件 ${file.name} 最后一条记录没有换行符`, { file: file.name });
        const lines = text === '' ? [] : text.slice(0, -1).split('\n');
        if (lines.length !== file.records) {
          throw new ExchangeError('RECORD_COUNT_MISMATCH', `文件 ${file.name} 有 ${lines.length} 条记录，包头写的是 ${file.records} 条`, { file: file.name });
        }
        files.set(file.name, lines);
      }
      return files;
    },
  };
}
