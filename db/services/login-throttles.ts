import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { LoginLimitView } from '../../shared/contract';
import { LOGIN_THROTTLE, afterFailure, currentThrottle, formatWait, secondsToWait, type ThrottleScope, type ThrottleState } from '../../shared/domain/login-throttle';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { loginThrottles } from '../schema';

type ThrottleRow = typeof loginThrottles.$inferSelect;

/** `username` for the account_client scope, null for the client's own count. */
function rowOf(db: DrizzleDb, username: string | null, client: string): ThrottleRow | undefined {
  const scope: ThrottleScope = username === null ? 'client' : 'account_client';
  return db
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.scope, scope), username === null ? isNull(loginThrottles.username) : eq(loginThrottles.username, username), eq(loginThrottles.client, client)))
    .get();
}

function stateOf(row: ThrottleRow | undefined): ThrottleState | null {
  return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil } : null;
}

/**
 * Refuses the attempt, without looking at the password, while this client must
 * wait — for this user name, or for any after trying many. A name that does
 * not exist is counted and refused exactly like one that does.
 */
export function refuseWhileThrottled(ctx: ServiceContext, username: string): void {
  const { db } = ctx.database();
  const wait = Math.max(secondsToWait(stateOf(rowOf(db, null, ctx.client)), ctx.now), secondsToWait(stateOf(rowOf(db, username, ctx.client)), ctx.now));
  if (wait > 0) {
    throw new AppError('LOGIN_FAILED', `密码错误次数过多，本终端请 ${formatWait(wait)}后再试（其他电脑不受影响；如急需登录请联系系统管理员解除）`, {
      details: { retryAfterSeconds: wait },
    });
  }
}

function count(db: DrizzleDb, username: string | null, client: string, now: Date): ThrottleState {
  const row = rowOf(db, username, client);
  const scope: ThrottleScope = username === null ? 'client' : 'account_client';
  const next = afterFailure(stateOf(row), scope, now);
  if (row) db.update(loginThrottles).set(next).where(eq(loginThrottles.id, row.id)).run();
  else db.insert(loginThrottles).values({ scope, username, client, ...next }).run();
  return next;
}

/**
 * A wrong password is a fact that must outlive the refused call (the router
 * commits it after the rollback): it counts for the user name from this
 * client and for this client, and the attempt is audited with where it came
 * from. `userId` null: the name belongs to no account (the audit says so
 * without repeating what was typed, which may be a password).
 */
export function recordWrongPassword(ctx: ServiceContext, username: string, userId: number | null): () => void {
  return () => {
    const { db } = ctx.database();
    // Counts a quiet day has forgotten are dropped, so names typed once do not pile up.
    const forgotten = new Date(ctx.now.getTime() - LOGIN_THROTTLE.forgetAfterHours * 3_600_000).toISOString();
    db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, forgotten)).run();
    const byClient = count(db, null, ctx.client, ctx.now);
    const byAccount = count(db, username, ctx.client, ctx.now);
    const waitUntil = [byClient.blockedUntil, byAccount.blockedUntil].filter((t): t is string => t !== null).sort().at(-1) ?? null;
    ctx.audit({
      action: 'auth.loginFailed',
      entityType: 'user',
      ...(userId === null ? {} : { entityId: userId }),
      detail: { client: ctx.client, failures: byAccount.failures, waitUntil, ...(userId === null ? { unknownAccount: true } : {}) },
    });
  };
}

/** A right password forgets this account's failures from this client (the client's own count stays). */
export function forgetAccountFailures(ctx: ServiceContext, username: string): void {
  const { db } = ctx.database();
  db.delete(loginThrottles)
    .where(and(eq(loginThrottles.scope, 'account_client'), eq(loginThrottles.username, username), eq(loginThrottles.client, ctx.client)))
    .run();
}

/** Each user name's current limits, per client, for the account list. */
export function loginLimitsByUsername(db: DrizzleDb, now: Date): Map<string, LoginLimitView[]> {
  const byName = new Map<string, LoginLimitView[]>();
  for (const row of db.select().from(loginThrottles).where(eq(loginThrottles.scope, 'account_client')).orderBy(loginThrottles.lastFailureAt).all()) {
    const state = currentThrottle(stateOf(row), now);
    if (!state || row.username === null) continue;
    const limits = byName.get(row.username) ?? [];
    limits.push({ client: row.client, failures: state.failures, waitUntil: secondsToWait(state, now) > 0 ? state.blockedUntil : null });
    byName.set(row.username, limits);
  }
  return byName;
}

/**
 * 解除登录限制: forgets the account's failures from every client, and the
 * client-wide counts of the clients they came from, so its owner can log in
 * at once. Audited with the clients and the reason.
 */
export function liftLoginLimits(ctx: ServiceContext, user: { id: number; username: string }, reason: string): void {
  const { db } = ctx.database();
  const forAccount = and(eq(loginThrottles.scope, 'account_client'), eq(loginThrottles.username, user.username));
  const clients = db.select({ client: loginThrottles.client }).from(loginThrottles).where(forAccount).all().map((r) => r.client);
  if (clients.length > 0) {
    db.delete(loginThrottles).where(forAccount).run();
    db.delete(loginThrottles).where(and(eq(loginThrottles.scope, 'client'), inArray(loginThrottles.client, clients))).run();
  }
  ctx.audit({ action: 'users.liftLoginLimits', entityType: 'user', entityId: user.id, detail: { clients, reason } });
}

/**
 * For attempts with no account (a pairing code typed at a workstation): refuses
 * while this client must wait, with `what` naming the attempt (配对).
 */
export function refuseClientWhileThrottled(ctx: ServiceContext, what: string): void {
  const wait = secondsToWait(stateOf(rowOf(ctx.database().db, null, ctx.client)), ctx.now);
  if (wait > 0) {
    throw new AppError('FORBIDDEN', `${what}失败次数过多，请 ${formatWait(wait)}后再试`, { details: { retryAfterSeconds: wait } });
  }
}

/** A failed attempt with no account counts for the client alone (a fact kept after the rollback). */
export function recordClientFailure(ctx: ServiceContext, action: string): () => void {
  return () => {
    const next = count(ctx.database().db, null, ctx.client, ctx.now);
    ctx.audit({ action, detail: { client: ctx.client, failures: next.failures, waitUntil: next.blockedUntil } });
  };
}
