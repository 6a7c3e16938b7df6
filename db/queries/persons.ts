import type Database from 'better-sqlite3';
import { and, gte, isNull, lt, or, sql, type Logger, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CertificationEvent } from '../../shared/domain/person-contacts';
import type { DrizzleDb } from '../open';
import { personKeyGroups, persons, personSearchKeys } from '../schema';
import { cachedQuery, cachedStatement, connectionOf, insertRows, planCaseOf, type PlanCase } from '../statements';

/**
 * The person registry's SQL that stays SQL. Every statement here is kept
 * prepared per connection (README, Benchmark): a search runs the count, the
 * page and the page's certifications on every call, and a roster import runs
 * the derived-row writes once per person. The certifications pass their ids as
 * one JSON array (`json_each`), so one statement serves any page; the ID
 * fragment is an FTS5 `match`. Neither can be written in drizzle.
 */
export const PERSON_SQL = {
  // The category as people read it: its name when the certification was decided, else the table's, else the code.
  certificationCases: `select c.id, c.person_id as personId, c.form,
        coalesce(json_extract(c.decision_snapshot, '$.choiceLabels.category'),
                 (select e.label from code_entries e where e.table_code = 'difficulty_categories' and e.code = json_extract(c.form, '$.category')),
                 json_extract(c.form, '$.category'), '') as categoryName
     from cases c
     where c.person_id in (select value from json_each(?)) and c.case_type = 'difficulty_certification' and c.state = 'approved' order by c.id`,
  certificationEvents: 'select case_id as caseId, kind, on_date as onDate from case_events where case_id in (select value from json_each(?)) order by id',
  deleteSearchKeys: 'delete from person_search_keys where person_id = ?',
  deleteKeyGroups: 'delete from person_key_groups where person_id = ?',
  deleteKeyGroupSchedule: 'delete from person_key_group_schedule where person_id = ?',
} as const;

export interface CertificationCaseRow {
  id: number;
  personId: number;
  form: string;
  categoryName: string;
}

/** The approved 就业困难人员认定 of these persons, oldest first. */
export function approvedCertifications(db: DrizzleDb, personIds: number[]): CertificationCaseRow[] {
  return cachedStatement(connectionOf(db), PERSON_SQL.certificationCases).all(JSON.stringify(personIds)) as CertificationCaseRow[];
}

export interface CertificationEventRow {
  caseId: number;
  kind: CertificationEvent['kind'];
  onDate: string;
}

/** The history rows of these cases, in the order they were written. */
export function certificationEvents(db: DrizzleDb, caseIds: number[]): CertificationEventRow[] {
  return cachedStatement(connectionOf(db), PERSON_SQL.certificationEvents).all(JSON.stringify(caseIds)) as CertificationEventRow[];
}

export function deleteSearchKeys(db: DrizzleDb, personId: number): void {
  cachedStatement(connectionOf(db), PERSON_SQL.deleteSearchKeys).run(personId);
}

export function insertSearchKeys(db: DrizzleDb, personId: number, keys: Iterable<string>): void {
  insertSearchKeyRows(db, Array.from(keys, (key) => [personId, key] as const));
}

/**
 * The derived rows of many persons at once, in multi-row statements kept per
 * connection (insertRows): a roster import writes a batch of persons' search
 * keys, key-group tags and recheck dates in a few statements, not one per row.
 * Each has a plan case below, written for one row.
 */
export const PERSON_ROW_INSERTS = {
  searchKeys: 'insert into person_search_keys (person_id, key) values',
  keyGroups: 'insert into person_key_groups (person_id, code, as_of, until) values',
  keyGroupRechecks: 'insert into person_key_group_schedule (person_id, recheck_on) values',
  keyGroupRechecksTail: 'on conflict(person_id) do update set recheck_on = excluded.recheck_on',
} as const;

/** Search keys as [person id, key] pairs. */
export function insertSearchKeyRows(db: DrizzleDb, rows: ReadonlyArray<readonly [number, string]>): void {
  insertRows(connectionOf(db), PERSON_ROW_INSERTS.searchKeys, 2, rows);
}

