import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './system';

/**
 * Change capture for the provincial exchange: one row per change of an
 * exported record, written by triggers in the same transaction as the change
 * (db/exchange/aggregates.ts lists what is exported; a test fails when a table
 * is neither exported nor declared internal). AUTOINCREMENT: change numbers
 * only grow and are never reused, even after the newest row is removed.
 */
export const exchangeChanges = sqliteTable(
  'exchange_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The exported entity (aggregate root), e.g. `persons`, `enterprise_visits`. */
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
  },
  (t) => [index('exchange_changes_entity').on(t.entity, t.entityId)],
);

/**
 * SM2 key pairs: the county's own (private key kept here, inside the encrypted
 * database) and the province's public keys. Rotation retires a key but keeps
 * it, so old packages and receipts stay verifiable.
 */
export const exchangeKeys = sqliteTable('exchange_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  owner: text('owner', { enum: ['county', 'province'] }).notNull(),
  keyId: text('key_id').notNull().unique(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key'),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  retiredAt: text('retired_at'),
});

/** Every package produced, in sequence order: the export history and the re-send source. */
export const exchangePackages = sqliteTable('exchange_packages', {
  sequence: integer('sequence').primaryKey(),
  fileName: text('file_name').notNull(),
  createdAt: text('created_at').notNull(),
  changeFrom: integer('change_from').notNull(),
  changeTo: integer('change_to').notNull(),
  /** JSON: records per entity. */
  counts: text('counts').notNull(),
  records: integer('records').notNull(),
  size: integer('size').notNull(),
  packageHash: text('package_hash').notNull(),
  previousHash: text('previous_hash'),
  signerKeyId: text('signer_key_id').notNull(),
  recipientKeyId: text('recipient_key_id').notNull(),
  outboxPath: text('outbox_path').notNull(),
  status: text('status', { enum: ['sent', 'receipted'] }).notNull(),
  accepted: integer('accepted'),
  rejected: integer('rejected'),
  receiptAt: text('receipt_at'),
  createdBy: integer('created_by').references(() => users.id),
});

/**
 * Each exported record's exchange state: sent in which package, then accepted
 * or rejected (with the province's reason) by its receipt. A record changed
 * after it was sent is `new` again until the next package.
 */
export const exchangeRecordStates = sqliteTable(
  'exchange_record_states',
  {
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    state: text('state', { enum: ['sent', 'accepted', 'rejected'] }).notNull(),
    /** The change number the state is about; a newer change makes the record pending again. */
    changeSeq: integer('change_seq').notNull(),
    packageSequence: integer('package_sequence').notNull(),
    /** Set once the province has accepted some version of the record: later changes are corrections. */
    everAccepted: integer('ever_accepted', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] }), index('exchange_record_states_state').on(t.state)],
);
