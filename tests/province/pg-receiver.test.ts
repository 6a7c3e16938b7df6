import { readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrivateKeyFile } from '../../db/exchange/key-files';
import { runCliAsync } from '../../electron/cli/run';
import { packagesIn } from '../../province/node-io';
import { openPgReceiverStore, type PgReceiverStore } from '../../province/pg/store';
import { receivePackage } from '../../province/receive';
import { expectOk, readyDesk, type ReadyDesk } from '../integration/helpers';
import { ZHANG_SAN, register } from '../integration/registry-helpers';
import { connect, countyPublicKey, exportNow, fillCounty, receiveAll, type ProvinceSide } from '../integration/exchange-helpers';
import { pgRows, sqliteRows } from './pg-helpers';
import { usePostgres } from './pg-server';

const server = usePostgres();

const AT = new Date('2026-11-28T01:00:00Z');

/** A county with rows in every exported table, 张三, and one person the province refuses (a wrong check digit), exported twice. */
async function countyWithTwoPackages(): Promise<{ ready: ReadyDesk; province: ProvinceSide; outbox: string }> {
  const ready = readyDesk();
  const { province, outbox } = connect(ready);
  const { sqlite } = ready.desk.database();
  fillCounty(sqlite, 40, 1);
  const zhang = register(ready, ZHANG_SAN);
  sqlite.prepare("insert into persons (id_number, name, sex, birth_date, created_at, updated_at) values ('320506199001010011', '错号', 'male', '1990-01-01', 'x', 'x')").run();
  await exportNow(ready);
  // The province's receipt back at the county: 张三's next change travels as a correction with its reason.
  expect((await receiveAll(ready, province, outbox)).map((o) => o.status)).toEqual(['applied']);
  const receipt = join(province.receipts, readdirSync(province.receipts)[0]!);
  expectOk(ready.call('exchange.importReceipt', { fileName: 'r.receipt', base64: readFileSync(receipt).toString('base64') }));
  ready.clock.advanceMinutes(60);
  expectOk(ready.call('auth.unlock', { password: 'Desk-2026-pass' }));
  expectOk(ready.call('persons.update', { id: zhang.id, version: zhang.version, changes: { address: '木渎镇1号' }, reason: '本人申请更正住址' }));
  sqlite.prepare("update vacancies set status = 'withdrawn' where id = 1").run();
  fillCounty(sqlite, 10, 2);
  await exportNow(ready);
  expect((await receiveAll(ready, province, outbox)).map((o) => o.status)).toEqual(['applied']);
  return { ready, province, outbox };
}

async function receiveInto(store: PgReceiverStore, ready: ReadyDesk, province: ProvinceSide, files: string[], receipts: string | null = null) {
  const keys = { province: province.key, senders: [countyPublicKey(ready)] };
  const outcomes = [];
  for (const file of files) outcomes.push(await receivePackage(store, file, keys, receipts, AT));
  return outcomes;
}

