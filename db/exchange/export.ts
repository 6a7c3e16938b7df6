import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { PRIVATE_DIR_MODE } from '../private-files';
import { aggregateOf, EXCHANGE_AGGREGATES } from './aggregates';
import { EXCHANGE_SCHEMA_VERSION } from './schemas';
import { createPackageWriter, openPackage, type PackageFileWriter, type RecipientPublicKey, type SigningKey } from './package-file';
import { deliverToOutbox } from './deliver';
import { RecordReader, type ExchangeLine } from './records';
import { SealPool, sealThreadCount } from './seal-pool';

export interface ExportKeys {
  county: SigningKey;
  /** The province's current key(s): every package is addressed to them. */
  recipients: RecipientPublicKey[];
}

export interface ExportOptions {
  sqlite: Database.Database;
  keys: ExportKeys;
  /** Where the county keeps its own copy of every package (inside the data folder): the re-send source. */
  packagesDir: string;
  /** Where packages are delivered (shared drive, exchange server inbox, USB). */
  outboxDir: string;
  now: Date;
  /** Runs the final bookkeeping in one write transaction (with the audit entry, in the desk). */
  record: (work: () => void) => void;
  progress?: (done: number, total: number) => void;
  /** Yields to the event loop between pages (a job's checkpoint). */
  checkpoint?: () => Promise<void>;
  /**
   * The sealing threads' entry (db/exchange/seal-pool.ts): an export of more
   * than a few pages then seals its chunks there while this thread reads;
   * without it, everything runs here.
   */
  sealThreadEntry?: string | URL;
  /** Sealing threads to start (default: the cores beside this one, 1–4); 0 seals here even with an entry. */
  sealThreads?: number;
  /** Test hook: called at the named points, so a crash can be simulated there. */
  at?: (point: 'written' | 'published') => void;
}

export interface ExportOutcome {
  sequence: number | null;
  fileName: string | null;
  records: number;
  counts: Record<string, number>;
  size: number;
  packageHash: string | null;
  /** The package was found already written by an export that stopped before recording it. */
  recovered: boolean;
}

const PAGE = 500;
/** Below this many records the threads' start-up (~0.3 s) costs more than sealing here. */
const PIPELINE_FROM_RECORDS = 20_000;
/** Chunks per file that may still be sealing when a page is done (≈ 2 MiB of plaintext each way). */
const SEALING_AHEAD = 32;
const EXPORT_CACHE_KIB = 16 * 1024;
const COUNT_BY_INDEX_FROM = 50_000;

export function packageFileName(countyCode: string, sequence: number): string {
  return `${countyCode}-${String(sequence).padStart(8, '0')}.jyx`;
}

interface LastPackage {
  sequence: number;
  changeTo: number;
  packageHash: string;
}

function lastPackage(sqlite: Database.Database): LastPackage | null {
  return (
    (sqlite.prepare('select sequence, change_to as changeTo, package_hash as packageHash from exchange_packages order by sequence desc limit 1').get() as
      | LastPackage
      | undefined) ?? null
  );
}

function correctionReasons(sqlite: Database.Database, entity: string, id: number, since: string): string[] {
  const corrections = aggregateOf(entity).corrections;
  if (!corrections) return [];
  return (
    sqlite
      .prepare(`select field, reason from "${corrections.table}" where "${corrections.parentColumn}" = ? and corrected_at > ? order by id`)
      .all(id, since) as Array<{ field: string; reason: string }>
  ).map((c) => `${c.field}：${c.reason}`);
}

/**
 * One export run. Sequence numbers follow the recorded history; the package
 * is written to the county's own folder (temp + fsync + rename), delivered
 * to the outbox the same way, and only then recorded as sent. A run that
 * stopped after writing but before recording is completed by the next run
 * from the file it left (the same package, never a new one with the same
 * number, nor a gap). The desk runs one at a time (the job lane exchange.export).
 */