/** Key-group tags as [person id, code, as of, until] and recheck dates as [person id, recheck on]. */
export function insertKeyGroupRows(db: DrizzleDb, tags: ReadonlyArray<readonly [number, string, string, string | null]>, rechecks: ReadonlyArray<readonly [number, string | null]>): void {
  const sqlite = connectionOf(db);
  insertRows(sqlite, PERSON_ROW_INSERTS.keyGroups, 4, tags);
  insertRows(sqlite, PERSON_ROW_INSERTS.keyGroupRechecks, 2, rechecks, PERSON_ROW_INSERTS.keyGroupRechecksTail);
}

/** Removes a person's stored key-group tags, and with `andSchedule` their recheck date (a merged record has neither). */
export function deleteKeyGroups(db: DrizzleDb, personId: number, andSchedule: boolean): void {
  const sqlite = connectionOf(db);
  cachedStatement(sqlite, PERSON_SQL.deleteKeyGroups).run(personId);
  if (andSchedule) cachedStatement(sqlite, PERSON_SQL.deleteKeyGroupSchedule).run(personId);
}

/** Stores a person's key-group tags as of a day, and the day they must be computed again. */
export function insertKeyGroups(db: DrizzleDb, personId: number, asOf: string, tags: Array<{ code: string; until?: string | null }>, recheckOn: string | null): void {
  insertKeyGroupRows(db, tags.map((t) => [personId, t.code, asOf, t.until ?? null] as const), [[personId, recheckOn]]);
}

/** Everything that sorts after a prefix: `col >= p and col < p + U+FFFF` is an index range, unlike LIKE. */
export function prefix(column: AnySQLiteColumn, value: string): SQL {
  return and(gte(column, value), lt(column, `${value}\uffff`))!;
}

/** Persons whose ID number contains the digits: the FTS5 trigram index of ID numbers. */
export function idNumberContains(digits: string): SQL {
  return sql`${persons.id} in (select rowid from person_id_fts where person_id_fts match ${`"${digits}"`})`;
}

/** Person ids whose pinyin or given-name search keys start with `key` (merged records have none). */
export function searchKeyIds(key: string): SQL {
  return sql`select ${personSearchKeys.personId} from ${personSearchKeys} where ${prefix(personSearchKeys.key, key)}`;
}

/**
 * A name typed. One character is a surname: tens of thousands of matches, read
 * straight from the name index in name order. Longer queries are full or given
 * names, few enough to also try the given-name keys.
 */
export function nameCondition(name: string): SQL {
  return [...name].length === 1 ? prefix(persons.name, name) : or(prefix(persons.name, name), sql`${persons.id} in (${searchKeyIds(name)})`)!;
}

/** Person ids holding a key group, by their stored tags (merged records have none). */
export function keyGroupIds(code: string): SQL {
  return sql`select ${personKeyGroups.personId} from ${personKeyGroups} where ${personKeyGroups.code} = ${code}`;
}

/**
 * What a search reads: one set of ids from a derived table alone (counted and
 * paged in that table's own covering index, never touching a person row), or
 * conditions on persons.
 */
export type PersonMatch = { idSet: SQL } | { where: SQL | undefined };

function countStatement(match: PersonMatch, cap: number): SQL {
  return 'idSet' in match
    ? sql`select count(*) as n from (select distinct * from (${match.idSet}) limit ${cap + 1})`
    : sql`select count(*) as n from (select 1 from ${persons} where ${match.where ?? sql`1`} limit ${cap + 1})`;
}

/** Matches counted up to cap + 1. */
export function countPersonMatches(db: DrizzleDb, match: PersonMatch, cap: number): number {
  const { statement, params } = cachedQuery(db, countStatement(match, cap));
  return (statement.get(...params) as { n: number }).n;
}

export interface PersonPage {
  /** Names alphabetically, or newest record first: each kind is read in the order of the index it searches. */
  order: 'name' | 'newest';
  limit: number;
  offset: number;
}

