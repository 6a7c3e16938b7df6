import { and, eq, sql } from 'drizzle-orm';
import type { LoginLimitView, ParsedInputOf, UserView } from '../../shared/contract';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { hashPassword, passwordProblem } from '../passwords';
import { requireUser, rolesOf, type UserRow } from '../queries/users';
import { stations, userRoles, users } from '../schema';
import { connectionOf } from '../statements';
import { liftLoginLimits as liftLimits, loginLimitsByUsername } from './login-throttles';
import { createdStamps, updateVersioned } from './row-stamps';

function toView(db: DrizzleDb, row: UserRow, loginLimits: LoginLimitView[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: rolesOf(connectionOf(db), row.id),
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    loginLimits,
    stationId: row.stationId,
    stationName: row.stationId === null ? null : (db.select({ name: stations.name }).from(stations).where(eq(stations.id, row.stationId)).get()?.name ?? null),
    createdAt: row.createdAt,
    version: row.version,
  };
}

function viewOf(ctx: ServiceContext, row: UserRow): UserView {
  const { db } = ctx.database();
  return toView(db, row, loginLimitsByUsername(db, ctx.now).get(row.username) ?? []);
}

/** Bumps the row version, refusing a stale write. */
function bump(ctx: ServiceContext, row: UserRow, expectedVersion: number, changes: Partial<UserRow>): UserRow {
  return updateVersioned(ctx, users, row, expectedVersion, changes, '该账号已被他人修改，请刷新后重试');
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

/** The station an account is put at must exist and be open. */
function requireOpenStation(db: DrizzleDb, id: number): void {
  const station = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!station) throw fieldError('stationId', `没有编号为 ${id} 的就业服务站`, '所属服务站');
  if (station.status !== 'active') throw fieldError('stationId', `就业服务站“${station.name}”已撤销`, '所属服务站');
}

export function list(ctx: ServiceContext): UserView[] {
  const { db } = ctx.database();
  const limits = loginLimitsByUsername(db, ctx.now);
  return db.select().from(users).orderBy(users.id).all().map((row) => toView(db, row, limits.get(row.username) ?? []));
}

export function create(ctx: ServiceContext, input: ParsedInputOf<'users.create'>): UserView {
  const { db } = ctx.database();
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw fieldError('password', problem, '密码');
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new AppError('DUPLICATE', `用户名 ${input.username} 已被使用（停用的账号也保留用户名）`, { fields: { username: '用户名已被使用' } });
  }
  if (input.stationId) requireOpenStation(db, input.stationId);
  const row = db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: hashPassword(input.password),
      // The administrator chose this password: the user must replace it at first login.
      mustChangePassword: true,
      stationId: input.stationId ?? null,
      ...createdStamps(ctx),
    })
    .returning()
    .get();
  const roles = [...new Set(input.roles)];
  db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role }))).run();
  ctx.audit({ action: 'users.create', entityType: 'user', entityId: row.id, detail: { username: row.username, roles } });
  return viewOf(ctx, row);
}

export function setRoles(ctx: ServiceContext, input: ParsedInputOf<'users.setRoles'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  const before = rolesOf(connectionOf(db), row.id);
  const roles = [...new Set(input.roles)];
  if (before.includes('admin') && !roles.includes('admin')) ensureAnotherAdmin(db, row.id);
  const updated = bump(ctx, row, input.version, {});
  db.delete(userRoles).where(eq(userRoles.userId, row.id)).run();
  db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role }))).run();
  ctx.audit({ action: 'users.setRoles', entityType: 'user', entityId: row.id, detail: { before, after: roles } });
  return viewOf(ctx, updated);
}

/** 所属服务站: the station the account works at from now on; cases already accepted keep theirs. */
export function setStation(ctx: ServiceContext, input: ParsedInputOf<'users.setStation'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  if (input.stationId !== null) requireOpenStation(db, input.stationId);
  const updated = bump(ctx, row, input.version, { stationId: input.stationId });
  // Named, not numbered: the audit log is read by people.
  const nameOf = (id: number | null) => (id === null ? '局办事大厅' : (db.select({ name: stations.name }).from(stations).where(eq(stations.id, id)).get()?.name ?? ''));
  ctx.audit({ action: 'users.setStation', entityType: 'user', entityId: row.id, detail: { before: nameOf(row.stationId), after: nameOf(input.stationId) } });
  return viewOf(ctx, updated);
}

export function setDisabled(ctx: ServiceContext, input: ParsedInputOf<'users.setDisabled'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  if (input.disabled && row.id === actorUserId(ctx)) throw new AppError('CONFLICT', '不能停用自己正在使用的账号');
  if (input.disabled && rolesOf(connectionOf(db), row.id).includes('admin')) ensureAnotherAdmin(db, row.id);
  const updated = bump(ctx, row, input.version, { disabled: input.disabled });
  ctx.audit({ action: 'users.setDisabled', entityType: 'user', entityId: row.id, detail: { disabled: input.disabled, reason: input.reason } });
  return viewOf(ctx, updated);
}

export function resetPassword(ctx: ServiceContext, input: ParsedInputOf<'users.resetPassword'>): UserView {
  const { db } = ctx.database();
  const row = requireUser(db, input.id);
  const problem = passwordProblem(input.password, row.username);
  if (problem) throw fieldError('password', problem, '密码');
  const updated = bump(ctx, row, row.version, {
    passwordHash: hashPassword(input.password),
    mustChangePassword: true,
  });
  ctx.audit({ action: 'users.resetPassword', entityType: 'user', entityId: row.id });
  // A new password: old wrong guesses no longer say anything, and the owner must be able to use it at once.
  liftLimits(ctx, row, '重置密码');
  return viewOf(ctx, updated);
}

/** 解除登录限制: the administrator lets a colleague (or the command line lets an administrator) try again at once. */
export function liftLoginLimits(ctx: ServiceContext, input: ParsedInputOf<'users.liftLoginLimits'>): UserView {
  const row = requireUser(ctx.database().db, input.id);
  liftLimits(ctx, row, input.reason);
  return viewOf(ctx, row);
}
