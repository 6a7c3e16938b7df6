import { eq } from 'drizzle-orm';
import type { ParsedInputOf, SessionView } from '../../shared/contract';
import type { ErrorCode } from '../../shared/rpc';
import { requireAccount, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords';
import { requireUser, signedInUser, type UserRow } from '../queries/users';
import { users } from '../schema';
import { forgetAccountFailures, recordWrongPassword, refuseWhileThrottled } from './login-throttles';
import { updatedStamps } from './row-stamps';

const LOGIN_FAILED = '用户名或密码不正确';

/**
 * A hash to check against when the user name is unknown, so a failed login
 * takes as long whether or not the account exists.
 */
const DUMMY_HASH = hashPassword('timing-equaliser-not-a-password');

export function login(ctx: ServiceContext, input: ParsedInputOf<'auth.login'>): SessionView {
  const { db } = ctx.database();
  const user = db.select().from(users).where(eq(users.username, input.username)).get();
  refuseWhileThrottled(ctx, input.username);
  if (!user) {
    verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED, { commitFacts: [recordWrongPassword(ctx, input.username, null)] });
  }
  if (!verifyPassword(input.password, user.passwordHash)) {
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED, { commitFacts: [recordWrongPassword(ctx, user.username, user.id)] });
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) throw new AppError('LOGIN_FAILED', '该账号已停用，请联系系统管理员');
  forgetAccountFailures(ctx, user.username);
  ctx.startSession(user.id);
  ctx.audit({ action: 'auth.login', entityType: 'user', entityId: user.id, actor: { userId: user.id, name: user.displayName }, detail: { client: ctx.client } });
  // The account exists and is enabled (checked above): it is signed in.
  return { ...signedInUser(ctx.database().sqlite, user.id)!, locked: false };
}

export function logout(ctx: ServiceContext): null {
  ctx.endSession();
  return null;
}

export function session(ctx: ServiceContext): SessionView | null {
  if (ctx.actor?.userId == null) return null;
  const user = signedInUser(ctx.database().sqlite, ctx.actor.userId);
  return user ? { ...user, locked: ctx.actor.locked ?? false } : null;
}

/**
 * The account behind the session (the command line has none), once the
 * password typed is its own. A wrong one counts like a wrong login, so a
 * stolen unlocked session cannot guess its way to the password; it is refused
 * as `wrong` says, naming the field it was typed in.
 */
function ownAccountWithPassword(ctx: ServiceContext, password: string, wrong: { code: ErrorCode; field: string; message: string }): UserRow {
  const row = requireUser(ctx.database().db, requireAccount(ctx).userId);
  refuseWhileThrottled(ctx, row.username);
  if (!verifyPassword(password, row.passwordHash)) {
    throw new AppError(wrong.code, wrong.message, { fields: { [wrong.field]: wrong.message }, commitFacts: [recordWrongPassword(ctx, row.username, row.id)] });
  }
  return row;
}

export function changePassword(ctx: ServiceContext, input: ParsedInputOf<'auth.changePassword'>): null {
  const row = ownAccountWithPassword(ctx, input.currentPassword, { code: 'BAD_INPUT', field: 'currentPassword', message: '当前密码不正确' });
  const problem = passwordProblem(input.newPassword, row.username);
  if (problem) throw fieldError('newPassword', problem, '新密码');
  if (verifyPassword(input.newPassword, row.passwordHash)) throw fieldError('newPassword', '新密码不能与当前密码相同', '新密码');
  ctx
    .database()
    .db.update(users)
    .set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: false, ...updatedStamps(ctx, row, row.id) })
    .where(eq(users.id, row.id))
    .run();
  ctx.audit({ action: 'auth.changePassword', entityType: 'user', entityId: row.id });
  return null;
}

/** Idle lock: the same password check as login, counted the same way. */
export function unlock(ctx: ServiceContext, input: ParsedInputOf<'auth.unlock'>): null {
  const row = ownAccountWithPassword(ctx, input.password, { code: 'LOGIN_FAILED', field: 'password', message: '密码不正确' });
  forgetAccountFailures(ctx, row.username);
  ctx.unlockSession();
  ctx.audit({ action: 'auth.unlock', entityType: 'user', entityId: row.id });
  return null;
}
