import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkChain,
  createPackageWriter,
  generateSm2KeyPair,
  keyIdOf,
  openPackage,
  readSignedDocument,
  writeSignedDocument,
  type ChainPosition,
  type ExchangeErrorCode,
  type PackageHeader,
  type PackageWriteResult,
  type RecipientPrivateKey,
  type SigningKey,
  type VerifiedPackage,
  type VerifyingKey,
} from '../../db/exchange/package-file';
import { concatBytes, readUint, toHex, utf8 } from '../../shared/exchange/bytes';
import { EXCHANGE_REFUSALS, ExchangeError } from '../../shared/exchange/errors';
import {
  CHUNK_RECORD_SIZE,
  PRELUDE_LENGTH,
  chunkCountOf,
  encodeHeader,
  encodePrelude,
  encodeSignatureLength,
  parseHeader,
  payloadLengthOf,
  plainLengthOfChunk,
} from '../../shared/exchange/format';
import { DEFAULT_SM2_USER_ID, GCM_TAG_LENGTH, sm2Sign, sm3Hex, type Sm2KeyPair } from '../../shared/exchange/sm';
import { Sm3 } from '../../shared/exchange/sm3-stream';

// Key pairs are made once: every SM2 operation costs milliseconds.
const COUNTY = '320506';
let dir: string;
let countyOld: Sm2KeyPair; // rotated out, still registered so its packages stay verifiable
let countyNew: Sm2KeyPair;
let otherCounty: Sm2KeyPair;
let province: Sm2KeyPair;
let provinceBackup: Sm2KeyPair;
let stranger: Sm2KeyPair;
let registry: VerifyingKey[];
let provinceKey: RecipientPrivateKey;
let base: PackageWriteResult;
let baseBytes: Uint8Array;
const persons = Array.from({ length: 2600 }, (_, i) => JSON.stringify({ op: 'upsert', id: `P${i}`, name: `张${'三四五'[i % 3]}${i}`, note: i % 11 ? '' : '𠮷野家' }));
const enterprises = ['{"id":"E1","name":"苏州某某科技有限公司"}', '{"id":"E2","op":"cancel","reason":"重复登记"}'];

const signing = (keys: Sm2KeyPair, code = COUNTY): SigningKey => ({ code, keyId: keyIdOf(keys.publicKey), privateKey: keys.privateKey });
const verifying = (keys: Sm2KeyPair, code = COUNTY): VerifyingKey => ({ code, keyId: keyIdOf(keys.publicKey), publicKey: keys.publicKey });
const recipientOf = (keys: Sm2KeyPair) => ({ keyId: keyIdOf(keys.publicKey), publicKey: keys.publicKey });
const privateOf = (keys: Sm2KeyPair): RecipientPrivateKey => ({ keyId: keyIdOf(keys.publicKey), privateKey: keys.privateKey });

interface PackageSpec {
  sequence?: number;
  previousHash?: string | null;
  sender?: SigningKey;
  recipients?: Sm2KeyPair[];
  files?: Record<string, string[]>;
}

let written = 0;
async function writePackage(spec: PackageSpec = {}): Promise<PackageWriteResult> {
  const sequence = spec.sequence ?? 1;
  const writer = createPackageWriter({
    sender: spec.sender ?? signing(countyNew),
    recipients: (spec.recipients ?? [province]).map(recipientOf),
    sequence,
    previousHash: spec.previousHash === undefined ? (sequence === 1 ? null : 'ab'.repeat(32)) : spec.previousHash,
    createdAt: '2026-11-27T02:00:00.000Z',
    changeRange: { from: 1, to: 100 },
    schemaVersion: 1,
    spoolDir: dir,
  });
  for (const [name, lines] of Object.entries(spec.files ?? { 'persons.jsonl': [`{"n":${written}}`] })) {
    const file = writer.openFile(name);
    for (const line of lines) file.writeLine(line);
  }
  written += 1;
  return writer.finish(join(dir, `package-${written}.pkg`));
}

