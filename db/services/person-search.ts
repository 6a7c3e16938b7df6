import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf, PersonSearchResult } from '../../shared/contract';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { normalizePinyinQuery } from '../../shared/domain/pinyin-keys';
import { compactCode } from '../../shared/domain/text';
import { EMPLOYMENT_STATUS_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { countPersonMatches, idNumberContains, keyGroupIds, personMatchesPage, prefix, searchKeyIds, type PersonMatch } from '../queries/persons';
import { persons } from '../schema';
import { writeXlsx } from '../xlsx';
import { certificationsOfMany, keyGroupsOf, type PersonRow } from './person-derived';
import { divisionNames, toListItem } from './person-view';

type Filters = NonNullable<ParsedInputOf<'persons.search'>['filters']>;
type MatchedAs = PersonSearchResult['matchedAs'];

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

/**
 * What a search matches. `where` filters persons; `idSets` are subqueries of
 * person ids read from the derived tables (search keys, key-group tags), which
 * merged records have no rows in, so a search driven by them needs no
 * `merged_into_id` test — reading every matched row only for that test is what
 * made pinyin and key-group searches slow at a million records.
 */
interface Matching {
  where: SQL[];
  idSets: SQL[];
  matchedAs: MatchedAs;
}

/** ID fragments shorter than this are read as phone tails only: "0506" is in most IDs of the county. */
const MIN_ID_FRAGMENT_DIGITS = 6;

/**
 * How a typed query is understood, in the order staff expect: a full ID number,
 * then a mobile number, then digits (phone tail or ID fragment), latin letters
 * (pinyin initials or full pinyin), else a name prefix.
 */
function queryMatching(ctx: ServiceContext, raw: string): Matching {
  const query = compactCode(raw);
  if (query === '') return { where: [], idSets: [], matchedAs: 'all' };
  const asId = parseIdNumber(query, ctx.today);
  if (asId.ok) return { where: [eq(persons.idNumber, asId.idNumber)], idSets: [], matchedAs: 'idNumber' };
  if (/^\d{3,17}[\dXx]?$/.test(query) || normalizeMobile(raw)) {
    const digits = query.replace(/^\+?86(?=1\d{10}$)/, '').replace(/[-()（）]/g, '').toUpperCase();
    // Eleven digits are a mobile number or an ID fragment (birth date + sequence, 19900512013): try both.
    const asPhone = normalizeMobile(raw);
    const byPhone = asPhone ? eq(persons.phone, asPhone) : prefix(persons.phoneReversed, [...digits].reverse().join(''));
    const asIdFragment = /^[\dX]+$/.test(digits) && digits.length >= MIN_ID_FRAGMENT_DIGITS;
    return { where: [asIdFragment ? or(byPhone, idNumberContains(digits))! : byPhone], idSets: [], matchedAs: 'digits' };
  }
  if (/^[a-z\s']+$/i.test(query)) return { where: [], idSets: [searchKeyIds(normalizePinyinQuery(query))], matchedAs: 'pinyin' };
  const name = raw.trim();
  // One character is a surname: tens of thousands of matches, read straight from the name index in
  // name order. Longer queries are full or given names, few enough to also try the given-name keys.
  if ([...name].length === 1) return { where: [prefix(persons.name, name)], idSets: [], matchedAs: 'name' };
  return { where: [or(prefix(persons.name, name), sql`${persons.id} in (${searchKeyIds(name)})`)!], idSets: [], matchedAs: 'name' };
}

function addFilters(ctx: ServiceContext, matching: Matching, filters: Filters | undefined): Matching {
  const where = [...matching.where];
  const idSets = [...matching.idSets];
  if (filters?.keyGroup) {
    // Stored tags are current: the desk rechecks the people due on the first call of each office day.
    idSets.push(keyGroupIds(filters.keyGroup));
  }
  if (filters?.employmentStatus) where.push(eq(persons.employmentStatus, filters.employmentStatus));
  if (filters?.residenceTownshipCode) where.push(eq(persons.residenceTownshipCode, filters.residenceTownshipCode));
  if (filters?.educationCode) where.push(eq(persons.educationCode, filters.educationCode));
  // Age on today: born after (today − (max+1) years) and on or before (today − min years).
  if (filters?.ageMin !== undefined) where.push(lte(persons.birthDate, yearsBefore(ctx.today, filters.ageMin)));
  if (filters?.ageMax !== undefined) where.push(gt(persons.birthDate, yearsBefore(ctx.today, filters.ageMax + 1)));
  return { where, idSets, matchedAs: matching.matchedAs };
}

function conditions(ctx: ServiceContext, query: string, filters: Filters | undefined) {
  const matching = addFilters(ctx, queryMatching(ctx, query), filters);
  const all = [
    ...(matching.idSets.length ? [] : [isNull(persons.mergedIntoId)]),
    ...matching.where,
    ...matching.idSets.map((ids) => sql`${persons.id} in (${ids})`),
  ];
  return { where: and(...all), matching };
}

/** A search by one id set alone (pinyin, or a key group) is counted and paged in that set's own covering index. */
function personMatch(where: SQL | undefined, matching: Matching): PersonMatch {
  const onlyIdSet = matching.idSets.length === 1 && matching.where.length === 0 ? matching.idSets[0] : undefined;
  return onlyIdSet ? { idSet: onlyIdSet } : { where };
}

/** Each row's key groups as of today, with the certifications of all the rows read at once. */
function liveKeyGroups(ctx: ServiceContext, rows: PersonRow[]): Array<{ row: PersonRow; keyGroups: string[] }> {
  const certifications = certificationsOfMany(ctx.database().db, rows.map((r) => r.id));
  return rows.map((row) => ({ row, keyGroups: keyGroupsOf(row, ctx.today, certifications.get(row.id) ?? []).map((t) => t.code) }));
}

/** Counting stops here: "more than 10,000" is all staff need to know to narrow the query. */
export const COUNT_CAP = 10_000;

export function search(ctx: ServiceContext, input: ParsedInputOf<'persons.search'>): PersonSearchResult {
  const { where, matching } = conditions(ctx, input.query, input.filters);
  const { matchedAs } = matching;
  const { db } = ctx.database();
  const match = personMatch(where, matching);
  const counted = countPersonMatches(db, match, COUNT_CAP);
  // Each kind is read in the order of the index it searches, so the first page needs no sort of every match:
  // names alphabetically, everything else newest record first.
  const rows = personMatchesPage(db, match, { order: matchedAs === 'name' ? 'name' : 'newest', limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const names = divisionNames(ctx);
  return {
    // Tags computed for today, as the profile shows them (stored tags serve only the filter).
    items: liveKeyGroups(ctx, rows).map(({ row, keyGroups }) => toListItem(row, keyGroups, names, ctx.today)),
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
  const items = liveKeyGroups(ctx, rows).map(({ row, keyGroups }) => toListItem(row, keyGroups, names, ctx.today));
  const buffer = writeXlsx(
    '人员名单',
    ['序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态'],
    items.map((p, i) => [i + 1, p.name, SEX_LABELS[p.sex], p.birthDate, p.age, p.idNumberMasked, p.phoneMasked, p.residenceTownshipName, EMPLOYMENT_STATUS_LABELS[p.employmentStatus]]),
    [6, 10, 6, 12, 6, 22, 14, 18, 20],
  );
  ctx.audit({ action: 'persons.exportXlsx', detail: { query: input.query ? '（有查询条件）' : '', filters: input.filters ?? {}, rows: items.length } });
  return { fileName: `人员名单-${ctx.today}.xlsx`, base64: buffer.toString('base64'), rows: items.length };
}
