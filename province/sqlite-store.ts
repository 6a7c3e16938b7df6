/**
 * The province's receiving store in one encrypted SQLite file (a small
 * province, a test, a county trying the loop). Every received citizen is in
 * it, so it is encrypted with a key of its own and created with mode 0600; a
 * wrong key is refused, never answered with a fresh empty file.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ExchangeError } from '../shared/exchange/errors';
import type { ChainPosition } from '../shared/exchange/chain';
import type { ReceivedLine } from './record-checks';
import type { ReceiptContent, ReceivedPackage, ReceiverStore, ReceiverWriter, RejectedLine } from './store';

const SCHEMA = `
create table if not exists senders (code text primary key, last_sequence integer not null, last_hash text not null);
create table if not exists packages (sender text not null, sequence integer not null, package_hash text not null, received_at text not null,
  records integer not null, accepted integer not null, rejected integer not null, primary key (sender, sequence));
create table if not exists records (sender text not null, entity text not null, id integer not null, change_seq integer not null,
  op text not null, record text, package_sequence integer not null, primary key (sender, entity, id));
create table if not exists corrections (sender text not null, entity text not null, id integer not null, change_seq integer not null, reasons text not null);
create table if not exists rejections (sender text not null, entity text not null, id integer not null, change_seq integer not null,
  package_sequence integer not null, reason text not null);
create table if not exists receipts (sender text not null, sequence integer not null, content text not null, fed_in integer, primary key (sender, sequence));
create index if not exists records_person_id_number on records (json_extract(record, '$.idNumber')) where entity = 'persons';
`;

/** A wrong key or a file that is not a province database. */
export class ProvinceDatabaseError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}

/** Opens (or, the first time, creates with mode 0600) the province's SQLite database, encrypted with `key`. */
export function openProvinceDatabase(path: string, key: Buffer): Database.Database {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'wx', 0o600));
  }
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      sqlite.prepare('select count(*) from sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new ProvinceDatabaseError(`无法打开省级数据库 ${path}：密钥不正确或文件不是省级接收库`);
      }
      throw error;
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.exec(SCHEMA);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The sender's position moved under us: another receiver applied this package first. */
export function movedOn(sender: string, sequence: number): ExchangeError {
  return new ExchangeError('REPLAY', `${sender} 的第 ${sequence} 号数据包已由另一个接收进程接收`, { sender, sequence });
}

class SqliteWriter implements ReceiverWriter {
  private readonly current;
  private readonly upsert;
  private readonly correction;
  private readonly rejection;

  constructor(private readonly sqlite: Database.Database) {
    this.current = sqlite.prepare('select change_seq as changeSeq from records where sender = ? and entity = ? and id = ?');
    this.upsert = sqlite.prepare(
      `insert into records (sender, entity, id, change_seq, op, record, package_sequence) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (sender, entity, id) do update set change_seq = excluded.change_seq, op = excluded.op, record = excluded.record,
         package_sequence = excluded.package_sequence where excluded.change_seq > records.change_seq`,
    );
    this.correction = sqlite.prepare('insert into corrections (sender, entity, id, change_seq, reasons) values (?, ?, ?, ?, ?)');
    this.rejection = sqlite.prepare('insert into rejections (sender, entity, id, change_seq, package_sequence, reason) values (?, ?, ?, ?, ?, ?)');
  }

  async applyRecords(sender: string, packageSequence: number, lines: readonly ReceivedLine[]): Promise<void> {
    for (const line of lines) {
      const stored = this.current.get(sender, line.entity, line.id) as { changeSeq: number } | undefined;
      if (stored && stored.changeSeq >= line.changeSeq) continue;
      this.upsert.run(sender, line.entity, line.id, line.changeSeq, line.op, line.record === null ? null : JSON.stringify(line.record), packageSequence);
      if (line.op === 'correction') this.correction.run(sender, line.entity, line.id, line.changeSeq, JSON.stringify(line.reasons));
    }
  }

  async rejectRecords(sender: string, packageSequence: number, lines: readonly RejectedLine[]): Promise<void> {
    for (const r of lines) this.rejection.run(sender, r.entity, r.id, r.changeSeq, packageSequence, r.reason);
  }

  async keepReceipt(content: ReceiptContent): Promise<void> {
    this.sqlite.prepare('insert into receipts (sender, sequence, content) values (?, ?, ?)').run(content.sender, content.sequence, JSON.stringify(content));
  }

  async finishPackage(pkg: ReceivedPackage, previousSequence: number): Promise<void> {
    const moved = this.sqlite
      .prepare(
        `insert into senders (code, last_sequence, last_hash) values (?, ?, ?)
         on conflict (code) do update set last_sequence = excluded.last_sequence, last_hash = excluded.last_hash where senders.last_sequence = ?`,
      )
      .run(pkg.sender, pkg.sequence, pkg.packageHash, previousSequence);
    if (moved.changes !== 1) throw movedOn(pkg.sender, pkg.sequence);
    this.sqlite
      .prepare('insert into packages (sender, sequence, package_hash, received_at, records, accepted, rejected) values (?, ?, ?, ?, ?, ?, ?)')
      .run(pkg.sender, pkg.sequence, pkg.packageHash, pkg.receivedAt.toISOString(), pkg.records, pkg.accepted, pkg.rejected);
  }
}

/**
 * The SQLite store. Its transaction spans awaits (the package is read as it
 * is applied), which is safe here only because this connection is the
 * receiver's own and nothing else runs on it meanwhile.
 */
export class SqliteReceiverStore implements ReceiverStore {
  readonly kind = 'sqlite';

  constructor(readonly sqlite: Database.Database) {}

  static open(path: string, key: Buffer): SqliteReceiverStore {
    return new SqliteReceiverStore(openProvinceDatabase(path, key));
  }

  async chainPosition(sender: string): Promise<ChainPosition | null> {
    return (this.sqlite.prepare('select last_sequence as lastSequence, last_hash as lastHash from senders where code = ?').get(sender) as ChainPosition | undefined) ?? null;
  }

  async packageHashAt(sender: string, sequence: number): Promise<string | undefined> {
    return (this.sqlite.prepare('select package_hash as h from packages where sender = ? and sequence = ?').get(sender, sequence) as { h: string } | undefined)?.h;
  }

  async transaction<T>(work: (writer: ReceiverWriter) => Promise<T>): Promise<T> {
    this.sqlite.exec('begin immediate');
    try {
      const result = await work(new SqliteWriter(this.sqlite));
      this.sqlite.exec('commit');
      return result;
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('rollback');
      throw error;
    }
  }

  async personsByIdNumber(idNumber: string): Promise<Array<{ sender: string; id: number; record: Record<string, unknown> }>> {
    const rows = this.sqlite
      .prepare("select sender, id, record from records where entity = 'persons' and json_extract(record, '$.idNumber') = ? order by sender, id")
      .all(idNumber) as Array<{ sender: string; id: number; record: string }>;
    return rows.map((r) => ({ sender: r.sender, id: r.id, record: JSON.parse(r.record) as Record<string, unknown> }));
  }

  async receivedSequences(sender: string): Promise<number[]> {
    return (this.sqlite.prepare('select sequence from packages where sender = ? order by sequence').all(sender) as Array<{ sequence: number }>).map((r) => r.sequence);
  }

  async close(): Promise<void> {
    this.sqlite.close();
  }
}
