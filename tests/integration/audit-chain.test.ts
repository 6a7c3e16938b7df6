import { describe, expect, it } from 'vitest';
import { appendAuditEntries, auditEntryHash, type AuditRow } from '../../db/audit';
import type { AuditChainStatus, PersonView } from '../../shared/contract';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { cli } from './cli-workspace';
import { expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B } from './persons-data';

/** A working day's worth of entries; returns the id of a reveal in the middle of the chain. */
function busyDay(ready: ReadyDesk): number {
  const a = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
  const b = expectOk<PersonView>(ready.call('persons.register', PERSON_B));
  expectOk(ready.call('persons.reveal', { id: a.id, field: 'idNumber' }));
  const revealId = lastAuditId(ready);
  for (let i = 0; i < 20; i += 1) {
    expectOk(ready.call('persons.get', { id: i % 2 ? a.id : b.id }));
    expectOk(ready.call('audit.recordPrint', { document: '求职登记表', entityType: 'person', entityId: String(b.id) }));
  }
  expectOk(ready.call('persons.update', { id: b.id, version: 1, changes: { address: '越溪街道' }, reason: '补充地址' }));
  return revealId;
}

function verify(ready: ReadyDesk): AuditChainStatus {
  return expectOk<AuditChainStatus>(ready.call('audit.verify', {}));
}

const verifyCli = (ready: ReadyDesk) => cli(['audit', 'verify', '--db', ready.dbPath, '--key-file', ready.keyFile]);

interface RawRow extends AuditRow {
  hash: string;
}

function rawRow(sqlite: ReturnType<typeof keyedConnection>, id: number): RawRow {
  return sqlite
    .prepare(
      `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity_type as entityType,
        entity_id as entityId, before_digest as beforeDigest, after_digest as afterDigest, detail, prev_hash as prevHash, hash
       from audit_log where id = ?`,
    )
    .get(id) as RawRow;
}

describe('the audit chain', () => {
  it('verifies as whole after many writes, on screen and on the command line', () => {
    const ready = readyDesk();
    busyDay(ready);
    const entries = storedAudit(ready).length;
    expect(entries).toBeGreaterThan(40);
    expect(verify(ready)).toEqual({ ok: true, entries });
    const run = verifyCli(ready);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain(`共 ${entries} 条`);
    // Verifying is a read: it adds no entry of its own.
    expect(storedAudit(ready)).toHaveLength(entries);
  });

  it('chains entries appended in one batch (as a roster import writes them) one after another', () => {
    const ready = readyDesk();
    busyDay(ready);
    const before = lastAuditId(ready);
    const sqlite = ready.desk.database().sqlite;
    sqlite.transaction(() =>
      appendAuditEntries(sqlite, { userId: null, name: '批量' }, new Date('2026-11-27T02:00:00Z'), [
        { action: 'persons.register', entityType: 'person', entityId: 101, after: { name: '甲' } },
        { action: 'persons.register', entityType: 'person', entityId: 102, after: { name: '乙' } },
        { action: 'persons.register', entityType: 'person', entityId: 103, after: { name: '甲' }, detail: { source: 'import' } },
      ]),
    )();
    const rows = [1, 2, 3].map((n) => rawRow(sqlite, before + n));
    expect(rows.map((r) => r.entityId)).toEqual(['101', '102', '103']);
    expect(rows[0]!.prevHash).toBe(rawRow(sqlite, before).hash);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    // The same content gives the same keyed digest; different content another.
    expect(rows[2]!.afterDigest).toBe(rows[0]!.afterDigest);
    expect(rows[1]!.afterDigest).not.toBe(rows[0]!.afterDigest);
    expect(verify(ready)).toEqual({ ok: true, entries: before + 3 });
  });

  it('refuses UPDATE and DELETE on audit_log, even on a connection opened with the key', () => {
    const ready = readyDesk();
    const revealId = busyDay(ready);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    expect(() => raw.prepare(`update audit_log set detail = '{"field":"phone"}' where id = ?`).run(revealId)).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log where id = ?').run(revealId)).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log').run()).toThrow(/append-only/);
    raw.close();
    expect(storedAudit(ready).find((e) => e.id === revealId)?.detail).toEqual({ field: 'idNumber' });
    expect(verify(ready).ok).toBe(true);
  });

  it('names the entry whose content was changed behind the triggers', () => {
    const ready = readyDesk();
    const revealId = busyDay(ready);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    // Someone hides that the ID number, not the phone, was revealed.
    raw.prepare(`update audit_log set detail = '{"field":"phone"}' where id = ?`).run(revealId);
    raw.close();

    const verdict = verify(ready);
    expect(verdict).toMatchObject({ ok: false, brokenId: revealId });
    expect(verdict.reason).toContain('篡改');
    const run = verifyCli(ready);
    expect(run.code).not.toBe(0);
    expect(run.out).toContain(`第 ${revealId} 条`);
  });

  it('notices a changed entry even when its own hash was recomputed, at the next link', () => {
    const ready = readyDesk();
    const revealId = busyDay(ready);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    const { hash: _old, ...row } = rawRow(raw, revealId);
    const forged = { ...row, actorName: '刘洋' };
    raw.prepare('update audit_log set actor_name = ?, hash = ? where id = ?').run(forged.actorName, auditEntryHash(forged), revealId);
    raw.close();
    expect(verify(ready)).toMatchObject({ ok: false, brokenId: revealId + 1 });
  });

  it('names the place where an entry in the middle was deleted', () => {
    const ready = readyDesk();
    const revealId = busyDay(ready);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('delete from audit_log where id = ?').run(revealId);
    raw.close();

    const verdict = verify(ready);
    expect(verdict).toMatchObject({ ok: false, brokenId: revealId + 1 });
    expect(verdict.reason).toContain('删除');
    const run = verifyCli(ready);
    expect(run.code).not.toBe(0);
    expect(run.out).toContain(`第 ${revealId + 1} 条`);
  });
});

describe('reordering the audit trail', () => {
  it('is detected when two entries swap places, even with their ids kept in sequence', () => {
    const ready = readyDesk();
    const revealId = busyDay(ready);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    raw.exec('drop trigger audit_log_no_update');
    // Swap the content of two neighbouring entries (keeping ids), as a tamperer reordering history would.
    const a = rawRow(raw, revealId);
    const b = rawRow(raw, revealId + 1);
    const put = raw.prepare(
      `update audit_log set at = @at, actor_user_id = @actorUserId, actor_name = @actorName, action = @action, entity_type = @entityType,
         entity_id = @entityId, before_digest = @beforeDigest, after_digest = @afterDigest, detail = @detail, prev_hash = @prevHash, hash = @hash where id = @id`,
    );
    raw.transaction(() => {
      put.run({ ...b, id: a.id });
      put.run({ ...a, id: b.id });
    })();
    raw.close();
    expect(verify(ready)).toMatchObject({ ok: false, brokenId: revealId });
    const run = verifyCli(ready);
    expect(run.code).not.toBe(0);
    expect(run.out).toContain(`第 ${revealId} 条`);
  });
});
