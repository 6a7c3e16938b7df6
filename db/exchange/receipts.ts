import type Database from 'better-sqlite3';
import type { ExchangeRejectedRecord } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { AppError } from '../errors';
import { aggregateOf } from './aggregates';

/** 江苏省: the receiver of every county's packages, and the signer of receipts. */
export const PROVINCE_CODE = '320000';

interface ReceiptRecord {
  entity: string;
  id: number;
  changeSeq: number;
  status: 'accepted' | 'rejected';
  reason?: string;
}

function asReceipt(content: unknown): { sender: string; sequence: number; packageHash: string; records: ReceiptRecord[] } {
  const c = content as Record<string, unknown> | null;
  if (!c || typeof c.sender !== 'string' || !Number.isInteger(c.sequence) || typeof c.packageHash !== 'string' || !Array.isArray(c.records)) {
    throw new AppError('BAD_INPUT', '回执内容不完整（缺少发送方、序号、数据包摘要或记录清单）');
  }
  return c as never;
}

/**
 * Applies the province's answer: each record the receipt names moves to
 * accepted or rejected (with the reason) — unless it has been sent again
 * since, in which case the newer package's receipt will tell.
 */
export function applyReceipt(sqlite: Database.Database, countyCode: string, content: unknown, now: Date): { sequence: number; accepted: number; rejected: number } {
  const receipt = asReceipt(content);
  if (receipt.sender !== countyCode) throw new AppError('BAD_INPUT', `这份回执是发给 ${receipt.sender} 的，不是本县（${countyCode}）`);
  const pkg = sqlite.prepare('select package_hash as hash, status from exchange_packages where sequence = ?').get(receipt.sequence) as
    | { hash: string; status: string }
    | undefined;
  if (!pkg) throw new AppError('BAD_INPUT', `本机没有序号为 ${receipt.sequence} 的数据包，回执对不上`);
  if (pkg.hash !== receipt.packageHash) throw new AppError('BAD_INPUT', `回执中的数据包摘要与本机第 ${receipt.sequence} 号数据包不一致`);
  if (pkg.status === 'receipted') throw new AppError('CONFLICT', `第 ${receipt.sequence} 号数据包的回执已经导入过`);
  const update = sqlite.prepare(
    `update exchange_record_states set state = ?, reason = ?, ever_accepted = (ever_accepted or ?), updated_at = ?
     where entity = ? and entity_id = ? and package_sequence = ? and change_seq = ?`,
  );
  let accepted = 0;
  let rejected = 0;
  const at = now.toISOString();
  for (const r of receipt.records) {
    const ok = r.status === 'accepted';
    update.run(ok ? 'accepted' : 'rejected', ok ? null : (r.reason ?? '省级未说明原因'), ok ? 1 : 0, at, r.entity, r.id, receipt.sequence, r.changeSeq);
    if (ok) accepted += 1;
    else rejected += 1;
  }
  sqlite
    .prepare("update exchange_packages set status = 'receipted', accepted = ?, rejected = ?, receipt_at = ? where sequence = ?")
    .run(accepted, rejected, at, receipt.sequence);
  return { sequence: receipt.sequence, accepted, rejected };
}

/** The front desk's work list: records the province sent back, newest first, with what staff recognise them by. */
export function rejectedRecords(sqlite: Database.Database, limit: number): ExchangeRejectedRecord[] {
  const rows = sqlite
    .prepare(
      `select entity, entity_id as entityId, reason, package_sequence as packageSequence, updated_at as updatedAt
       from exchange_record_states where state = 'rejected' order by updated_at desc, entity, entity_id limit ?`,
    )
    .all(limit) as Array<{ entity: string; entityId: number; reason: string; packageSequence: number; updatedAt: string }>;
  const person = sqlite.prepare('select name, id_number as idNumber from persons where id = ?');
  const enterprise = sqlite.prepare('select name from enterprises where id = ?');
  return rows.map((r) => {
    const title = aggregateOf(r.entity).title;
    let label = `${title} #${r.entityId}`;
    if (r.entity === 'persons') {
      const p = person.get(r.entityId) as { name: string; idNumber: string } | undefined;
      if (p) label = `${p.name}（${maskIdNumber(p.idNumber)}）`;
    } else if (r.entity === 'enterprises') {
      const e = enterprise.get(r.entityId) as { name: string } | undefined;
      if (e) label = e.name;
    }
    return { entity: r.entity, entityTitle: title, entityId: r.entityId, label, reason: r.reason, packageSequence: r.packageSequence, updatedAt: r.updatedAt };
  });
}
