import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrivateKeyFile } from '../../db/exchange/key-files';
import { generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import { runCliAsync } from '../../electron/cli/run';
import { publishFeed } from '../../province/pg/feed';
import { openPgReceiverStore, type PgReceiverStore } from '../../province/pg/store';
import { packagesIn } from '../../province/node-io';
import { receivePackage } from '../../province/receive';
import type { CrossCountyStanding, PolicyEvaluation, ProvinceFeedStatus } from '../../shared/contract';
import { buildPackageBytes } from '../../shared/exchange/package-bytes';
import { feedFiles } from '../../shared/exchange/province-feed';
import { actOk, createCase, UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM } from '../integration/cases-helpers';
import { countyPublicKey, exportNow } from '../integration/exchange-helpers';
import { expectError, expectOk, tempDir, type ReadyDesk } from '../integration/helpers';
import { approvedSubsidies, bankResultXlsx, flexibleForm, importResult, releasedBatch } from '../integration/payments-helpers';
import { ZHANG_SAN, register } from '../integration/registry-helpers';
import { countyDeskWithProvinceKey, importFeed, PROVINCE } from './feed-helpers';
import { usePostgres } from './pg-server';

const server = usePostgres();

const A = '320506';
const B = '320583';

/** A county desk exporting into its own outbox. */
function county(countyCode: string, dir: string): { ready: ReadyDesk; outbox: string } {
  const outbox = join(dir, `outbox-${countyCode}`);
  return { ready: countyDeskWithProvinceKey(countyCode, outbox), outbox };
}

async function receiveEverything(store: PgReceiverStore, counties: Array<{ ready: ReadyDesk; outbox: string }>) {
  for (const { ready, outbox } of counties) {
    for (const file of await packagesIn(outbox)) {
      const outcome = await receivePackage(store, file, { province: PROVINCE, senders: [countyPublicKey(ready)] }, null, new Date('2026-11-28T01:00:00Z'));
      expect(outcome.status, outcome.message).toBe('applied');
    }
  }
}

describe('the province → county feed, two counties', () => {
  it('a person registered unemployed and paid a subsidy in A shows so in B after the feed, and a second 失业登记 in B asks for the transfer reason; a feed for A, tampered, replayed or out of order is refused and applies nothing', { timeout: 120_000 }, async () => {
    const dir = tempDir('feed-');
    const a = county(A, dir);
    const b = county(B, dir);

    // In A: 张三 is paid 灵活就业社保补贴 for 2026 Q3, then registers as unemployed.
    const payments = approvedSubsidies(a.ready, [flexibleForm('6222020200011111111')]);
    const released = releasedBatch(payments);
    expectOk(importResult(payments.lina.call, released.id, await bankResultXlsx(released.number, [{ lineNo: 1, name: '张三', account: '6222020200011111111', yuan: '3600.00', result: '成功' }])));
    const registration = actOk(a.ready.call, createCase(a.ready.call, payments.personIds[0]!), 'accept');
    actOk(payments.lina.call, actOk(payments.lina.call, registration, 'start_review'), 'approve', '符合条件');
    // In B: 张三 comes to the desk too.
    const zhangInB = register(b.ready, ZHANG_SAN);
    await exportNow(a.ready);
    await exportNow(b.ready);

    const store = await openPgReceiverStore(await server.freshDatabase());
    try {
      await receiveEverything(store, [a, b]);
      const feeds = join(dir, 'feeds');
      const now = new Date('2026-11-28T02:00:00Z');
      const forB = await publishFeed(store, { county: B, province: PROVINCE, recipient: countyPublicKey(b.ready), outDir: feeds, now });
      const forA = await publishFeed(store, { county: A, province: PROVINCE, recipient: countyPublicKey(a.ready), outDir: feeds, now });
      expect([forB.statuses, forB.subsidies, forA.statuses, forA.subsidies, forA.policies]).toEqual([1, 1, 0, 0, 0]);

      // A's feed is not B's: refused by B, nothing applied.
      expect(expectError(importFeed(b.ready, forA.path), 'BAD_INPUT').message).toMatch(/\[NOT_ADDRESSED_TO_RECIPIENT\]/);
      expect(expectOk<ProvinceFeedStatus>(b.ready.call('provinceFeed.status', {})).lastSequence).toBeNull();

      expect(expectOk(importFeed(b.ready, forB.path))).toEqual({ sequence: 1, asOf: now.toISOString(), statuses: 1, subsidies: 1, policies: 0, receipts: 1 });
      const standing = expectOk<CrossCountyStanding>(b.ready.call('provinceFeed.personStanding', { personId: zhangInB.id }));
      expect(standing).toEqual({
        asOf: now.toISOString(),
        statuses: [{ countyCode: A, countyName: '苏州市吴中区', kind: 'unemployment_registration', since: expect.stringMatching(/^2026-/) }],
        subsidies: [{ countyCode: A, countyName: '苏州市吴中区', policyCode: 'flexible_social_insurance', policyName: expect.any(String), periodFrom: '2026-07', periodTo: '2026-09', amountFen: 360000 }],
      });

      // The subsidy paid in A for 2026 Q3 excludes the same subsidy in B for that quarter, and only for it.
      const evaluate = (on: string) => expectOk<PolicyEvaluation>(b.ready.call('policies.evaluate', { policyCode: 'flexible_social_insurance', personId: zhangInB.id, on }));
      const paidElsewhere = (e: PolicyEvaluation) => e.trace.find((l) => l.label === '已在苏州市吴中区享受本补贴');
      const inQ3 = evaluate('2026-08-15');
      expect(inQ3.result).toBe('not_eligible');
      expect(paidElsewhere(inQ3)).toMatchObject({ kind: 'exclusion', outcome: 'fail', seen: expect.stringContaining('2026年7月1日至2026年9月30日') });
      expect(paidElsewhere(evaluate('2026-10-15'))).toBeUndefined();

      // A second 失业登记 in B: acceptance asks for the transfer reason, and takes the registration once it is given.
      const secondHere = createCase(b.ready.call, zhangInB.id);
      const refusedAcceptance = expectError(b.ready.call('cases.transition', { id: secondHere.id, version: secondHere.version, action: 'accept' }), 'BAD_INPUT');
      expect(refusedAcceptance.message).toMatch(/该人员已在苏州市吴中区登记失业（2026-\d\d-\d\d起，据省级数据截至2026-11-28），请填写转移登记原因/);
      const withReason = expectOk<{ id: number; version: number }>(
        b.ready.call('cases.update', { id: secondHere.id, version: secondHere.version, form: { ...UNEMPLOYMENT_FORM, transferReason: '迁居昆山，原登记地吴中区' }, documents: UNEMPLOYMENT_DOCS }),
      );
      actOk(b.ready.call, withReason as never, 'accept');

      // Replayed: refused. Out of order (3 before 2): refused. Tampered 2: refused. Nothing applied by any of them.
      expect(expectError(importFeed(b.ready, forB.path), 'BAD_INPUT').message).toMatch(/\[REPLAY\]/);
      const second = await publishFeed(store, { county: B, province: PROVINCE, recipient: countyPublicKey(b.ready), outDir: feeds, now: new Date('2026-11-29T02:00:00Z') });
      const third = await publishFeed(store, { county: B, province: PROVINCE, recipient: countyPublicKey(b.ready), outDir: feeds, now: new Date('2026-11-30T02:00:00Z') });
      expect(expectError(importFeed(b.ready, third.path), 'BAD_INPUT').message).toMatch(/\[GAP\]/);
      const bytes = readFileSync(second.path);
      bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
      const tampered = join(dir, 'tampered.jyf');
      writeFileSync(tampered, bytes);
      expect(expectError(importFeed(b.ready, tampered), 'BAD_INPUT').message).toMatch(/\[CHUNK_AUTH_FAILED\]/);
      // Signed by a key the county never registered as the province's: refused.
      const impostor = generateSm2KeyPair();
      const forged = buildPackageBytes(
        { sender: { code: '320000', keyId: keyIdOf(impostor.publicKey), privateKey: impostor.privateKey }, recipients: [countyPublicKey(b.ready)], sequence: 2, previousHash: '00'.repeat(32), createdAt: now, changeRange: { from: 2, to: 2 }, schemaVersion: 1 },
        feedFiles({ meta: { county: B, asOf: now.toISOString() }, statuses: [], subsidies: [], policies: [], receipts: [] }),
      );
      const forgedPath = join(dir, 'forged.jyf');
      writeFileSync(forgedPath, forged.bytes);
      expect(expectError(importFeed(b.ready, forgedPath), 'BAD_INPUT').message).toMatch(/\[UNKNOWN_SENDER_KEY\]/);
      expect(expectOk<CrossCountyStanding>(b.ready.call('provinceFeed.personStanding', { personId: zhangInB.id }))).toEqual(standing);
      expect(expectOk<ProvinceFeedStatus>(b.ready.call('provinceFeed.status', {})).lastSequence).toBe(1);

      // In order they apply.
      expect(expectOk<{ sequence: number }>(importFeed(b.ready, second.path)).sequence).toBe(2);
      expect(expectOk<{ sequence: number }>(importFeed(b.ready, third.path)).sequence).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('from the command line: province publish --county CODE builds the feed, import-province-feed takes it in order and refuses another county\'s', { timeout: 120_000 }, async () => {
    const dir = tempDir('feed-cli-');
    const a = county(A, dir);
    const b = county(B, dir);
    register(a.ready, ZHANG_SAN);
    register(b.ready, ZHANG_SAN);
    await exportNow(a.ready);
    await exportNow(b.ready);
    const url = await server.freshDatabase();
    const store = await openPgReceiverStore(url);
    await receiveEverything(store, [a, b]).finally(() => store.close());

    const keyFile = join(dir, 'province.key');
    await writePrivateKeyFile(keyFile, { ...PROVINCE, name: '江苏省', createdAt: '2026-11-27T00:00:00.000Z' });
    const pubOf = (ready: ReadyDesk, code: string) => {
      const path = join(dir, `${code}.pub`);
      writeFileSync(path, expectOk<{ content: string }>(ready.call('exchange.exportPublicKey', {})).content);
      return path;
    };
    const [pubA, pubB] = [pubOf(a.ready, A), pubOf(b.ready, B)];
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCliAsync(argv, {}, (line) => lines.push(line));
    const feedsB = join(dir, 'feeds-b');
    const publish = (county: string, pub: string, out: string) => cli('province', 'publish', '--county', county, '--recipient', pub, '--key', keyFile, '--pg', url, '--out', out);
    expect(await publish(B, pubB, feedsB), lines.join('\n')).toBe(0);
    expect(await publish(B, pubB, feedsB)).toBe(0);
    expect(await publish(B, pubA, feedsB)).toBe(2);

    b.ready.desk.close();
    const importB = ['import-province-feed', '--db', b.ready.dbPath, '--key-file', b.ready.keyFile, '--in', feedsB];
    lines.length = 0;
    expect(await cli(...importB), lines.join('\n')).toBe(0);
    expect(lines.filter((l) => l.startsWith('已导入'))).toHaveLength(2);
    lines.length = 0;
    expect(await cli(...importB)).toBe(0);
    expect(lines.join('\n')).toContain('没有新的省级下发数据包（已导入到第 2 号）');

    // A's third feed dropped into B's folder: refused, exit code 3.
    const feedsA = join(dir, 'feeds-a');
    mkdirSync(feedsA);
    for (let i = 0; i < 3; i += 1) expect(await publish(A, pubA, feedsA)).toBe(0);
    writeFileSync(join(feedsB, '320000-320583-00000003.jyf'), readFileSync(join(feedsA, '320000-320506-00000003.jyf')));
    lines.length = 0;
    expect(await cli(...importB)).toBe(3);
    expect(lines.join('\n')).toMatch(/拒收 320000-320583-00000003\.jyf：.*\[NOT_ADDRESSED_TO_RECIPIENT\]/);
  });
});
