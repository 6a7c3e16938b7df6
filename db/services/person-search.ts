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
import { countPersonMatches, exactKeyMatches, idNumberContains, keyGroupIds, matchCount, nameCondition, nameMatches, personListPage, prefix, searchKeyIds, type ExactKey, type PersonListRow, type PersonMatch } from '../queries/persons';
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

/** What a typed query is read as (readQuery). */
type TypedQuery =
  | { as: 'all' }
  | { as: 'idNumber'; idNumber: string }
  | { as: 'digits'; digits: string; mobile: string | null }
  | { as: 'pinyin'; key: string }
  | { as: 'name'; name: string };

/**
 * How a typed query is understood, in the order staff expect: a full ID number,
 * then a mobile number, then digits (phone tail or ID fragment), latin letters
 * (pinyin initials or full pinyin), else a name prefix.
 */
function readQuery(ctx: ServiceContext, raw: string): TypedQuery {
  const query = compactCode(raw);
  if (query === '') return { as: 'all' };
  const asId = parseIdNumber(query, ctx.today);
  if (asId.ok) return { as: 'idNumber', idNumber: asId.idNumber };
  const mobile = normalizeMobile(raw);
  if (/^\d{3,17}[\dXx]?$/.test(query) || mobile) return { as: 'digits', digits: phoneDigits(query), mobile };
  if (/^[a-z\s']+$/i.test(query)) return { as: 'pinyin', key: normalizePinyinQuery(query) };
  return { as: 'name', name: raw.trim() };
}

function queryMatching(typed: TypedQuery): Matching {
  switch (typed.as) {
    case 'all':
      return { where: [], idSets: [], matchedAs: 'all' };
    case 'idNumber':
      return { where: [eq(persons.idNumber, typed.idNumber)], idSets: [], matchedAs: 'idNumber' };
    case 'digits': {
      // Eleven digits are a mobile number or an ID fragment (birth date + sequence, 19900512013): try both.
      const { digits, mobile } = typed;
      const byPhone = mobile ? eq(persons.phone, mobile) : prefix(persons.phoneReversed, [...digits].reverse().join(''));
      const asIdFragment = /^[\dX]+$/.test(digits) && digits.length >= MIN_ID_FRAGMENT_DIGITS;
      return { where: [asIdFragment ? or(byPhone, idNumberContains(digits))! : byPhone], idSets: [], matchedAs: 'digits' };
    }
    case 'pinyin':
      return { where: [], idSets: [searchKeyIds(typed.key)], matchedAs: 'pinyin' };
    case 'name':
      return { where: [nameCondition(typed.name)], idSets: [], matchedAs: 'name' };
  }
}

function hasFilters(filters: Filters | undefined): boolean {
  return filters !== undefined && Object.values(filters).some((value) => value !== undefined);
}

/**
 * A full ID number, or a full mobile number, with no filter: what staff type
 * most (a card read, a caller's number), answered by statements written once
 * (exactKeyMatches) — the same conditions queryMatching builds for them.
 */
function exactKey(typed: TypedQuery): { key: ExactKey; matchedAs: MatchedAs } | null {
  if (typed.as === 'idNumber') return { key: { idNumber: typed.idNumber }, matchedAs: 'idNumber' };
  // Its eleven digits are tried as an ID fragment too (queryMatching): written so only when they are the number typed.
  if (typed.as === 'digits' && typed.mobile && typed.digits === typed.mobile) return { key: { mobile: typed.mobile }, matchedAs: 'digits' };
  return null;
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

function conditions(ctx: ServiceContext, typed: TypedQuery, filters: Filters | undefined) {
  const matching = addFilters(ctx, queryMatching(typed), filters);
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
  const typed = readQuery(ctx, input.query);
  const exact = hasFilters(input.filters) ? null : exactKey(typed);
  if (exact) return { ...exactKeyMatches(db, exact.key, COUNT_CAP, page), matchedAs: exact.matchedAs };
  // A name with no filter, the next most typed: statements rendered once (nameMatches), nothing built per keystroke.
  if (typed.as === 'name' && !hasFilters(input.filters)) return { ...nameMatches(db, typed.name, COUNT_CAP, page), matchedAs: 'name' };
  const { where, matching } = conditions(ctx, typed, input.filters);
  const match = personMatch(where, matching);
  const rows = personListPage(db, match, { ...page, order: matching.matchedAs === 'name' ? 'name' : 'newest' });
  return { counted: matchCount(rows, page, () => countPersonMatches(db, match, COUNT_CAP)), rows, matchedAs: matching.matchedAs };
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
  const { where } = conditions(ctx, readQuery(ctx, input.query), input.filters);
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