function pageClause(match: PersonMatch, page: PersonPage): SQL {
  const order = page.order === 'name' ? sql`${persons.name}, ${persons.mergedIntoId}, ${persons.id}` : sql`${persons.id} desc`;
  // One id set alone is paged in its own index (newest first), then only the page's rows are read:
  // a key group of 400,000 people is never listed whole to show twenty.
  if ('idSet' in match) {
    const ids = sql`${persons.id} in (select distinct ${sql.identifier('person_id')} from (${match.idSet}) order by 1 desc limit ${page.limit} offset ${page.offset})`;
    return sql`where ${ids} order by ${order} limit ${page.limit} offset ${0}`;
  }
  return sql`where ${match.where ?? sql`1`} order by ${order} limit ${page.limit} offset ${page.offset}`;
}

/**
 * What a search list reads of each person: the list's columns, those key
 * groups are worked out from, and whether the person holds an approved
 * 就业困难人员认定 (`certified`), so a page nobody on it is certified needs no
 * look-up of certifications.
 */
const LIST_COLUMNS = [
  'id', 'id_number as idNumber', 'name', 'sex', 'birth_date as birthDate', 'phone', 'residence_township_code as residenceTownshipCode',
  'employment_status as employmentStatus', 'female_retirement_category as femaleRetirementCategory', 'household_type as householdType',
  'education_code as educationCode', 'graduation_date as graduationDate', 'is_veteran as isVeteran', 'disability_grade as disabilityGrade',
  'low_income_status as lowIncomeStatus',
  `exists (select 1 from cases c where c.person_id = "persons".id and c.case_type = 'difficulty_certification' and c.state = 'approved') as certified`,
].join(', ');

/** A person as a search list reads it (LIST_COLUMNS). */
export interface PersonListRow
  extends Pick<typeof persons.$inferSelect, 'id' | 'idNumber' | 'name' | 'sex' | 'birthDate' | 'phone' | 'residenceTownshipCode' | 'employmentStatus' | 'femaleRetirementCategory' | 'householdType' | 'educationCode' | 'graduationDate' | 'isVeteran' | 'disabilityGrade' | 'lowIncomeStatus'> {
  certified: boolean;
}

/** The rows as the statement returns them, their 0/1 columns made booleans in place. */
function listRows(rows: unknown[]): PersonListRow[] {
  for (const row of rows as Array<Record<'isVeteran' | 'certified', unknown>>) {
    row.isVeteran = row.isVeteran === 1;
    row.certified = row.certified === 1;
  }
  return rows as PersonListRow[];
}

function listPageStatement(match: PersonMatch, page: PersonPage): SQL {
  return sql`select ${sql.raw(LIST_COLUMNS)} from ${persons} ${pageClause(match, page)}`;
}

/** One page of the matching persons, as a search list reads them. */
export function personListPage(db: DrizzleDb, match: PersonMatch, page: PersonPage): PersonListRow[] {
  const { statement, params } = cachedQuery(db, listPageStatement(match, page));
  return listRows(statement.all(...params));
}

/**
 * How many match, given the first page already read: a first page shorter
 * than a page holds them all, so the count statement is spared (read in the
 * same transaction, the two cannot disagree); otherwise `count()`.
 */
export function matchCount(rows: readonly unknown[], page: Pick<PersonPage, 'limit' | 'offset'>, count: () => number): number {
  return page.offset === 0 && rows.length < page.limit ? rows.length : count();
}

/**
 * The searches typed most, a full ID number and a full mobile number, as
 * statements written once: no SQL is built or rendered per keystroke. The same
 * text as drizzle renders for them (persons.search builds the rest), so their
 * plans are the plans the registry's query-plan tests explain.
 */
const BY_ID_NUMBER = '("persons"."merged_into_id" is null and "persons"."id_number" = ?)';
const BY_MOBILE = '("persons"."merged_into_id" is null and ("persons"."phone" = ? or "persons"."id" in (select rowid from person_id_fts where person_id_fts match ?)))';
export const PERSON_SEARCH_SQL = {
  countByIdNumber: `select count(*) as n from (select 1 from "persons" where ${BY_ID_NUMBER} limit ?)`,
  pageByIdNumber: `select ${LIST_COLUMNS} from "persons" where ${BY_ID_NUMBER} order by "persons"."id" desc limit ? offset ?`,
  countByMobile: `select count(*) as n from (select 1 from "persons" where ${BY_MOBILE} limit ?)`,
  pageByMobile: `select ${LIST_COLUMNS} from "persons" where ${BY_MOBILE} order by "persons"."id" desc limit ? offset ?`,
} as const;

