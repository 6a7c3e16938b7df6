import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { isRole, permissionsOf, type Role } from '../../shared/roles';
import type { Actor } from '../context';
import { AppError } from '../errors';
import type { DrizzleDb } from '../open';
import { users } from '../schema';
import { cachedStatement, type PlanCase } from '../statements';

export type UserRow = typeof users.$inferSelect;

/** The account with this id, or NOT_FOUND. */
export function requireUser(db: DrizzleDb, id: number): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的账号`);
  return row;
}

/**
 * The signed-in user, read on every call (db/desk.ts actorFor) and for
 * 登录 and 查询当前登录状态: both statements are kept prepared per connection,
 * since preparing them on every call was part of what made an exact-ID search
 * 15× its goal (README, Benchmark).
 */
export const USERS_SQL = {
  user: 'select id, username, display_name as displayName, disabled, must_change_password as mustChangePassword from users where id = ?',
  roles: 'select role from user_roles where user_id = ? order by role',
} as const;

export const PLAN_CASES: Record<keyof typeof USERS_SQL, PlanCase> = {
  user: { sql: USERS_SQL.user, params: [1], uses: [/SEARCH users USING INTEGER PRIMARY KEY/] },
  roles: { sql: USERS_SQL.roles, params: [1], uses: [/SEARCH user_roles USING (COVERING )?INDEX/] },
};

/** An account as its session sees it: the desk adds whether the session is idle-locked. */
export type SignedInUser = Omit<Actor, 'locked'> & { userId: number };

/** The users row as the kept statement reads it (booleans as 0/1). */
interface SessionRow {
  id: number;
  username: string;
  displayName: string;
  disabled: number;
  mustChangePassword: number;
}

/** The account's roles, in name order; a role this version does not know is left out. */
export function rolesOf(sqlite: Database.Database, userId: number): Role[] {
  return (cachedStatement(sqlite, USERS_SQL.roles).all(userId) as { role: string }[]).map((r) => r.role).filter(isRole);
}

/** The account with its roles and permissions; null when it no longer exists or is disabled. */
export function signedInUser(sqlite: Database.Database, userId: number): SignedInUser | null {
  const user = cachedStatement(sqlite, USERS_SQL.user).get(userId) as SessionRow | undefined;
  if (!user || user.disabled) return null;
  const roles = rolesOf(sqlite, user.id);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: user.mustChangePassword === 1,
  };
}
