import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishFeed, publishedFeeds } from '../../province/pg/feed';
import { openPgReceiverStore } from '../../province/pg/store';
import { packagesIn } from '../../province/node-io';
import { receivePackage } from '../../province/receive';
import type { ExchangePackageView, ProvinceFeedImportResult, ProvinceFeedStatus } from '../../shared/contract';
import { buildPackageBytes } from '../../shared/exchange/package-bytes';
import { feedFiles } from '../../shared/exchange/province-feed';
import { countyPublicKey, exportNow } from '../integration/exchange-helpers';
import { expectError, expectOk, tempDir, type ReadyDesk } from '../integration/helpers';
import { ZHANG_LI, ZHANG_SAN, register } from '../integration/registry-helpers';
import { countyDeskWithProvinceKey, importFeed, PROVINCE } from './feed-helpers';
import { usePostgres } from './pg-server';

const server = usePostgres();

const A = '320506';

function county(dir: string): { ready: ReadyDesk; outbox: string } {
  const outbox = join(dir, 'outbox');
  return { ready: countyDeskWithProvinceKey(A, outbox), outbox };
}

const history = (ready: ReadyDesk) => expectOk<ExchangePackageView[]>(ready.call('exchange.history', {})).sort((x, y) => x.sequence - y.sequence);

describe('receipts carried back in the feed', () => {
  it('a receipt whose file never reached the county arrives with the next feed and marks the package receipted; one already imported is passed over; each travels once', { timeout: 120_000 }, async () => {
    const dir = tempDir('feed-receipts-');
    const { ready, outbox } = county(dir);
    const receiptsDir = join(dir, 'receipts');
    const store = await openPgReceiverStore(await server.freshDatabase());
    try {
      const receiveNew = async (done: Set<string>) => {
        for (const file of await packagesIn(outbox)) {
          if (done.has(file)) continue;
          done.add(file);
          const outcome = await receivePackage(store, file, { province: PROVINCE, senders: [countyPublicKey(ready)] }, receiptsDir, new Date('2026-11-28T01:00:00Z'));
          expect(outcome.status, outcome.message).toBe('applied');
        }
      };
      const received = new Set<string>();
      register(ready, ZHANG_SAN);
      await exportNow(ready);
      await receiveNew(received);
      // Package 1's receipt file is imported by hand; package 2's never reaches the county.
      const receiptFile = join(receiptsDir, readdirSync(receiptsDir)[0]!);
      expectOk(ready.call('exchange.importReceipt', { fileName: 'r1.receipt', base64: readFileSync(receiptFile).toString('base64') }));
      register(ready, ZHANG_LI);
      await exportNow(ready);
      await receiveNew(received);
      expect(history(ready).map((p) => [p.sequence, p.status])).toEqual([[1, 'receipted'], [2, 'sent']]);

      const feeds = join(dir, 'feeds');
      const first = await publishFeed(store, { county: A, province: PROVINCE, recipient: countyPublicKey(ready), outDir: feeds, now: new Date('2026-11-28T02:00:00Z') });
      expect(first.receipts).toBe(2);
      expect(expectOk<ProvinceFeedImportResult>(importFeed(ready, first.path)).receipts).toBe(1);
      const after = history(ready);
      expect(after.map((p) => [p.sequence, p.status])).toEqual([[1, 'receipted'], [2, 'receipted']]);
      expect(after[1]).toMatchObject({ accepted: after[1]!.records, rejected: 0, receiptAt: expect.any(String) });

      // Carried once: the next feed has none.
      const second = await publishFeed(store, { county: A, province: PROVINCE, recipient: countyPublicKey(ready), outDir: feeds, now: new Date('2026-11-29T02:00:00Z') });
      expect(second.receipts).toBe(0);
      expect(expectOk<ProvinceFeedImportResult>(importFeed(ready, second.path)).receipts).toBe(0);

      // A receipt for a package this county never sent refuses the whole feed, and applies nothing.
      const forged = buildPackageBytes(
        { sender: PROVINCE, recipients: [countyPublicKey(ready)], sequence: 3, previousHash: (await publishedFeeds(store, A))[1]!.packageHash, createdAt: new Date('2026-11-30T02:00:00Z'), changeRange: { from: 3, to: 3 }, schemaVersion: 1 },
        feedFiles({ meta: { county: A, asOf: '2026-11-30T02:00:00.000Z' }, statuses: [], subsidies: [], policies: [], receipts: [{ sender: A, sequence: 9, packageHash: '0'.repeat(64), accepted: 0, rejected: 0, records: [] }] }),
      );
      const forgedPath = join(dir, '320000-320506-00000003.jyf');
      writeFileSync(forgedPath, forged.bytes);
      expect(expectError(importFeed(ready, forgedPath), 'BAD_INPUT').message).toMatch(/第 9 号数据包的回执对不上本县的数据包（本机没有序号为 9 的数据包/);
      expect(expectOk<ProvinceFeedStatus>(ready.call('provinceFeed.status', {})).lastSequence).toBe(2);
    } finally {
      await store.close();
    }
  });
});
