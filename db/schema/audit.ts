import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of every write, reveal, print, export and
 * backup. Personal data never appears here in clear: before/after are digests.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    /** Non-personal detail (JSON), e.g. which fields changed and the stated reason. */
    detail: text('detail'),
    /** The workstation (办公室模式) the call came from; null on the host's own window, the command line and jobs. */
    workstationId: integer('workstation_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_entity').on(t.entityType, t.entityId), index('audit_log_at').on(t.at)],
);
