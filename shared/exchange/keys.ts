/**
 * Key identities. A key id names an SM2 public key in headers and registries:
 * the first 16 bytes of SM3 over the uncompressed point 04 ‖ x ‖ y, as 32
 * lower-case hex digits. Ids are derived, never chosen, so a registry entry
 * cannot pair an id with another key; old ids stay valid after a rotation.
 * The fingerprint is the same id grouped for reading aloud when two offices
 * confirm a key over the phone: "3F2A 91C0 …" (8 groups of 4).
 */
import { ExchangeError } from './errors';
import { fromHex, toHex } from './bytes';
import { isSm2PrivateKey, isSm2PublicKey, sm2PublicKeyOf, sm3 } from './sm';

export const KEY_ID_BYTES = 16;

export function keyIdOf(publicKey: string): string {
  if (!isSm2PublicKey(publicKey)) throw new ExchangeError('INVALID_ARGUMENT', '不是有效的SM2公钥');
  return toHex(sm3(fromHex(publicKey)).subarray(0, KEY_ID_BYTES));
}

export function formatFingerprint(keyId: string): string {
  return keyId.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** A county's or the province's signing key, as the signer holds it. */
export interface SigningKey {
  /** 6-digit division code of the signer; also its SM2 signer ID. */
  code: string;
  keyId: string;
  privateKey: string;
}

/** A signer's public key as registered at the verifier (old keys stay registered after rotation). */
export interface VerifyingKey {
  code: string;
  keyId: string;
  publicKey: string;
}

/** A recipient's public key, as the sender knows it. */
export interface RecipientPublicKey {
  keyId: string;
  publicKey: string;
}

/** A recipient's private key, to open packages addressed to it. */
export interface RecipientPrivateKey {
  keyId: string;
  privateKey: string;
}

export const DIVISION_CODE = /^\d{6}$/;

/** Calling-code checks: a key id that is not the id of its key is a configuration mistake. */
export function checkSigningKey(key: SigningKey, role: string): string {
  if (!DIVISION_CODE.test(key.code)) throw new ExchangeError('INVALID_ARGUMENT', `${role}代码应为6位数字`);
  if (!isSm2PrivateKey(key.privateKey)) throw new ExchangeError('INVALID_ARGUMENT', `${role}私钥格式错误`);
  const publicKey = sm2PublicKeyOf(key.privateKey);
  if (keyIdOf(publicKey) !== key.keyId) throw new ExchangeError('INVALID_ARGUMENT', `${role}密钥标识与私钥不符`);
  return publicKey;
}

export function checkPublicKey(key: { keyId: string; publicKey: string }, role: string): void {
  if (!isSm2PublicKey(key.publicKey)) throw new ExchangeError('INVALID_ARGUMENT', `${role}公钥格式错误（${key.keyId}）`);
  if (keyIdOf(key.publicKey) !== key.keyId) {
    throw new ExchangeError('INVALID_ARGUMENT', `${role}密钥标识与公钥不符（${key.keyId}）`);
  }
}

/** The registered key with the claimed id, checked for the claimed signer; throws the refusal otherwise. */
export function findVerifyingKey(keys: readonly VerifyingKey[], claimed: { code: string; keyId: string }): VerifyingKey {
  for (const key of keys) checkPublicKey(key, '发送方');
  const key = keys.find((k) => k.keyId === claimed.keyId);
  if (!key) {
    throw new ExchangeError('UNKNOWN_SENDER_KEY', `密钥 ${formatFingerprint(claimed.keyId)} 未在本端登记`, {
      keyId: claimed.keyId,
      code: claimed.code,
    });
  }
  if (key.code !== claimed.code) {
    throw new ExchangeError('SENDER_KEY_MISMATCH', `密钥 ${formatFingerprint(key.keyId)} 登记在 ${key.code} 名下，文件却声称来自 ${claimed.code}`, {
      keyId: key.keyId,
      code: claimed.code,
      registeredCode: key.code,
    });
  }
  return key;
}
