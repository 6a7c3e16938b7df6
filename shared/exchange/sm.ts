/**
 * Typed wrappers over sm-crypto-v2 for the 国密 suite of the exchange format.
 * They fix the encodings the format depends on and close the library's traps:
 * - `sm2.doDecrypt` returns an EMPTY result (not an exception) on a wrong key or
 *   a tampered ciphertext: unwrapping checks the exact length and returns null;
 * - SM4-GCM decryption SKIPS the tag check when no tag is given, and GCM mode
 *   does not check the key length: both are required here;
 * - signatures are DER (GB/T 35276) decoded strictly (see der.ts), and the
 *   signed digest is e = SM3(Z ‖ M) computed incrementally, so a large document
 *   is never copied into a hex string.
 * Keys travel as lower-case hex: private 64 digits, public "04" ‖ x ‖ y (130 digits).
 */
import { hkdf, sm2, sm4 } from 'sm-crypto-v2';
import { fromHex, toHex } from './bytes';
import { SM2_ORDER, decodeSignatureDer, encodeSignatureDer } from './der';
import { Sm3 } from './sm3-stream';

export const SM4_KEY_LENGTH = 16;
export const GCM_IV_LENGTH = 12;
export const GCM_TAG_LENGTH = 16;
/** GM/T 0009's default signer ID; a signature made with it instead of the county code is diagnosed. */
export const DEFAULT_SM2_USER_ID = '1234567812345678';
/** 0x04 ‖ C1.x ‖ C1.y (65) ‖ C3 = SM3 (32) ‖ C2 (16) for a 16-byte content key. */
export const WRAPPED_KEY_LENGTH = 65 + 32 + SM4_KEY_LENGTH;

// ---- SM3 -------------------------------------------------------------------

export function sm3(data: Uint8Array): Uint8Array {
  return new Sm3().update(data).digest();
}

export function sm3Hex(data: Uint8Array): string {
  return toHex(sm3(data));
}

// ---- SM4-GCM (RFC 8998) ----------------------------------------------------

export interface GcmSealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

function checkGcmParameters(key: Uint8Array, iv: Uint8Array): void {
  if (key.length !== SM4_KEY_LENGTH) throw new RangeError('SM4 key must be 16 bytes');
  if (iv.length !== GCM_IV_LENGTH) throw new RangeError('SM4-GCM IV must be 12 bytes');
}

export function sm4GcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): GcmSealed {
  checkGcmParameters(key, iv);
  const { output, tag } = sm4.encrypt(plaintext, key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true });
  if (!tag || tag.length !== GCM_TAG_LENGTH) throw new Error('SM4-GCM produced no tag');
  return { ciphertext: output, tag };
}

/** The plaintext, or null when the tag does not authenticate key, IV, AAD and ciphertext. */
export function sm4GcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad: Uint8Array,
): Uint8Array | null {
  checkGcmParameters(key, iv);
  if (tag.length !== GCM_TAG_LENGTH) return null;
  try {
    return sm4.decrypt(ciphertext, key, { mode: 'gcm', iv, associatedData: aad, tag, output: 'array' });
  } catch {
    return null; // "authentication tag mismatch"
  }
}

// ---- HKDF-SM3 (RFC 5869 with SM3) --------------------------------------------

export function hkdfSm3(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  return Uint8Array.from(hkdf(ikm, salt, info, length));
}

// ---- SM2 keys ----------------------------------------------------------------

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

export function isSm2PrivateKey(hex: unknown): hex is string {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return false;
  const d = BigInt(`0x${hex}`);
  return d >= 1n && d <= SM2_ORDER - 2n;
}

export function isSm2PublicKey(hex: unknown): hex is string {
  if (typeof hex !== 'string' || !/^04[0-9a-f]{128}$/.test(hex)) return false;
  try {
    return sm2.verifyPublicKey(hex);
  } catch {
    return false;
  }
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey: privateKey.padStart(64, '0').toLowerCase(), publicKey: publicKey.toLowerCase() };
}

export function sm2PublicKeyOf(privateKey: string): string {
  if (!isSm2PrivateKey(privateKey)) throw new RangeError('not an SM2 private key');
  return sm2.getPublicKeyFromPrivateKey(privateKey).toLowerCase();
}

// ---- SM2 signature (GB/T 32918.2, e = SM3(Z_A ‖ M), DER) ----------------------

/** e = SM3(Z_A ‖ M), Z_A from the signer ID (ENTL ‖ ID ‖ curve ‖ public key). */
function signedDigest(message: Uint8Array, publicKey: string, signerId: string): Uint8Array {
  const z = sm2.getZ(publicKey, signerId);
  return new Sm3().update(z).update(message).digest();
}

export function sm2Sign(message: Uint8Array, privateKey: string, signerId: string): Uint8Array {
  const publicKey = sm2PublicKeyOf(privateKey);
  const e = signedDigest(message, publicKey, signerId);
  const raw = sm2.doSignature(e, privateKey, { hash: false });
  return encodeSignatureDer({ r: BigInt(`0x${raw.slice(0, 64)}`), s: BigInt(`0x${raw.slice(64)}`) });
}

/** False for a wrong key, wrong signer ID, changed message, or any malformed signature. */
export function sm2Verify(message: Uint8Array, signatureDer: Uint8Array, publicKey: string, signerId: string): boolean {
  const value = decodeSignatureDer(signatureDer);
  if (!value || !isSm2PublicKey(publicKey)) return false;
  const raw = value.r.toString(16).padStart(64, '0') + value.s.toString(16).padStart(64, '0');
  try {
    return sm2.doVerifySignature(signedDigest(message, publicKey, signerId), raw, publicKey, { hash: false });
  } catch {
    return false;
  }
}

// ---- SM2 encryption of the content key (GB/T 32918.4, C1C3C2) ------------------

export function sm2WrapKey(contentKey: Uint8Array, publicKey: string): Uint8Array {
  if (contentKey.length !== SM4_KEY_LENGTH) throw new RangeError('content key must be 16 bytes');
  if (!isSm2PublicKey(publicKey)) throw new RangeError('not an SM2 public key');
  // sm-crypto-v2 writes C1 without its 0x04 prefix; the format carries the standard point encoding.
  const wrapped = fromHex(`04${sm2.doEncrypt(contentKey, publicKey, 1)}`);
  if (wrapped.length !== WRAPPED_KEY_LENGTH) throw new Error('SM2 encryption produced an unexpected length');
  return wrapped;
}

/** The 16-byte content key, or null when this private key cannot open it (never an empty "success"). */
export function sm2UnwrapKey(wrapped: Uint8Array, privateKey: string): Uint8Array | null {
  if (wrapped.length !== WRAPPED_KEY_LENGTH || wrapped[0] !== 0x04 || !isSm2PrivateKey(privateKey)) return null;
  try {
    const key: ArrayLike<number> = sm2.doDecrypt(toHex(wrapped.subarray(1)), privateKey, 1, { output: 'array' });
    return key.length === SM4_KEY_LENGTH ? Uint8Array.from(key) : null;
  } catch {
    return null; // C1 not on the curve
  }
}
