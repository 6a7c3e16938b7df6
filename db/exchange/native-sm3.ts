import { createHash, getHashes } from 'node:crypto';
import type { Sm3Factory } from '../../shared/exchange/payload';
import { Sm3 } from '../../shared/exchange/sm3-stream';

/**
 * Node's OpenSSL has SM3 (several times faster than the JavaScript one);
 * Electron's BoringSSL does not, so the package code falls back to the
 * library's own SM3 there. Both give the same digests (a test checks).
 */
export const nodeHasSm3 = getHashes().includes('sm3');

export const fastSm3: Sm3Factory = nodeHasSm3
  ? () => {
      const hash = createHash('sm3');
      return {
        update: (data: Uint8Array) => hash.update(data),
        digest: () => new Uint8Array(hash.digest()),
      };
    }
  : () => new Sm3();
