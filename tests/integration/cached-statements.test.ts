import { asc, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { persons } from '../../db/schema';
import { cachedQuery, insertManyReturningCached, insertReturningCached, insertRows, MAX_BOUND_VALUES, statementSizes } from '../../db/statements';
import { readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN, register } from './registry-helpers';

/**
 * Searches read their rows through statements kept prepared per connection
 * (db/statements.ts) instead of drizzle's select, which prepares on every call.
 * The rows must be exactly what drizzle returns — booleans as booleans,
 * missing values as null — or lists and profiles would show 0/1 and "null".
 */
describe('rows read through the statement cache', () => {
  it('prepares a statement once for every search of the same shape', () => {
    const ready = readyDesk();
    register(ready, ZHANG_SAN);
    register(ready, LI_XIUYING);
    const { db } = ready.desk.database();
    const byName = (name: string) => cachedQuery(db, sql`select id from ${persons} where ${persons.name} = ${name}`);
    const first = byName(ZHANG_SAN.name);
    const second = byName(LI_XIUYING.name);
    expect(second.statement).toBe(first.statement);
    expect(first.statement.all(...first.params)).toHaveLength(1);
    expect(second.params).toEqual([LI_XIUYING.name]);
    ready.desk.close();
  });

  it('inserts a row and returns it whole as drizzle would, defaults and booleans included', () => {
    const ready = readyDesk();
    const { db } = ready.desk.database();
    const at = '2026-11-27T02:00:00.000Z';
    const row = insertReturningCached(db, persons, { idNumber: ZHANG_SAN.idNumber, name: ZHANG_SAN.name, sex: 'male', birthDate: '1990-05-12', phone: null, isVeteran: true, createdAt: at, updatedAt: at });
    expect(row).toEqual(db.select().from(persons).all()[0]);
    expect(row).toMatchObject({ name: '张三', phone: null, isVeteran: true, version: 1, employmentStatus: persons.employmentStatus.default });
    expect(() => insertReturningCached(db, persons, { nickname: 'x' } as never)).toThrow(/nickname is not a column/);
    ready.desk.close();
  });

  it('applies the defaults a schema computes in JavaScript, as drizzle does', () => {
    const ready = readyDesk();
    const { db, sqlite } = ready.desk.database();
    sqlite.exec('create table scratch_notes (id integer primary key, made_by text not null, urgent integer)');
    const notes = sqliteTable('scratch_notes', {
      id: integer('id').primaryKey(),
      madeBy: text('made_by').notNull().$defaultFn(() => '系统'),
      urgent: integer('urgent', { mode: 'boolean' }),
    });
    expect(insertReturningCached(db, notes, { urgent: true })).toEqual({ id: 1, madeBy: '系统', urgent: true });
    expect(insertReturningCached(db, notes, { madeBy: '王芳' })).toEqual({ id: 2, madeBy: '王芳', urgent: null });
    ready.desk.close();
  });

  it('inserts many rows in multi-row statements of a few kept sizes, returned in the order given', () => {
    const ready = readyDesk();
    const { db } = ready.desk.database();
    const at = '2026-11-27T02:00:00.000Z';
    // 300 rows: one statement of 256, then 32, 8 and 4.
    expect(statementSizes(300, 256)).toEqual([256, 32, 8, 4]);
    expect(statementSizes(0, 256)).toEqual([]);
    const list = Array.from({ length: 300 }, (_, i) => ({ idNumber: `32050619900101${String(i).padStart(4, '0')}`, name: `测试${i}`, sex: 'male' as const, birthDate: '1990-01-01', isVeteran: i % 2 === 0, createdAt: at, updatedAt: at }));
    const rows = insertManyReturningCached(db, persons, list);
    expect(rows.map((r) => r.idNumber)).toEqual(list.map((p) => p.idNumber));
    expect(rows).toEqual(db.select().from(persons).orderBy(asc(persons.id)).all());
    expect(rows[1]).toMatchObject({ isVeteran: false, version: 1, phone: null });
    ready.desk.close();
  });

  it('keeps every statement within this SQLite build’s limit on bound values', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    sqlite.exec('create table scratch_pairs (a integer, b integer)');
    const values = (n: number) => `insert into scratch_pairs (a) values ${new Array(n).fill('(?)').join(', ')}`;
    expect(() => sqlite.prepare(values(MAX_BOUND_VALUES))).not.toThrow();
    expect(() => sqlite.prepare(values(MAX_BOUND_VALUES + 1))).toThrow(/too many SQL variables/);
    // Rows so wide that few fit in one statement are split further.
    const wide = `insert into scratch_pairs (a, b) values`;
    insertRows(sqlite, wide, 2, Array.from({ length: 1000 }, (_, i) => [i, i * 2]));
    expect(sqlite.prepare('select count(*) as n, sum(b) as b from scratch_pairs').get()).toEqual({ n: 1000, b: 999 * 1000 });
    ready.desk.close();
  });
});
