/**
 * The province's receiving store on PostgreSQL: ~100 counties × up to a
 * million persons each is beyond one SQLite file. One client per receiver;
 * each package in one transaction; records written a batch per statement
 * (an upsert that keeps only newer changes, RETURNING what it kept).
 */
import { fileURLToPath } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { ChainPosition } from '../../shared/exchange/chain';
import type { ReceivedLine } from '../record-checks';
import { movedOn } from '../sqlite-store';
import type { ReceiptContent, ReceivedPackage, ReceiverStore, ReceiverWriter, RejectedLine } from '../store';
import * as schema from './schema';

const { corrections, packages, receipts, records, rejections, senders } = schema;
type Db = NodePgDatabase<typeof schema>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const PG_MIGRATIONS = fileURLToPath(new URL('../migrations-pg', import.meta.url));

/** A connection problem, told without the URL (it may carry a password). */
export class ProvincePgError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}

/** Connects to the province's PostgreSQL database at `url` and brings its schema up to date (province/migrations-pg). */
export async function openPgReceiverStore(url: string): Promise<PgReceiverStore> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new ProvincePgError(`无法连接省级 PostgreSQL 数据库：${(error as Error).message}`);
  }
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder: PG_MIGRATIONS });
  } catch (error) {
    await client.end();
    throw error;
  }
  return new PgReceiverStore(client, db);
}

function hasDuplicateKeys(lines: readonly ReceivedLine[]): boolean {
  const keys = new Set(lines.map((l) => `${l.entity}\u0000${l.id}`));
  return keys.size !== lines.length;
}

class PgWriter implements ReceiverWriter {
  constructor(private readonly tx: Tx) {}

  /** One upsert for the batch; a batch naming a record twice goes a line at a time, so the later line sees the earlier. */
  async applyRecords(sender: string, packageSequence: number, lines: readonly ReceivedLine[]): Promise<void> {
    if (hasDuplicateKeys(lines)) {
      for (const line of lines) await this.upsert(sender, packageSequence, [line]);
      return;
    }
    await this.upsert(sender, packageSequence, lines);
  }

  private async upsert(sender: string, packageSequence: number, lines: readonly ReceivedLine[]): Promise<void> {
    const kept = await this.tx
      .insert(records)
      .values(lines.map((l) => ({ sender, entity: l.entity, id: l.id, changeSeq: l.changeSeq, op: l.op, record: l.record, packageSequence })))
      .onConflictDoUpdate({
        target: [records.sender, records.entity, records.id],
        set: { changeSeq: sql`excluded.change_seq`, op: sql`excluded.op`, record: sql`excluded.record`, packageSequence: sql`excluded.package_sequence` },
        setWhere: sql`excluded.change_seq > ${records.changeSeq}`,
      })
      .returning({ entity: records.entity, id: records.id });
    const keptKeys = new Set(kept.map((k) => `${k.entity}\u0000${k.id}`));
    const corrected = lines.filter((l) => l.op === 'correction' && keptKeys.has(`${l.entity}\u0000${l.id}`));
    if (corrected.length) {
      await this.tx.insert(corrections).values(corrected.map((l) => ({ sender, entity: l.entity, id: l.id, changeSeq: l.changeSeq, reasons: l.reasons ?? [] })));
    }
  }

  async rejectRecords(sender: string, packageSequence: number, lines: readonly RejectedLine[]): Promise<void> {
    await this.tx.insert(rejections).values(lines.map((r) => ({ sender, entity: r.entity, id: r.id, changeSeq: r.changeSeq, packageSequence, reason: r.reason })));
  }

  async keepReceipt(content: ReceiptContent): Promise<void> {
    await this.tx.insert(receipts).values({ sender: content.sender, sequence: content.sequence, content });
  }

  async finishPackage(pkg: ReceivedPackage, previousSequence: number): Promise<void> {
    const moved = await this.tx
      .insert(senders)
      .values({ code: pkg.sender, lastSequence: pkg.sequence, lastHash: pkg.packageHash })
      .onConflictDoUpdate({
        target: senders.code,
        set: { lastSequence: pkg.sequence, lastHash: pkg.packageHash },
        setWhere: eq(senders.lastSequence, previousSequence),
      })
      .returning({ code: senders.code });
    if (moved.length !== 1) throw movedOn(pkg.sender, pkg.sequence);
    await this.tx.insert(packages).values({ ...pkg });
  }
}

export class PgReceiverStore implements ReceiverStore {
  readonly kind = 'postgresql';

  constructor(
    private readonly client: pg.Client,
    readonly db: Db,
  ) {}

  async chainPosition(sender: string): Promise<ChainPosition | null> {
    const [row] = await this.db.select({ lastSequence: senders.lastSequence, lastHash: senders.lastHash }).from(senders).where(eq(senders.code, sender));
    return row ?? null;
  }

  async packageHashAt(sender: string, sequence: number): Promise<string | undefined> {
    const [row] = await this.db
      .select({ hash: packages.packageHash })
      .from(packages)
      .where(and(eq(packages.sender, sender), eq(packages.sequence, sequence)));
    return row?.hash;
  }

  async transaction<T>(work: (writer: ReceiverWriter) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new PgWriter(tx)));
  }

  async personsByIdNumber(idNumber: string): Promise<Array<{ sender: string; id: number; record: Record<string, unknown> }>> {
    const rows = await this.db
      .select({ sender: records.sender, id: records.id, record: records.record })
      .from(records)
      .where(and(eq(records.entity, 'persons'), sql`(${records.record} ->> 'idNumber') = ${idNumber}`))
      .orderBy(asc(records.sender), asc(records.id));
    return rows.map((r) => ({ sender: r.sender, id: r.id, record: r.record ?? {} }));
  }

  async receivedSequences(sender: string): Promise<number[]> {
    const rows = await this.db.select({ sequence: packages.sequence }).from(packages).where(eq(packages.sender, sender)).orderBy(asc(packages.sequence));
    return rows.map((r) => r.sequence);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
