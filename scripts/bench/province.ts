/**
 * Province-scale benchmark (issue 25; optional in `npm run bench`: --with-province true).
 * Builds C counties' packages of P persons each, every person with one case
 * (synthetic records that pass the receiver's checks, written by the county's
 * own streaming writer), receives them all into PostgreSQL and into an
 * encrypted SQLite file through the one receive pipeline, and reports rows/s
 * for each, then times province-wide look-ups of a person by ID number.
 * PostgreSQL: --pg URL, or a throw-away server started like the tests'
 * (initdb + pg_ctl on a temp folder; fsync off, so the figures are the
 * receiver's, not the disk's).
 *
 *   tsx scripts/bench/province.ts [--counties 20] [--persons 300000] [--lookups 200] [--dir .bench/province] [--pg URL]
 *   → one JSON object on stdout
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPackageWriter, generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import { EXCHANGE_SCHEMA_VERSION } from '../../db/exchange/schemas';
import { packagesIn } from '../../province/node-io';
import { openPgReceiverStore } from '../../province/pg/store';
import { receivePackage } from '../../province/receive';
import { SqliteReceiverStore } from '../../province/sqlite-store';
import type { ReceiverStore } from '../../province/store';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { REQUIRED_RECORD_FIELDS } from '../../shared/exchange/record-fields';
import { startPostgres } from '../../tests/province/pg-server';
import { summarize } from './stats';

const { values } = parseArgs({ options: { counties: { type: 'string' }, persons: { type: 'string' }, lookups: { type: 'string' }, dir: { type: 'string' }, pg: { type: 'string' } } });
const COUNTIES = Number(values.counties ?? 20);
const PERSONS = Number(values.persons ?? 300_000);
const LOOKUPS = Number(values.lookups ?? 200);
const DIR = resolve(values.dir ?? '.bench/province');

/** Jiangsu county codes to stand for the counties (their names do not matter here). */
const countyCode = (i: number) => String(320500 + 1 + i).padStart(6, '0');

function idNumberOf(county: string, n: number): string {
  const birth = `19${String(60 + (n % 40)).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
  const first17 = `${county}${birth}${String(Math.floor(n / 1000) % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A record with every required field (null where the benchmark has nothing to say). */
function recordOf(entity: string, fields: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of REQUIRED_RECORD_FIELDS[entity] ?? []) record[field] = null;
  return Object.assign(record, fields);
}

interface CountyPackage {
  path: string;
  idNumbers: string[];
  senderKey: { code: string; keyId: string; publicKey: string };
}

async function writeCountyPackage(county: string, outbox: string, recipient: { keyId: string; publicKey: string }): Promise<CountyPackage> {
  const pair = generateSm2KeyPair();
  const sender = { code: county, keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
  const writer = createPackageWriter({ sender, recipients: [recipient], sequence: 1, previousHash: null, createdAt: new Date(), changeRange: { from: 1, to: 2 * PERSONS }, schemaVersion: EXCHANGE_SCHEMA_VERSION });
  const idNumbers: string[] = [];
  const persons = writer.openFile('persons.jsonl');
  // Unique per county (the sequence digits run with n); a tenth of the persons also appear in the next county.
  for (let n = 0; n < PERSONS; n += 1) {
    const idNumber = n % 10 === 0 && county !== countyCode(0) ? idNumberOf(countyCode(0), n) : idNumberOf(county, n);
    if (n % Math.max(1, Math.floor(PERSONS / 50)) === 0) idNumbers.push(idNumber);
    persons.writeLine(JSON.stringify({ entity: 'persons', id: n + 1, changeSeq: 2 * n + 1, op: 'upsert', record: recordOf('persons', { id: n + 1, idNumber, name: `基准${n}`, createdAt: '2026-01-05T02:00:00.000Z', qualifications: [] }) }));
  }
  const cases = writer.openFile('cases.jsonl');
  for (let n = 0; n < PERSONS; n += 1) {
    cases.writeLine(JSON.stringify({ entity: 'cases', id: n + 1, changeSeq: 2 * n + 2, op: 'upsert', record: recordOf('cases', { id: n + 1, caseType: 'unemployment_registration', personId: n + 1, state: 'approved', acceptedOn: '2026-03-02', transitions: [], attachments: [], events: [] }) }));
  }
  const result = await writer.finish(join(outbox, `${county}-00000001.jyx`));
  return { path: result.path, idNumbers, senderKey: { code: county, keyId: sender.keyId, publicKey: pair.publicKey } };
}

async function receiveAllInto(store: ReceiverStore, files: readonly CountyPackage[], province: { code: string; keyId: string; privateKey: string }) {
  const started = process.hrtime.bigint();
  let records = 0;
  for (const file of files) {
    const outcome = await receivePackage(store, file.path, { province, senders: [file.senderKey] }, null, new Date());
    if (outcome.status !== 'applied') throw new Error(`${store.kind}: ${outcome.code} ${outcome.message}`);
    records += outcome.accepted;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(records / seconds) };
}

async function lookups(store: ReceiverStore, idNumbers: string[]) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < LOOKUPS; i += 1) {
    const idNumber = idNumbers[i % idNumbers.length]!;
    const t = process.hrtime.bigint();
    found += (await store.personsByIdNumber(idNumber)).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: summarize(times), found };
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  const outbox = join(DIR, 'packages');
  mkdirSync(outbox, { recursive: true });
  const pair = generateSm2KeyPair();
  const province = { code: '320000', keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
  const started = process.hrtime.bigint();
  const files = [];
  for (let i = 0; i < COUNTIES; i += 1) files.push(await writeCountyPackage(countyCode(i), outbox, { keyId: province.keyId, publicKey: pair.publicKey }));
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if ((await packagesIn(outbox)).length !== COUNTIES) throw new Error('packages missing');
  const idNumbers = files.flatMap((f) => f.idNumbers);

  const server = values.pg ? null : await startPostgres();
  const pg = await openPgReceiverStore(values.pg ?? (await server!.freshDatabase()));
  const sqlite = SqliteReceiverStore.open(join(DIR, 'province.db'), randomBytes(32));
  try {
    const intoPg = await receiveAllInto(pg, files, province);
    const intoSqlite = await receiveAllInto(sqlite, files, province);
    const report = {
      counties: COUNTIES,
      personsPerCounty: PERSONS,
      records: intoPg.records,
      buildPackagesSeconds: Math.round(buildSeconds * 10) / 10,
      postgresql: { ...intoPg, lookupByIdNumber: await lookups(pg, idNumbers) },
      sqlite: { ...intoSqlite, lookupByIdNumber: await lookups(sqlite, idNumbers) },
    };
    console.log(JSON.stringify(report));
  } finally {
    await pg.close();
    await sqlite.close();
    server?.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
