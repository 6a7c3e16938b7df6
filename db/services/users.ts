import { and, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf, UserView } from '../../shared/contract';
import { isRole, type Role } from '../../shared/roles';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords';
import { userRoles, users } from '../schema';
import { isLocked, recordFailedLogin } from './auth';

type UserRow = typeof users.$inferSelect;

function rolesOf(db: DrizzleDb, userId: number): Role[] {
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(userRoles.role)
    .all()
    .map((r) => r.role)
    .filter(isRole);
}

function toView(db: DrizzleDb, row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: rolesOf(db, row.id),
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
    version: row.version,
  };
}

function requireUser(db: DrizzleDb, id: number): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的账号`);
  return row;
}

/** Bumps the row version, refusing a stale write. */
function bump(ctx: ServiceContext, row: UserRow, expectedVersion: number, changes: Partial<UserRow>): UserRow {
  const updated = ctx
    .database()
    .db.update(users)
    .set({ ...changes, updatedAt: ctx.now.toISOString(), updatedBy: ctx.actor?.userId ?? null, version: row.version + 1 })
    .where(and(eq(users.id, row.id), eq(users.version, expectedVersion)))
    .returning()
    .get();
  if (!updated) throw new AppError('CONFLICT', '该账号已被他人修改，请刷新后重试');
  return updated;
}

/** At least one enabled administrator must remain, or nobody could manage accounts again. */
function ensureAnotherAdmin(db: DrizzleDb, exceptUserId: number): void {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.disabled, false), sql`${users.id} <> ${exceptUserId}`))
    .get();
  if ((row?.n ?? 0) === 0) throw new AppError('CONFLICT', '至少要保留一个可用的系统管理员账号');
}

export function list(ctx: ServiceContext): UserView[] {
  const { db } = ctx.database();
  return db.select().from(users).orderBy(users.id).all().map((row) => toView(db, row));
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'users.create'>): UserView {
  const { db } = ctx.database();
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw fieldError('password', problem, '密码');
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new AppError('DUPLICATE', `用户名 ${input.username} 已被使用（停用的账号也保留用户名）`, { fields: { username: '用户名已被使用' } });
  }
  const at = ctx.now.toISOString();
  const row = db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: hashPassword(input.password),
      // The administrator chose this password: the user must replace it at first login.
      mustChangePassword: true,
      createdAt: at,
      updatedAt: at,
      createdBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
    })
    .returning()
    .get();
  const roles = [...new Set(input.roles)];
  db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role }))).run();
  ctx.audit({ action: 'users.create', entityType: 'user', entityId: row.id, detail: { username: row.username, roles } });
  return toView(db, row);
}

export function setRoles(ctx: ServiceContext, input: ParsedInputOf<'users.setRoles'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  const before = rolesOf(db, row.id);
  const roles = [...new Set(input.roles)];
  if (before.includes('admin') && !roles.includes('admin')) ensureAnotherAdmin(db, row.id);
  const updated = bump(ctx, row, input.version, {});
  db.delete(userRoles).where(eq(userRoles.userId, row.id)).run();
  db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role }))).run();
  ctx.audit({ action: 'users.setRoles', entityType: 'user', entityId: row.id, detail: { before, after: roles } });
  return toView(db, updated);
}

export function setDisabled(ctx: ServiceContext, input: ParsedInputOf<'users.setDisabled'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  if (input.disabled && row.id === ctx.actor?.userId) throw new AppError('CONFLICT', '不能停用自己正在使用的账号');
  if (input.disabled && rolesOf(db, row.id).includes('admin')) ensureAnotherAdmin(db, row.id);
  const updated = bump(ctx, row, input.version, { disabled: input.disabled });
  ctx.audit({ action: 'users.setDisabled', entityType: 'user', entityId: row.id, detail: { disabled: input.disabled, reason: input.reason } });
  return toView(db, updated);
}

export function resetPassword(ctx: ServiceContext, input: ParsedInputOf<'users.resetPassword'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  const problem = passwordProblem(input.password, row.username);
  if (problem) throw fieldError('password', problem, '密码');
  const updated = bump(ctx, row, row.version, {
    passwordHash: hashPassword(input.password),
    mustChangePassword: true,
    failedLogins: 0,
    lockedUntil: null,
  });
  ctx.audit({ action: 'users.resetPassword', entityType: 'user', entityId: row.id });
  return toView(db, updated);
}

/** The account behind the session; the command line has none. */
function ownAccount(ctx: ServiceContext): UserRow {
  const userId = ctx.actor?.userId;
  if (userId == null) throw new AppError('FORBIDDEN', '此操作需要以个人账号登录');
  return requireUser(ctx.database().db, userId);
}

export function changePassword(ctx: ServiceContext, input: ParsedInputOf<'auth.changePassword'>): null {
  const row = ownAccount(ctx);
  if (!verifyPassword(input.currentPassword, row.passwordHash)) {
    throw new AppError('BAD_INPUT', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' }, commitFacts: [recordFailedLogin(ctx, row)] });
  }
  const problem = passwordProblem(input.newPassword, row.username);
  if (problem) throw fieldError('newPassword', problem, '新密码');
  if (verifyPassword(input.newPassword, row.passwordHash)) throw fieldError('newPassword', '新密码不能与当前密码相同', '新密码');
  bump(ctx, row, row.version, { passwordHash: hashPassword(input.newPassword), mustChangePassword: false });
  ctx.audit({ action: 'auth.changePassword', entityType: 'user', entityId: row.id });
  return null;
}

/** Idle lock: the same password check as login, counting toward the lockout. */
export function unlock(ctx: ServiceContext, input: ParsedInputOf<'auth.unlock'>): null {
  const { db } = ctx.database();
  const row = ownAccount(ctx);
  if (isLocked(row, ctx.now)) throw new AppError('LOGIN_FAILED', '密码连续输错次数过多，账号已锁定，请稍后再试或联系管理员');
  if (!verifyPassword(input.password, row.passwordHash)) {
    throw new AppError('LOGIN_FAILED', '密码不正确', { fields: { password: '密码不正确' }, commitFacts: [recordFailedLogin(ctx, row)] });
  }
  db.update(users).set({ failedLogins: 0 }).where(eq(users.id, row.id)).run();
  ctx.unlockSession();
  ctx.audit({ action: 'auth.unlock', entityType: 'user', entityId: row.id });
  return null;
}