interface ReceiveOptions {
  senderKeys?: VerifyingKey[];
  recipient?: RecipientPrivateKey;
  position?: ChainPosition | null;
  hashAt?: (sequence: number) => string | undefined;
  digestsFirst?: boolean;
}

/** The receiver's order: envelope → signature → chain → (digests) → unlock → records. */
async function receive(path: string, options: ReceiveOptions = {}): Promise<{ verified: VerifiedPackage; files: Record<string, string[]> }> {
  const verified = (await openPackage(path)).verify(options.senderKeys ?? registry);
  const verdict = checkChain(options.position ?? null, verified.chainLink, options.hashAt);
  if (verdict.status === 'refused') throw verdict.error;
  if (options.digestsFirst) await verified.verifyPayloadDigests();
  const contents = verified.unlock(options.recipient ?? provinceKey);
  const files: Record<string, string[]> = {};
  for (const file of contents.files) {
    files[file.name] = [];
    for await (const line of contents.lines(file.name)) files[file.name]!.push(line);
  }
  return { verified, files };
}

async function expectRefusal(work: Promise<unknown>, code: ExchangeErrorCode): Promise<ExchangeError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(ExchangeError);
  expect((error as ExchangeError).code).toBe(code);
  expect((error as ExchangeError).message).toMatch(/^[^a-zA-Z]+：/); // a Chinese title, then the detail
  return error as ExchangeError;
}

/** Where everything sits in a package's bytes. */
function layoutOf(bytes: Uint8Array) {
  const headerLength = readUint(bytes, 10, 4);
  const signatureStart = PRELUDE_LENGTH + headerLength + 2;
  const header = parseHeader(bytes.subarray(PRELUDE_LENGTH, PRELUDE_LENGTH + headerLength));
  let offset = signatureStart + readUint(bytes, PRELUDE_LENGTH + headerLength, 2);
  const payloadStart = offset;
  const files = header.files.map((file) => {
    const chunks = Array.from({ length: chunkCountOf(file.length) }, (_, i) => {
      const chunk = { start: offset, length: plainLengthOfChunk(file.length, i) + GCM_TAG_LENGTH };
      offset += chunk.length;
      return chunk;
    });
    return { name: file.name, chunks };
  });
  return { headerLength, signatureStart, payloadStart, header, files, chunk: (name: string, i: number) => files.find((f) => f.name === name)!.chunks.at(i)! };
}

let variants = 0;
function variant(bytes: Uint8Array): string {
  variants += 1;
  const path = join(dir, `variant-${variants}.pkg`);
  writeFileSync(path, bytes);
  return path;
}

function flipped(bytes: Uint8Array, at: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= mask;
  return copy;
}

