import { and, asc, count, eq, exists, gte, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { EnterpriseListItem, EnterpriseSearchResult, ParsedInputOf } from '../../shared/contract';
import { normalizeCreditCode } from '../../shared/domain/credit-code';
import { industryDivisionLabel } from '../../shared/domain/industry';
import type { ServiceContext } from '../context';
import type { DrizzleDb } from '../open';
import { enterpriseFormerNames, enterprises, vacancies } from '../schema';
import { entityLabelOf, lastVisitDates, latestHeadcounts } from './enterprise-view';
import { divisionNames } from './person-view';

function likePattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** LIKE with the pattern's wildcards escaped by likePattern (drizzle's like has no ESCAPE clause). */
function matches(column: AnySQLiteColumn, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

/**
 * How a query is read: letters and digits only, 6 or more → a credit code or
 * 注册号 (prefix, so a partly typed code finds it); anything else → part of the
 * current or a former name. A county holds thousands of enterprises, not
 * millions: a LIKE scan over names is fast enough and finds any fragment.
 */
function queryCondition(db: DrizzleDb, query: string): { where: SQL | undefined; matchedAs: EnterpriseSearchResult['matchedAs']; pattern: string | null } {
  const q = query.trim();
  if (q === '') return { where: undefined, matchedAs: 'all', pattern: null };
  const code = normalizeCreditCode(q);
  // A whole code is looked up in its unique index; a beginning is matched as a prefix.
  if (/^[0-9A-Z]{18}$/.test(code)) return { where: eq(enterprises.creditCode, code), matchedAs: 'creditCode', pattern: null };
  if (/^\d{15}$/.test(code)) return { where: or(eq(enterprises.registrationNumber, code), like(enterprises.creditCode, `${code}%`)), matchedAs: 'creditCode', pattern: null };
  if (/^[0-9A-Z]{6,18}$/.test(code) && /\d/.test(code)) {
    const prefix = `${code}%`;
    return { where: or(like(enterprises.creditCode, prefix), like(enterprises.registrationNumber, prefix)), matchedAs: 'creditCode', pattern: null };
  }
  const pattern = likePattern(q);
  const formerName = db.select({ one: sql`1` }).from(enterpriseFormerNames).where(and(eq(enterpriseFormerNames.enterpriseId, enterprises.id), matches(enterpriseFormerNames.name, pattern)));
  return { where: or(matches(enterprises.name, pattern), exists(formerName)), matchedAs: 'name', pattern };
}

export function search(ctx: ServiceContext, input: ParsedInputOf<'enterprises.search'>): EnterpriseSearchResult {
  const { db } = ctx.database();
  const { where: byQuery, matchedAs, pattern } = queryCondition(db, input.query);
  const f = input.filters ?? {};
  const conditions = [
    byQuery,
    f.townshipCode ? eq(enterprises.townshipCode, f.townshipCode) : undefined,
    f.industrySection ? eq(enterprises.industrySection, f.industrySection) : undefined,
    f.sizeClass ? eq(enterprises.sizeClass, f.sizeClass) : undefined,
    f.flag ? eq(enterprises[f.flag], true) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(enterprises).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const ids = rows.map((r) => r.id);
  const last = lastVisitDates(ctx, ids);
  const insured = latestHeadcounts(ctx, ids);
  const open = openVacancyCounts(ctx, ids);
  const names = divisionNames(ctx);
  const formerMatch = new Map<number, string>();
  if (pattern) {
    for (const r of rows) {
      if (r.name.includes(input.query.trim())) continue;
      const former = db
        .select({ name: enterpriseFormerNames.name })
        .from(enterpriseFormerNames)
        .where(and(eq(enterpriseFormerNames.enterpriseId, r.id), matches(enterpriseFormerNames.name, pattern)))
        .get();
      if (former) formerMatch.set(r.id, former.name);
    }
  }
  const items: EnterpriseListItem[] = rows.map((r) => ({
    id: r.id,
    creditCode: r.creditCode,
    registrationNumber: r.registrationNumber,
    name: r.name,
    matchedFormerName: formerMatch.get(r.id) ?? null,
    entityLabel: entityLabelOf(r),
    industryDivisionLabel: r.industryDivision ? industryDivisionLabel(r.industryDivision) : null,
    sizeClass: r.sizeClass,
    townshipName: r.townshipCode ? (names.get(r.townshipCode) ?? null) : null,
    insuredCount: insured.get(r.id) ?? null,
    lastVisitDate: last.get(r.id) ?? null,
    openVacancies: open.get(r.id) ?? 0,
    status: r.status,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize, matchedAs };
}

/** Vacancies open today (status open and not past their last day), per enterprise. */
function openVacancyCounts(ctx: ServiceContext, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = ctx
    .database()
    .db.select({ id: vacancies.enterpriseId, n: count() })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'open'), gte(vacancies.validTo, ctx.today), inArray(vacancies.enterpriseId, ids)))
    .groupBy(vacancies.enterpriseId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}
