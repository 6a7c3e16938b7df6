/**
 * A package's header as both writers make it — the county's streaming writer
 * (db/exchange/package-writer.ts) and the whole-package builder of the
 * province's feed (package-bytes.ts): the sender and recipients checked, the
 * content key wrapped for each recipient, the header validated, then encoded
 * and signed once the files are known.
 */
import { toHex } from './bytes';
import { ExchangeError } from './errors';
import {
  CHUNK_SIZE,
  FORMAT_VERSION,
  PACKAGE_FORMAT,
  SUITE,
  encodeHeader,
  packageHashOf,
  packageHeaderSchema,
  type PackageFileEntry,
  type PackageHeader,
} from './format';
import { checkPublicKey, checkSigningKey, type RecipientPublicKey, type SigningKey } from './keys';
import { signAs } from './signing';
import { sm2WrapKey } from './sm';

/** What a package says of itself besides its files. */
export interface PackageOptions {
  /** The sender: 6-digit code (also the SM2 signer ID), key id and private key of its signing key. */
  sender: SigningKey;
  /** Who may open the package (the province, and e.g. a backup key); at least one. */
  recipients: readonly RecipientPublicKey[];
  /** 1 for the first package to this recipient, then +1 each. */
  sequence: number;
  /** Package hash of package `sequence - 1` (null for sequence 1). */
  previousHash: string | null;
  createdAt: Date | string;
  /** Change-capture sequence numbers covered, inclusive. */
  changeRange: { from: number; to: number };
  /** Version of the record schemas (docs/exchange-schemas/). */
  schemaVersion: number;
}

export type HeaderWithoutFiles = Omit<PackageHeader, 'files'>;

/** The header but its files, the content key wrapped for every recipient; refuses bad keys or values in Chinese. */
export function headerWithoutFiles(options: PackageOptions, contentKey: Uint8Array): HeaderWithoutFiles {
  checkSigningKey(options.sender, '发送方');
  if (options.recipients.length === 0) throw new ExchangeError('INVALID_ARGUMENT', '至少需要一个接收方');
  for (const recipient of options.recipients) checkPublicKey(recipient, '接收方');
  const base: HeaderWithoutFiles = {
    format: PACKAGE_FORMAT,
    version: FORMAT_VERSION,
    suite: SUITE,
    chunkSize: CHUNK_SIZE,
    sender: { code: options.sender.code, keyId: options.sender.keyId },
    sequence: options.sequence,
    previousHash: options.previousHash,
    createdAt: toIsoTimestamp(options.createdAt),
    changeRange: { from: options.changeRange.from, to: options.changeRange.to },
    schemaVersion: options.schemaVersion,
    recipients: options.recipients.map((r) => ({ keyId: r.keyId, wrappedKey: toHex(sm2WrapKey(contentKey, r.publicKey)) })),
  };
  checkedHeader(base, []);
  return base;
}

/** The whole header, validated. */
export function checkedHeader(base: HeaderWithoutFiles, files: PackageFileEntry[]): PackageHeader {
  const parsed = packageHeaderSchema.safeParse({ ...base, files });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExchangeError('INVALID_ARGUMENT', `数据包参数 ${issue?.path.join('.') ?? ''} 不合规：${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** The header's bytes, the sender's signature over them, and the package hash (the next package's previousHash). */
export function signedHeader(sender: SigningKey, header: PackageHeader): { headerBytes: Uint8Array; signature: Uint8Array; packageHash: string } {
  const headerBytes = encodeHeader(header);
  return { headerBytes, signature: signAs(sender, headerBytes), packageHash: packageHashOf(headerBytes) };
}

function toIsoTimestamp(value: Date | string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ExchangeError('INVALID_ARGUMENT', `创建时间 ${String(value)} 无效`);
  return date.toISOString();
}