/** Rewrites the header (and optionally the payload) and signs it again, as a sender — or a forger — could. */
function resigned(
  bytes: Uint8Array,
  options: { change?: (header: PackageHeader) => void; privateKey?: string; signerId?: string; payload?: Uint8Array } = {},
): Uint8Array {
  const layout = layoutOf(bytes);
  const header = structuredClone(layout.header);
  options.change?.(header);
  const headerBytes = encodeHeader(header);
  const signature = sm2Sign(headerBytes, options.privateKey ?? countyOld.privateKey, options.signerId ?? COUNTY);
  const payload = options.payload ?? bytes.subarray(layout.payloadStart);
  return concatBytes(encodePrelude(headerBytes.length), headerBytes, encodeSignatureLength(signature), signature, payload);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exchange-it-'));
  [countyOld, countyNew, otherCounty, province, provinceBackup, stranger] = Array.from({ length: 6 }, () => generateSm2KeyPair()) as [
    Sm2KeyPair, Sm2KeyPair, Sm2KeyPair, Sm2KeyPair, Sm2KeyPair, Sm2KeyPair,
  ];
  registry = [verifying(countyOld), verifying(countyNew), verifying(otherCounty, '320507')];
  provinceKey = privateOf(province);
  // The base package: signed with the county's OLD key; persons span 3 chunks, then two one-chunk files.
  base = await writePackage({
    sender: signing(countyOld),
    recipients: [province, provinceBackup],
    files: { 'persons.jsonl': persons, 'enterprises.jsonl': enterprises, 'empty.jsonl': [] },
  });
  baseBytes = new Uint8Array(readFileSync(base.path));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('round trip', () => {
  it('reads back several files in order, across chunks, with an empty file', async () => {
    expect(chunkCountOf(base.files[0]!.length)).toBe(3);
    const { verified, files } = await receive(base.path);
    expect(files).toEqual({ 'persons.jsonl': persons, 'enterprises.jsonl': enterprises, 'empty.jsonl': [] });
    expect(base.files).toEqual([
      { name: 'persons.jsonl', length: utf8(persons.join('\n') + '\n').length, records: persons.length },
      { name: 'enterprises.jsonl', length: utf8(enterprises.join('\n') + '\n').length, records: 2 },
      { name: 'empty.jsonl', length: 0, records: 0 },
    ]);
    expect(verified.header).toMatchObject({ sender: { code: COUNTY, keyId: keyIdOf(countyOld.publicKey) }, sequence: 1, previousHash: null });
    const layout = layoutOf(baseBytes);
    expect(base.size).toBe(layout.payloadStart + base.files.reduce((sum, f) => sum + payloadLengthOf(f.length), 0));
  });

  it('also reads records in per-chunk batches', async () => {
    const contents = (await openPackage(base.path)).verify(registry).unlock(provinceKey);
    const batches: string[][] = [];
    for await (const batch of contents.lineBatches('persons.jsonl')) batches.push(batch);
    expect(batches.length).toBe(3);
    expect(batches.flat()).toEqual(persons);
  });

  it('defines the package hash as SM3 of the exact signed header bytes', () => {
    const { headerLength } = layoutOf(baseBytes);
    expect(base.packageHash).toBe(sm3Hex(baseBytes.subarray(PRELUDE_LENGTH, PRELUDE_LENGTH + headerLength)));
  });

  it.each([
    ['exactly 64 KiB', 65536, 1],
    ['64 KiB + 1', 65537, 2],
    ['exactly 128 KiB', 131072, 2],
    ['one byte', 1, 1],
  ])('frames a file of %s (%i bytes) in %i chunk(s), the last one marked', async (_label, length, chunks) => {
    const line = 'x'.repeat(length - 1);
    const result = await writePackage({ files: { 'boundary.jsonl': [line] } });
    const bytes = new Uint8Array(readFileSync(result.path));
    expect(layoutOf(bytes).files[0]!.chunks.map((c) => c.length)).toEqual(
      Array.from({ length: chunks }, (_, i) => plainLengthOfChunk(length, i) + GCM_TAG_LENGTH),
    );
    expect((await receive(result.path)).files['boundary.jsonl']).toEqual([line]);
  });

  it('keeps a character whose UTF-8 bytes straddle a chunk boundary', async () => {
    const line = `${'a'.repeat(65534)}中文𠮷`;
    const result = await writePackage({ files: { 'straddle.jsonl': [line, '{}'] } });
    expect((await receive(result.path)).files['straddle.jsonl']).toEqual([line, '{}']);
  });

  it('opens for a second recipient, and verifies a package signed with a rotated-out key', async () => {
    const { verified, files } = await receive(base.path, { recipient: privateOf(provinceBackup) });
    expect(verified.signer.keyId).toBe(keyIdOf(countyOld.publicKey));
    expect(files['enterprises.jsonl']).toEqual(enterprises);
  });

  it('accepts raw bytes, counting each line break as a record', async () => {
    const writer = createPackageWriter({
      sender: signing(countyNew), recipients: [recipientOf(province)], sequence: 1, previousHash: null,
      createdAt: new Date('2026-11-27T02:00:00Z'), changeRange: { from: 5, to: 9 }, schemaVersion: 2, spoolDir: dir,
    });
    writer.openFile('raw.jsonl').writeBytes(utf8('{"a":1}\n{"b":"二"}\n'));
    const result = await writer.finish(join(dir, 'raw.pkg'));
    expect(result.files).toEqual([{ name: 'raw.jsonl', length: 20, records: 2 }]);
    expect((await receive(result.path)).files['raw.jsonl']).toEqual(['{"a":1}', '{"b":"二"}']);
  });
});

describe('a flipped byte is refused', () => {
  const at = (text: string, offset = 0) => {
    const index = Buffer.from(baseBytes).indexOf(text, PRELUDE_LENGTH);
    expect(index).toBeGreaterThan(0);
    return index + offset;
  };

  it('in the magic', async () => expectRefusal(receive(variant(flipped(baseBytes, 3))), 'NOT_A_PACKAGE'));
  it('in the format version', async () => expectRefusal(receive(variant(flipped(baseBytes, 9))), 'UNSUPPORTED_VERSION'));
  it('in the header length', async () => expectRefusal(receive(variant(flipped(baseBytes, 10))), 'MALFORMED_HEADER'));
  it('in the header structure', async () => expectRefusal(receive(variant(flipped(baseBytes, PRELUDE_LENGTH))), 'MALFORMED_HEADER'));
  it('in a header value (the creation time)', async () =>
    expectRefusal(receive(variant(flipped(baseBytes, at('.000Z', 3)))), 'BAD_SIGNATURE'));
  it('in a file digest in the header', async () => {
    const digestAt = at('"digest":"', 10);
    const position = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => digestAt + i).find((i) => baseBytes[i]! <= 0x39)!; // a digit stays a digit
    await expectRefusal(receive(variant(flipped(baseBytes, position))), 'BAD_SIGNATURE');
  });
  it('in the sender key id (now naming no registered key)', async () => {
    const idAt = at(`"keyId":"${keyIdOf(countyOld.publicKey)}"`, 9);
    const position = Array.from({ length: 32 }, (_, i) => idAt + i).find((i) => baseBytes[i]! <= 0x39)!;
    await expectRefusal(receive(variant(flipped(baseBytes, position))), 'UNKNOWN_SENDER_KEY');
  });
  it.each([
    ['its DER tag', 0],
    ['r', 10],
    ['s', -3],
  ])('in the signature (%s)', async (_label, offset) => {
    const { signatureStart, payloadStart } = layoutOf(baseBytes);
    const position = offset >= 0 ? signatureStart + offset : payloadStart + offset;
    await expectRefusal(receive(variant(flipped(baseBytes, position))), 'BAD_SIGNATURE');
  });
  it('in the signature length', async () =>
    expectRefusal(receive(variant(flipped(baseBytes, layoutOf(baseBytes).signatureStart - 1))), 'BAD_SIGNATURE'));

  it.each([
    ['the first ciphertext byte of the first file', () => layoutOf(baseBytes).chunk('persons.jsonl', 0).start],
    ['the middle of a middle chunk', () => layoutOf(baseBytes).chunk('persons.jsonl', 1).start + 30000],
    ['a chunk tag', () => layoutOf(baseBytes).chunk('persons.jsonl', 1).start + CHUNK_RECORD_SIZE - 5],
    ['the only chunk of the second file', () => layoutOf(baseBytes).chunk('enterprises.jsonl', 0).start + 3],
    ['the last byte of the package (the empty file’s tag)', () => baseBytes.length - 1],
  ])('in the payload: %s', async (_label, position) => {
    const path = variant(flipped(baseBytes, position()));
    await expectRefusal(receive(path), 'CHUNK_AUTH_FAILED');
    await expectRefusal(receive(path, { digestsFirst: true }), 'PAYLOAD_DIGEST_MISMATCH');
  });

  it('anywhere: a sweep over envelope and payload never yields a package', async () => {
    const { payloadStart } = layoutOf(baseBytes);
    const positions = [
      ...Array.from({ length: PRELUDE_LENGTH }, (_, i) => i),
      ...Array.from({ length: Math.ceil((payloadStart - PRELUDE_LENGTH) / 13) }, (_, i) => PRELUDE_LENGTH + 13 * i),
      ...Array.from({ length: 24 }, (_, i) => payloadStart + Math.floor(((baseBytes.length - payloadStart) * i) / 24)),
    ];
    const seen = new Set<string>();
    for (const position of positions) {
      const error = await receive(variant(flipped(baseBytes, position))).then(() => null, (e: unknown) => e);
      expect(error, `byte ${position}`).toBeInstanceOf(ExchangeError);
      expect((error as ExchangeError).isRefusal, `byte ${position}`).toBe(true);
      seen.add((error as ExchangeError).code);
    }
    expect([...seen].every((code) => code in EXCHANGE_REFUSALS)).toBe(true);
  });
});

