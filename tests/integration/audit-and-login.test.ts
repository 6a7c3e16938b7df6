import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditEntryHash, type AuditRow } from '../../db/audit';
import type { PersonView } from '../../shared/contract';
import { ADMIN, PASSWORD, expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B } from './persons-data';

interface StoredAuditRow extends AuditRow {
  hash: string;
}

function auditRows(ready: ReadyDesk): StoredAuditRow[] {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity_type as entityType,
        entity_id as entityId, before_digest as beforeDigest, after_digest as afterDigest, detail,
        prev_hash as prevHash, hash from audit_log order by id`,
    )
    .all() as StoredAuditRow[];
}

function userRow(ready: ReadyDesk): { failed_logins: number; locked_until: string | null } {
  return ready.desk.database().sqlite.prepare('select failed_logins, locked_until from users where username = ?').get(ADMIN) as {
    failed_logins: number;
    locked_until: string | null;
  };
}

describe('the audit trail', () => {
  it('appends one chained entry for every successful write, and none for a refused one', () => {
    const ready = readyDesk();
    const appended = (work: () => void) => {
      const before = auditRows(ready).length;
      work();
      return auditRows(ready).slice(before);
    };
    let person: PersonView | undefined;
    const registered = appended(() => {
      person = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
    });
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      action: 'persons.register',
      entityType: 'person',
      entityId: String(person!.id),
      actorName: '王芳',
      at: '2026-11-27T02:00:00.000Z',
    });
    const updated = appended(() => {
      expectOk(ready.call('persons.update', { id: person!.id, version: 1, changes: { address: '越溪街道' }, reason: '补充地址' }));
    });
    expect(updated.map((r) => r.action)).toEqual(['persons.update']);
    expect(updated[0]!.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(updated[0]!.afterDigest).not.toBe(updated[0]!.beforeDigest);
    expect(JSON.parse(updated[0]!.detail!)).toEqual({ changedFields: ['address'], reason: '补充地址' });
    expect(appended(() => void expectError(ready.call('persons.register', PERSON_A), 'DUPLICATE'))).toEqual([]);
    expect(
      appended(() => void expectError(ready.call('persons.update', { id: person!.id, version: 1, changes: { address: 'x' }, reason: '旧版本' }), 'CONFLICT')),
    ).toEqual([]);

    const rows = auditRows(ready);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const { hash, ...row } of rows) expect(hash).toBe(auditEntryHash(row));
  });

  it('records the first run once, with the county and the roles granted', () => {
    const ready = readyDesk({ login: false });
    const rows = auditRows(ready).filter((r) => r.action === 'setup.initialize');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ countyCode: '320506', roles: ['admin', 'front_desk'] });
  });

  it('refuses to change or remove an entry, even by direct SQL', () => {
    const ready = readyDesk();
    const { sqlite } = ready.desk.database();
    const count = () => (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const before = count();
    expect(() => sqlite.prepare("update audit_log set actor_name = '某人' where id = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_log where id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(count()).toBe(before);
    expect(auditRows(ready)[0]!.actorName).toBeNull();
  });

  it('never holds an ID number or a phone number in clear', () => {
    const ready = readyDesk();
    const a = expectOk<PersonView>(ready.call('persons.register', PERSON_A));
    expectOk(ready.call('persons.register', PERSON_B));
    expectOk(ready.call('persons.update', { id: a.id, version: 1, changes: { phone: '13700002222' }, reason: '本人要求更换号码' }));
    const text = JSON.stringify(auditRows(ready));
    for (const secret of ['32050619920115004X', '321281198512310047', '13912345678', '13800001111', '13700002222', '0115004X']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('login lockout', () => {
  it('locks the account after five wrong passwords and keeps the count although each call failed', () => {
    const ready = readyDesk({ login: false });
    const attempt = (password: string) => ready.desk.call(null, 'auth.login', { username: ADMIN, password });

    for (let i = 1; i <= 4; i += 1) {
      const error = expectError(attempt(`wrong-${i}`).result, 'LOGIN_FAILED');
      expect(error.message).not.toContain('锁定');
      expect(userRow(ready).failed_logins).toBe(i);
    }
    const fifth = expectError(attempt('wrong-5').result, 'LOGIN_FAILED');
    expect(fifth.message).toContain('锁定');
    expect(userRow(ready).locked_until).toBe('2026-11-27T02:15:00.000Z');

    const sixth = attempt(PASSWORD);
    expect(expectError(sixth.result, 'LOGIN_FAILED').message).toContain('锁定');
    expect(sixth.session).toBeNull();

    ready.clock.advanceMinutes(16);
    const later = attempt(PASSWORD);
    expectOk(later.result);
    expect(later.session).toHaveProperty('set');
    expect(userRow(ready)).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('answers an unknown user and a wrong password alike', () => {
    const ready = readyDesk({ login: false });
    const unknown = expectError(ready.desk.call(null, 'auth.login', { username: 'nobody', password: PASSWORD }).result, 'LOGIN_FAILED');
    const wrong = expectError(ready.desk.call(null, 'auth.login', { username: ADMIN, password: 'not-it-1' }).result, 'LOGIN_FAILED');
    expect(unknown.message).toBe(wrong.message);
  });

  it('forgets earlier failures after a successful login', () => {
    const ready = readyDesk({ login: false });
    expectError(ready.desk.call(null, 'auth.login', { username: ADMIN, password: 'wrong-1' }).result, 'LOGIN_FAILED');
    expect(userRow(ready).failed_logins).toBe(1);
    expectOk(ready.desk.call(null, 'auth.login', { username: ADMIN, password: PASSWORD }).result);
    expect(userRow(ready).failed_logins).toBe(0);
  });
});
