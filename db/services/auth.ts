import { eq } from 'drizzle-orm';
import type { ParsedInputOf, SessionView } from '../../shared/contract';
import { isRole, permissionsOf } from '../../shared/roles';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from '../passwords';
import { userRoles, users } from '../schema';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const LOGIN_FAILED = '用户名或密码不正确';

type UserRow = typeof users.$inferSelect;

/** A wrong password is a fact that must outlive the refused call: it counts toward the lockout. */
export function recordFailedLogin(ctx: ServiceContext, user: UserRow): () => void {
  return () => {
    const { db } = ctx.database();
    const current = db.select({ failedLogins: users.failedLogins }).from(users).where(eq(users.id, user.id)).get();
    const failures = (current?.failedLogins ?? 0) + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    db.update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        ...(lock ? { lockedUntil: new Date(ctx.now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() } : {}),
      })
      .where(eq(users.id, user.id))
      .run();
    ctx.audit({ action: 'auth.loginFailed', entityType: 'user', entityId: user.id, detail: { locked: lock } });
  };
}

export function isLocked(user: UserRow, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now.toISOString();
}

/**
 * A hash to check against when the user name is unknown, so a failed login
 * takes as long whether or not the account exists.
 */
const DUMMY_HASH = hashPassword('timing-equaliser-not-a-password');

export function login(ctx: ServiceContext, input: ParsedInputOf<'auth.login'>): SessionView {
  const { db } = ctx.database();
  const user = db.select().from(users).where(eq(users.username, input.username)).get();
  if (!user) {
    verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED);
  }
  if (isLocked(user, ctx.now)) {
    verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('LOGIN_FAILED', `密码连续输错${MAX_FAILED_LOGINS}次，账号已锁定，请${LOCKOUT_MINUTES}分钟后再试或联系管理员`);
  }
  if (!verifyPassword(input.password, user.passwordHash)) {
    const willLock = !user.disabled && user.failedLogins + 1 >= MAX_FAILED_LOGINS;
    throw new AppError('LOGIN_FAILED', willLock ? `密码连续输错${MAX_FAILED_LOGINS}次，账号已锁定${LOCKOUT_MINUTES}分钟` : LOGIN_FAILED, {
      commitFacts: user.disabled ? [] : [recordFailedLogin(ctx, user)],
    });
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) throw new AppError('LOGIN_FAILED', '该账号已停用，请联系系统管理员');
  db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
  ctx.startSession(user.id);
  ctx.audit({ action: 'auth.login', entityType: 'user', entityId: user.id, actor: { userId: user.id, name: user.displayName } });
  return sessionView(ctx, user);
}

function sessionView(ctx: ServiceContext, user: UserRow): SessionView {
  const roles = ctx
    .database()
    .db.select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id))
    .orderBy(userRoles.role)
    .all()
    .map((r) => r.role)
    .filter(isRole);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: user.mustChangePassword,
    locked: false,
  };
}

export function logout(ctx: ServiceContext): null {
  ctx.endSession();
  return null;
}

export function session(ctx: ServiceContext): SessionView | null {
  if (ctx.actor?.userId == null) return null;
  const user = ctx.database().db.select().from(users).where(eq(users.id, ctx.actor.userId)).get();
  return user ? { ...sessionView(ctx, user), locked: ctx.actor.locked ?? false } : null;
}
