import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { parseIdNumber } from '../../shared/domain/id-number';
import { checkChain, isExchangeError, openPackage, writeSignedDocument, type SigningKey, type VerifyingKey } from '../exchange/package-file';
import { EXCHANGE_AGGREGATES } from '../exchange/aggregates';
import type { ExchangeLine } from '../exchange/records';
import { lineSchema } from '../exchange/schemas';
import { AppError } from '../errors';
import { createPrivateFile, makePrivateDir, PRIVATE_DIR_MODE } from '../private-files';

/**
 * The province side of the exchange, so the loop can be tested end to end and
 * the province can start from working code: verify signature and chain before
 * decrypting, apply records idempotently into an encrypted SQLite database
 * (every received citizen is in it), and answer every package with a signed
 * receipt. A refused package changes
 * nothing (one transaction, rolled back on the first problem).
 */
const SCHEMA = `
create table if not exists senders (code text primary key, last_sequence integer not null, last_hash text not null);
create table if not exists packages (sender text not null, sequence integer not null, package_hash text not null, received_at text not null,
  records integer not null, accepted integer not null, rejected integer not null, primary key (sender, sequence));
create table if not exists records (sender text not null, entity text not null, id integer not null, change_seq integer not null,
  op text not null, record text, package_sequence integer not null, primary key (sender, entity, id));
create table if not exists corrections (sender text not null, entity text not null, id integer not null, change_seq integer not null, reasons text not null);
create table if not exists rejections (sender text not null, entity text not null, id integer not null, change_seq integer not null,
  package_sequence integer not null, reason text not null);
`;

export interface ReceiptLine {
  entity: string;
  id: number;
  changeSeq: number;
  status: 'accepted' | 'rejected';
  reason?: string;
}

export interface ReceiptContent {
  sender: string;
  sequence: number;
  packageHash: string;
  accepted: number;
  rejected: number;
  records: ReceiptLine[];
}

export interface ReceiveOutcome {
  file: string;
  sequence: number | null;
  status: 'applied' | 'refused';
  accepted: number;
  rejected: number;
  code?: string;
  message?: string;
  receipt?: string;
}

/**
 * Opens (or, the first time, creates with mode 0600) the province's database,
 * encrypted with `key` as the county's is: a wrong key is refused, never
 * answered with a fresh empty file.
 */
