import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf, PersonListItem, PersonSearchResult } from '../../shared/contract';
import type { DifficultyCertification } from '../../shared/domain/key-groups';
import { parseIdNumber } from '../../shared/domain/id-number';
import { normalizeMobile } from '../../shared/domain/phone';
import { normalizePinyinQuery } from '../../shared/domain/pinyin-keys';
import { compactCode } from '../../shared/domain/text';
import { EMPLOYMENT_STATUS_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { countPersonMatches, exactKeyMatches, idNumberContains, keyGroupIds, personListPage, prefix, searchKeyIds, type ExactKey, type PersonListRow, type PersonMatch } from '../queries/persons';
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

function phoneDigits(query: string): string {
  return query.replace(/^\+?86(?=1\d{10}$)/, '').replace(/[-()（）]/g, '').toUpperCase();
}

/**
 * A full ID number, or a full mobile number, with no filter: what staff type
 * most (a card read, a caller's number), answered by statements written once
 * (exactKeyMatches) — the same conditions queryMatching builds for them.
 */
function exactKey(ctx: ServiceContext, raw: string, filters: Filters | undefined): { key: ExactKey; matchedAs: MatchedAs } | null {
  if (filters && Object.values(filters).some((value) => value !== undefined)) return null;
  const query = compactCode(raw);
  const asId = parseIdNumber(query, ctx.today);
  if (asId.ok) return { key: { idNumber: asId.idNumber }, matchedAs: 'idNumber' };
  const mobile = normalizeMobile(raw);
  // Its eleven digits are tried as an ID fragment too (queryMatching): written so only when they are the number typed.
  if (mobile && phoneDigits(query) === mobile) return { key: { mobile }, matchedAs: 'digits' };
  return null;
}

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
    const digits = phoneDigits(query);
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

/** No certification: shared by every row that has none. */
const NO_CERTIFICATIONS: DifficultyCertification[] = [];

/**
 * The list items of a page, their key groups as of today (as the profile shows
 * them; stored tags serve only the filter). Certifications are read at once,
 * for the rows that have one (a search page says so per row: `certified`).
 */
function listItems(ctx: ServiceContext, rows: Array<PersonRow | PersonListRow>): PersonListItem[] {
  const certifiedIds = rows.filter((row) => !('certified' in row) || row.certified).map((row) => row.id);
  const certifications = certifiedIds.length > 0 ? certificationsOfMany(ctx.database().db, certifiedIds) : null;
  const names = divisionNames(ctx);
  const { today } = ctx;
  return rows.map((row) => {
    const tags = keyGroupsOf(row, today, certifications?.get(row.id) ?? NO_CERTIFICATIONS);
    return toListItem(row, tags.map((t) => t.code), names, today);
  });
}

/** Counting stops here: "more than 10,000" is all staff need to know to narrow the query. */
export const COUNT_CAP = 10_000;

/** Each kind is read in the order of the index it searches, so the first page needs no sort of every match: names alphabetically, everything else newest record first. */
function matchesOf(ctx: ServiceContext, input: ParsedInputOf<'persons.search'>): { counted: number; rows: PersonListRow[]; matchedAs: MatchedAs } {
  const { db } = ctx.database();
  const page = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  const exact = exactKey(ctx, input.query, input.filters);
  if (exact) return { ...exactKeyMatches(db, exact.key, COUNT_CAP, page), matchedAs: exact.matchedAs };
  const { where, matching } = conditions(ctx, input.query, input.filters);
  const match = personMatch(where, matching);
  const counted = countPersonMatches(db, match, COUNT_CAP);
  const rows = personListPage(db, match, { ...page, order: matching.matchedAs === 'name' ? 'name' : 'newest' });
  return { counted, rows, matchedAs: matching.matchedAs };
}

export function search(ctx: ServiceContext, input: ParsedInputOf<'persons.search'>): PersonSearchResult {
  const { counted, rows, matchedAs } = matchesOf(ctx, input);
  return {
    items: listItems(ctx, rows),
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
  const items = listItems(ctx, rows);
  const buffer = writeXlsx(
    '人员名单',
    ['序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态'],
    items.map((p, i) => [i + 1, p.name, SEX_LABELS[p.sex], p.birthDate, p.age, p.idNumberMasked, p.phoneMasked, p.residenceTownshipName, EMPLOYMENT_STATUS_LABELS[p.employmentStatus]]),
    [6, 10, 6, 12, 6, 22, 14, 18, 20],
  );
  ctx.audit({ action: 'persons.exportXlsx', detail: { query: input.query ? '（有查询条件）' : '', filters: input.filters ?? {}, rows: items.length } });
  return { fileName: `人员名单-${ctx.today}.xlsx`, base64: buffer.toString('base64'), rows: items.length };
}