describe('truncation, missing, reordered and extra chunks', () => {
  const cut = (length: number) => variant(baseBytes.subarray(0, length));

  it('truncation at a chunk boundary', async () =>
    expectRefusal(receive(cut(layoutOf(baseBytes).chunk('enterprises.jsonl', 0).start)), 'TRUNCATED'));
  it('truncation inside a chunk', async () =>
    expectRefusal(receive(cut(layoutOf(baseBytes).chunk('persons.jsonl', 1).start + 1000)), 'TRUNCATED'));
  it('truncation inside the header', async () => expectRefusal(receive(cut(PRELUDE_LENGTH + 40)), 'TRUNCATED'));
  it('truncation inside the signature', async () => expectRefusal(receive(cut(layoutOf(baseBytes).signatureStart + 20)), 'TRUNCATED'));

  it('a dropped last chunk (the file is shorter than its signed header says)', async () => {
    const last = layoutOf(baseBytes).chunk('persons.jsonl', -1);
    const dropped = concatBytes(baseBytes.subarray(0, last.start), baseBytes.subarray(last.start + last.length));
    await expectRefusal(receive(variant(dropped)), 'TRUNCATED');
  });

  it('a dropped last chunk with the size made up at the end', async () => {
    const last = layoutOf(baseBytes).chunk('persons.jsonl', -1);
    const dropped = concatBytes(baseBytes.subarray(0, last.start), baseBytes.subarray(last.start + last.length), new Uint8Array(last.length));
    await expectRefusal(receive(variant(dropped)), 'CHUNK_AUTH_FAILED');
  });

  it('a dropped last chunk even under a header the sender signed for the shorter file (last-chunk flag)', async () => {
    const layout = layoutOf(baseBytes);
    const [first, second, third] = layout.files[0]!.chunks as [{ start: number; length: number }, { start: number; length: number }, unknown];
    expect(third).toBeDefined();
    const kept = baseBytes.subarray(first.start, second.start + second.length);
    const payload = concatBytes(kept, baseBytes.subarray(layout.chunk('enterprises.jsonl', 0).start));
    const bytes = resigned(baseBytes, {
      payload,
      change: (header) => Object.assign(header.files[0]!, { length: 131072, digest: toHex(new Sm3().update(kept).digest()) }),
    });
    await expectRefusal(receive(variant(bytes)), 'MISSING_LAST_CHUNK');
  });

  it('swapped chunks', async () => {
    const layout = layoutOf(baseBytes);
    const a = layout.chunk('persons.jsonl', 0);
    const b = layout.chunk('persons.jsonl', 1);
    const swapped = baseBytes.slice();
    swapped.set(baseBytes.subarray(b.start, b.start + b.length), a.start);
    swapped.set(baseBytes.subarray(a.start, a.start + a.length), b.start);
    const path = variant(swapped);
    await expectRefusal(receive(path), 'CHUNK_AUTH_FAILED');
    await expectRefusal(receive(path, { digestsFirst: true }), 'PAYLOAD_DIGEST_MISMATCH');
  });

  it('a duplicated chunk in place of the next', async () => {
    const layout = layoutOf(baseBytes);
    const a = layout.chunk('persons.jsonl', 0);
    const duplicated = baseBytes.slice();
    duplicated.set(baseBytes.subarray(a.start, a.start + a.length), layout.chunk('persons.jsonl', 1).start);
    await expectRefusal(receive(variant(duplicated)), 'CHUNK_AUTH_FAILED');
  });

  it('a duplicated chunk inserted', async () => {
    const a = layoutOf(baseBytes).chunk('persons.jsonl', 0);
    const inserted = concatBytes(baseBytes.subarray(0, a.start + a.length), baseBytes.subarray(a.start));
    await expectRefusal(receive(variant(inserted)), 'TRAILING_BYTES');
  });

  it('trailing bytes', async () => {
    await expectRefusal(receive(variant(concatBytes(baseBytes, Uint8Array.of(0)))), 'TRAILING_BYTES');
    await expectRefusal(receive(variant(concatBytes(baseBytes, baseBytes.subarray(-CHUNK_RECORD_SIZE)))), 'TRAILING_BYTES');
  });
});

