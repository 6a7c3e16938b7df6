import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditEntryHash, type AuditRow } from '../../db/audit';
import type { PersonView, UserView } from '../../shared/contract';
import { INITIAL_PASSWORD, OWN_PASSWORD, callsOf, listedUser, loginAs, storedThrottles } from './accounts-helpers';
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

describe('wrong passwords slow the computer down, never lock a colleague out', () => {
  const WINDOW_3 = '10.0.0.13';
  const COLLEAGUE = '10.0.0.21';
  const attempt = (ready: ReadyDesk, password: string, client: string, username = ADMIN) =>
    ready.desk.call(null, 'auth.login', { username, password }, client);

  it('past three free tries one computer waits 15 s, 30 s, 1 min … while the same account logs in from another computer at once', () => {
    const ready = readyDesk({ login: false });
    for (let i = 1; i <= 3; i += 1) expect(expectError(attempt(ready, `wrong-${i}`, WINDOW_3).result, 'LOGIN_FAILED').message).toBe('用户名或密码不正确');
    const waits: number[] = [];
    for (const seconds of [15, 30, 60]) {
      const wrong = expectError(attempt(ready, 'wrong-again', WINDOW_3).result, 'LOGIN_FAILED');
      expect(wrong.message).toBe('用户名或密码不正确');
      // Even the right password is not looked at until the wait is over.
      const refused = expectError(attempt(ready, PASSWORD, WINDOW_3).result, 'LOGIN_FAILED');
      expect(refused.message).toContain('后再试');
      expect(refused.message).toContain('其他电脑不受影响');
      waits.push(Number(refused.details?.retryAfterSeconds));
      expect(attempt(ready, PASSWORD, WINDOW_3).session).toBeNull();
      ready.clock.advanceMinutes(seconds / 60);
    }
    expect(waits).toEqual([15, 30, 60]);

    // A colleague at another window logs into the same account meanwhile.
    expect(expectError(attempt(ready, 'wrong-again', WINDOW_3).result, 'LOGIN_FAILED')).toBeTruthy();
    const colleague = attempt(ready, PASSWORD, COLLEAGUE);
    expectOk(colleague.result);
    expect(colleague.session).toHaveProperty('set');
    expect(expectError(attempt(ready, PASSWORD, WINDOW_3).result, 'LOGIN_FAILED').message).toContain('2 分钟');

    // Every wrong password is in the audit log with the computer it came from; a refusal while waiting adds nothing.
    const failed = auditRows(ready).filter((r) => r.action === 'auth.loginFailed').map((r) => JSON.parse(r.detail!) as { client: string; failures: number });
    expect(failed.map((d) => [d.client, d.failures])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [WINDOW_3, n]));
    expect(JSON.parse(auditRows(ready).find((r) => r.action === 'auth.login')!.detail!)).toEqual({ client: COLLEAGUE });
  });

  it('the administrator sees which computer must wait and lifts it with a reason, audited; the computer logs in at once', () => {
    const ready = readyDesk({ login: false });
    const clerk = readyClerk(ready);
    for (let i = 1; i <= 4; i += 1) expectError(attempt(ready, `wrong-${i}`, WINDOW_3, 'zhaolei').result, 'LOGIN_FAILED');
    expect(expectError(attempt(ready, OWN_PASSWORD, WINDOW_3, 'zhaolei').result, 'LOGIN_FAILED').message).toContain('后再试');

    const admin = loginAs(ready, ADMIN, PASSWORD, COLLEAGUE);
    const asAdmin = callsOf(ready, admin.session);
    const listed = listedUser(ready, 'zhaolei', asAdmin)!;
    expect(listed.loginLimits).toEqual([{ client: WINDOW_3, failures: 4, waitUntil: new Date(ready.clock.read().getTime() + 15_000).toISOString() }]);
    const lifted = expectOk<UserView>(asAdmin('users.liftLoginLimits', { id: clerk.id, reason: '本人来电确认系输错密码' }));
    expect(lifted.loginLimits).toEqual([]);
    expect(storedThrottles(ready)).toEqual([]);
    expect(auditRows(ready).at(-1)).toMatchObject({ action: 'users.liftLoginLimits', actorName: '王芳', entityId: String(clerk.id) });
    expect(JSON.parse(auditRows(ready).at(-1)!.detail!)).toEqual({ clients: [WINDOW_3], reason: '本人来电确认系输错密码' });
    expectOk(attempt(ready, OWN_PASSWORD, WINDOW_3, 'zhaolei').result);
    // Only an administrator may lift limits.
    expectError(callsOf(ready, loginAs(ready, 'zhaolei', OWN_PASSWORD, WINDOW_3).session)('users.liftLoginLimits', { id: clerk.id, reason: '自己解除' }), 'FORBIDDEN');
  });

  it('a computer that tries many accounts (or names that do not exist) waits for all of them, others do not', () => {
    const ready = readyDesk({ login: false });
    readyClerk(ready);
    for (let i = 1; i <= 9; i += 1) expectError(attempt(ready, 'Guess-2026-x', WINDOW_3, `user${i}`).result, 'LOGIN_FAILED');
    expectError(attempt(ready, 'Guess-2026-x', WINDOW_3, 'zhaolei').result, 'LOGIN_FAILED');
    expectError(attempt(ready, 'Guess-2026-x', WINDOW_3, ADMIN).result, 'LOGIN_FAILED');
    // Eleven wrong tries from this computer, no more than two for any account: it waits, whichever account it names next.
    expect(expectError(attempt(ready, PASSWORD, WINDOW_3).result, 'LOGIN_FAILED').message).toContain('后再试');
    expectOk(attempt(ready, PASSWORD, COLLEAGUE).result);
    const unknown = auditRows(ready).filter((r) => r.action === 'auth.loginFailed' && r.entityId === null);
    expect(unknown).toHaveLength(9);
    expect(JSON.parse(unknown[0]!.detail!)).toMatchObject({ client: WINDOW_3, unknownAccount: true });
    expect(storedThrottles(ready).find((t) => t.scope === 'client')).toMatchObject({ client: WINDOW_3, failures: 11 });
  });

  it('a right password forgets that account’s count on that computer; a quiet day forgets the rest', () => {
    const ready = readyDesk({ login: false });
    for (let i = 1; i <= 3; i += 1) expectError(attempt(ready, `wrong-${i}`, WINDOW_3).result, 'LOGIN_FAILED');
    expectOk(attempt(ready, PASSWORD, WINDOW_3).result);
    expect(storedThrottles(ready).map((t) => [t.scope, t.failures])).toEqual([['client', 3]]);
    for (let i = 1; i <= 4; i += 1) expectError(attempt(ready, `wrong-${i}`, WINDOW_3).result, 'LOGIN_FAILED');
    expect(expectError(attempt(ready, PASSWORD, WINDOW_3).result, 'LOGIN_FAILED').message).toContain('后再试');
    ready.clock.advanceMinutes(24 * 60);
    expectOk(attempt(ready, PASSWORD, WINDOW_3).result);
  });

  it('makes a name that does not exist wait exactly like one that does, so the wait does not tell which accounts exist', () => {
    const ready = readyDesk({ login: false });
    const answers = (username: string, client: string) =>
      [1, 2, 3, 4, 5].map((i) => {
        const error = expectError(attempt(ready, `Wrong-2026-${i}`, client, username).result, 'LOGIN_FAILED');
        return [error.message, error.details?.retryAfterSeconds ?? null];
      });
    expect(answers('nobody_here', WINDOW_3)).toEqual(answers(ADMIN, COLLEAGUE));
  });

  it('answers an unknown user and a wrong password alike', () => {
    const ready = readyDesk({ login: false });
    const unknown = expectError(ready.desk.call(null, 'auth.login', { username: 'nobody', password: PASSWORD }).result, 'LOGIN_FAILED');
    const wrong = expectError(ready.desk.call(null, 'auth.login', { username: ADMIN, password: 'not-it-1' }).result, 'LOGIN_FAILED');
    expect(unknown.message).toBe(wrong.message);
  });
});

/** A front-desk clerk, zhaolei, with her own password; the administrator is logged out again. */
function readyClerk(ready: ReadyDesk): UserView {
  const admin = loginAs(ready, ADMIN, PASSWORD);
  const user = expectOk<UserView>(callsOf(ready, admin.session)('users.create', { username: 'zhaolei', displayName: '赵磊', roles: ['front_desk'], password: INITIAL_PASSWORD }));
  const own = loginAs(ready, 'zhaolei', INITIAL_PASSWORD);
  expectOk(callsOf(ready, own.session)('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: OWN_PASSWORD }));
  return user;
}
