import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../electron/cli/run';
import { readyDesk } from './helpers';
import { ZHANG_SAN, register } from './registry-helpers';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCliAsync(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

describe('the exchange from the command line, both ends', () => {
  it('keys, export, receive with receipts; a replayed or tampered package is refused with exit code 3 and nothing applied', async () => {
    const ready = readyDesk();
    register(ready, ZHANG_SAN);
    const dir = join(ready.dbPath, '..', '..', 'exchange-cli');
    mkdirSync(dir, { recursive: true });
    const db = ['--db', ready.dbPath, '--key-file', ready.keyFile];
    ready.desk.close();

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

    const receive = ['--key', join(dir, 'province', 'province.key'), '--sender', join(dir, 'county.pub'), '--db', join(dir, 'province.db'), '--receipts', join(dir, 'receipts')];
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
    const province = new Database(join(dir, 'province.db'), { readonly: true });
    expect(province.prepare('select sequence from packages').all()).toEqual([{ sequence: 1 }]);
    province.close();
  });
});
