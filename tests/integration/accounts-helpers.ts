import { expect } from 'vitest';
import type { SessionView, UserView } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { RpcResult } from '../../shared/rpc';
import { expectOk, type ReadyDesk } from './helpers';

/** The password an administrator hands out, and the one the user picks at first login. */
export const INITIAL_PASSWORD = 'Start-2026-desk';
export const OWN_PASSWORD = 'Mine-2026-desk';

export type Call = (method: string, input?: unknown) => RpcResult<unknown>;

/** Calls made by the holder of `session` (a browser tab, a window). */
export function callsOf(ready: ReadyDesk, session: string | null): Call {
  return (method, input = {}) => ready.desk.call(session, method, input).result;
}

/** Logs in (from `client`, a computer) and returns the session id together with the session the desk reported. */
export function loginAs(ready: ReadyDesk, username: string, password: string, client?: string): { session: string; view: SessionView } {
  const outcome = ready.desk.call(null, 'auth.login', { username, password }, client);
  const view = expectOk<SessionView>(outcome.result);
  if (!outcome.session || !('set' in outcome.session)) return expect.fail('login did not start a session');
  return { session: outcome.session.set, view };
}

/** The administrator of `ready` creates an account (it must change its password at first login). */
export function createUser(ready: ReadyDesk, username: string, roles: Role[], displayName = '赵磊'): UserView {
  return expectOk<UserView>(ready.call('users.create', { username, displayName, roles, password: INITIAL_PASSWORD }));
}

export interface ActiveUser {
  user: UserView;
  session: string;
  call: Call;
}

/** An account as a colleague uses it: created, logged in, password changed at first login. */
export function activeUser(ready: ReadyDesk, username: string, roles: Role[], displayName = '赵磊'): ActiveUser {
  const user = createUser(ready, username, roles, displayName);
  const { session } = loginAs(ready, username, INITIAL_PASSWORD);
  const call = callsOf(ready, session);
  expectOk(call('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: OWN_PASSWORD }));
  return { user, session, call };
}

/** The account as the administrator's list shows it. */
export function listedUser(ready: ReadyDesk, username: string, call: Call = ready.call): UserView | undefined {
  return expectOk<UserView[]>(call('users.list', {})).find((u) => u.username === username);
}

export interface StoredUser {
  mustChangePassword: number;
  disabled: number;
}

export interface StoredThrottle {
  scope: 'account_client' | 'client';
  username: string | null;
  client: string;
  failures: number;
  blockedUntil: string | null;
}

/** The login_throttles rows, as the table holds them. */
export function storedThrottles(ready: Pick<ReadyDesk, 'desk'>): StoredThrottle[] {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select t.scope, t.username, t.client, t.failures, t.blocked_until as blockedUntil
       from login_throttles t order by t.scope, t.username, t.client`,
    )
    .all() as StoredThrottle[];
}

export function storedUser(ready: Pick<ReadyDesk, 'desk'>, username: string): StoredUser {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select must_change_password as mustChangePassword, disabled
       from users where username = ?`,
    )
    .get(username) as StoredUser;
}

export interface StoredAudit {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

/** Audit rows as stored, oldest first, optionally only those after `afterId`. */
export function storedAudit(ready: Pick<ReadyDesk, 'desk'>, afterId = 0): StoredAudit[] {
  const rows = ready.desk
    .database()
    .sqlite.prepare(
      `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity_type as entityType,
        entity_id as entityId, detail from audit_log where id > ? order by id`,
    )
    .all(afterId) as Array<Omit<StoredAudit, 'detail'> & { detail: string | null }>;
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}

export function lastAuditId(ready: Pick<ReadyDesk, 'desk'>): number {
  return (ready.desk.database().sqlite.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
}
