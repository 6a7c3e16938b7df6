import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import { expect } from 'vitest';
import { EXCHANGE_AGGREGATES } from '../../db/exchange/aggregates';
import { RecordReader } from '../../db/exchange/records';
import { packagesIn } from '../../province/node-io';
import { receivePackage } from '../../province/receive';
import { SqliteReceiverStore } from '../../province/sqlite-store';
import { generateSm2KeyPair, keyIdOf } from '../../db/exchange/package-file';
import { publicKeyDocument } from '../../db/exchange/key-files';
import type { ExchangeExportResult, JobView } from '../../shared/contract';
import { expectOk, type ReadyDesk } from './helpers';
import { idNumber } from './registry-helpers';

export interface ProvinceSide {
  dir: string;
  store: SqliteReceiverStore;
  sqlite: Database.Database;
  key: { code: string; keyId: string; publicKey: string; privateKey: string };
  receipts: string;
}

/** The province's key pair and database, and the county desk set up to send to it. */
export function connect(ready: ReadyDesk): { province: ProvinceSide; outbox: string } {
  const dir = mkdtempSync(join(tmpdir(), 'province-'));
  const pair = generateSm2KeyPair();
  const key = { code: '320000', keyId: keyIdOf(pair.publicKey), ...pair };
  expectOk(ready.call('exchange.generateCountyKey', { reason: '首次对接省级系统' }));
  const content = publicKeyDocument({ code: key.code, name: '江苏省', keyId: key.keyId, publicKey: key.publicKey, createdAt: '2026-11-27T00:00:00.000Z' });
  expectOk(ready.call('exchange.importProvinceKey', { fileName: 'province.pub', content }));
  const outbox = join(dir, 'outbox');
  expectOk(ready.call('exchange.saveSettings', { outboxDir: outbox, schedule: { kind: 'off' } }));
  const store = SqliteReceiverStore.open(join(dir, 'province.db'), randomBytes(32));
  return { province: { dir, store, sqlite: store.sqlite, key, receipts: join(dir, 'receipts') }, outbox };
}

export function countyPublicKey(ready: ReadyDesk): { code: string; keyId: string; publicKey: string } {
  const file = expectOk<{ content: string }>(ready.call('exchange.exportPublicKey', {}));
  const parsed = JSON.parse(file.content) as { code: string; keyId: string; publicKey: string };
  return { code: parsed.code, keyId: parsed.keyId, publicKey: parsed.publicKey };
}

export async function exportNow(ready: ReadyDesk): Promise<ExchangeExportResult> {
  const job = expectOk<JobView>(ready.call('exchange.exportStart', {}));
  const done = await ready.desk.jobs.settled(job.id);
  expect(done.error).toBeNull();
  return done.result as ExchangeExportResult;
}

/** Receives every package of the outbox not yet received, as `receive --in` does. */
export async function receiveAll(ready: ReadyDesk, province: ProvinceSide, outbox: string) {
  const sender = countyPublicKey(ready);
  const done = new Set((province.sqlite.prepare('select sequence from packages').all() as Array<{ sequence: number }>).map((r) => r.sequence));
  const outcomes = [];
  for (const file of await packagesIn(outbox)) {
    const sequence = Number(file.match(/-(\d{8})\.jyx$/)![1]);
    if (done.has(sequence)) continue;
    outcomes.push(await receivePackage(province.store, file, { province: province.key, senders: [sender] }, province.receipts, new Date('2026-11-28T01:00:00Z')));
  }
  return outcomes;
}

/** Every county record, as the exporter reads it, against the province's copy, field by field. */
export function expectProvinceEqualsCounty(ready: ReadyDesk, province: ProvinceSide): number {
  const { sqlite } = ready.desk.database();
  const reader = new RecordReader(sqlite);
  let compared = 0;
  for (const aggregate of EXCHANGE_AGGREGATES) {
    const ids = (sqlite.prepare(`select id from "${aggregate.entity}" order by id`).all() as Array<{ id: number }>).map((r) => r.id);
    const received = province.sqlite.prepare("select id, record from records where sender = '320506' and entity = ? order by id").all(aggregate.entity) as Array<{
      id: number;
      record: string;
    }>;
    expect(received.map((r) => r.id), aggregate.entity).toEqual(ids);
    for (const row of received) {
      expect(JSON.parse(row.record), `${aggregate.entity} ${row.id}`).toEqual(reader.read(aggregate, row.id));
      compared += 1;
    }
  }
  return compared;
}

