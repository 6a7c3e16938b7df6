import { parentPort } from 'node:worker_threads';
import { sm4GcmEncrypt } from '../../shared/exchange/sm';
import type { SealReply, SealRequest } from './seal-pool';

/**
 * A sealing thread of the export (db/exchange/seal-pool.ts): SM4-GCM of the
 * chunks it is given, nothing else — no database, no files, no keys kept
 * beyond the request. The exporter's thread reads and frames the records,
 * writes the sealed chunks in order and hashes them.
 */
const port = parentPort!;
port.on('message', (request: SealRequest) => {
  let reply: SealReply;
  try {
    const { ciphertext, tag } = sm4GcmEncrypt(request.key, request.iv, request.plaintext, request.aad);
    reply = { id: request.id, ciphertext, tag };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
