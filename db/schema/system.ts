import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { stations } from './stations';

/** Office-wide settings (county code, county name, created time …) as key/value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash — parameters travel with the hash so they can be raised later. */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** The 就业服务站 the account works at; null for the bureau's own hall. */
  stationId: integer('station_id').references(() => stations.id),
  ...rowMeta,
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: refersTo('user_id', () => users.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check('user_roles_role_known', sql`${t.role} in ('front_desk','counselor','reviewer','head','admin')`),
  ],
);

/**
 * Wrong passwords counted per account and client, and per client alone
 * (shared/domain/login-throttle.ts): operational state, lifted by the
 * administrator; every attempt itself is in the audit log.
 */
export const loginThrottles = sqliteTable(
  'login_throttles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: ['account_client', 'client'] }).notNull(),
    /**
     * The user name tried (account_client only), as typed: a name that does not
     * exist is counted like one that does, so the wait never tells which exist.
     */
    username: text('username'),
    /** Where the attempts came from: an address, 本机窗口, 命令行（user）. */
    client: text('client').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
    blockedUntil: text('blocked_until'),
  },
  (t) => [
    uniqueIndex('login_throttles_account_client').on(t.username, t.client).where(sql`${t.scope} = 'account_client'`),
    uniqueIndex('login_throttles_client').on(t.client).where(sql`${t.scope} = 'client'`),
    check('login_throttles_scope_username', sql`(${t.scope} = 'account_client') = (${t.username} is not null)`),
  ],
);
