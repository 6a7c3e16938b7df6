/**
 * Looks for a planted secret (an ID number, a phone) in every file under a
 * folder, as bytes in UTF-8, UTF-16LE and UTF-16BE, and inside the
 * containers the desk writes (xlsx and other zip files, gzip): a secret
 * deflated inside an export is still in the clear for whoever opens it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';

export interface SecretHit {
  file: string;
  /** `utf8`, `utf16le`, `utf16be`, with the zip entry or `gzip` when it was found inside one. */
  where: string;
  secret: string;
}

export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function encodings(secret: string): Array<[string, Buffer]> {
  const le = Buffer.from(secret, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [['utf8', Buffer.from(secret, 'utf8')], ['utf16le', le], ['utf16be', be]];
}

/** The entries of a zip file, read through its central directory (stored or deflated). */
function zipEntries(bytes: Buffer): Array<[string, Buffer]> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return [];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: Array<[string, Buffer]> = [];
  for (let i = 0; i < count && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    try {
      entries.push([name, method === 8 ? inflateRawSync(data) : data]);
    } catch {
      entries.push([name, data]);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the secrets appear in these bytes (and in what they contain). */
export function secretsIn(bytes: Buffer, secrets: readonly string[], label = ''): Array<{ where: string; secret: string }> {
  const hits: Array<{ where: string; secret: string }> = [];
  for (const secret of secrets) {
    for (const [name, needle] of encodings(secret)) if (bytes.includes(needle)) hits.push({ where: `${label}${name}`, secret });
  }
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    for (const [entry, content] of zipEntries(bytes)) hits.push(...secretsIn(content, secrets, `${label}${entry}: `));
  }
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      hits.push(...secretsIn(gunzipSync(bytes), secrets, `${label}gzip: `));
    } catch {
      // Not really gzip: the bytes themselves were searched above.
    }
  }
  return hits;
}

/** Every hit under `root`, with paths relative to it. */
export function scanForSecrets(root: string, secrets: readonly string[]): { files: string[]; hits: SecretHit[] } {
  const files = filesUnder(root);
  const hits: SecretHit[] = [];
  for (const file of files) {
    for (const hit of secretsIn(readFileSync(file), secrets)) hits.push({ file: relative(root, file), ...hit });
  }
  return { files: files.map((f) => relative(root, f)), hits };
}
