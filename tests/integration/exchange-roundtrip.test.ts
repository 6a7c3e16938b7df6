import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_AGGREGATES } from '../../db/exchange/aggregates';
import { packagesIn } from '../../province/node-io';
import { receivePackage } from '../../province/receive';
import type { ExchangePackageView, ExchangeRejectedRecord, ExchangeStatus } from '../../shared/contract';
import { expectError, expectOk, readyDesk } from './helpers';
import { ZHANG_SAN, register } from './registry-helpers';
import { connect, countyPublicKey, exportNow, expectProvinceEqualsCounty, fillCounty, receiveAll } from './exchange-helpers';

describe('the provincial exchange, county to province and back', () => {
  it('carries thousands of records over several runs of inserts, corrections and cancellations, and the province ends equal to the county', { timeout: 120_000 }, async () => {
    const ready = readyDesk();
    const { province, outbox } = connect(ready);
    const { sqlite } = ready.desk.database();
    fillCounty(sqlite, 500, 1);
    const zhang = register(ready, ZHANG_SAN);

    const first = await exportNow(ready);
    expect(first.sequence).toBe(1);
    // Every exported entity carries records: a table added to the exchange is in the round trip too.
    expect(Object.keys(first.counts).sort()).toEqual(EXCHANGE_AGGREGATES.map((a) => a.entity).sort());
    expect(Object.entries(first.counts).filter(([, n]) => n === 0)).toEqual([]);
    expect(first.records).toBeGreaterThan(2400);
    expect((await receiveAll(ready, province, outbox)).map((o) => o.status)).toEqual(['applied']);
    expect(expectProvinceEqualsCounty(ready, province)).toBe(first.records);

    // Run 2: more rows, a correction with a reason, a vacancy withdrawn, a child row changed.
    fillCounty(sqlite, 100, 2);
    expectOk(ready.call('persons.update', { id: zhang.id, version: zhang.version, changes: { address: '长桥街道龙桥社区1号' }, reason: '迁入新址' }));
    sqlite.prepare("update vacancies set status = 'withdrawn' where id = 1").run();
    sqlite.prepare("update case_transitions set comment = '补正材料' where id = 2").run();
    const second = await exportNow(ready);
    expect(second.sequence).toBe(2);
    // Run 3: nothing changed, no package.
    expect((await exportNow(ready)).sequence).toBeNull();
    const received = await receiveAll(ready, province, outbox);
    expect(received.map((o) => [o.status, o.sequence])).toEqual([['applied', 2]]);
    expectProvinceEqualsCounty(ready, province);
    const withdrawn = province.sqlite.prepare("select op from records where entity = 'vacancies' and id = 1").get() as { op: string };
    expect(withdrawn.op).toBe('cancel');

    const history = expectOk<ExchangePackageView[]>(ready.call('exchange.history', {}));
    expect(history.map((p) => p.sequence)).toEqual([2, 1]);

    // Re-send: the outbox copy lost (the exchange server cleared it), put back byte for byte.
    const sent = join(outbox, '320506-00000001.jyx');
    const original = readFileSync(sent);
    rmSync(sent);
    expectOk(ready.call('exchange.resend', { sequence: 1 }));
    expect(readFileSync(sent).equals(original)).toBe(true);
    expectError(ready.call('exchange.resend', { sequence: 9 }), 'NOT_FOUND');
  });

  it('takes the receipt back: accepted records become corrections when changed, rejected ones form the work list', async () => {
    const ready = readyDesk();
    const { province, outbox } = connect(ready);
    const zhang = register(ready, ZHANG_SAN);
    // A record the province refuses: an ID number whose check digit is wrong (written past the desk's own checks).
    ready.desk.database().sqlite.prepare("insert into persons (id_number, name, sex, birth_date, created_at, updated_at) values ('320506199001010011', '错号', 'male', '1990-01-01', 'x', 'x')").run();
    await exportNow(ready);
    const [outcome] = await receiveAll(ready, province, outbox);
    expect(outcome).toMatchObject({ status: 'applied', accepted: 1, rejected: 1 });
    const receipt = join(province.receipts, readdirSync(province.receipts)[0]!);
    const imported = expectOk<{ accepted: number; rejected: number }>(
      ready.call('exchange.importReceipt', { fileName: 'r.receipt', base64: readFileSync(receipt).toString('base64') }),
    );
    expect(imported).toMatchObject({ accepted: 1, rejected: 1 });
    const work = expectOk<ExchangeRejectedRecord[]>(ready.call('exchange.rejected', {}));
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({ entity: 'persons', reason: expect.stringContaining('公民身份号码无效') });
    expect(work[0]!.label).toContain('错号');
    expect(work[0]!.label).not.toContain('320506199001010011');
    // The same receipt twice is refused, nothing changes.
    expectError(ready.call('exchange.importReceipt', { fileName: 'r.receipt', base64: readFileSync(receipt).toString('base64') }), 'CONFLICT');

    // Zhang San was accepted: his next change travels as a correction with its reason.
    ready.clock.advanceMinutes(60);
    expectOk(ready.call('auth.unlock', { password: 'Desk-2026-pass' }));
    expectOk(ready.call('persons.update', { id: zhang.id, version: zhang.version, changes: { address: '木渎镇1号' }, reason: '本人申请更正住址' }));
    await exportNow(ready);
    await receiveAll(ready, province, outbox);
    const corrected = province.sqlite.prepare("select op from records where entity = 'persons' and id = ?").get(zhang.id) as { op: string };
    expect(corrected.op).toBe('correction');
    const reasons = province.sqlite.prepare("select reasons from corrections where entity = 'persons' and id = ?").get(zhang.id) as { reasons: string };
    expect(JSON.parse(reasons.reasons)).toEqual(['address：本人申请更正住址']);
  });
});

describe('key rotation', () => {
  it('keeps the old county key, so packages signed before the rotation stay verifiable; a wrong province key file is refused', async () => {
    const ready = readyDesk();
    const { province, outbox } = connect(ready);
    const before = countyPublicKey(ready);
    register(ready, ZHANG_SAN);
    await exportNow(ready);
    ready.clock.advanceMinutes(1);
    expectOk(ready.call('exchange.generateCountyKey', { reason: '密钥到期更换' }));
    const after = countyPublicKey(ready);
    expect(after.keyId).not.toBe(before.keyId);
    register(ready, { idNumber: '32050619920115004X', name: '李秀英' });
    expect((await exportNow(ready)).sequence).toBe(2);
    const status = expectOk<ExchangeStatus>(ready.call('exchange.status', {}));
    expect(status.keys.filter((k) => k.owner === 'county').map((k) => [k.keyId, k.retiredAt !== null])).toEqual([
      [before.keyId, true],
      [after.keyId, false],
    ]);
    // The province registers both county keys: each package verifies with the key that signed it.
    const outcomes = [];
    for (const file of await packagesIn(outbox)) {
      outcomes.push(await receivePackage(province.store, file, { province: province.key, senders: [before, after] }, null, new Date()));
    }
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    // Only the new key registered: the old package no longer verifies.
    const fresh = connect(readyDesk()).province;
    const refused = await receivePackage(fresh.store, (await packagesIn(outbox))[0]!, { province: province.key, senders: [after] }, null, new Date());
    expect(refused.status).toBe('refused');

    const wrong = ready.call('exchange.importProvinceKey', { fileName: 'x.pub', content: '{"format":"JYFW-SM2-PUBLIC-KEY","code":"320000","keyId":"00","publicKey":"04ab"}' });
    expectError(wrong, 'BAD_INPUT');
  });
});
