import { describe, expect, it } from 'vitest';
import type { PersonSearchResult, PersonView } from '../../shared/contract';
import { expectError, expectOk, keyedConnection, readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN, register } from './registry-helpers';

describe('reads are snapshots that never wait for a writer', () => {
  it('a search answers at once while another connection holds the write lock (a job committing an import), and sees the last committed state', () => {
    const ready = readyDesk();
    const zhang = register(ready, ZHANG_SAN);
    const job = keyedConnection(ready.dbPath, ready.keyFile);
    job.exec('begin immediate');
    job.prepare("update persons set name = '张三丰' where id = ?").run(zhang.id);
    try {
      const started = performance.now();
      const found = expectOk<PersonSearchResult>(ready.call('persons.search', { query: '张三' }));
      expect(performance.now() - started).toBeLessThan(100);
      expect(found.items.map((p) => p.name)).toEqual(['张三']);
    } finally {
      job.exec('commit');
    }
    expect(expectOk<PersonSearchResult>(ready.call('persons.search', { query: '张三' })).items.map((p) => p.name)).toEqual(['张三丰']);
  });

  it('a read that must audit (a profile viewed) gives no value when its audit entry cannot be written', () => {
    const ready = readyDesk();
    const li = register(ready, LI_XIUYING);
    const job = keyedConnection(ready.dbPath, ready.keyFile);
    job.pragma('busy_timeout = 0');
    ready.desk.database().sqlite.pragma('busy_timeout = 50');
    job.exec('begin immediate');
    try {
      const refused = expectError(ready.call('persons.get', { id: li.id }), 'INTERNAL');
      expect(refused.message).toContain('数据未改动');
    } finally {
      job.exec('rollback');
    }
    expect(expectOk<PersonView>(ready.call('persons.get', { id: li.id })).name).toBe(LI_XIUYING.name);
  });
});
