import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './system';

/**
 * 办公室模式: the workstations (工作站) paired with this office host. A
 * workstation proves itself on every call with a credential it received at
 * pairing; only its SHA-256 is kept, so a copy of the database lets nobody act
 * as a workstation. Revoking is a state change (who, when), never a delete:
 * the audit log names workstations by id.
 */
export const workstations = sqliteTable(
  'workstations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What the hall calls the PC (前台1号窗口): shown in sessions, audit and login limits. */
    name: text('name').notNull(),
    credentialHash: text('credential_hash').notNull().unique(),
    pairedAt: text('paired_at').notNull(),
    /** The address it paired from, as the office network saw it. */
    pairedFrom: text('paired_from').notNull(),
    lastSeenAt: text('last_seen_at'),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [check('workstations_revoked_by', sql`${t.revokedBy} is null or ${t.revokedAt} is not null`)],
);

/**
 * One-time pairing codes (配对码): shown on the host, valid for minutes, used
 * once. Only a keyed digest of the code is stored.
 */
export const officePairingCodes = sqliteTable(
  'office_pairing_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    codeHash: text('code_hash').notNull().unique(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: integer('issued_by').references(() => users.id),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    usedByWorkstation: integer('used_by_workstation').references(() => workstations.id),
  },
  (t) => [index('office_pairing_codes_expires').on(t.expiresAt)],
);