/** A name search of no filter, as persons.search builds it: active records whose name (or given-name key) starts so. */
export function activeByName(name: string): SQL {
  return and(isNull(persons.mergedIntoId), nameCondition(name))!;
}

/**
 * Name searches, the next most typed, as statements rendered once from the
 * very builders persons.search uses (activeByName, countStatement,
 * pageClause): a keystroke binds its values, nothing is built or rendered.
 * Values in the order drizzle renders them: the name range, again for the
 * given-name keys (not for a surname), then the cap or the page.
 */
export const NAME_SEARCH_SQL = {
  countBySurname: planCaseOf(countStatement({ where: activeByName('张') }, 0)).sql,
  pageBySurname: planCaseOf(listPageStatement({ where: activeByName('张') }, { order: 'name', limit: 1, offset: 0 })).sql,
  countByFullName: planCaseOf(countStatement({ where: activeByName('张三') }, 0)).sql,
  pageByFullName: planCaseOf(listPageStatement({ where: activeByName('张三') }, { order: 'name', limit: 1, offset: 0 })).sql,
} as const;

function nameValues(name: string): string[] {
  const range = [name, `${name}\uffff`];
  return [...name].length === 1 ? range : [...range, ...range];
}

/** Persons of a name (no filter) counted up to cap + 1, and one page of them in name order. */
export function nameMatches(db: DrizzleDb, name: string, cap: number, page: Pick<PersonPage, 'limit' | 'offset'>): { counted: number; rows: PersonListRow[] } {
  const surname = [...name].length === 1;
  const values = nameValues(name);
  const pageParams = [...values, page.limit, page.offset];
  const rows = listRows(keptSearch(db, surname ? 'pageBySurname' : 'pageByFullName', pageParams).all(...pageParams));
  const countParams = [...values, cap + 1];
  const counted = matchCount(rows, page, () => (keptSearch(db, surname ? 'countBySurname' : 'countByFullName', countParams).get(...countParams) as { n: number }).n);
  return { counted, rows };
}

/** A full ID number or a full mobile number (also tried as an ID fragment, as every run of digits is). */
export type ExactKey = { idNumber: string } | { mobile: string };

const SEARCH_SQL = { ...PERSON_SEARCH_SQL, ...NAME_SEARCH_SQL };
type SearchStatement = keyof typeof SEARCH_SQL;

function keptSearch(db: DrizzleDb, shape: SearchStatement, params: unknown[]): Database.Statement {
  // Drizzle's logger sees these as it sees every statement the search runs (tests capture the plans so).
  (db as unknown as { session?: { logger?: Logger } }).session?.logger?.logQuery(SEARCH_SQL[shape], params);
  return cachedStatement(connectionOf(db), SEARCH_SQL[shape]);
}

/** Matches of an exact key counted up to cap + 1, and one page of them, newest record first. */
export function exactKeyMatches(db: DrizzleDb, key: ExactKey, cap: number, page: Pick<PersonPage, 'limit' | 'offset'>): { counted: number; rows: PersonListRow[] } {
  const [count, list, values]: [SearchStatement, SearchStatement, unknown[]] =
    'idNumber' in key ? ['countByIdNumber', 'pageByIdNumber', [key.idNumber]] : ['countByMobile', 'pageByMobile', [key.mobile, `"${key.mobile}"`]];
  const pageParams = [...values, page.limit, page.offset];
  const rows = listRows(keptSearch(db, list, pageParams).all(...pageParams));
  const countParams = [...values, cap + 1];
  const counted = matchCount(rows, page, () => (keptSearch(db, count, countParams).get(...countParams) as { n: number }).n);
  return { counted, rows };
}

const SAMPLE_PAGE: PersonPage = { order: 'newest', limit: 20, offset: 0 };