describe('the province receiver on PostgreSQL', () => {
  it('keeps the same records as the SQLite receiver for the same packages, compared row by row, and finds a person province-wide by ID number', { timeout: 60_000 }, async () => {
    const { ready, province, outbox } = await countyWithTwoPackages();
    const store = await openPgReceiverStore(await server.freshDatabase());
    try {
      const outcomes = await receiveInto(store, ready, province, await packagesIn(outbox));
      expect(outcomes.map((o) => [o.status, o.sequence])).toEqual([
        ['applied', 1],
        ['applied', 2],
      ]);
      const fromPg = await pgRows(store);
      const fromSqlite = sqliteRows(province.sqlite);
      expect(fromPg.records.length).toBeGreaterThan(300);
      expect(fromPg.corrections).toContainEqual(expect.objectContaining({ entity: 'persons', reasons: ['address：本人申请更正住址'] }));
      expect(fromPg.rejections).toContainEqual(expect.objectContaining({ entity: 'persons', reason: expect.stringContaining('公民身份号码无效') }));
      for (const table of ['senders', 'packages', 'records', 'corrections', 'rejections'] as const) {
        expect(fromPg[table].length, table).toBe(fromSqlite[table].length);
        fromPg[table].forEach((row, i) => expect(row, `${table} row ${i}`).toEqual(fromSqlite[table][i]));
      }
      const found = await store.personsByIdNumber(ZHANG_SAN.idNumber);
      expect(found.map((p) => [p.sender, p.record.name, p.record.address])).toEqual([['320506', '张三', '木渎镇1号']]);
      expect(found).toEqual(await province.store.personsByIdNumber(ZHANG_SAN.idNumber));
    } finally {
      await store.close();
    }
  });

  it('refuses a replayed or tampered package and applies nothing; a package whose receipt cannot be written leaves no record behind', { timeout: 60_000 }, async () => {
    const { ready, province, outbox } = await countyWithTwoPackages();
    const [first, second] = await packagesIn(outbox);
    const store = await openPgReceiverStore(await server.freshDatabase());
    try {
      expect((await receiveInto(store, ready, province, [first!])).map((o) => o.status)).toEqual(['applied']);
      const before = await pgRows(store);
      const [replay] = await receiveInto(store, ready, province, [first!]);
      expect(replay).toMatchObject({ status: 'refused', code: 'REPLAY' });

      const tamperedDir = join(province.dir, 'tampered');
      mkdirSync(tamperedDir);
      const bytes = readFileSync(second!);
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
      const tampered = join(tamperedDir, '320506-00000002.jyx');
      writeFileSync(tampered, bytes);
      const [refused] = await receiveInto(store, ready, province, [tampered]);
      expect(refused).toMatchObject({ status: 'refused', code: 'PAYLOAD_DIGEST_MISMATCH' });

      // Every record of package 2 written, then the receipt refused (one is already there): the transaction is undone.
      const receipts = join(province.dir, 'pg-receipts');
      mkdirSync(receipts);
      copyFileSync(first!, join(receipts, '320506-00000002.receipt'));
      const [noReceipt] = await receiveInto(store, ready, province, [second!], receipts);
      expect(noReceipt).toMatchObject({ status: 'refused', code: 'OUTPUT_EXISTS' });
      expect(await pgRows(store)).toEqual(before);

      expect((await receiveInto(store, ready, province, [second!])).map((o) => o.status)).toEqual(['applied']);
      expect(await store.receivedSequences('320506')).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  });

  it('two receivers racing for the same package: one applies it, the other is refused as a replay', { timeout: 60_000 }, async () => {
    const { ready, province, outbox } = await countyWithTwoPackages();
    const url = await server.freshDatabase();
    const [a, b] = [await openPgReceiverStore(url), await openPgReceiverStore(url)];
    try {
      const [first] = await packagesIn(outbox);
      const outcomes = await Promise.all([receiveInto(a, ready, province, [first!]), receiveInto(b, ready, province, [first!])]);
      expect(outcomes.flat().map((o) => o.code ?? o.status).sort()).toEqual(['REPLAY', 'applied']);
      expect((await pgRows(a)).packages).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('from the command line: receive --pg URL beside --db PATH, exit code 3 on a replay, never both stores at once', { timeout: 60_000 }, async () => {
    const { ready, province, outbox } = await countyWithTwoPackages();
    const keyFile = join(province.dir, 'province.key');
    await writePrivateKeyFile(keyFile, { ...province.key, name: '江苏省', createdAt: '2026-11-27T00:00:00.000Z' });
    const countyPub = join(province.dir, 'county.pub');
    writeFileSync(countyPub, expectOk<{ content: string }>(ready.call('exchange.exportPublicKey', {})).content);
    const url = await server.freshDatabase();
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCliAsync(argv, {}, (line) => lines.push(line));
    const receive = ['receive', '--in', outbox, '--key', keyFile, '--sender', countyPub];

    expect(await cli(...receive, '--pg', url, '--receipts', join(province.dir, 'cli-receipts')), lines.join('\n')).toBe(0);
    expect(lines.filter((l) => l.startsWith('已接收'))).toHaveLength(2);
    expect(readdirSync(join(province.dir, 'cli-receipts'))).toEqual(['320506-00000001.receipt', '320506-00000002.receipt']);
    lines.length = 0;
    expect(await cli(...receive, '--pg', url)).toBe(3);
    expect(lines.join('\n')).toMatch(/拒收 320506-00000001\.jyx：\[REPLAY\]/);
    expect(await cli(...receive, '--pg', url, '--db', join(province.dir, 'x.db'))).toBe(2);
    expect(await cli(...receive, '--pg', 'mysql://x')).toBe(2);
    const store = await openPgReceiverStore(url);
    try {
      expect((await pgRows(store)).records).toEqual(sqliteRows(province.sqlite).records);
    } finally {
      await store.close();
    }
  });
});
