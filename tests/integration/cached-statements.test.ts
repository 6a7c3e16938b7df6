import { asc, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { persons } from '../../db/schema';
import { cachedQuery, insertReturningCached, selectRowsCached } from '../../db/statements';
import { readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN, register } from './registry-helpers';

/**
 * Searches read their rows through statements kept prepared per connection
 * (db/statements.ts) instead of drizzle's select, which prepares on every call.
 * The rows must be exactly what drizzle returns — booleans as booleans,
 * missing values as null — or lists and profiles would show 0/1 and "null".
 */
describe('rows read through the statement cache', () => {
  it('are the rows drizzle returns, column for column', () => {
    const ready = readyDesk();
    register(ready, { ...ZHANG_SAN, isVeteran: true });
    register(ready, LI_XIUYING);
    const { db } = ready.desk.database();
    const viaDrizzle = db.select().from(persons).orderBy(asc(persons.id)).all();
    const viaCache = selectRowsCached(db, persons, sql`order by ${persons.id}`);
    expect(viaDrizzle).toHaveLength(2);
    expect(viaCache).toEqual(viaDrizzle);
    expect(viaCache.map((p) => p.isVeteran)).toEqual([true, false]);
    ready.desk.close();
  });

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
});