export async function runExport(options: ExportOptions): Promise<ExportOutcome> {
  const { sqlite, keys } = options;
  await mkdir(options.packagesDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const last = lastPackage(sqlite);
  const sequence = (last?.sequence ?? 0) + 1;
  const fileName = packageFileName(keys.county.code, sequence);
  const packagePath = join(options.packagesDir, fileName);

  // Temp files and spools (ciphertext) of a run that died while writing are not packages: remove them,
  // also when that run got as far as publishing its package (killed before it removed its spool).
  for (const name of await readdir(options.packagesDir)) {
    if (name.endsWith('.tmp') || name.startsWith('jyfw-package-')) await rm(join(options.packagesDir, name), { force: true, recursive: true });
  }

  const leftover = await stat(packagePath).catch(() => null);
  if (leftover) return completeRecorded(options, packagePath, fileName, true);

  const from = last?.changeTo ?? 0;
  const to = (sqlite.prepare('select coalesce(max(seq), 0) as n from exchange_changes').get() as { n: number }).n;
  if (to <= from) return { sequence: null, fileName: null, records: 0, counts: {}, size: 0, packageHash: null, recovered: false };
  // Every record is read once, in order (the count below reads every change once too): a small page
  // cache serves that, and keeps the export's memory flat instead of filling the 256 MB the searches
  // use (restored afterwards).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  try {
    const total = (sqlite.prepare(countRecordsSql(to - from)).get(from, to) as { n: number }).n;
    return await writePackage(options, { sequence, fileName, packagePath, from, to, total, previousHash: last?.packageHash ?? null });
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * The records a package will carry: the changed (entity, id) pairs of the range. Grouping a range's
 * changes needs a temporary B-tree of every pair (in memory: temp_store), ~50 MB at a million
 * changes; walking the entity index in its order needs none, but reads the whole index, which only
 * pays for a large range.
 */
function countRecordsSql(changes: number): string {
  const source = changes > COUNT_BY_INDEX_FROM ? 'exchange_changes indexed by exchange_changes_entity' : 'exchange_changes';
  return `select count(*) as n from (select 1 from ${source} where seq > ? and seq <= ? group by entity, entity_id)`;
}

interface PackagePlan {
  sequence: number;
  fileName: string;
  packagePath: string;
  from: number;
  to: number;
  total: number;
  previousHash: string | null;
}

async function writePackage(options: ExportOptions, plan: PackagePlan): Promise<ExportOutcome> {
  const { sqlite, keys } = options;
  const { sequence, fileName, packagePath, from, to, total } = plan;
  const threads = options.sealThreads ?? sealThreadCount();
  const pool = options.sealThreadEntry && threads > 0 && total >= PIPELINE_FROM_RECORDS ? new SealPool(options.sealThreadEntry, threads) : null;
  const writer = createPackageWriter({
    sender: keys.county,
    recipients: keys.recipients,
    sequence,
    previousHash: plan.previousHash,
    createdAt: options.now,
    changeRange: { from: from + 1, to },
    schemaVersion: EXCHANGE_SCHEMA_VERSION,
    spoolDir: options.packagesDir,
    ...(pool ? { sealPool: pool } : {}),
  });
  try {
    const files = new Map<string, PackageFileWriter>();
    for (const aggregate of EXCHANGE_AGGREGATES) files.set(aggregate.entity, writer.openFile(`${aggregate.entity}.jsonl`));
    const reader = new RecordReader(sqlite);
    const states = sqlite.prepare(
      'select s.ever_accepted as everAccepted, p.created_at as sentAt from exchange_record_states s join exchange_packages p on p.sequence = s.package_sequence where s.entity = ? and s.entity_id = ?',
    );
    const page = sqlite.prepare(
      // INDEXED BY: left to itself the planner reads the change-number range and sorts all of it for
      // every page (0.5 s a page at a million changes); in index order a page costs ~3 ms.
      `select entity, entity_id as id, max(seq) as seq from exchange_changes indexed by exchange_changes_entity
       where seq > ? and seq <= ? and (entity, entity_id) > (?, ?)
       group by entity, entity_id order by entity, entity_id limit ${PAGE}`,
    );
    let done = 0;
    for (let cursor: [string, number] = ['', 0]; ; ) {
      const rows = page.all(from, to, cursor[0], cursor[1]) as Array<{ entity: string; id: number; seq: number }>;
      if (rows.length === 0) break;
      const records = new Map<string, Map<number, Record<string, unknown>>>();
      for (const entity of new Set(rows.map((r) => r.entity))) {
        records.set(entity, reader.readMany(aggregateOf(entity), rows.filter((r) => r.entity === entity).map((r) => r.id)));
      }
      for (const { entity, id, seq } of rows) {
        const aggregate = aggregateOf(entity);
        const record = records.get(entity)!.get(id) ?? null;
        const line: ExchangeLine = { entity, id, changeSeq: seq, op: 'upsert', record };
        const state = states.get(entity, id) as { everAccepted: number; sentAt: string } | undefined;
        if (!record) line.op = 'delete';
        else if (aggregate.cancelled?.(record)) line.op = 'cancel';
        else if (state?.everAccepted) {
          line.op = 'correction';
          line.reasons = correctionReasons(sqlite, entity, id, state.sentAt);
        }
        files.get(entity)!.writeLine(JSON.stringify(line));
      }
      done += rows.length;
      const lastRow = rows[rows.length - 1]!;
      cursor = [lastRow.entity, lastRow.id];
      options.progress?.(done, total);
      await writer.settle(SEALING_AHEAD);
      await options.checkpoint?.();
    }
    await writer.finish(packagePath);
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    await pool?.close();
  }
  options.at?.('written');
  return completeRecorded(options, packagePath, fileName, false);
}

/** Delivers a written package to the outbox and records it (and its records' states) as sent. */
async function completeRecorded(options: ExportOptions, packagePath: string, fileName: string, recovered: boolean): Promise<ExportOutcome> {
  const envelope = await openPackage(packagePath);
  const verified = envelope.verify([{ code: options.keys.county.code, keyId: options.keys.county.keyId, publicKey: countyPublicKey(options) }]);
  const header = verified.header;
  const outboxPath = deliverToOutbox(packagePath, options.outboxDir, fileName).path;
  options.at?.('published');
  const counts: Record<string, number> = {};
  for (const file of header.files) counts[file.name.replace(/\.jsonl$/, '')] = file.records;
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  const size = (await stat(packagePath)).size;
  const { sqlite } = options;
  options.record(() => {
    sqlite
      .prepare(
        `insert into exchange_packages (sequence, file_name, created_at, change_from, change_to, counts, records, size, package_hash, previous_hash,
           signer_key_id, recipient_key_id, outbox_path, status)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent')`,
      )
      .run(
        header.sequence,
        fileName,
        header.createdAt,
        header.changeRange.from - 1,
        header.changeRange.to,
        JSON.stringify(counts),
        records,
        size,
        verified.packageHash,
        header.previousHash,
        header.sender.keyId,
        header.recipients.map((r) => r.keyId).join(','),
        outboxPath,
      );
    sqlite
      .prepare(
        `insert into exchange_record_states (entity, entity_id, state, change_seq, package_sequence, ever_accepted, updated_at)
         select entity, entity_id, 'sent', max(seq), ?, 0, ? from exchange_changes where seq >= ? and seq <= ? group by entity, entity_id
         on conflict (entity, entity_id) do update set state = 'sent', change_seq = excluded.change_seq,
           package_sequence = excluded.package_sequence, reason = null, updated_at = excluded.updated_at`,
      )
      .run(header.sequence, options.now.toISOString(), header.changeRange.from, header.changeRange.to);
  });
  return { sequence: header.sequence, fileName, records, counts, size, packageHash: verified.packageHash, recovered };
}

function countyPublicKey(options: ExportOptions): string {
  const row = options.sqlite.prepare("select public_key as publicKey from exchange_keys where key_id = ? and owner = 'county'").get(options.keys.county.keyId) as
    | { publicKey: string }
    | undefined;
  if (!row) throw new Error(`county key ${options.keys.county.keyId} is not registered`);
  return row.publicKey;
}
