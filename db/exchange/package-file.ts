/**
 * The exchange package library, as the county's exporter and the province-side
 * receiver use it. Format: docs/exchange-format.md. Everything here refuses bad
 * input with an ExchangeError whose `code` is listed in shared/exchange/errors.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { ExchangeError } from '../../shared/exchange/errors';
import type { SigningKey, VerifyingKey } from '../../shared/exchange/keys';
import {
  MAX_DOCUMENT_BODY,
  decodeSignedDocument,
  encodeSignedDocument,
  type SignedDocument,
  type SignedDocumentInput,
} from '../../shared/exchange/signed-document';
import { publishDurably, writeAll } from './package-fs';

export { createPackageWriter, PackageFileWriter, PackageWriter } from './package-writer';
export type { PackageWriteResult, PackageWriterOptions } from './package-writer';
export { openPackage, PackageContents, PackageEnvelope, VerifiedPackage } from './package-reader';
export { checkChain } from '../../shared/exchange/chain';
export type { ChainLink, ChainPosition, ChainVerdict } from '../../shared/exchange/chain';
export { ExchangeError, isExchangeError } from '../../shared/exchange/errors';
export type { ExchangeErrorCode } from '../../shared/exchange/errors';
export { formatFingerprint, keyIdOf } from '../../shared/exchange/keys';
export type { RecipientPrivateKey, RecipientPublicKey, SigningKey, VerifyingKey } from '../../shared/exchange/keys';
export { generateSm2KeyPair } from '../../shared/exchange/sm';
export type { PackageFileEntry, PackageHeader } from '../../shared/exchange/format';
export type { SignedDocument, SignedDocumentInput } from '../../shared/exchange/signed-document';

/** Signs `input` as `signer` and publishes it durably at `path` (which must not exist). */
export async function writeSignedDocument(
  path: string,
  input: SignedDocumentInput,
  signer: SigningKey,
): Promise<{ path: string; documentHash: string; size: number }> {
  const { bytes, documentHash } = encodeSignedDocument(input, signer);
  const size = await publishDurably(path, (handle) => writeAll(handle, bytes));
  return { path, documentHash, size };
}

/** Reads and verifies a signed document against the signer keys the caller registered (by key id). */
export async function readSignedDocument(
  path: string,
  signerKeys: readonly VerifyingKey[],
  expectedKind?: string,
): Promise<SignedDocument> {
  const { size } = await stat(path);
  if (size > MAX_DOCUMENT_BODY + 1024) throw new ExchangeError('MALFORMED_HEADER', `签名文件有 ${size} 字节，超出允许范围`);
  return decodeSignedDocument(new Uint8Array(await readFile(path)), signerKeys, expectedKind);
}
