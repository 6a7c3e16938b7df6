/**
 * A signed, unencrypted document: the province's receipt for a package (which
 * records were accepted, which rejected and why), or any other answer that
 * must be attributable to its signer.
 *
 *   offset  length  contents
 *   0       8       magic "JYFWSDOC"
 *   8       2       format version, uint16 BE (1)
 *   10      4       body length B, uint32 BE
 *   14      B       body: canonical JSON, UTF-8   ← signed; SM3 of it = document hash
 *   14+B    2       signature length S, uint16 BE
 *   16+B    S       SM2 signature (DER), signer ID = signer.code
 *   16+B+S          end of file (nothing may follow)
 */
import { canonicalJson } from '../domain/canonical-json';
import { fromUtf8, readUint, utf8, writeUint } from './bytes';
import { ExchangeError } from './errors';
import { DIVISION_CODE, findVerifyingKey, type SigningKey, type VerifyingKey } from './keys';
import { FORMAT_VERSION, MAX_SIGNATURE_LENGTH, PRELUDE_LENGTH } from './format';
import { signAs, verifyAsOrRefuse } from './signing';
import { sm3Hex } from './sm';

export const DOCUMENT_MAGIC = 'JYFWSDOC';
export const DOCUMENT_FORMAT = 'JYFW-SIGNED-DOCUMENT';
export const MAX_DOCUMENT_BODY = 256 * 1024 * 1024;
const KIND = /^[a-z][a-z0-9-]{0,31}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface SignedDocumentInput {
  /** What the document is, e.g. "receipt". */
  kind: string;
  createdAt: Date | string;
  /** Any JSON value (objects are written with sorted keys). */
  content: unknown;
}

export interface SignedDocument {
  kind: string;
  createdAt: string;
  signer: { code: string; keyId: string };
  content: unknown;
  /** SM3 of the signed body bytes, lower-case hex. */
  documentHash: string;
}

export function encodeSignedDocument(input: SignedDocumentInput, signer: SigningKey): { bytes: Uint8Array; documentHash: string } {
  if (!KIND.test(input.kind)) throw new ExchangeError('INVALID_ARGUMENT', `文件类型 ${input.kind} 不合规`);
  if (input.content === undefined) throw new ExchangeError('INVALID_ARGUMENT', '签名文件没有内容');
  const createdAt = new Date(input.createdAt).toISOString();
  const body = utf8(
    canonicalJson({
      format: DOCUMENT_FORMAT,
      version: FORMAT_VERSION,
      kind: input.kind,
      createdAt,
      signer: { code: signer.code, keyId: signer.keyId },
      content: input.content,
    }),
  );
  if (body.length > MAX_DOCUMENT_BODY) throw new ExchangeError('INVALID_ARGUMENT', '签名文件内容超过 256 MiB');
  const signature = signAs(signer, body);
  const out = new Uint8Array(PRELUDE_LENGTH + body.length + 2 + signature.length);
  out.set(utf8(DOCUMENT_MAGIC), 0);
  writeUint(out, 8, 2, FORMAT_VERSION);
  writeUint(out, 10, 4, body.length);
  out.set(body, PRELUDE_LENGTH);
  writeUint(out, PRELUDE_LENGTH + body.length, 2, signature.length);
  out.set(signature, PRELUDE_LENGTH + body.length + 2);
  return { bytes: out, documentHash: sm3Hex(body) };
}

/** Verifies the signature against the signer keys the caller registered (by key id), then returns the content. */
export function decodeSignedDocument(bytes: Uint8Array, signerKeys: readonly VerifyingKey[], expectedKind?: string): SignedDocument {
  const what = '签名文件';
  if (String.fromCharCode(...bytes.subarray(0, 8)) !== DOCUMENT_MAGIC.slice(0, Math.min(8, bytes.length))) {
    throw new ExchangeError('NOT_A_SIGNED_DOCUMENT', '文件开头的格式标识不是 JYFWSDOC');
  }
  if (bytes.length < PRELUDE_LENGTH) throw new ExchangeError('TRUNCATED', `${what}只有 ${bytes.length} 字节`);
  const version = readUint(bytes, 8, 2);
  if (version !== FORMAT_VERSION) throw new ExchangeError('UNSUPPORTED_VERSION', `${what}为第 ${version} 版格式`, { version });
  const bodyLength = readUint(bytes, 10, 4);
  if (bodyLength > MAX_DOCUMENT_BODY) throw new ExchangeError('MALFORMED_HEADER', `${what}内容长度 ${bodyLength} 超出允许范围`);
  const signatureAt = PRELUDE_LENGTH + bodyLength;
  if (bytes.length < signatureAt + 2) throw new ExchangeError('TRUNCATED', `${what}内容不完整`);
  const signatureLength = readUint(bytes, signatureAt, 2);
  if (signatureLength < 8 || signatureLength > MAX_SIGNATURE_LENGTH) {
    throw new ExchangeError('BAD_SIGNATURE', `${what}的签名长度 ${signatureLength} 字节不是 SM2 签名`);
  }
  const end = signatureAt + 2 + signatureLength;
  if (bytes.length < end) throw new ExchangeError('TRUNCATED', `${what}的签名不完整`);
  if (bytes.length > end) throw new ExchangeError('TRAILING_BYTES', `${what}签名之后还有 ${bytes.length - end} 字节`);

  const body = bytes.subarray(PRELUDE_LENGTH, signatureAt);
  const parsed = parseBody(body);
  const key = findVerifyingKey(signerKeys, parsed.signer);
  verifyAsOrRefuse(key, body, bytes.subarray(signatureAt + 2, end), what);
  if (expectedKind !== undefined && parsed.kind !== expectedKind) {
    throw new ExchangeError('MALFORMED_HEADER', `应为 ${expectedKind} 文件，收到的是 ${parsed.kind}`);
  }
  return { ...parsed, documentHash: sm3Hex(body) };
}

function parseBody(body: Uint8Array): Omit<SignedDocument, 'documentHash'> {
  let text: string;
  let value: Record<string, unknown>;
  try {
    text = fromUtf8(body);
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExchangeError('MALFORMED_HEADER', '签名文件内容不是有效的 UTF-8 JSON');
  }
  const signer = value?.signer as { code?: unknown; keyId?: unknown } | undefined;
  const wellFormed =
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).sort().join() === 'content,createdAt,format,kind,signer,version' &&
    value.format === DOCUMENT_FORMAT &&
    value.version === FORMAT_VERSION &&
    typeof value.kind === 'string' &&
    KIND.test(value.kind) &&
    typeof value.createdAt === 'string' &&
    ISO_UTC.test(value.createdAt) &&
    typeof signer === 'object' &&
    signer !== null &&
    Object.keys(signer).sort().join() === 'code,keyId' &&
    typeof signer.code === 'string' &&
    DIVISION_CODE.test(signer.code) &&
    typeof signer.keyId === 'string' &&
    /^[0-9a-f]{32}$/.test(signer.keyId);
  if (!wellFormed) throw new ExchangeError('MALFORMED_HEADER', '签名文件内容缺少或多出字段');
  if (canonicalJson(value) !== text) throw new ExchangeError('MALFORMED_HEADER', '签名文件内容不是规范 JSON');
  return {
    kind: value.kind as string,
    createdAt: value.createdAt as string,
    signer: { code: signer.code as string, keyId: signer.keyId as string },
    content: value.content,
  };
}
