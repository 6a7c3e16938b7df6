import { readFileSync } from 'node:fs';
import { publicKeyDocument } from '../../db/exchange/key-files';
import { generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import type { RpcResult } from '../../shared/rpc';
import { expectOk, readyDesk, type ReadyDesk } from '../integration/helpers';

/** The province's signing key for this test file (Jiangsu, 320000). */
const pair = generateSm2KeyPair();
export const PROVINCE = { code: '320000', keyId: keyIdOf(pair.publicKey), ...pair };

/**
 * A county desk that can talk to PROVINCE: it has its exchange key and the province's public key,
 * and, given an outbox, exports into it (schedule off: the test exports when it wants to).
 */
export function countyDeskWithProvinceKey(countyCode: string, outbox?: string): ReadyDesk {
  const ready = readyDesk({ countyCode });
  expectOk(ready.call('exchange.generateCountyKey', { reason: '首次对接省级系统' }));
  const content = publicKeyDocument({ code: PROVINCE.code, name: '江苏省', keyId: PROVINCE.keyId, publicKey: PROVINCE.publicKey, createdAt: '2026-11-27T00:00:00.000Z' });
  expectOk(ready.call('exchange.importProvinceKey', { fileName: 'province.pub', content }));
  if (outbox !== undefined) expectOk(ready.call('exchange.saveSettings', { outboxDir: outbox, schedule: { kind: 'off' } }));
  return ready;
}

/** The county imports a feed file as staff would, through the file picker. */
export function importFeed(ready: ReadyDesk, path: string): RpcResult<unknown> {
  return ready.call('provinceFeed.import', { fileName: path.split('/').pop(), base64: readFileSync(path).toString('base64') });
}
