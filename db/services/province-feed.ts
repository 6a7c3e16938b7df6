/**
 * The province's feed at the county desk (docs/exchange-format.md §11): a
 * package signed by the province and encrypted for this county, verified,
 * checked on its own chain (replayed, out of order or forked feeds refused)
 * and applied in the router's one transaction — or refused with nothing
 * applied. Each feed is a whole snapshot of this county's people's standing
 * elsewhere in the province.
 */
import { and, desc, eq } from 'drizzle-orm';
import { wholeMonthsBetween } from '../../shared/domain/calendar';
import type { Entitlement } from '../../shared/domain/policies';
import type { CrossCountyStanding, ParsedInputOf, ProvinceFeedImportResult, ProvinceFeedStatus } from '../../shared/contract';
import { checkChain } from '../../shared/exchange/chain';
import { ExchangeError, isExchangeError } from '../../shared/exchange/errors';
import { readPackageBytes, type PackageInMemory } from '../../shared/exchange/package-bytes';
import { FeedError, parseFeedFiles, periodDays, type FeedContent } from '../../shared/exchange/province-feed';
import { actorUserId, type ServiceContext } from '../context';
import { countyLevelNames } from '../divisions';
import { AppError, fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { applyReceipt, PROVINCE_CODE } from '../exchange/receipts';
import { readSetting } from '../queries/settings';
import { crossCountyStatuses, crossCountySubsidies, exchangeKeys, exchangePackages, persons, provinceFeedPackages } from '../schema';
import { cachedStatement, connectionOf } from '../statements';
import { keepIssuedPolicies } from './province-feed-policies';

function lastFeed(ctx: ServiceContext) {
  return ctx.database().db.select().from(provinceFeedPackages).orderBy(desc(provinceFeedPackages.sequence)).limit(1).get() ?? null;
}

export function status(ctx: ServiceContext): ProvinceFeedStatus {
  const last = lastFeed(ctx);
  return { lastSequence: last?.sequence ?? null, asOf: last?.asOf ?? null, importedAt: last?.importedAt ?? null, statuses: last?.statuses ?? 0, subsidies: last?.subsidies ?? 0 };
}

/** Why a feed is refused, as one sentence with the format's refusal code. */
function refusal(error: unknown): AppError {
  const code = isExchangeError(error) || error instanceof FeedError ? error.code : 'MALFORMED_PAYLOAD';
  const message = error instanceof Error ? error.message : String(error);
  return fieldError('base64', `拒收 [${code}] ${message}`, '省级下发数据包');
}

export function importFeed(ctx: ServiceContext, input: ParsedInputOf<'provinceFeed.import'>): ProvinceFeedImportResult {
  const { db } = ctx.database();
  const keys = db.select().from(exchangeKeys).all();
  const provinceKeys = keys.filter((k) => k.owner === 'province').map((k) => ({ code: PROVINCE_CODE, keyId: k.keyId, publicKey: k.publicKey }));
  if (provinceKeys.length === 0) throw new AppError('BAD_INPUT', '尚未导入省级公钥，无法核验省级下发数据');
  const countyKeys = keys.filter((k) => k.owner === 'county' && k.privateKey);
  if (countyKeys.length === 0) throw new AppError('BAD_INPUT', '尚未生成本县交换密钥，无法打开省级下发数据');
  const countyCode = readSetting(db, 'county_code');
  let feed: FeedContent;
  let pkg: PackageInMemory;
  try {
    pkg = readPackageBytes(new Uint8Array(Buffer.from(input.base64, 'base64')), provinceKeys);
    // Addressed to this county? Told from the signed header, before the chain: another county's feed is refused as such.
    const recipients = pkg.header.recipients;
    const key = countyKeys.find((k) => recipients.some((r) => r.keyId === k.keyId));
    if (!key) throw new ExchangeError('NOT_ADDRESSED_TO_RECIPIENT', `这份省级下发数据不是发给本县（${countyCode}）的：本县的交换密钥不在接收方之列`);
    const last = lastFeed(ctx);
    const verdict = checkChain(last ? { lastSequence: last.sequence, lastHash: last.packageHash } : null, pkg.chainLink, (sequence) =>
      db.select({ hash: provinceFeedPackages.packageHash }).from(provinceFeedPackages).where(eq(provinceFeedPackages.sequence, sequence)).get()?.hash,
    );
    if (verdict.status === 'refused') throw verdict.error;
    feed = parseFeedFiles(pkg.unlock({ keyId: key.keyId, privateKey: key.privateKey! }));
    if (feed.meta.county !== countyCode) throw new ExchangeError('NOT_ADDRESSED_TO_RECIPIENT', `这份省级下发数据是发给 ${feed.meta.county} 的，不是本县（${countyCode}）`);
  } catch (error) {
    throw refusal(error);
  }
  const at = ctx.now.toISOString();
  const asOf = feed.meta.asOf;
  const names = countyLevelNames(ctx.divisions());
  const countyName = (code: string) => names.get(code) ?? `区划${code}`;
  db.delete(crossCountyStatuses).run();
  db.delete(crossCountySubsidies).run();
  for (const s of feed.statuses) db.insert(crossCountyStatuses).values({ idNumber: s.idNumber, countyCode: s.county, countyName: countyName(s.county), kind: s.kind, since: s.since, asOf }).run();
  for (const s of feed.subsidies) {
    db.insert(crossCountySubsidies)
      .values({ idNumber: s.idNumber, countyCode: s.county, countyName: countyName(s.county), policyCode: s.policyCode, policyName: s.policyName, periodFrom: s.periodFrom, periodTo: s.periodTo, amountFen: s.amountFen, asOf })
      .run();
  }
  const sequence = pkg.header.sequence;
  const policies = keepIssuedPolicies(db, sequence, feed.policies);
  const receipts = applyFeedReceipts(ctx, countyCode, feed);
  db.insert(provinceFeedPackages)
    .values({ sequence, packageHash: pkg.packageHash, asOf, importedAt: at, importedBy: actorUserId(ctx), statuses: feed.statuses.length, subsidies: feed.subsidies.length, policies, receipts })
    .run();
  const result = { sequence, asOf, statuses: feed.statuses.length, subsidies: feed.subsidies.length, policies, receipts };
  ctx.audit({ action: 'provinceFeed.import', entityType: 'province_feed_package', entityId: sequence, detail: { fileName: input.fileName, ...result } });
  return result;
}

/**
 * The receipts the feed carries back, applied as an imported receipt file
 * would be (records' states accepted or rejected). Idempotent: a package
 * whose receipt was already imported (from its file, or an earlier feed) is
 * passed over. A receipt that does not match a package sent from here refuses
 * the whole feed, with the package named.
 */
function applyFeedReceipts(ctx: ServiceContext, countyCode: string, feed: FeedContent): number {
  const { db, sqlite } = ctx.database();
  let applied = 0;
  for (const receipt of feed.receipts) {
    const sent = db.select({ status: exchangePackages.status }).from(exchangePackages).where(eq(exchangePackages.sequence, receipt.sequence)).get();
    if (sent?.status === 'receipted') continue;
    try {
      applyReceipt(sqlite, countyCode, receipt, ctx.now);
    } catch (error) {
      throw fieldError('base64', `拒收：省级下发数据中第 ${receipt.sequence} 号数据包的回执对不上本县的数据包（${error instanceof Error ? error.message : String(error)}）`, '省级下发数据包');
    }
    applied += 1;
  }
  return applied;
}

/** The person's standing elsewhere, as of the newest feed (empty before any). */
export function personStanding(ctx: ServiceContext, input: ParsedInputOf<'provinceFeed.personStanding'>): CrossCountyStanding {
  const { db } = ctx.database();
  const person = db.select({ idNumber: persons.idNumber }).from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) throw new AppError('NOT_FOUND', '没有这个人员');
  const statuses = db.select().from(crossCountyStatuses).where(eq(crossCountyStatuses.idNumber, person.idNumber)).orderBy(crossCountyStatuses.since).all();
  const subsidies = db.select().from(crossCountySubsidies).where(eq(crossCountySubsidies.idNumber, person.idNumber)).orderBy(crossCountySubsidies.periodFrom).all();
  return {
    asOf: lastFeed(ctx)?.asOf ?? null,
    statuses: statuses.map((s) => ({ countyCode: s.countyCode, countyName: s.countyName, kind: s.kind, since: s.since })),
    subsidies: subsidies.map((s) => ({
      countyCode: s.countyCode,
      countyName: s.countyName,
      policyCode: s.policyCode,
      policyName: s.policyName,
      periodFrom: s.periodFrom,
      periodTo: s.periodTo,
      amountFen: s.amountFen,
    })),
  };
}