export function openProvinceDatabase(path: string, key: Buffer): Database.Database {
  const exists = existsSync(path);
  if (!exists) {
    makePrivateDir(dirname(path));
    createPrivateFile(path);
  }
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      sqlite.prepare('select count(*) from sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('DATABASE_UNAVAILABLE', `无法打开省级数据库 ${path}：密钥不正确或文件不是省级接收库`);
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

const CORRECTED_WITH_REASONS = new Set(EXCHANGE_AGGREGATES.filter((a) => a.corrections).map((a) => a.entity));
const REQUIRED = new Map(EXCHANGE_AGGREGATES.map((a) => [a.entity, (lineSchema(a).properties as { record: { oneOf: [{ required: string[] }] } }).record.oneOf[0].required]));

/** Why the province refuses one record (null: acceptable). */
export function recordProblem(line: ExchangeLine, file: string, range: { from: number; to: number }): string | null {
  if (`${line.entity}.jsonl` !== file) return `记录的实体 ${String(line.entity)} 与文件 ${file} 不符`;
  if (!Number.isInteger(line.id) || line.id < 1) return '记录编号无效';
  if (!Number.isInteger(line.changeSeq) || line.changeSeq < range.from || line.changeSeq > range.to) return '变更序号不在数据包声明的范围内';
  if (!['upsert', 'cancel', 'correction', 'delete'].includes(line.op)) return `未知的操作 ${String(line.op)}`;
  if (line.op === 'delete') return null;
  if (typeof line.record !== 'object' || line.record === null) return '缺少记录内容';
  const missing = (REQUIRED.get(line.entity) ?? []).filter((field) => !(field in line.record!));
  if (missing.length) return `缺少字段：${missing.join('、')}`;
  // Persons and enterprises keep their corrections with reasons: a correction of them must say why.
  if (line.op === 'correction' && CORRECTED_WITH_REASONS.has(line.entity) && (!Array.isArray(line.reasons) || line.reasons.length === 0)) {
    return '更正记录未说明更正原因';
  }
  if (line.entity === 'persons') {
    const id = parseIdNumber(String(line.record.idNumber ?? ''), String(line.record.createdAt ?? '').slice(0, 10) || '2100-01-01');
    if (!id.ok) return `公民身份号码无效（${id.problem}）`;
    if (typeof line.record.name !== 'string' || line.record.name.trim() === '') return '姓名为空';
  }
  return null;
}

/**
 * Receives one package. Throws nothing for a bad package: the outcome says
 * refused, with the refusal code and the Chinese reason.
 */
export async function receivePackage(
  sqlite: Database.Database,
  path: string,
  keys: { province: SigningKey & { privateKey: string }; senders: VerifyingKey[] },
  receiptsDir: string | null,
  now: Date,
): Promise<ReceiveOutcome> {
  const file = path.split(/[\\/]/).pop()!;
  let sequence: number | null = null;
  try {
    const envelope = await openPackage(path);
    const verified = envelope.verify(keys.senders);
    const header = verified.header;
    sequence = header.sequence;
    const position = sqlite.prepare('select last_sequence as lastSequence, last_hash as lastHash from senders where code = ?').get(header.sender.code) as
      | { lastSequence: number; lastHash: string }
      | undefined;
    const hashAt = (seq: number) =>
      (sqlite.prepare('select package_hash as h from packages where sender = ? and sequence = ?').get(header.sender.code, seq) as { h: string } | undefined)?.h;
    const verdict = checkChain(position ?? null, verified.chainLink, hashAt);
    if (verdict.status === 'refused') throw verdict.error;
    await verified.verifyPayloadDigests();
    const contents = verified.unlock({ keyId: keys.province.keyId, privateKey: keys.province.privateKey });

    const lines: ReceiptLine[] = [];
    const current = sqlite.prepare('select change_seq as changeSeq from records where sender = ? and entity = ? and id = ?');
    const upsert = sqlite.prepare(
      `insert into records (sender, entity, id, change_seq, op, record, package_sequence) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (sender, entity, id) do update set change_seq = excluded.change_seq, op = excluded.op, record = excluded.record,
         package_sequence = excluded.package_sequence where excluded.change_seq > records.change_seq`,
    );
    const correction = sqlite.prepare('insert into corrections (sender, entity, id, change_seq, reasons) values (?, ?, ?, ?, ?)');
    const rejection = sqlite.prepare('insert into rejections (sender, entity, id, change_seq, package_sequence, reason) values (?, ?, ?, ?, ?, ?)');
    sqlite.exec('begin immediate');
    try {
      for (const entry of contents.files) {
        for await (const text of contents.lines(entry.name)) {
          let line: ExchangeLine;
          try {
            line = JSON.parse(text) as ExchangeLine;
          } catch {
            throw Object.assign(new Error(`文件 ${entry.name} 中有一行不是 JSON`), { code: 'MALFORMED_PAYLOAD' });
          }
          const problem = recordProblem(line, entry.name, header.changeRange);
          if (problem) {
            rejection.run(header.sender.code, String(line.entity), Number(line.id) || 0, Number(line.changeSeq) || 0, header.sequence, problem);
            lines.push({ entity: String(line.entity), id: Number(line.id) || 0, changeSeq: Number(line.changeSeq) || 0, status: 'rejected', reason: problem });
            continue;
          }
          const stored = current.get(header.sender.code, line.entity, line.id) as { changeSeq: number } | undefined;
          if (!stored || stored.changeSeq < line.changeSeq) {
            upsert.run(header.sender.code, line.entity, line.id, line.changeSeq, line.op, line.record === null ? null : JSON.stringify(line.record), header.sequence);
            if (line.op === 'correction') correction.run(header.sender.code, line.entity, line.id, line.changeSeq, JSON.stringify(line.reasons));
          }
          lines.push({ entity: line.entity, id: line.id, changeSeq: line.changeSeq, status: 'accepted' });
        }
      }
      const accepted = lines.filter((l) => l.status === 'accepted').length;
      const rejected = lines.length - accepted;
      sqlite
        .prepare('insert into senders (code, last_sequence, last_hash) values (?, ?, ?) on conflict (code) do update set last_sequence = excluded.last_sequence, last_hash = excluded.last_hash')
        .run(header.sender.code, header.sequence, verified.packageHash);
      sqlite
        .prepare('insert into packages (sender, sequence, package_hash, received_at, records, accepted, rejected) values (?, ?, ?, ?, ?, ?, ?)')
        .run(header.sender.code, header.sequence, verified.packageHash, now.toISOString(), lines.length, accepted, rejected);
      let receipt: string | undefined;
      if (receiptsDir) {
        const content: ReceiptContent = { sender: header.sender.code, sequence: header.sequence, packageHash: verified.packageHash, accepted, rejected, records: lines };
        await mkdir(receiptsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
        receipt = join(receiptsDir, `${file.replace(/\.jyx$/, '')}.receipt`);
        await writeSignedDocument(receipt, { kind: 'receipt', createdAt: now, content }, keys.province);
      }
      sqlite.exec('commit');
      return { file, sequence, status: 'applied', accepted, rejected, ...(receipt ? { receipt } : {}) };
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('rollback');
      throw error;
    }
  } catch (error) {
    if (isExchangeError(error)) return { file, sequence, status: 'refused', accepted: 0, rejected: 0, code: error.code, message: error.message };
    const code = (error as { code?: string }).code ?? 'RECEIVE_FAILED';
    return { file, sequence, status: 'refused', accepted: 0, rejected: 0, code, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Every package in `dir`, in sequence order (the file names sort by county and sequence). */
export async function packagesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.jyx')).sort().map((name) => join(dir, name));
}
