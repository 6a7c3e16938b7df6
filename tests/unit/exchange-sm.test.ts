import { sm2, sm3 as librarySm3, sm4 } from 'sm-crypto-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../../shared/exchange/bytes';
import { SM2_ORDER, decodeSignatureDer, encodeSignatureDer } from '../../shared/exchange/der';
import { formatFingerprint, keyIdOf } from '../../shared/exchange/keys';
import {
  DEFAULT_SM2_USER_ID,
  WRAPPED_KEY_LENGTH,
  generateSm2KeyPair,
  hkdfSm3,
  isSm2PublicKey,
  sm2PublicKeyOf,
  sm2Sign,
  sm2UnwrapKey,
  sm2Verify,
  sm2WrapKey,
  sm3Hex,
  sm4GcmDecrypt,
  sm4GcmEncrypt,
  type Sm2KeyPair,
} from '../../shared/exchange/sm';
import { Sm3 } from '../../shared/exchange/sm3-stream';

// Two SM2 key pairs for the whole file: each SM2 operation costs milliseconds.
let alice: Sm2KeyPair;
let bob: Sm2KeyPair;
beforeAll(() => {
  alice = generateSm2KeyPair();
  bob = generateSm2KeyPair();
});

describe('SM3 (GB/T 32905-2016 Appendix A)', () => {
  it('hashes "abc"', () => {
    expect(sm3Hex(utf8('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes the 64-byte "abcd" × 16', () => {
    expect(sm3Hex(utf8('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('gives the same digest fed in arbitrary pieces, and agrees with sm-crypto-v2 at every padding edge', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 300]) {
      const message = data.subarray(0, length);
      const pieces = new Sm3();
      for (let at = 0; at < length; at += 1 + (at % 37)) pieces.update(message.subarray(at, Math.min(length, at + 1 + (at % 37))));
      expect(toHex(pieces.digest()), `length ${length}`).toBe(librarySm3(message));
    }
  });
});

describe('SM4 (GB/T 32907-2016 example 1)', () => {
  it('encrypts the standard block', () => {
    const key = '0123456789abcdeffedcba9876543210';
    const block = sm4.encrypt(fromHex(key), key, { padding: 'none', output: 'array' });
    expect(toHex(block)).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('SM4-GCM (RFC 8998 Appendix A.1)', () => {
  const key = fromHex('0123456789abcdeffedcba9876543210');
  const iv = fromHex('00001234567800000000abcd');
  const aad = fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const plaintext = fromHex(
    'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd' +
      'eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa',
  );
  const ciphertext =
    '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735' +
    'd82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d';
  const tag = '83de3541e4c2b58177e065a9bf7b62ec';

  it('encrypts to the published ciphertext and tag', () => {
    const sealed = sm4GcmEncrypt(key, iv, plaintext, aad);
    expect(toHex(sealed.ciphertext)).toBe(ciphertext);
    expect(toHex(sealed.tag)).toBe(tag);
  });

  it('decrypts the published ciphertext', () => {
    expect(toHex(sm4GcmDecrypt(key, iv, fromHex(ciphertext), fromHex(tag), aad)!)).toBe(toHex(plaintext));
  });

  it('refuses a changed ciphertext, tag, AAD, IV or key, and a missing tag', () => {
    const flip = (hex: string, at: number) => {
      const bytes = fromHex(hex);
      bytes[at]! ^= 0x01;
      return bytes;
    };
    expect(sm4GcmDecrypt(key, iv, flip(ciphertext, 40), fromHex(tag), aad)).toBeNull();
    expect(sm4GcmDecrypt(key, iv, fromHex(ciphertext), flip(tag, 15), aad)).toBeNull();
    expect(sm4GcmDecrypt(key, iv, fromHex(ciphertext), fromHex(tag), flip(toHex(aad), 0))).toBeNull();
    expect(sm4GcmDecrypt(key, flip(toHex(iv), 11), fromHex(ciphertext), fromHex(tag), aad)).toBeNull();
    expect(sm4GcmDecrypt(flip(toHex(key), 0), iv, fromHex(ciphertext), fromHex(tag), aad)).toBeNull();
    expect(sm4GcmDecrypt(key, iv, fromHex(ciphertext).subarray(0, 48), fromHex(tag), aad)).toBeNull();
    // sm-crypto-v2 would skip the check without a tag; the wrapper never does.
    expect(sm4GcmDecrypt(key, iv, fromHex(ciphertext), new Uint8Array(0), aad)).toBeNull();
    expect(() => sm4GcmDecrypt(key.subarray(0, 15), iv, fromHex(ciphertext), fromHex(tag), aad)).toThrow(RangeError);
  });
});

describe('HKDF-SM3 (RFC 5869 with SM3)', () => {
  it('equals the extract-and-expand steps built from HMAC-SM3', () => {
    const ikm = fromHex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b');
    const salt = fromHex('000102030405060708090a0b0c0d0e0f');
    const info = utf8('JYFW-EXCHANGE/1 file key');
    const prk = librarySm3(ikm, { key: salt, mode: 'hmac' });
    const t1 = librarySm3(concatBytes(info, Uint8Array.of(1)), { key: prk, mode: 'hmac' });
    const t2 = librarySm3(concatBytes(fromHex(t1), info, Uint8Array.of(2)), { key: prk, mode: 'hmac' });
    expect(toHex(hkdfSm3(ikm, salt, info, 16))).toBe(t1.slice(0, 32));
    expect(toHex(hkdfSm3(ikm, salt, info, 40))).toBe((t1 + t2).slice(0, 80));
  });
});

describe('SM2 signature with a signer ID (DER)', () => {
  const message = utf8('{"sender":{"code":"320506"},"sequence":7}');

  it('verifies its own signature and refuses a changed message, signer ID or key', () => {
    const signature = sm2Sign(message, alice.privateKey, '320506');
    expect(sm2Verify(message, signature, alice.publicKey, '320506')).toBe(true);
    const tampered = message.slice();
    tampered[10]! ^= 0x01;
    expect(sm2Verify(tampered, signature, alice.publicKey, '320506')).toBe(false);
    expect(sm2Verify(message, signature, alice.publicKey, '320507')).toBe(false);
    expect(sm2Verify(message, signature, alice.publicKey, DEFAULT_SM2_USER_ID)).toBe(false);
    expect(sm2Verify(message, signature, bob.publicKey, '320506')).toBe(false);
  });

  it('refuses a signature with any byte flipped, and a non-minimal DER encoding of the same (r, s)', () => {
    const signature = sm2Sign(message, alice.privateKey, '320506');
    for (let at = 0; at < signature.length; at += 1) {
      const flipped = signature.slice();
      flipped[at]! ^= 0x01;
      expect(sm2Verify(message, flipped, alice.publicKey, '320506'), `byte ${at}`).toBe(false);
    }
    const { r, s } = decodeSignatureDer(signature)!;
    expect(decodeSignatureDer(derOf(minimalInteger(r), minimalInteger(s)))).toEqual({ r, s });
    expect(decodeSignatureDer(derOf([0, ...minimalInteger(r)], minimalInteger(s)))).toBeNull();
    expect(decodeSignatureDer(encodeSignatureDer({ r, s: SM2_ORDER }))).toBeNull();
    expect(decodeSignatureDer(concatBytes(signature, Uint8Array.of(0)))).toBeNull();
  });

  it('is the standard e = SM3(Z ‖ M): sm-crypto-v2 verifies ours and we verify its', () => {
    const ours = decodeSignatureDer(sm2Sign(message, alice.privateKey, '320506'))!;
    const oursRaw = ours.r.toString(16).padStart(64, '0') + ours.s.toString(16).padStart(64, '0');
    expect(sm2.doVerifySignature(message, oursRaw, alice.publicKey, { hash: true, userId: '320506' })).toBe(true);
    const theirs = sm2.doSignature(message, alice.privateKey, { hash: true, der: true, userId: '320506' });
    expect(sm2Verify(message, fromHex(theirs), alice.publicKey, '320506')).toBe(true);
  });

  it('encodes DER minimally (a leading zero only before a high bit)', () => {
    const der = encodeSignatureDer({ r: 0x80n, s: 0x7fn });
    expect(toHex(der)).toBe('300702020080' + '02017f');
    expect(decodeSignatureDer(der)).toEqual({ r: 0x80n, s: 0x7fn });
  });
});

function minimalInteger(value: bigint): number[] {
  const hex = value.toString(16);
  const bytes = [...fromHex(hex.length % 2 ? `0${hex}` : hex)];
  return bytes[0]! >= 0x80 ? [0, ...bytes] : bytes;
}

function derOf(r: number[], s: number[]): Uint8Array {
  const body = [0x02, r.length, ...r, 0x02, s.length, ...s];
  return Uint8Array.from([0x30, body.length, ...body]);
}

describe('SM2 encryption of the 16-byte content key (C1C3C2)', () => {
  const contentKey = fromHex('00112233445566778899aabbccddeeff');

  it('unwraps with the right private key', () => {
    const wrapped = sm2WrapKey(contentKey, alice.publicKey);
    expect(wrapped.length).toBe(WRAPPED_KEY_LENGTH);
    expect(wrapped[0]).toBe(0x04);
    expect(toHex(sm2UnwrapKey(wrapped, alice.privateKey)!)).toBe(toHex(contentKey));
  });

  it('fails with a wrong private key — where sm-crypto-v2 alone answers an empty "success"', () => {
    const wrapped = sm2WrapKey(contentKey, alice.publicKey);
    const raw = sm2.doDecrypt(toHex(wrapped.subarray(1)), bob.privateKey, 1, { output: 'array' });
    expect(raw.length).toBe(0); // the trap: no exception
    expect(sm2UnwrapKey(wrapped, bob.privateKey)).toBeNull();
  });

  it('fails on a flipped byte in C1, C3 or C2, and on a wrong length', () => {
    const wrapped = sm2WrapKey(contentKey, alice.publicKey);
    for (const at of [0, 1, 40, 70, 100, WRAPPED_KEY_LENGTH - 1]) {
      const flipped = wrapped.slice();
      flipped[at]! ^= 0x01;
      expect(sm2UnwrapKey(flipped, alice.privateKey), `byte ${at}`).toBeNull();
    }
    expect(sm2UnwrapKey(wrapped.subarray(0, WRAPPED_KEY_LENGTH - 1), alice.privateKey)).toBeNull();
  });
});

describe('keys and key ids', () => {
  it('derives the public key and a 128-bit key id from SM3 of the uncompressed point', () => {
    expect(sm2PublicKeyOf(alice.privateKey)).toBe(alice.publicKey);
    expect(isSm2PublicKey(alice.publicKey)).toBe(true);
    // Another last hex digit moves the point off the curve (the random key may already end in 0).
    const lastDigit = alice.publicKey.slice(-1) === '0' ? '1' : '0';
    expect(isSm2PublicKey(`${alice.publicKey.slice(0, 129)}${lastDigit}`)).toBe(false);
    expect(keyIdOf(alice.publicKey)).toBe(sm3Hex(fromHex(alice.publicKey)).slice(0, 32));
    expect(keyIdOf(alice.publicKey)).not.toBe(keyIdOf(bob.publicKey));
  });

  it('groups the fingerprint for reading aloud', () => {
    expect(formatFingerprint('3f2a91c0aa55b6c7d8e9f00112233445')).toBe('3F2A 91C0 AA55 B6C7 D8E9 F001 1223 3445');
  });
});