/**
 * Rows for every exported table, written straight into the county database
 * (the capture triggers see them like any write): text columns get distinct
 * values, foreign keys point at existing rows, persons get valid ID numbers.
 */
export function fillCounty(sqlite: Database.Database, perRoot: number, seed = 1): void {
  // Every exported table, each root before its embedded children: a table added to the exchange is filled too.
  const exported = EXCHANGE_AGGREGATES.flatMap((a) => [getTableName(a.root), ...a.children.map((c) => getTableName(c.table))]);
  // A table the exchange does not carry but an exported row must point at (a payment line's batch) is filled first, when empty.
  const tables: string[] = [];
  for (const table of exported) {
    for (const fk of sqlite.pragma(`foreign_key_list("${table}")`) as Array<{ table: string }>) {
      if (exported.includes(fk.table) || tables.includes(fk.table)) continue;
      if (!sqlite.prepare(`select 1 from "${fk.table}" limit 1`).get()) tables.push(fk.table);
    }
    tables.push(table);
  }
  let n = seed * 100_000;
  sqlite.transaction(() => {
    for (const table of tables) {
      const columns = sqlite.pragma(`table_info("${table}")`) as Array<{ name: string; type: string; notnull: number; pk: number; dflt_value: unknown }>;
      const fks = sqlite.pragma(`foreign_key_list("${table}")`) as Array<{ from: string; table: string; to: string }>;
      for (let i = 0; i < perRoot; i += 1) {
        n += 1;
        const values: Record<string, unknown> = {};
        for (const c of columns) {
          if (c.pk && c.name === 'id') continue;
          const fk = fks.find((f) => f.from === c.name);
          if (fk) {
            const target = sqlite.prepare(`select "${fk.to}" as v from "${fk.table}" order by random() limit 1`).get() as { v: unknown } | undefined;
            values[c.name] = target?.v ?? null;
            continue;
          }
          if (!c.notnull && i % 3 === 0) continue;
          values[c.name] = /INT/i.test(c.type) ? (n % 97) + 1 : `${c.name}-${n}`;
        }
        if (table === 'persons') {
          const birth = `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`;
          const id = idNumber('320506', birth, String(n % 1000).padStart(3, '0'));
          values.id_number = id;
          values.birth_date = birth;
          values.sex = Number(id[16]) % 2 ? 'male' : 'female';
          values.name = `测试${n}`;
          values.merged_into_id = null;
          values.employment_status = 'unemployed_registered';
          values.is_veteran = 0;
        }
        // A case has exactly one applicant: a person, or every third one an enterprise.
        if (table === 'cases') {
          if (i % 3 === 2 && values.enterprise_id != null) values.person_id = null;
          else values.enterprise_id = null;
        }
        // A payment line pays at most its entitlement (a trigger refuses more): 1 fen fits any.
        if (table === 'payment_lines') values.amount_fen = 1;
        // A training class ends on or after its first day (a CHECK refuses otherwise).
        if (table === 'training_classes') Object.assign(values, { start_date: '2026-03-01', end_date: '2026-03-31' });
        // A short job ends after it starts, and its ratings are 1–5 (CHECKs refuse otherwise).
        if (table === 'gig_demands') Object.assign(values, { start_time: '08:00', end_time: '12:00' });
        if (table === 'gig_dispatches') Object.assign(values, { worker_rating: 1 + (n % 5), demand_rating: 1 + (n % 5) });
        if (table === 'persons' && sqlite.prepare('select 1 from persons where id_number = ?').get(values.id_number)) continue;
        const names = Object.keys(values);
        try {
          sqlite.prepare(`insert into "${table}" (${names.map((x) => `"${x}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...names.map((k) => values[k] as never));
        } catch (error) {
          // A composite primary key drawn twice: skip the duplicate.
          if (!/UNIQUE/.test(String(error))) throw error;
        }
      }
    }
  })();
}
