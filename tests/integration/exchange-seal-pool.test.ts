import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackageWriter, generateSm2KeyPair, keyIdOf, openPackage, type PackageWriter } from '../../db/exchange/package-file';
import { SealPool, sealThreadEntryBeside } from '../../db/exchange/seal-pool';
import { chunkIv } from '../../shared/exchange/format';
import { sm4GcmEncrypt, type Sm2KeyPair } from '../../shared/exchange/sm';

const JOB_THREAD = fileURLToPath(new URL('../../db/job-thread.mjs', import.meta.url));
const SEAL_THREAD = sealThreadEntryBeside(JOB_THREAD);
let dir: string;
let county: Sm2KeyPair;
let province: Sm2KeyPair;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jyfw-seal-'));
  county = generateSm2KeyPair();
  province = generateSm2KeyPair();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(pool: SealPool | undefined): PackageWriter {
  return createPackageWriter({
    sender: { code: '320506', keyId: keyIdOf(county.publicKey), privateKey: county.privateKey },
    recipients: [{ keyId: keyIdOf(province.publicKey), publicKey: province.publicKey }],
    sequence: 1,
    previousHash: null,
    createdAt: '2026-12-06T02:00:00.000Z',
    changeRange: { from: 1, to: 10 },
    schemaVersion: 1,
    spoolDir: dir,
    ...(pool ? { sealPool: pool } : {}),
  });
}

async function linesOf(path: string): Promise<Record<string, string[]>> {
  const verified = (await openPackage(path)).verify([{ code: '320506', keyId: keyIdOf(county.publicKey), publicKey: county.publicKey }]);
  await verified.verifyPayloadDigests();
  const contents = verified.unlock({ keyId: keyIdOf(province.publicKey), privateKey: province.privateKey });
  const files: Record<string, string[]> = {};
  for (const file of contents.files) {
    files[file.name] = [];
    for await (const line of contents.lines(file.name)) files[file.name]!.push(line);
  }
  return files;
}

describe('sealing an export in threads (SealPool)', () => {
  it('finds the sealing thread beside the job thread, from sources and in the Electron bundle', () => {
    expect(existsSync(SEAL_THREAD)).toBe(true);
    expect(sealThreadEntryBeside('/opt/desk/resources/app.asar/dist/electron/job-thread.cjs').pathname).toBe(
      '/opt/desk/resources/app.asar/dist/electron/seal-thread.cjs',
    );
  });

  it('seals a chunk exactly as this thread does (same key, IV and AAD → same bytes)', async () => {
    const pool = new SealPool(SEAL_THREAD, 2);
    try {
      const key = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
      const aad = new TextEncoder().encode('JYFW aad');
      const plaintext = new TextEncoder().encode('{"姓名":"张三"}\n'.repeat(3000));
      const here = sm4GcmEncrypt(key, chunkIv(4, true), plaintext, aad);
      const there = await pool.seal(key, chunkIv(4, true), plaintext.slice(), aad);
      expect(Buffer.from(there.ciphertext).equals(Buffer.from(here.ciphertext))).toBe(true);
      expect(Buffer.from(there.tag).equals(Buffer.from(here.tag))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('writes a many-chunk package whose records read back whole and in order, chunks answered by three threads', async () => {
    const persons = Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ id: i, name: `张${'三四五'[i % 3]}${i}`, note: i % 7 ? '' : '𠮷野家' }));
    const cases = Array.from({ length: 5_000 }, (_, i) => JSON.stringify({ id: i, type: '失业登记' }));
    const pool = new SealPool(SEAL_THREAD, 3);
    try {
      const pipelined = writer(pool);
      const personsFile = pipelined.openFile('persons.jsonl');
      const casesFile = pipelined.openFile('cases.jsonl');
      for (let i = 0; i < persons.length; i++) {
        personsFile.writeLine(persons[i]!);
        if (i < cases.length) casesFile.writeLine(cases[i]!);
        if (i % 2000 === 1999) await pipelined.settle(4); // the exporter settles after every page
      }
      const result = await pipelined.finish(join(dir, 'pipelined.jyx'));
      expect(result.files.find((f) => f.name === 'persons.jsonl')!.length).toBeGreaterThan(20 * 65536);
      expect(await linesOf(result.path)).toEqual({ 'persons.jsonl': persons, 'cases.jsonl': cases });
    } finally {
      await pool.close();
    }
  });

  it('leaves no package and no spool when a sealing thread cannot run', async () => {
    const broken = new SealPool(join(dir, 'no-such-thread.mjs'), 1);
    const failing = writer(broken);
    const file = failing.openFile('persons.jsonl');
    for (let i = 0; i < 20_000; i++) file.writeLine(JSON.stringify({ id: i, name: '李四' }));
    const outcome = failing.finish(join(dir, 'broken.jyx')).then(
      () => null,
      (e: unknown) => e,
    );
    const error = await outcome;
    await broken.close();
    expect(error).toBeInstanceOf(Error);
    expect(existsSync(join(dir, 'broken.jyx'))).toBe(false);
    failing.abort();
    expect(readdirSync(dir).filter((n) => n.startsWith('jyfw-package-'))).toEqual([]);
  });
});
