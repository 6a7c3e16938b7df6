import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_AGGREGATES } from '../../db/exchange/aggregates';
import { PRIVATE_KEY_FORMAT, PUBLIC_KEY_FORMAT } from '../../db/exchange/key-files';
import { concatBytes, fromHex, toHex, utf8 } from '../../shared/exchange/bytes';
import { EXCHANGE_REFUSALS, ExchangeError } from '../../shared/exchange/errors';
import { chunkAad, chunkIv, deriveFileKey } from '../../shared/exchange/format';
import { keyIdOf } from '../../shared/exchange/keys';
import { readPackageBytes } from '../../shared/exchange/package-bytes';
import { PayloadOpener } from '../../shared/exchange/payload';
import { FEED_FILES } from '../../shared/exchange/province-feed';
import { sm3Hex, sm4GcmEncrypt } from '../../shared/exchange/sm';

/** The format document itself: an independent implementation is written from it, so it is read back here. */
const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'exchange-format.md'), 'utf8');
const section = (title: string) => DOC.slice(DOC.indexOf(title), DOC.indexOf('\n## ', DOC.indexOf(title) + 1));

/** A value of the worked example's key list, continuation lines joined (`county public key   04… \n   …`). */
function exampleValue(label: string): string {
  const lines = section('## 10. Worked example').split('\n');
  const at = lines.findIndex((l) => l.startsWith(label));
  let value = lines[at]!.slice(label.length).trim().split(/\s+/)[0]!;
  for (let i = at + 1; /^\s{10,}[0-9a-f]+$/.test(lines[i] ?? ''); i += 1) value += lines[i]!.trim();
  return value;
}

/** The bytes of a hex dump block (`00000341  73 69 …  |sion…|`) starting at `offset`. */
function dumpBytes(offset: string): Uint8Array {
  const lines = section('## 10. Worked example').split('\n').filter((l) => /^[0-9a-f]{8} {2}/.test(l));
  const start = lines.findIndex((l) => l.startsWith(offset));
  const bytes: number[] = [];
  for (let i = start; i < lines.length; i += 1) {
    if (i > start && parseInt(lines[i]!.slice(0, 8), 16) !== parseInt(lines[i - 1]!.slice(0, 8), 16) + 16) break;
    for (const hex of lines[i]!.slice(10, 58).trim().split(/\s+/)) bytes.push(parseInt(hex, 16));
  }
  return Uint8Array.from(bytes);
}

describe('docs/exchange-format.md, read by a test so it cannot drift from the code', () => {
  it('§10: the worked example, put together from the document alone, verifies, hashes and decrypts to the lines it shows', () => {
    const countyPublicKey = exampleValue('county public key');
    expect(keyIdOf(countyPublicKey)).toBe(exampleValue('county key id'));
    const header = section('## 10. Worked example').match(/```json\n(\{.*\})\n```/)![1]!;
    const headerBytes = utf8(header);
    expect(headerBytes.length).toBe(827);
    const start = dumpBytes('00000000');
    const tail = dumpBytes('00000341');
    // The second dump starts inside the header: its first bytes are the header's last.
    const overlap = 14 + headerBytes.length - 0x341;
    expect(toHex(tail.subarray(0, overlap))).toBe(toHex(headerBytes.subarray(headerBytes.length - overlap)));
    const file = concatBytes(start.subarray(0, 14), headerBytes, tail.subarray(overlap));
    expect(file.length).toBe(986);

    const pkg = readPackageBytes(file, [{ code: '320506', keyId: exampleValue('county key id'), publicKey: countyPublicKey }]);
    expect(pkg.packageHash).toBe(exampleValue('package hash'));
    expect(sm3Hex(headerBytes)).toBe(exampleValue('package hash'));
    expect(pkg.header).toMatchObject({ sequence: 2, sender: { code: '320506' }, files: [{ name: 'persons.jsonl', records: 2, length: 56 }] });
    const lines = pkg.unlock({ keyId: exampleValue('province key id'), privateKey: exampleValue('province PRIVATE') }).get('persons.jsonl');
    const shown = section('## 10. Worked example').match(/^plaintext\s+(.*?)\s{2,}\(/m)![1]!;
    expect(lines).toEqual(shown.split('\\n').filter(Boolean));
    expect(toHex(deriveFileKey(fromHex(exampleValue('content key')), fromHex(pkg.header.files[0]!.nonce)))).toBe(exampleValue('file key'));
  });

  it('the record-file table lists every exported entity, in export order', () => {
    const rows = [...section('## Record files').matchAll(/^\| `([a-z_]+)\.jsonl` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(EXCHANGE_AGGREGATES.map((a) => a.entity));
  });

  it('§8 lists exactly the refusal codes the code gives, with their Chinese titles', () => {
    const rows = [...section('## 8. Refusal codes').matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
    expect(Object.fromEntries(rows)).toEqual(EXCHANGE_REFUSALS);
  });

  it('describes the key files and the feed files by the names the code uses; no reference points outside the repository', () => {
    expect(section('### 2.1 Key files')).toContain(`"${PUBLIC_KEY_FORMAT}"`);
    expect(section('### 2.1 Key files')).toContain(`"${PRIVATE_KEY_FORMAT}"`);
    for (const name of Object.values(FEED_FILES)) expect(section('## 11.'), name).toContain(`\`${name}\``);
    expect(DOC).not.toContain('DOMAIN.md');
    expect(DOC).not.toMatch(/§[a-z]/);
  });

  it('§6 step 8: a chunk in last position sealed as "not last" is MISSING_LAST_CHUNK whatever its length', () => {
    const fileKey = fromHex('f6d01bc2a835251f3f607f0e294842f2');
    const aad = chunkAad({ sender: { code: '320506' }, sequence: 1, previousHash: null }, 'persons.jsonl');
    const plaintext = utf8('{"short":"file"}\n');
    const sealed = sm4GcmEncrypt(fileKey, chunkIv(0, false), plaintext, aad);
    const record = concatBytes(sealed.ciphertext, sealed.tag);
    const opener = new PayloadOpener(fileKey, aad, { name: 'persons.jsonl', length: plaintext.length, digest: sm3Hex(record) });
    expect(() => opener.open(record)).toThrow(expect.objectContaining({ code: 'MISSING_LAST_CHUNK' }) as ExchangeError);
  });
});
