import { describe, expect, it } from 'vitest';
import { capturedTables, EXCHANGE_AGGREGATES, INTERNAL_TABLES } from '../../db/exchange/aggregates';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_SAN, register } from './registry-helpers';

function changes(ready: ReadyDesk): Array<{ seq: number; entity: string; entity_id: number }> {
  return ready.desk.database().sqlite.prepare('select seq, entity, entity_id from exchange_changes order by seq').all() as never;
}

describe('change capture for the provincial exchange', () => {
  it('classifies every table: exported (with capture triggers) or internal with a reason', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    const tables = (
      sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
        .all() as Array<{ name: string }>
    )
      .map((t) => t.name)
      // The ID-number trigram index is an FTS5 table with its shadow tables, kept by triggers on persons.
      .filter((name) => !name.startsWith('person_id_fts'));
    const captured = new Set(capturedTables().map((t) => t.table));
    const unclassified = tables.filter((name) => !captured.has(name) && !(name in INTERNAL_TABLES));
    expect(unclassified, 'tables neither exported nor declared internal in db/exchange/aggregates.ts').toEqual([]);
    for (const name of Object.keys(INTERNAL_TABLES)) expect(tables, `${name} is declared internal but does not exist`).toContain(name);
    for (const name of captured) expect(INTERNAL_TABLES, `${name} is both exported and internal`).not.toHaveProperty(name);

    const triggers = sqlite.prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger' and name like 'exchange_capture_%'").all() as Array<{
      name: string;
      tbl_name: string;
      sql: string;
    }>;
    for (const { table, entity, idColumn } of capturedTables()) {
      for (const op of ['insert', 'update', 'delete']) {
        const trigger = triggers.find((t) => t.name === `exchange_capture_${table}_${op}`);
        expect(trigger, `${table} lacks its ${op} capture trigger`).toBeDefined();
        expect(trigger!.tbl_name).toBe(table);
        expect(trigger!.sql).toContain(`VALUES ('${entity}', ${op === 'delete' ? 'OLD' : 'NEW'}.\`${idColumn}\`)`);
      }
    }
    expect(EXCHANGE_AGGREGATES.map((a) => a.entity)).toEqual(['persons', 'cases', 'person_contacts', 'enterprises', 'enterprise_visits', 'vacancies', 'fairs', 'fair_attendances', 'payment_lines', 'training_providers', 'training_programmes', 'training_classes', 'training_enrolments', 'welfare_posts', 'gig_workers', 'gig_demands', 'stations', 'business_starts', 'startup_loans', 'guidance_events']);
  });

  it('numbers each change of a person, and of its qualifications, in the transaction of the change', () => {
    const ready = readyDesk();
    const person = register(ready, ZHANG_SAN);
    expect(changes(ready).map((c) => [c.entity, c.entity_id])).toEqual([['persons', person.id]]);
    expectOk(ready.call('persons.update', { id: person.id, version: person.version, changes: { address: '长桥街道1号' }, reason: '补充地址' }));
    const after = changes(ready);
    expect(after).toHaveLength(2);
    expect(after[1]!.seq).toBeGreaterThan(after[0]!.seq);
    // A refused write leaves no change behind.
    ready.call('persons.update', { id: person.id, version: 1, changes: { address: '重复' }, reason: '过期版本' });
    expect(changes(ready)).toHaveLength(2);
  });
});
