import { createHash, createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../shared/domain/canonical-json';
import { cachedStatement, insertRows } from './statements';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string | number;
  /** Row before/after the act; only a keyed digest is stored, never the values. */
  before?: unknown;
  after?: unknown;
  /** Non-personal facts (changed field names, reason); stored as JSON. */
  detail?: Record<string, unknown>;
  /** Who acted, when it is not the caller's session (a login names the account that logged in). */
  actor?: AuditActor;
}

export interface AuditActor {
  userId: number | null;
  name: string | null;
  /** The workstation (办公室模式) the call came from; absent on the host itself. */
  workstationId?: number | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_SECRET_KEY = 'audit_digest_secret';

/**
 * The key of the digests, created on first use. Digests are keyed, so a digest
 * of an ID number cannot be reversed by trying every ID.
 */
function digestKey(sqlite: Database.Database): Buffer {
  let row = cachedStatement(sqlite, 'select value from settings where key = ?').get(AUDIT_SECRET_KEY) as
    | { value: string }
    | undefined;
  if (!row) {
    row = { value: randomBytes(32).toString('hex') };
    sqlite.prepare('insert into settings (key, value) values (?, ?)').run(AUDIT_SECRET_KEY, row.value);
  }
  return Buffer.from(row.value, 'hex');
}

function digest(key: Buffer, value: unknown): string | null {
  if (value === undefined) return null;
  return createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}

export interface AuditRow {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: string | null;
  /** Covered by the hash when set; entries written before office mode (null) hash as they always did. */
  workstationId?: number | null;
  prevHash: string;
}

/** The hash of an entry covers every field and the previous entry's hash. */
export function auditEntryHash(row: AuditRow): string {
  const { workstationId, ...rest } = row;
  return createHash('sha256').update(canonicalJson(workstationId == null ? rest : row)).digest('hex');
}

/** Appends one entry; call inside the transaction of the act it records. */
export function appendAudit(sqlite: Database.Database, actor: AuditActor, at: Date, input: AuditInput): void {
  appendAuditEntries(sqlite, actor, at, [input]);
}

/** The columns of an entry, in the order the multi-row inserts bind them; `workstation_id` only for entries from a workstation. */
const HOST_COLUMNS = 'id, at, actor_user_id, actor_name, action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash';
const WORKSTATION_COLUMNS = 'id, at, actor_user_id, actor_name, action, entity_type, entity_id, before_digest, after_digest, detail, workstation_id, prev_hash, hash';

/**
 * Appends entries in order, each chained to the one before; call inside the
 * transaction of the acts they record. The chain's end and the digest key are
 * read once for the lot, and the entries are written in multi-row statements
 * (insertRows): a roster import appends one entry per person.
 */
export function appendAuditEntries(sqlite: Database.Database, actor: AuditActor, at: Date, inputs: readonly AuditInput[]): void {
  if (inputs.length === 0) return;
  const last = cachedStatement(sqlite, 'select id, hash from audit_log order by id desc limit 1').get() as
    | { id: number; hash: string }
    | undefined;
  const key = digestKey(sqlite);
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const atIso = at.toISOString();
  // Consecutive entries of one kind (made on the host itself, or from a workstation) are written together.
  let run: unknown[][] = [];
  let runFromWorkstation = false;
  const writeRun = () => {
    if (run.length > 0) insertRows(sqlite, `insert into audit_log (${runFromWorkstation ? WORKSTATION_COLUMNS : HOST_COLUMNS}) values`, run[0]!.length, run);
    run = [];
  };
  for (const input of inputs) {
    id += 1;
    const row: AuditRow = {
      id,
      at: atIso,
      actorUserId: (input.actor ?? actor).userId,
      actorName: (input.actor ?? actor).name,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId === undefined ? null : String(input.entityId),
      beforeDigest: digest(key, input.before),
      afterDigest: digest(key, input.after),
      detail: input.detail ? canonicalJson(input.detail) : null,
      workstationId: (input.actor ?? actor).workstationId ?? actor.workstationId ?? null,
      prevHash,
    };
    const hash = auditEntryHash(row);
    // An entry made on the host itself is written, and hashed, exactly as before workstations existed.
    const fromWorkstation = row.workstationId != null;
    if (fromWorkstation !== runFromWorkstation) writeRun();
    runFromWorkstation = fromWorkstation;
    const head = [row.id, row.at, row.actorUserId, row.actorName, row.action, row.entityType, row.entityId, row.beforeDigest, row.afterDigest, row.detail];
    run.push(fromWorkstation ? [...head, row.workstationId, prevHash, hash] : [...head, prevHash, hash]);
    prevHash = hash;
  }
  writeRun();
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenId: number; reason: string };

/**
 * Walks the whole chain: each entry's prev_hash must be the previous entry's
 * hash, its ids consecutive, and its own hash must match its content.
 * Reports the first broken link.
 */
export function verifyAuditChain(sqlite: Database.Database): ChainVerdict {
  const rows = sqlite
    .prepare(
      `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity_type as entityType,
        entity_id as entityId, before_digest as beforeDigest, after_digest as afterDigest, detail, workstation_id as workstationId, prev_hash as prevHash, hash
       from audit_log order by id`,
    )
    .iterate() as IterableIterator<AuditRow & { hash: string }>;
  let previousHash = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  for (const { hash, ...row } of rows) {
    count += 1;
    if (row.id !== expectedId) return { ok: false, entries: count, brokenId: row.id, reason: `编号不连续（应为 ${expectedId}），之前的记录可能被删除` };
    if (row.prevHash !== previousHash) return { ok: false, entries: count, brokenId: row.id, reason: '与上一条记录的链接不符' };
    if (auditEntryHash(row) !== hash) return { ok: false, entries: count, brokenId: row.id, reason: '记录内容与其哈希不符，可能被篡改' };
    previousHash = hash;
    expectedId += 1;
  }
  return { ok: true, entries: count };
}
