import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './system';

/**
 * The province's feed to this county (docs/exchange-format.md §11): every
 * feed package imported, in sequence order (its own chain, refused when
 * replayed, out of order or forked), and the standing of the county's people
 * elsewhere in the province as of the newest one. Each feed is a whole
 * snapshot: importing it replaces the two standing tables, while the package
 * rows keep the history.
 */
export const provinceFeedPackages = sqliteTable('province_feed_packages', {
  sequence: integer('sequence').primaryKey(),
  packageHash: text('package_hash').notNull(),
  /** As of when the province's data stands (shown with every status: 据省级数据（截至…）). */
  asOf: text('as_of').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  statuses: integer('statuses').notNull(),
  subsidies: integer('subsidies').notNull(),
  /** Policy versions issued by the province first seen in this feed. */
  policies: integer('policies').notNull().default(0),
  /** Receipts of this county's packages it carried that were applied here (not already imported from a receipt file). */
  receipts: integer('receipts').notNull().default(0),
});

/** 已在XX县登记失业 / 已在XX县认定: a registration or certification in force in another county. */
export const crossCountyStatuses = sqliteTable(
  'cross_county_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idNumber: text('id_number').notNull(),
    countyCode: text('county_code').notNull(),
    /** 苏州市吴中区, named at import from the division list. */
    countyName: text('county_name').notNull(),
    kind: text('kind', { enum: ['unemployment_registration', 'difficulty_certification'] }).notNull(),
    since: text('since').notNull(),
    asOf: text('as_of').notNull(),
  },
  (t) => [index('cross_county_statuses_id_number').on(t.idNumber)],
);

/** A subsidy paid to the person in another county, for a period: excludes the same subsidy here for that period. */
export const crossCountySubsidies = sqliteTable(
  'cross_county_subsidies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idNumber: text('id_number').notNull(),
    countyCode: text('county_code').notNull(),
    countyName: text('county_name').notNull(),
    policyCode: text('policy_code').notNull(),
    policyName: text('policy_name').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    amountFen: integer('amount_fen').notNull(),
    asOf: text('as_of').notNull(),
  },
  (t) => [index('cross_county_subsidies_id_number').on(t.idNumber)],
);

/**
 * 省级下发的政策版本: a policy version the province issued, kept from the feed
 * that first carried it until the administrator activates it (it then becomes
 * the county's next version of that policy, in force) or it is passed over
 * because a newer issued version of the same policy was activated.
 */
export const provincePolicyVersions = sqliteTable(
  'province_policy_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    /** The province's version number (the county numbers the activated copy as its own next version). */
    provinceVersion: integer('province_version').notNull(),
    name: text('name').notNull(),
    /** The definition as issued (JSON), test cases included. */
    definition: text('definition').notNull(),
    issuedAt: text('issued_at').notNull(),
    feedSequence: integer('feed_sequence').notNull(),
    status: text('status', { enum: ['pending', 'activated', 'superseded'] }).notNull(),
    /** The county's policy_versions.policy_version the activation created. */
    activatedVersion: integer('activated_version'),
    activatedAt: text('activated_at'),
    activatedBy: integer('activated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('province_policy_versions_issue').on(t.code, t.provinceVersion)],
);
