import { describe, expect, it } from 'vitest';
import { fastSm3, nodeHasSm3 } from '../../db/exchange/native-sm3';
import { Sm3 } from '../../shared/exchange/sm3-stream';

describe('the native SM3 the package code uses under Node', () => {
  it('is Node’s own here, and gives the library SM3’s digest for any split of the input', () => {
    expect(nodeHasSm3).toBe(true);
    const data = new Uint8Array(200_003).map((_, i) => (i * 131 + 7) & 0xff);
    for (const split of [0, 1, 63, 64, 65, 65_536, 199_999]) {
      const native = fastSm3();
      native.update(data.subarray(0, split));
      native.update(data.subarray(split));
      const own = new Sm3().update(data).digest();
      expect(Buffer.from(native.digest()).toString('hex'), `split at ${split}`).toBe(Buffer.from(own).toString('hex'));
    }
    const abc = fastSm3();
    abc.update(new TextEncoder().encode('abc'));
    expect(Buffer.from(abc.digest()).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});