describe('the chain of packages from a county', () => {
  const at1 = (): ChainPosition => ({ lastSequence: 1, lastHash: base.packageHash });

  it('accepts the next package, built on the last accepted one', async () => {
    const next = await writePackage({ sequence: 2, previousHash: base.packageHash });
    const { verified } = await receive(next.path, { position: at1() });
    expect(verified.chainLink).toEqual({ senderCode: COUNTY, sequence: 2, previousHash: base.packageHash, packageHash: next.packageHash });
  });

  it('refuses a replayed package — before anything is decrypted', async () => {
    await expectRefusal(receive(base.path, { position: at1(), recipient: privateOf(stranger) }), 'REPLAY');
    const position = { lastSequence: 5, lastHash: 'cd'.repeat(32) };
    await expectRefusal(receive(base.path, { position, hashAt: (s) => (s === 1 ? base.packageHash : undefined) }), 'REPLAY');
  });

  it('refuses a skipped sequence', async () => {
    const third = await writePackage({ sequence: 3, previousHash: 'ef'.repeat(32) });
    await expectRefusal(receive(third.path, { position: at1() }), 'GAP');
    await expectRefusal(receive(third.path, { position: null }), 'GAP');
  });

  it('refuses a fork: two different packages with the same sequence', async () => {
    const other = await writePackage({ sequence: 1 });
    await expectRefusal(receive(other.path, { position: at1() }), 'FORK');
    const position = { lastSequence: 4, lastHash: 'cd'.repeat(32) };
    await expectRefusal(receive(other.path, { position, hashAt: (s) => (s === 1 ? base.packageHash : undefined) }), 'FORK');
  });

  it('refuses a wrong previous hash', async () => {
    const next = await writePackage({ sequence: 2, previousHash: '00'.repeat(32) });
    await expectRefusal(receive(next.path, { position: at1() }), 'WRONG_PREVIOUS_HASH');
  });
});

