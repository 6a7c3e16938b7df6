import type Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import type { PgReceiverStore } from '../../province/pg/store';
import { corrections, packages, receipts, records, rejections, senders } from '../../province/pg/schema';

type Row = Record<string, unknown>;

/** Every table of a province store, rows in key order, values as the province reads them (JSON parsed, times ISO). */
export interface ProvinceRows {
  senders: Row[];
  packages: Row[];
  records: Row[];
  corrections: Row[];
  rejections: Row[];
  receipts: Row[];
}

export function sqliteRows(sqlite: Database.Database): ProvinceRows {
  const all = (sql: string) => sqlite.prepare(sql).all() as Row[];
  return {
    senders: all('select code, last_sequence as lastSequence, last_hash as lastHash from senders order by code'),
    packages: all(
      'select sender, sequence, package_hash as packageHash, received_at as receivedAt, records, accepted, rejected from packages order by sender, sequence',
    ),
    records: all('select sender, entity, id, change_seq as changeSeq, op, record, package_sequence as packageSequence from records order by sender, entity, id').map(
      (r) => ({ ...r, record: r.record === null ? null : JSON.parse(r.record as string) }),
    ),
    corrections: all('select sender, entity, id, change_seq as changeSeq, reasons from corrections order by rowid').map((r) => ({ ...r, reasons: JSON.parse(r.reasons as string) })),
    rejections: all('select sender, entity, id, change_seq as changeSeq, package_sequence as packageSequence, reason from rejections order by rowid'),
    receipts: all('select sender, sequence, content, fed_in as fedIn from receipts order by sender, sequence').map((r) => ({ ...r, content: JSON.parse(r.content as string) })),
  };
}

export async function pgRows(store: PgReceiverStore): Promise<ProvinceRows> {
  const { db } = store;
  return {
    senders: await db.select().from(senders).orderBy(asc(senders.code)),
    packages: (await db.select().from(packages).orderBy(asc(packages.sender), asc(packages.sequence))).map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() })),
    records: await db.select().from(records).orderBy(asc(records.sender), asc(records.entity), asc(records.id)),
    corrections: await db
      .select({ sender: corrections.sender, entity: corrections.entity, id: corrections.id, changeSeq: corrections.changeSeq, reasons: corrections.reasons })
      .from(corrections)
      .orderBy(asc(corrections.serial)),
    rejections: await db
      .select({
        sender: rejections.sender,
        entity: rejections.entity,
        id: rejections.id,
        changeSeq: rejections.changeSeq,
        packageSequence: rejections.packageSequence,
        reason: rejections.reason,
      })
      .from(rejections)
      .orderBy(asc(rejections.serial)),
    receipts: await db.select().from(receipts).orderBy(asc(receipts.sender), asc(receipts.sequence)),
  };
}
