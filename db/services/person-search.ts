import { and, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf, PersonSearchResult } from '../../shared/contract';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { normalizePinyinQuery } from '../../shared/domain/pinyin-keys';
import { compactCode } from '../../shared/domain/text';
import { EMPLOYMENT_STATUS_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { personKeyGroups, persons, personSearchKeys } from '../schema';
import { writeXlsx } from '../xlsx';
import { ensureKeyGroupsCurrent, keyGroupsOf, type PersonRow } from './person-derived';
import { divisionNames, toListItem } from './person-view';

type Filters = NonNullable<ParsedInputOf<'persons.search'>['filters']>;
type MatchedAs = PersonSearchResult['matchedAs'];

/** Everything that sorts after a prefix: `col >= p and col < p + U+FFFF` is an index range, unlike LIKE. */
function prefix(column: AnySQLiteColumn, value: string): SQL {
  return and(gte(column, value), lt(column, `${value}\uffff`))!;
}

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

/**
 * How a typed query is understood, in the order staff expect: a full ID number,
 * then a mobile number, then digits (phone tail or ID fragment), latin letters
 * (pinyin initials or full pinyin), else a name prefix.
 */
function queryCondition(ctx: ServiceContext, raw: string): { where: SQL | undefined; matchedAs: MatchedAs } {
  const query = compactCode(raw);
  if (query === '') return { where: undefined, matchedAs: 'all' };
  const asId = parseIdNumber(query, ctx.today);
  if (asId.ok) return { where: eq(persons.idNumber, asId.idNumber), matchedAs: 'idNumber' };
  if (/^\d{3,17}[\dXx]?$/.test(query) || normalizeMobile(raw)) {
    const digits = query.replace(/^\+?86(?=1\d{10}$)/, '').replace(/[-()（）]/g, '').toUpperCase();
    const byId = sql`${persons.id} in (select rowid from person_id_fts where person_id_fts match ${`"${digits}"`})`;
    // Eleven digits are a mobile number or an ID fragment (birth date + sequence, 19900512013): try both.
    const asPhone = normalizeMobile(raw);
    const byPhone = asPhone ? eq(persons.phone, asPhone) : prefix(persons.phoneReversed, [...digits].reverse().join(''));
    return { where: /^[\dX]+$/.test(digits) ? or(byPhone, byId) : byPhone, matchedAs: 'digits' };
  }
  const byKey = (key: string) =>
    inArray(persons.id, ctx.database().db.select({ id: personSearchKeys.personId }).from(personSearchKeys).where(prefix(personSearchKeys.key, key)));
  if (/^[a-z\s']+$/i.test(query)) return { where: byKey(normalizePinyinQuery(query)), matchedAs: 'pinyin' };
  const name = raw.trim();
  // One character is a surname: tens of thousands of matches, read straight from the name index in
  // name order. Longer queries are full or given names, few enough to also try the given-name keys.
  if ([...name].length === 1) return { where: prefix(persons.name, name), matchedAs: 'name' };
  return { where: or(prefix(persons.name, name), byKey(name)), matchedAs: 'name' };
}

function filterConditions(ctx: ServiceContext, filters: Filters | undefined): SQL[] {
  const parts: SQL[] = [isNull(persons.mergedIntoId)];
  if (!filters) return parts;
  if (filters.keyGroup) {
    ensureKeyGroupsCurrent(ctx.database().db, ctx.today);
    parts.push(inArray(persons.id, ctx.database().db.select({ id: personKeyGroups.personId }).from(personKeyGroups).where(eq(personKeyGroups.code, filters.keyGroup))));
  }
  if (filters.employmentStatus) parts.push(eq(persons.employmentStatus, filters.employmentStatus));
  if (filters.residenceTownshipCode) parts.push(eq(persons.residenceTownshipCode, filters.residenceTownshipCode));
  if (filters.educationCode) parts.push(eq(persons.educationCode, filters.educationCode));
  // Age on today: born after (today − (max+1) years) and on or before (today − min years).
  if (filters.ageMin !== undefined) parts.push(lte(persons.birthDate, yearsBefore(ctx.today, filters.ageMin)));
  if (filters.ageMax !== undefined) parts.push(gt(persons.birthDate, yearsBefore(ctx.today, filters.ageMax + 1)));
  return parts;
}

function conditions(ctx: ServiceContext, query: string, filters: Filters | undefined) {
  const { where, matchedAs } = queryCondition(ctx, query);
  const all = [...filterConditions(ctx, filters), ...(where ? [where] : [])];
  return { where: and(...all), matchedAs };
}

function liveKeyGroups(row: PersonRow, today: string): string[] {
  return keyGroupsOf(row, today).map((t) => t.code);
}

/** Counting stops here: "more than 10,000" is all staff need to know to narrow the query. */
export const COUNT_CAP = 10_000;

export function search(ctx: ServiceContext, input: ParsedInputOf<'persons.search'>): PersonSearchResult {
  const { db } = ctx.database();
  const { where, matchedAs } = conditions(ctx, input.query, input.filters);
  const counted = db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${persons} where ${where ?? sql`1`} limit ${COUNT_CAP + 1})`).n;
  // Each kind is read in the order of the index it searches, so the first page needs no sort of every match:
  // names alphabetically, everything else newest record first.
  const rows = db
    .select()
    .from(persons)
    .where(where)
    .orderBy(...(matchedAs === 'name' ? [persons.name, persons.mergedIntoId, persons.id] : [desc(persons.id)]))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const names = divisionNames(ctx);
  return {
    // Tags computed for today, as the profile shows them (stored tags serve only the filter).
    items: rows.map((row) => toListItem(row, liveKeyGroups(row, ctx.today), names, ctx.today)),
    total: Math.min(counted, COUNT_CAP),
    totalCapped: counted > COUNT_CAP,
    page: input.page,
    pageSize: input.pageSize,
    matchedAs,
  };
}

const EXPORT_LIMIT = 100_000;

/** The search result as a spreadsheet; ID numbers and phones stay masked, the export is audited. */
export function exportXlsx(ctx: ServiceContext, input: ParsedInputOf<'persons.exportXlsx'>): { fileName: string; base64: string; rows: number } {
  const { db } = ctx.database();
  const { where } = conditions(ctx, input.query, input.filters);
  const rows = db.select().from(persons).where(where).orderBy(persons.id).limit(EXPORT_LIMIT + 1).all();
  if (rows.length > EXPORT_LIMIT) throw new AppError('BAD_INPUT', `符合条件的人员超过 ${EXPORT_LIMIT} 人，请增加筛选条件后再导出`);
  const names = divisionNames(ctx);
  const items = rows.map((row) => toListItem(row, liveKeyGroups(row, ctx.today), names, ctx.today));
  const buffer = writeXlsx(
    '人员名单',
    ['序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态'],
    items.map((p, i) => [i + 1, p.name, SEX_LABELS[p.sex], p.birthDate, p.age, p.idNumberMasked, p.phoneMasked, p.residenceTownshipName, EMPLOYMENT_STATUS_LABELS[p.employmentStatus]]),
    [6, 10, 6, 12, 6, 22, 14, 18, 20],
  );
  ctx.audit({ action: 'persons.exportXlsx', detail: { query: input.query ? '（有查询条件）' : '', filters: input.filters ?? {}, rows: items.length } });
  return { fileName: `人员名单-${ctx.today}.xlsx`, base64: buffer.toString('base64'), rows: items.length };
}