describe('sender keys and signer ID', () => {
  it('refuses a key the receiver never registered', async () => {
    const result = await writePackage({ sender: signing(stranger) });
    await expectRefusal(receive(result.path), 'UNKNOWN_SENDER_KEY');
  });

  it('refuses a registered key of another county', async () => {
    const result = await writePackage({ sender: signing(otherCounty) }); // claims 320506, key is 320507's
    await expectRefusal(receive(result.path), 'SENDER_KEY_MISMATCH');
  });

  it('refuses a header naming the county’s key but signed with another key', async () => {
    await expectRefusal(receive(variant(resigned(baseBytes, { privateKey: stranger.privateKey }))), 'BAD_SIGNATURE');
  });

  it('refuses a signature made with the default signer ID instead of the county code', async () => {
    await expectRefusal(receive(variant(resigned(baseBytes, { signerId: DEFAULT_SM2_USER_ID }))), 'WRONG_SIGNER_ID');
  });

  it('refuses a signature made with another signer ID', async () => {
    await expectRefusal(receive(variant(resigned(baseBytes, { signerId: '320507' }))), 'BAD_SIGNATURE');
  });

  it('accepts the same header re-signed correctly (the test helper is sound)', async () => {
    expect((await receive(variant(resigned(baseBytes)))).files['persons.jsonl']).toEqual(persons);
  });
});

