import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { LoginLimitView } from '../../shared/contract';
import { afterFailure, currentThrottle, formatWait, secondsToWait, type ThrottleScope, type ThrottleState } from '../../shared/domain/login-throttle';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { loginThrottles } from '../schema';

type ThrottleRow = typeof loginThrottles.$inferSelect;

function rowOf(db: DrizzleDb, scope: ThrottleScope, userId: number | null, client: string): ThrottleRow | undefined {
  return db
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.scope, scope), userId === null ? isNull(loginThrottles.userId) : eq(loginThrottles.userId, userId), eq(loginThrottles.client, client)))
    .get();
}

function stateOf(row: ThrottleRow | undefined): ThrottleState | null {
  return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil } : null;
}

/**
 * Refuses the attempt, without looking at the password, while this client must
 * wait — for this account, or for any account after trying many.
 */
export function refuseWhileThrottled(ctx: ServiceContext, userId: number | null): void {
  const { db } = ctx.database();
  const waits = [secondsToWait(stateOf(rowOf(db, 'client', null, ctx.client)), ctx.now)];
  if (userId !== null) waits.push(secondsToWait(stateOf(rowOf(db, 'account_client', userId, ctx.client)), ctx.now));
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new AppError('LOGIN_FAILED', `密码错误次数过多，本终端请 ${formatWait(wait)}后再试（其他电脑不受影响；如急需登录请联系系统管理员解除）`, {
      details: { retryAfterSeconds: wait },
    });
  }
}

function count(db: DrizzleDb, scope: ThrottleScope, userId: number | null, client: string, now: Date): ThrottleState {
  const row = rowOf(db, scope, userId, client);
  const next = afterFailure(stateOf(row), scope, now);
  if (row) db.update(loginThrottles).set(next).where(eq(loginThrottles.id, row.id)).run();
  else db.insert(loginThrottles).values({ scope, userId, client, ...next }).run();
  return next;
}

/**
 * A wrong password is a fact that must outlive the refused call (the router
 * commits it after the rollback): it counts for the account from this client
 * and for this client, and the attempt is audited with where it came from.
 * `userId` null: a user name that does not exist, counted for the client only.
 */
export function recordWrongPassword(ctx: ServiceContext, userId: number | null): () => void {
  return () => {
    const { db } = ctx.database();
    const byClient = count(db, 'client', null, ctx.client, ctx.now);
    const byAccount = userId === null ? null : count(db, 'account_client', userId, ctx.client, ctx.now);
    const waitUntil = [byClient.blockedUntil, byAccount?.blockedUntil].filter((t): t is string => t !== null).sort().at(-1) ?? null;
    ctx.audit({
      action: 'auth.loginFailed',
      entityType: 'user',
      ...(userId === null ? {} : { entityId: userId }),
      detail: { client: ctx.client, failures: byAccount?.failures ?? byClient.failures, waitUntil, ...(userId === null ? { unknownAccount: true } : {}) },
    });
  };
}

/** A right password forgets this account's failures from this client (the client's own count stays). */
export function forgetAccountFailures(ctx: ServiceContext, userId: number): void {
  const { db } = ctx.database();
  db.delete(loginThrottles).where(and(eq(loginThrottles.scope, 'account_client'), eq(loginThrottles.userId, userId), eq(loginThrottles.client, ctx.client))).run();
}

/** The account's current limits, per client, for the account list. */
export function loginLimitsByUser(db: DrizzleDb, now: Date): Map<number, LoginLimitView[]> {
  const byUser = new Map<number, LoginLimitView[]>();
  for (const row of db.select().from(loginThrottles).where(eq(loginThrottles.scope, 'account_client')).orderBy(loginThrottles.lastFailureAt).all()) {
    const state = currentThrottle(stateOf(row), now);
    if (!state || row.userId === null) continue;
    const limits = byUser.get(row.userId) ?? [];
    limits.push({ client: row.client, failures: state.failures, waitUntil: secondsToWait(state, now) > 0 ? state.blockedUntil : null });
    byUser.set(row.userId, limits);
  }
  return byUser;
}

/**
 * 解除登录限制: forgets the account's failures from every client, and the
 * client-wide counts of the clients they came from, so its owner can log in
 * at once. Audited with the clients and the reason.
 */
export function liftLoginLimits(ctx: ServiceContext, userId: number, reason: string): void {
  const { db } = ctx.database();
  const rows = db.select().from(loginThrottles).where(and(eq(loginThrottles.scope, 'account_client'), eq(loginThrottles.userId, userId))).all();
  const clients = rows.map((r) => r.client);
  if (rows.length > 0) {
    db.delete(loginThrottles).where(and(eq(loginThrottles.scope, 'account_client'), eq(loginThrottles.userId, userId))).run();
    db.delete(loginThrottles).where(and(eq(loginThrottles.scope, 'client'), inArray(loginThrottles.client, clients))).run();
  }
  ctx.audit({ action: 'users.liftLoginLimits', entityType: 'user', entityId: userId, detail: { clients, reason } });
}
