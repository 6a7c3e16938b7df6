/**
 * Incremental SM3 (GB/T 32905-2016). sm-crypto-v2 exports SM3 only as a
 * one-shot function over a whole buffer, but the package writer and reader
 * must hash gigabytes of ciphertext with flat memory, and SM2 signing of a
 * large document needs SM3(Z ‖ M) without building Z ‖ M. Checked against the
 * standard's vectors and against sm-crypto-v2 in tests/unit/exchange-sm.test.ts.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** T_j <<< j, precomputed (rotation by j mod 32; rotl by 0 must stay x). */
const T_ROTATED = new Int32Array(64);
for (let j = 0; j < 64; j += 1) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const n = j % 32;
  T_ROTATED[j] = n === 0 ? t : rotl(t, n);
}

export class Sm3 {
  private readonly state = Int32Array.from(IV);
  private readonly block = new Uint8Array(64);
  private readonly w = new Int32Array(68);
  private blockFill = 0;
  private totalBytes = 0;
  private finished = false;

  update(data: Uint8Array): this {
    if (this.finished) throw new Error('SM3: update after digest');
    this.totalBytes += data.length;
    let offset = 0;
    if (this.blockFill > 0) {
      const take = Math.min(64 - this.blockFill, data.length);
      this.block.set(data.subarray(0, take), this.blockFill);
      this.blockFill += take;
      offset = take;
      if (this.blockFill < 64) return this;
      this.compress(this.block, 0);
      this.blockFill = 0;
    }
    // Whole blocks straight from the caller's bytes: no copy.
    for (; offset + 64 <= data.length; offset += 64) this.compress(data, offset);
    if (offset < data.length) {
      this.block.set(data.subarray(offset), 0);
      this.blockFill = data.length - offset;
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.finished) throw new Error('SM3: digest twice');
    this.finished = true;
    const { block } = this;
    block[this.blockFill] = 0x80;
    block.fill(0, this.blockFill + 1);
    if (this.blockFill >= 56) {
      this.compress(block, 0);
      block.fill(0);
    }
    // Message length in bits, 64-bit big-endian.
    const high = Math.floor(this.totalBytes / 0x20000000);
    const low = (this.totalBytes % 0x20000000) * 8;
    writeBe32(block, 56, high);
    writeBe32(block, 60, low);
    this.compress(block, 0);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i += 1) writeBe32(out, 4 * i, this.state[i]!);
    return out;
  }

  private compress(bytes: Uint8Array, offset: number): void {
    const w = this.w;
    for (let j = 0; j < 16; j += 1) {
      const p = offset + 4 * j;
      w[j] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
    }
    for (let j = 16; j < 68; j += 1) {
      const x = w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15);
      w[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
    }
    const s = this.state;
    let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!, f = s[5]!, g = s[6]!, h = s[7]!;
    // Rounds 0–15 and 16–63 differ only in FF/GG; two loops keep the branch out of the hot path.
    for (let j = 0; j < 16; j += 1) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + T_ROTATED[j]!) | 0, 7);
      const wj = w[j]!;
      const tt1 = ((a ^ b ^ c) + d + (ss1 ^ a12) + (wj ^ w[j + 4]!)) | 0;
      const tt2 = ((e ^ f ^ g) + h + ss1 + wj) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
    }
    for (let j = 16; j < 64; j += 1) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + T_ROTATED[j]!) | 0, 7);
      const wj = w[j]!;
      const tt1 = (((a & b) | (a & c) | (b & c)) + d + (ss1 ^ a12) + (wj ^ w[j + 4]!)) | 0;
      const tt2 = (((e & f) | (~e & g)) + h + ss1 + wj) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
    }
    s[0] = s[0]! ^ a;
    s[1] = s[1]! ^ b;
    s[2] = s[2]! ^ c;
    s[3] = s[3]! ^ d;
    s[4] = s[4]! ^ e;
    s[5] = s[5]! ^ f;
    s[6] = s[6]! ^ g;
    s[7] = s[7]! ^ h;
  }
}

function writeBe32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 24;
  target[offset + 1] = (value >>> 16) & 0xff;
  target[offset + 2] = (value >>> 8) & 0xff;
  target[offset + 3] = value & 0xff;
}