describe('recipients', () => {
  it('refuses a package not addressed to this recipient', async () => {
    await expectRefusal(receive(base.path, { recipient: privateOf(stranger) }), 'NOT_ADDRESSED_TO_RECIPIENT');
  });

  it('refuses a wrong private key for an addressed key id', async () => {
    await expectRefusal(receive(base.path, { recipient: { keyId: provinceKey.keyId, privateKey: stranger.privateKey } }), 'WRONG_RECIPIENT_KEY');
  });
});

describe('a header signed by the sender but not matching the payload', () => {
  it('a wrong file digest', async () => {
    const bytes = resigned(baseBytes, { change: (header) => void (header.files[1]!.digest = '11'.repeat(32)) });
    await expectRefusal(receive(variant(bytes)), 'PAYLOAD_DIGEST_MISMATCH');
  });

  it.each([
    ['a last record without its line break', Uint8Array.of(0x7b, 0x7d, 0x0a, 0x7b, 0x7d)],
    ['bytes that are not UTF-8', Uint8Array.of(0xff, 0x0a)],
  ])('%s', async (_label, raw) => {
    const writer = createPackageWriter({
      sender: signing(countyNew), recipients: [recipientOf(province)], sequence: 1, previousHash: null,
      createdAt: new Date(), changeRange: { from: 1, to: 1 }, schemaVersion: 1, spoolDir: dir,
    });
    writer.openFile('bad.jsonl').writeBytes(raw);
    const result = await writer.finish(join(dir, `bad-${(written += 1)}.pkg`));
    await expectRefusal(receive(result.path), 'MALFORMED_PAYLOAD');
  });

  it('a wrong record count', async () => {
    const bytes = resigned(baseBytes, { change: (header) => void (header.files[1]!.records = 3) });
    await expectRefusal(receive(variant(bytes)), 'RECORD_COUNT_MISMATCH');
  });
});

