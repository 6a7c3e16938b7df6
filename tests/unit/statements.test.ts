import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatement } from '../../db/statements';

describe('prepared statements kept per connection', () => {
  const open: Database.Database[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));
  const connect = () => {
    const db = new Database(':memory:');
    open.push(db);
    db.exec('create table t (v integer)');
    return db;
  };

  it('prepares a statement once per connection and SQL text, and never shares one across connections', () => {
    const a = connect();
    const b = connect();
    const insertA = cachedStatement(a, 'insert into t (v) values (?)');
    expect(cachedStatement(a, 'insert into t (v) values (?)')).toBe(insertA);
    expect(cachedStatement(b, 'insert into t (v) values (?)')).not.toBe(insertA);
    insertA.run(1);
    cachedStatement(b, 'insert into t (v) values (?)').run(2);
    expect(a.prepare('select v from t').pluck().all()).toEqual([1]);
    expect(b.prepare('select v from t').pluck().all()).toEqual([2]);
  });
});
