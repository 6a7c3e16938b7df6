/**
 * The province's answer back to one county (`province publish --county CODE`):
 * for every person the county has sent, what other counties know of them —
 * an unemployment registration or a 就业困难人员 certification in force
 * there, subsidies paid there and for which periods — and the policy
 * versions the province issued to it, and the receipts of its packages not
 * yet carried back, as one feed package
 * signed by the province and encrypted for that county alone, next on the
 * county's feed chain.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RecipientPublicKey, SigningKey } from '../../shared/exchange/keys';
import { buildPackageBytes } from '../../shared/exchange/package-bytes';
import { FEED_SCHEMA_VERSION, feedFiles, type CrossCountyStatus, type CrossCountySubsidy, type FeedContent } from '../../shared/exchange/province-feed';
import { publishFile } from '../node-io';
import { issuedPoliciesFor } from './policies';
import { feedPackages, receipts } from './schema';
import type { PgReceiverStore } from './store';

/** Standing elsewhere of the people `county` knows, read from every other county's records. */
export async function feedContentFor(store: PgReceiverStore, county: string, asOf: Date): Promise<FeedContent> {
  const known = sql`known as (select distinct record ->> 'idNumber' as id_number from records where sender = ${county} and entity = 'persons' and record is not null)`;
  const statuses = await store.db.execute<{ idNumber: string; county: string; kind: CrossCountyStatus['kind']; since: string }>(sql`
    with ${known},
    elsewhere as (
      select p.sender, p.id, p.record ->> 'idNumber' as id_number from records p join known k on (p.record ->> 'idNumber') = k.id_number
      where p.entity = 'persons' and p.sender <> ${county})
    select distinct e.id_number as "idNumber", e.sender as county, c.record ->> 'matterType' as kind,
      coalesce(c.record ->> 'acceptedOn', substr(c.record ->> 'decidedAt', 1, 10)) as since
    from elsewhere e join records c on c.sender = e.sender and c.entity = 'cases' and (c.record ->> 'personId')::bigint = e.id
    where c.record ->> 'state' = 'approved' and c.record ->> 'endedOn' is null
      and c.record ->> 'matterType' in ('unemployment_registration', 'difficulty_certification')`);
  const subsidies = await store.db.execute<CrossCountySubsidy>(sql`
    with ${known}
    select distinct l.record ->> 'payeeIdNumber' as "idNumber", l.sender as county, l.record ->> 'policyCode' as "policyCode",
      l.record ->> 'policyName' as "policyName", l.record ->> 'periodFrom' as "periodFrom", l.record ->> 'periodTo' as "periodTo",
      (l.record ->> 'amountFen')::bigint::int as "amountFen"
    from records l join known k on (l.record ->> 'payeeIdNumber') = k.id_number
    where l.entity = 'payment_lines' and l.sender <> ${county} and l.record ->> 'state' = 'paid' and l.record ->> 'payeeKind' = 'person'`);
  return {
    meta: { county, asOf: asOf.toISOString() },
    statuses: statuses.rows.filter((s) => s.since !== null),
    subsidies: subsidies.rows,
    policies: await issuedPoliciesFor(store, county),
    // Filled in by publishFeed, under the county's lock: each receipt travels in one feed only.
    receipts: [],
  };
}

export interface PublishedFeed {
  path: string;
  sequence: number;
  statuses: number;
  subsidies: number;
  policies: number;
  receipts: number;
}

/** Builds the county's next feed package into `outDir` (`320000-<county>-<sequence>.jyf`) and records it on the chain. */
export async function publishFeed(
  store: PgReceiverStore,
  options: { county: string; province: SigningKey; recipient: RecipientPublicKey; outDir: string; now: Date },
): Promise<PublishedFeed> {
  const content = await feedContentFor(store, options.county, options.now);
  // The package is written under a name no county imports until its record is committed, then renamed:
  // a commit that fails leaves no package the province never recorded (the next would fork the chain).
  let spool: string | null = null;
  const published = await store.db.transaction(async (tx) => {
    // One publisher per county at a time: the chain may not fork.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feed:${options.county}`}))`);
    const [last] = await tx.select().from(feedPackages).where(eq(feedPackages.county, options.county)).orderBy(desc(feedPackages.sequence)).limit(1);
    const sequence = (last?.sequence ?? 0) + 1;
    const unsent = await tx
      .update(receipts)
      .set({ fedIn: sequence })
      .where(and(eq(receipts.sender, options.county), isNull(receipts.fedIn)))
      .returning({ content: receipts.content });
    content.receipts = unsent.map((r) => r.content);
    const built = buildPackageBytes(
      {
        sender: options.province,
        recipients: [options.recipient],
        sequence,
        previousHash: last?.packageHash ?? null,
        createdAt: options.now,
        changeRange: { from: sequence, to: sequence },
        schemaVersion: FEED_SCHEMA_VERSION,
      },
      feedFiles(content),
    );
    await tx.insert(feedPackages).values({
      county: options.county,
      sequence,
      packageHash: built.packageHash,
      createdAt: options.now,
      statuses: content.statuses.length,
      subsidies: content.subsidies.length,
      policies: content.policies.length,
      receipts: content.receipts.length,
    });
    const path = join(options.outDir, `${options.province.code}-${options.county}-${String(sequence).padStart(8, '0')}.jyf`);
    spool = `${path}.unrecorded`;
    await publishFile(spool, built.bytes);
    return { path, sequence, statuses: content.statuses.length, subsidies: content.subsidies.length, policies: content.policies.length, receipts: content.receipts.length };
  }).catch(async (error: unknown) => {
    if (spool) await rm(spool, { force: true });
    throw error;
  });
  await rename(spool!, published.path);
  return published;
}

/** The feed packages published for a county, oldest first. */
export async function publishedFeeds(store: PgReceiverStore, county: string): Promise<Array<{ sequence: number; packageHash: string }>> {
  return store.db.select({ sequence: feedPackages.sequence, packageHash: feedPackages.packageHash }).from(feedPackages).where(and(eq(feedPackages.county, county))).orderBy(feedPackages.sequence);
}