/** The person's unemployment registration in force in another county, as the newest feed has it (null: none known). */
export function unemploymentRegisteredElsewhere(ctx: ServiceContext, idNumber: string): { countyName: string; since: string; asOf: string } | null {
  const row = ctx
    .database()
    .db.select()
    .from(crossCountyStatuses)
    .where(and(eq(crossCountyStatuses.idNumber, idNumber), eq(crossCountyStatuses.kind, 'unemployment_registration')))
    .orderBy(desc(crossCountyStatuses.since))
    .get();
  if (!row) return null;
  return { countyName: row.countyName, since: row.since, asOf: row.asOf };
}

/**
 * Subsidies paid to these people in other counties, as entitlements for the
 * policy engine (limits count them; the same policy for the same period is
 * excluded), keyed by ID number.
 */
const ELSEWHERE_SQL = `select id_number as idNumber, county_name as countyName, policy_code as policyCode, period_from as periodFrom, period_to as periodTo, amount_fen as amountFen
  from cross_county_subsidies where id_number in (select value from json_each(?))`;

export function entitlementsElsewhere(db: DrizzleDb, idNumbers: readonly string[]): Map<string, Entitlement[]> {
  const found = new Map<string, Entitlement[]>();
  if (idNumbers.length === 0) return found;
  // One kept statement over a JSON array (a sweep asks this for each page of 500 persons).
  const rows = cachedStatement(connectionOf(db), ELSEWHERE_SQL).all(JSON.stringify(idNumbers)) as Array<typeof crossCountySubsidies.$inferSelect>;
  for (const r of rows) {
    const { from, to } = periodDays(r.periodFrom, r.periodTo);
    const months = to > from ? wholeMonthsBetween(from, dayAfter(to)) : 0;
    found.set(r.idNumber, [...(found.get(r.idNumber) ?? []), { policyCode: r.policyCode, from, to, months, amountFen: Math.max(0, r.amountFen), elsewhere: r.countyName }]);
  }
  return found;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
