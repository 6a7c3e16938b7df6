/**
 * SM2 signature encoding per GB/T 35276-2017: DER of SEQUENCE { r INTEGER, s INTEGER }.
 * Decoding is strict (minimal lengths, no negative or padded integers, nothing
 * trailing, 1 ≤ r, s < n), so every distinct byte string is a distinct
 * signature and a flipped byte can never decode to the same (r, s).
 */

/** Order n of the SM2 recommended curve (GB/T 32918.5). */
export const SM2_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

export interface Sm2SignatureValue {
  r: bigint;
  s: bigint;
}

function integerContent(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0n) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  if (bytes.length === 0) bytes.push(0);
  if (bytes[0]! >= 0x80) bytes.unshift(0); // keep it positive
  return bytes;
}

export function encodeSignatureDer({ r, s }: Sm2SignatureValue): Uint8Array {
  const rBytes = integerContent(r);
  const sBytes = integerContent(s);
  const body = [0x02, rBytes.length, ...rBytes, 0x02, sBytes.length, ...sBytes];
  return Uint8Array.from([0x30, body.length, ...body]);
}

/** The (r, s) of a strictly encoded signature, or null for anything else. */
export function decodeSignatureDer(der: Uint8Array): Sm2SignatureValue | null {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const r = readInteger(der, 2);
  if (!r) return null;
  const s = readInteger(der, r.next);
  if (!s || s.next !== der.length) return null;
  const inRange = (v: bigint) => v >= 1n && v < SM2_ORDER;
  return inRange(r.value) && inRange(s.value) ? { r: r.value, s: s.value } : null;
}

function readInteger(der: Uint8Array, offset: number): { value: bigint; next: number } | null {
  if (der[offset] !== 0x02) return null;
  const length = der[offset + 1];
  if (length === undefined || length < 1 || length > 33 || offset + 2 + length > der.length) return null;
  const first = der[offset + 2]!;
  if (first >= 0x80) return null; // negative
  if (first === 0 && (length === 1 || der[offset + 3]! < 0x80)) return null; // not minimal
  let value = 0n;
  for (let i = 0; i < length; i += 1) value = (value << 8n) | BigInt(der[offset + 2 + i]!);
  return { value, next: offset + 2 + length };
}