describe('the writer', () => {
  it('never overwrites a package, leaves no temp file, and can still finish elsewhere', async () => {
    const writer = createPackageWriter({
      sender: signing(countyNew), recipients: [recipientOf(province)], sequence: 1, previousHash: null,
      createdAt: new Date(), changeRange: { from: 1, to: 1 }, schemaVersion: 1, spoolDir: dir,
    });
    writer.openFile('a.jsonl').writeLine('{}');
    await expectRefusal(writer.finish(base.path), 'OUTPUT_EXISTS');
    const result = await writer.finish(join(dir, 'elsewhere.pkg'));
    expect(result.files[0]!.records).toBe(1);
    expect(existsSync(`${base.path}.tmp`) || existsSync(join(dir, 'elsewhere.pkg.tmp'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('jyfw-package-'))).toEqual([]);
    expect(() => writer.openFile('b.jsonl')).toThrow(expect.objectContaining({ code: 'WRITER_FINISHED' }));
  });

  it('refuses bad arguments before writing anything', () => {
    const options = {
      sender: signing(countyNew), recipients: [recipientOf(province)], sequence: 2, previousHash: null,
      createdAt: new Date(), changeRange: { from: 1, to: 1 }, schemaVersion: 1, spoolDir: dir,
    };
    const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
    expect(() => createPackageWriter(options)).toThrow(invalid); // sequence 2 needs a previous hash
    expect(() => createPackageWriter({ ...options, sequence: 1, sender: { ...signing(countyNew), keyId: keyIdOf(province.publicKey) } })).toThrow(invalid);
    const writer = createPackageWriter({ ...options, sequence: 1 });
    expect(() => writer.openFile('../escape.jsonl')).toThrow(invalid);
    expect(() => writer.openFile('a.jsonl').writeLine('{"a":1}\n{"b":2}')).toThrow(invalid);
    writer.abort();
    expect(readdirSync(dir).filter((name) => name.startsWith('jyfw-package-'))).toEqual([]);
  });
});

describe('signed documents (the province’s receipt)', () => {
  const receipt = { packageHash: 'ab'.repeat(32), accepted: 2598, rejected: [{ id: 'P7', reason: '身份证号校验位错误' }] };
  const provinceSigner = () => signing(province, '320000');
  const provinceRegistry = () => [verifying(province, '320000')];
  let receiptBytes: Uint8Array;

  beforeAll(async () => {
    const path = join(dir, 'receipt-1.sig');
    await writeSignedDocument(path, { kind: 'receipt', createdAt: '2026-11-28T01:00:00Z', content: receipt }, provinceSigner());
    receiptBytes = new Uint8Array(readFileSync(path));
  });

  it('round trips with its content, signer and hash', async () => {
    const document = await readSignedDocument(join(dir, 'receipt-1.sig'), provinceRegistry(), 'receipt');
    expect(document).toMatchObject({ kind: 'receipt', createdAt: '2026-11-28T01:00:00.000Z', content: receipt, signer: { code: '320000' } });
    expect(document.documentHash).toBe(sm3Hex(bodyOf(receiptBytes)));
  });

  const tampered = (bytes: Uint8Array) => {
    const path = join(dir, `receipt-variant-${(variants += 1)}.sig`);
    writeFileSync(path, bytes);
    return readSignedDocument(path, provinceRegistry(), 'receipt');
  };

  it('refuses a flipped byte in the content', async () => {
    const digit = Buffer.from(receiptBytes).indexOf('2598');
    await expectRefusal(tampered(flipped(receiptBytes, digit)), 'BAD_SIGNATURE');
  });
  it('refuses a flipped byte in the signature', async () => expectRefusal(tampered(flipped(receiptBytes, receiptBytes.length - 5)), 'BAD_SIGNATURE'));
  it('refuses a foreign file', async () => expectRefusal(tampered(flipped(receiptBytes, 0)), 'NOT_A_SIGNED_DOCUMENT'));
  it('refuses truncation and trailing bytes', async () => {
    await expectRefusal(tampered(receiptBytes.subarray(0, receiptBytes.length - 1)), 'TRUNCATED');
    await expectRefusal(tampered(concatBytes(receiptBytes, Uint8Array.of(10))), 'TRAILING_BYTES');
  });
  it('refuses an unregistered signer and the default signer ID', async () => {
    const path = join(dir, 'receipt-2.sig');
    await writeSignedDocument(path, { kind: 'receipt', createdAt: new Date(), content: receipt }, signing(stranger, '320000'));
    await expectRefusal(readSignedDocument(path, provinceRegistry()), 'UNKNOWN_SENDER_KEY');
    const body = bodyOf(receiptBytes);
    const signature = sm2Sign(body, province.privateKey, DEFAULT_SM2_USER_ID);
    const resignedReceipt = concatBytes(receiptBytes.subarray(0, PRELUDE_LENGTH + body.length), encodeSignatureLength(signature), signature);
    await expectRefusal(tampered(resignedReceipt), 'WRONG_SIGNER_ID');
  });
  it('refuses a document of another kind', async () => {
    await expectRefusal(readSignedDocument(join(dir, 'receipt-1.sig'), provinceRegistry(), 'key-rotation'), 'MALFORMED_HEADER');
  });
});

/** The signed body of a signed document (after the 14-byte prelude). */
function bodyOf(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(PRELUDE_LENGTH, PRELUDE_LENGTH + readUint(bytes, 10, 4));
}
