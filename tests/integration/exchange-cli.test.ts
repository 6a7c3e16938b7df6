import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readKeyFile } from '../../db/keys';
import { openProvinceDatabase } from '../../province/sqlite-store';
import { runCliAsync } from '../../electron/cli/run';
import { readyDesk } from './helpers';
import { ZHANG_SAN, register } from './registry-helpers';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCliAsync(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

/** A county desk with 张三 registered, closed so the command line may take it; a folder for both ends' files. */
function countyWithOnePerson(): { dir: string; db: string[] } {
  const ready = readyDesk();
  register(ready, ZHANG_SAN);
  const dir = join(ready.dbPath, '..', '..', 'exchange-cli');
  mkdirSync(dir, { recursive: true });
  ready.desk.close();
  return { dir, db: ['--db', ready.dbPath, '--key-file', ready.keyFile] };
}

describe('the exchange from the command line, both ends', () => {
  it('keys, export, receive with receipts; a replayed or tampered package is refused with exit code 3 and nothing applied', async () => {
    const { dir, db } = countyWithOnePerson();
    expect(await cli('province', 'keygen', '--out', join(dir, 'province'))).toMatchObject({ code: 0 });
    const init = await cli('keys', 'init', ...db);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/指纹：([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    expect((await cli('keys', 'export', ...db, '--out', join(dir, 'county.pub'))).code).toBe(0);
    expect((await cli('keys', 'import-province', ...db, '--file', join(dir, 'county.pub'))).out).toContain('本县自己的公钥');
    expect((await cli('keys', 'import-province', ...db, '--file', join(dir, 'province', 'province.pub'))).code).toBe(0);

    const exported = await cli('export', ...db, '--out', join(dir, 'outbox'), '--json');
    expect(exported.code, exported.out).toBe(0);
    expect(JSON.parse(exported.out.split('\n').at(-1)!)).toMatchObject({ sequence: 1, records: 1, counts: { persons: 1 } });
    expect((await cli('export', ...db, '--out', join(dir, 'outbox'))).out).toContain('没有新的变更');

    const provinceDb = ['--db', join(dir, 'province', 'data', 'province.db'), '--db-key-file', join(dir, 'province', 'province-db.key')];
    const receive = ['--key', join(dir, 'province', 'province.key'), '--sender', join(dir, 'county.pub'), ...provinceDb, '--receipts', join(dir, 'receipts')];
    const received = await cli('receive', '--in', join(dir, 'outbox'), ...receive);
    expect(received, received.out).toMatchObject({ code: 0 });
    expect(received.out).toContain('接受 1 条，退回 0 条');
    expect(readdirSync(join(dir, 'receipts'))).toEqual(['320506-00000001.receipt']);

    // The same package again: a replay.
    const replay = await cli('receive', '--in', join(dir, 'outbox'), ...receive);
    expect(replay.code).toBe(3);
    expect(replay.out).toMatch(/拒收 320506-00000001\.jyx：\[REPLAY\]/);

    // Package 1 again under a later file name, with a flipped payload byte: refused (its signed header still
    // says sequence 1, so the chain check stops it before any decryption; each tamper case has its own test
    // in exchange-package.test.ts) and nothing is applied.
    const tampered = join(dir, 'tampered');
    mkdirSync(tampered);
    const bytes = readFileSync(join(dir, 'outbox', '320506-00000001.jyx'));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    writeFileSync(join(tampered, '320506-00000002.jyx'), bytes);
    const refused = await cli('receive', '--in', tampered, ...receive);
    expect(refused.code).toBe(3);
    copyFileSync(join(dir, 'county.pub'), join(dir, 'county-copy.pub'));
    expect((await cli('receive', '--in', tampered, ...receive, '--sender', join(dir, 'county-copy.pub'))).code).toBe(3);
    const province = openProvinceDatabase(join(dir, 'province', 'data', 'province.db'), readKeyFile(join(dir, 'province', 'province-db.key')));
    expect(province.prepare('select sequence from packages').all()).toEqual([{ sequence: 1 }]);
    province.close();
  });

  it('the province keeps what it receives encrypted: no received ID number or name in its files, a wrong or missing key refused', async () => {
    const { dir, db } = countyWithOnePerson();
    await cli('province', 'keygen', '--out', join(dir, 'province'));
    await cli('keys', 'init', ...db);
    await cli('keys', 'export', ...db, '--out', join(dir, 'county.pub'));
    await cli('keys', 'import-province', ...db, '--file', join(dir, 'province', 'province.pub'));
    expect((await cli('export', ...db, '--out', join(dir, 'outbox'))).code).toBe(0);

    const provinceDir = join(dir, 'province-data');
    const receive = ['--in', join(dir, 'outbox'), '--key', join(dir, 'province', 'province.key'), '--sender', join(dir, 'county.pub')];
    const withoutKey = await cli('receive', ...receive, '--db', join(provinceDir, 'province.db'));
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.out).toContain('EMPLOYMENT_DESK_PROVINCE_DB_KEY');
    const keyFile = join(dir, 'province-db.key');
    const received = await cli('receive', ...receive, '--db', join(provinceDir, 'province.db'), '--db-key-file', keyFile);
    expect(received.out).toContain('接受 1 条');

    // While the database is still open (its -wal holds the records), and after: the ID number and the name are nowhere in clear.
    const open = openProvinceDatabase(join(provinceDir, 'province.db'), readKeyFile(keyFile));
    expect(open.prepare("select count(*) as n from records where entity = 'persons'").get()).toEqual({ n: 1 });
    expect(String((open.prepare("select record from records where entity = 'persons'").get() as { record: string }).record)).toContain(ZHANG_SAN.idNumber);
    const files = readdirSync(provinceDir);
    expect(files).toContain('province.db-wal');
    for (const file of files) {
      const bytes = readFileSync(join(provinceDir, file));
      for (const secret of [ZHANG_SAN.idNumber, ZHANG_SAN.idNumber.slice(0, 14), ZHANG_SAN.name]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} holds ${secret}`).toBe(false);
      }
      if (process.platform !== 'win32') expect(statSync(join(provinceDir, file)).mode & 0o777, file).toBe(0o600);
    }
    open.close();
    expect(() => new Database(join(provinceDir, 'province.db'), { readonly: true }).prepare('select * from records').all()).toThrow();
    expect(() => openProvinceDatabase(join(provinceDir, 'province.db'), randomBytes(32))).toThrow(/密钥不正确/);
    // An existing database whose key file is gone is refused, not given a new key.
    const lostKey = await cli('receive', ...receive, '--db', join(provinceDir, 'province.db'), '--db-key-file', join(dir, 'lost.key'));
    expect(lostKey.code).toBe(2);
    expect(lostKey.out).toContain('找不到它的密钥');
  });
});
