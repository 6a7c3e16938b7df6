import { describe, expect, it } from 'vitest';
import type { SessionView, UserView } from '../../shared/contract';
import { activeUser, listedUser, loginAs, OWN_PASSWORD } from './accounts-helpers';
import { expectError, expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';

/**
 * The desk keeps a session's account and roles between calls (db/sessions.ts)
 * and reads them again only after something was written. Whatever changes an
 * account must still hold from the colleague's very next call — the calls in
 * between (searches, one per keystroke) have warmed what is kept.
 */
function colleagueSearching(ready: ReadyDesk) {
  const colleague = activeUser(ready, 'zhaolei', ['front_desk']);
  for (let i = 0; i < 3; i += 1) expectOk(colleague.call('persons.search', { query: '张' }));
  return colleague;
}

const current = (ready: ReadyDesk, username: string): UserView => listedUser(ready, username) ?? expect.fail(`${username} is not listed`);

describe('what a session keeps of its account, between calls', () => {
  it('a role taken away refuses the very next call, and a role given allows it', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    // An administrator reads no citizen's record.
    expectOk(ready.call('users.setRoles', { id: colleague.user.id, version: current(ready, 'zhaolei').version, roles: ['admin'] }));
    expect(expectError(colleague.call('persons.search', { query: '张' }), 'FORBIDDEN').message).toContain('没有执行此操作的权限');
    expectOk(ready.call('users.setRoles', { id: colleague.user.id, version: current(ready, 'zhaolei').version, roles: ['front_desk', 'admin'] }));
    expectOk(colleague.call('persons.search', { query: '张' }));
    expect(expectOk<UserView[]>(colleague.call('users.list', {})).map((u) => u.username)).toContain('zhaolei');
    expect(expectOk<SessionView>(colleague.call('auth.session', {})).roles).toEqual(['admin', 'front_desk']);
  });

  it('a password reset by the administrator holds the session to changing it, at once', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    expectOk(ready.call('users.resetPassword', { id: colleague.user.id, password: 'Reset-2026-desk' }));
    expect(expectError(colleague.call('persons.search', { query: '张' }), 'FORBIDDEN').message).toContain('重置');
  });

  it('a disabled account is signed out at its next call', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    expectOk(ready.call('users.setDisabled', { id: colleague.user.id, version: current(ready, 'zhaolei').version, disabled: true, reason: '调离本局' }));
    expectError(colleague.call('persons.search', { query: '张' }), 'UNAUTHENTICATED');
    // Enabled again, the old session stays ended: a new login is needed.
    expectOk(ready.call('users.setDisabled', { id: colleague.user.id, version: current(ready, 'zhaolei').version, disabled: false, reason: '返回本局' }));
    expectError(colleague.call('persons.search', { query: '张' }), 'UNAUTHENTICATED');
    expectOk(ready.desk.call(loginAs(ready, 'zhaolei', OWN_PASSWORD).session, 'persons.search', { query: '张' }).result);
  });

  it('a logout ends the session for every later call', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    expectOk(colleague.call('auth.logout', {}));
    expectError(colleague.call('persons.search', { query: '张' }), 'UNAUTHENTICATED');
  });

  it('a change committed on another connection (a job thread) holds at the next call too', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    const other = keyedConnection(ready.dbPath, ready.keyFile);
    other.prepare('update user_roles set role = ? where user_id = ?').run('admin', colleague.user.id);
    expectError(colleague.call('persons.search', { query: '张' }), 'FORBIDDEN');
    other.prepare('update users set disabled = 1 where id = ?').run(colleague.user.id);
    expectError(colleague.call('persons.search', { query: '张' }), 'UNAUTHENTICATED');
  });

  it('a shorter idle lock applies to sessions already warm', () => {
    const ready = readyDesk();
    const colleague = colleagueSearching(ready);
    ready.clock.advanceMinutes(3);
    expectOk(colleague.call('persons.search', { query: '张' }));
    expectOk(ready.call('settings.update', { idleLockMinutes: 1 }));
    ready.clock.advanceMinutes(2);
    expectError(colleague.call('persons.search', { query: '张' }), 'LOCKED');
  });
});