export const PLAN_CASES: Record<
  keyof typeof PERSON_SQL | keyof typeof PERSON_SEARCH_SQL | keyof typeof NAME_SEARCH_SQL | 'searchKeyRows' | 'keyGroupRows' | 'keyGroupRecheckRows' | 'countBySearchKeys' | 'countByIdFragment' | 'pageByKeyGroup' | 'pageByName',
  PlanCase
> = {
  certificationCases: { sql: PERSON_SQL.certificationCases, params: ['[1,2,3]'], uses: [/SEARCH c USING INDEX cases_person/] },
  certificationEvents: { sql: PERSON_SQL.certificationEvents, params: ['[1,2,3]'], uses: [/SEARCH case_events USING INDEX case_events_case \(case_id=\?\)/] },
  deleteSearchKeys: { sql: PERSON_SQL.deleteSearchKeys, params: [1], uses: [/person_search_keys_person \(person_id=\?\)/] },
  deleteKeyGroups: { sql: PERSON_SQL.deleteKeyGroups, params: [1], uses: [/person_key_groups_person \(person_id=\?\)/] },
  deleteKeyGroupSchedule: { sql: PERSON_SQL.deleteKeyGroupSchedule, params: [1] },
  searchKeyRows: { sql: `${PERSON_ROW_INSERTS.searchKeys} (?, ?)`, params: [1, 'zs'] },
  keyGroupRows: { sql: `${PERSON_ROW_INSERTS.keyGroups} (?, ?, ?, ?)`, params: [1, 'age_4050', '2026-11-27', null] },
  keyGroupRecheckRows: { sql: `${PERSON_ROW_INSERTS.keyGroupRechecks} (?, ?) ${PERSON_ROW_INSERTS.keyGroupRechecksTail}`, params: [1, '2027-01-01'] },
  countBySearchKeys: planCaseOf(countStatement({ idSet: searchKeyIds('zs') }, 10_000), [/SEARCH person_search_keys USING COVERING INDEX sqlite_autoindex_person_search_keys_1 \(key>\? AND key<\?\)/]),
  countByIdFragment: planCaseOf(countStatement({ where: idNumberContains('920115') }, 10_000), [/SCAN person_id_fts VIRTUAL TABLE INDEX \d+:M/]),
  pageByKeyGroup: planCaseOf(sql`select * from ${persons} ${pageClause({ idSet: keyGroupIds('age_4050') }, SAMPLE_PAGE)}`, [/SEARCH person_key_groups USING COVERING INDEX/]),
  countByIdNumber: { sql: PERSON_SEARCH_SQL.countByIdNumber, params: ['320506199001011234', 10_001], uses: [/persons_id_number/] },
  pageByIdNumber: { sql: PERSON_SEARCH_SQL.pageByIdNumber, params: ['320506199001011234', 20, 0], uses: [/persons_id_number/, /cases_person/] },
  countByMobile: { sql: PERSON_SEARCH_SQL.countByMobile, params: ['13800001111', '"13800001111"', 10_001], uses: [/persons_phone/, /person_id_fts/] },
  pageByMobile: { sql: PERSON_SEARCH_SQL.pageByMobile, params: ['13800001111', '"13800001111"', 20, 0], uses: [/persons_phone/, /person_id_fts/] },
  countBySurname: { sql: NAME_SEARCH_SQL.countBySurname, params: ['张', '张\uffff', 10_001], uses: [/persons_name_active/] },
  pageBySurname: { sql: NAME_SEARCH_SQL.pageBySurname, params: ['张', '张\uffff', 20, 0], uses: [/persons_name_active/] },
  countByFullName: { sql: NAME_SEARCH_SQL.countByFullName, params: ['张三', '张三\uffff', '张三', '张三\uffff', 10_001], uses: [/persons_name_active/, /person_search_keys/] },
  pageByFullName: { sql: NAME_SEARCH_SQL.pageByFullName, params: ['张三', '张三\uffff', '张三', '张三\uffff', 20, 0], uses: [/persons_name_active/, /person_search_keys/] },
  pageByName: planCaseOf(sql`select * from ${persons} ${pageClause({ where: prefix(persons.name, '张') }, { ...SAMPLE_PAGE, order: 'name' })}`, [/SEARCH persons USING (COVERING )?INDEX persons_name_active \(name>\? AND name<\?\)/]),
};
