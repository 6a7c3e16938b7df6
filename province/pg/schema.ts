/**
 * The province's receiving database on PostgreSQL (drizzle's pg dialect).
 * Same tables and meaning as the SQLite store's, so the two leave the same
 * rows behind for the same packages; records keyed by the sending county and
 * the county's own id, so two counties never collide. Migrations:
 * province/migrations-pg, made with `npx drizzle-kit generate --config province/drizzle.config.ts`.
 */
import { sql } from 'drizzle-orm';
import type { ReceiptContent } from '../store';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Where each county's chain of packages stands. */
export const senders = pgTable('senders', {
  code: text('code').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
  lastHash: text('last_hash').notNull(),
});

/** Every package applied, once (its primary key is the idempotence). */
export const packages = pgTable(
  'packages',
  {
    sender: text('sender').notNull(),
    sequence: integer('sequence').notNull(),
    packageHash: text('package_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    records: integer('records').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sender, t.sequence] })],
);

/** The newest received state of every county record (a whole aggregate, as the county exported it). */
export const records = pgTable(
  'records',
  {
    sender: text('sender').notNull(),
    entity: text('entity').notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    op: text('op').notNull(),
    record: jsonb('record').$type<Record<string, unknown>>(),
    packageSequence: integer('package_sequence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sender, t.entity, t.id] }),
    // The province-wide look-up: a person by ID number, in whichever county registered them.
    index('records_person_id_number').on(sql`(${t.record} ->> 'idNumber')`).where(sql`${t.entity} = 'persons'`),
  ],
);

export const corrections = pgTable(
  'corrections',
  {
    serial: bigint('serial', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sender: text('sender').notNull(),
    entity: text('entity').notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
  },
  (t) => [index('corrections_record').on(t.sender, t.entity, t.id)],
);

export const rejections = pgTable(
  'rejections',
  {
    serial: bigint('serial', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sender: text('sender').notNull(),
    entity: text('entity').notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    packageSequence: integer('package_sequence').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('rejections_package').on(t.sender, t.packageSequence)],
);

/** The province's feed to each county: its own chain of packages per county (docs/exchange-format.md §11). */
export const feedPackages = pgTable(
  'feed_packages',
  {
    county: text('county').notNull(),
    sequence: integer('sequence').notNull(),
    packageHash: text('package_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    statuses: integer('statuses').notNull(),
    subsidies: integer('subsidies').notNull(),
    policies: integer('policies').notNull().default(0),
    receipts: integer('receipts').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.county, t.sequence] })],
);

/**
 * Policy catalogue versions the province issues (政策下发): the whole
 * definition with its stored test cases, to every county (`counties` null)
 * or to those listed. Each county's feed carries the versions issued to it;
 * the county reviews and activates them. A version, once issued, never changes.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    counties: jsonb('counties').$type<string[]>(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

/**
 * The receipt of every package applied (its content, as signed in the receipt
 * file), until a feed to its county carries it back: `fed_in` is that feed's
 * sequence. A county imports feeds in order, so each receipt travels once.
 */
export const receipts = pgTable(
  'receipts',
  {
    sender: text('sender').notNull(),
    sequence: integer('sequence').notNull(),
    content: jsonb('content').$type<ReceiptContent>().notNull(),
    fedIn: integer('fed_in'),
  },
  (t) => [primaryKey({ columns: [t.sender, t.sequence] })],
);
