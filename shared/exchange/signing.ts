/**
 * Signing and verifying the exact bytes of a package header or a signed
 * document, with the signer's division code as the SM2 signer ID.
 */
import { ExchangeError } from './errors';
import { formatFingerprint, type SigningKey, type VerifyingKey } from './keys';
import { DEFAULT_SM2_USER_ID, sm2Sign, sm2Verify } from './sm';

export function signAs(key: SigningKey, message: Uint8Array): Uint8Array {
  return sm2Sign(message, key.privateKey, key.code);
}

/**
 * Throws BAD_SIGNATURE, or WRONG_SIGNER_ID when the signature is valid only
 * under GM/T 0009's default ID "1234567812345678" — the usual mistake of an
 * implementation that forgot to set the signer ID, worth naming precisely.
 */
export function verifyAsOrRefuse(key: VerifyingKey, message: Uint8Array, signature: Uint8Array, what: string): void {
  if (sm2Verify(message, signature, key.publicKey, key.code)) return;
  const facts = { keyId: key.keyId, code: key.code };
  if (sm2Verify(message, signature, key.publicKey, DEFAULT_SM2_USER_ID)) {
    throw new ExchangeError(
      'WRONG_SIGNER_ID',
      `${what}的签名使用了默认标识 ${DEFAULT_SM2_USER_ID}，应使用单位代码 ${key.code} 作为签名者标识`,
      facts,
    );
  }
  throw new ExchangeError(
    'BAD_SIGNATURE',
    `${what}的签名与 ${key.code} 的密钥 ${formatFingerprint(key.keyId)} 不符（内容被改动、签名损坏，或不是用该密钥签的）`,
    facts,
  );
}
