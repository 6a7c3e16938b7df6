import type { ReportFigure } from '../../shared/contract/reports';
import { reportPeriod, type ReportPeriod } from '../../shared/domain/statistics';
import type { DecidedCase, PostedVacancy, RegistrationSpan } from '../../shared/domain/trends';
import type { OpenedDatabase } from '../open';
import { cachedStatement, type PlanCase } from '../statements';

/**
 * The SQL behind each figure of the monthly report, kept as text: the
 * benchmark times the report at city scale (README, Benchmark), each statement
 * was written for the index it reads (cases_type_state_decided,
 * cases_person_type_decided), and the query plan test runs EXPLAIN QUERY PLAN
 * on exactly what the report runs.
 *
 * Definitions (DOMAIN.md §4; a figure counts persons, each once):
 * - new_employment: approved 就业登记 decided in the period.
 * - new_unemployment: approved 失业登记 decided in the period.
 * - registered_unemployed: at the period's end, an approved 失业登记 that no
 *   later approved 就业登记 ended (both decided before the end) and that was
 *   not cancelled (注销, `ended_on`, an office date) before the end's day.
 * - jobseekers (求人倍率's denominator): registered unemployed at some time in
 *   the period — registered before its end and not ended before its start.
 * - difficulty_certified: approved 就业困难人员认定 decided in the period.
 * - difficulty_employed: new_employment of persons then holding a valid
 *   certification (approved before the 就业登记, validity not over on its day).
 * - vacancies: vacancies whose validity starts in the period, not withdrawn.
 * - subsidies_approved: persons with an approved 补贴申请 decided in the period
 *   (an enterprise's application has no person and is not counted).
 * Decisions are UTC instants compared with the period's instants
 * (Asia/Shanghai midnights), so 23:59 on the 20th is in and 00:00 on the 21st out.
 */

const PERSON_COLUMNS = `c.id as caseId, c.person_id as personId, c.decided_at as decidedAt, c.receipt_no as receiptNo,
  p.name, p.sex, p.birth_date as birthDate, p.education_code as educationCode, p.residence_township_code as townshipCode,
  p.id_number as idNumber, p.phone`;

const APPROVED_IN_PERIOD = (caseType: string, extra = '') => `select ${PERSON_COLUMNS}, json_extract(c.form, '$.channel') as channel, json_extract(c.form, '$.category') as category
  from cases c join persons p on p.id = c.person_id
  where c.case_type = '${caseType}' and c.state = 'approved' and c.decided_at >= @start and c.decided_at < @end ${extra}
  order by c.decided_at, c.id`;

/**
 * Registered before @end and not ended (by an approved 就业登记 or a 注销) before @endedBefore;
 * `endedByEnd` says whether one ended it before @end, so one statement gives both jobseekers and the
 * registered unemployed at the end (monthlyReport reads the persons once).
 */
const REGISTERED = `select ${PERSON_COLUMNS}, null as channel, null as category,
    exists (select 1 from cases e where e.person_id = c.person_id and e.case_type = 'employment_registration'
      and e.state = 'approved' and e.decided_at > c.decided_at and e.decided_at < @end)
    or coalesce(c.ended_on < date(@end, '+8 hours'), 0) as endedByEnd
  from cases c join persons p on p.id = c.person_id
  where c.case_type = 'unemployment_registration' and c.state = 'approved' and c.decided_at < @end
  and not exists (select 1 from cases e where e.person_id = c.person_id and e.case_type = 'employment_registration'
    and e.state = 'approved' and e.decided_at > c.decided_at and e.decided_at < @endedBefore)
  and (c.ended_on is null or c.ended_on >= date(@endedBefore, '+8 hours'))
  order by c.decided_at, c.id`;

const HELD_CERTIFICATION = `and exists (select 1 from cases d where d.person_id = c.person_id and d.case_type = 'difficulty_certification'
    and d.state = 'approved' and d.decided_at < c.decided_at
    and coalesce(json_extract(d.form, '$.validFrom'), '0000-01-01') <= date(c.decided_at, '+8 hours')
    and coalesce(nullif(json_extract(d.form, '$.validTo'), ''), '9999-12-31') >= date(c.decided_at, '+8 hours'))`;

type PersonFigure = Exclude<ReportFigure, 'vacancies'>;

/** `employedBy`: the decision instant and id of the first later approved 就业登记 (`<instant> <id>`), read from the index at once. */
const TREND_REGISTRATION_COLUMNS = `c.id as caseId, c.person_id as personId, c.decided_at as decidedAt, c.ended_on as endedOn,
    (select e.decided_at || ' ' || e.id from cases e where e.person_id = c.person_id and e.case_type = 'employment_registration'
      and e.state = 'approved' and e.decided_at > c.decided_at order by e.decided_at limit 1) as employedBy`;

export const PERSON_FIGURE_SQL: Record<PersonFigure, string> = {
  new_employment: APPROVED_IN_PERIOD('employment_registration'),
  new_unemployment: APPROVED_IN_PERIOD('unemployment_registration'),
  registered_unemployed: REGISTERED,
  jobseekers: REGISTERED,
  difficulty_certified: APPROVED_IN_PERIOD('difficulty_certification'),
  difficulty_employed: APPROVED_IN_PERIOD('employment_registration', HELD_CERTIFICATION),
  subsidies_approved: APPROVED_IN_PERIOD('subsidy_application'),
};

export const REPORT_SQL = {
  vacancies: `select v.id, v.title, v.openings, v.valid_from as validFrom, v.valid_to as validTo, v.status, e.name as enterpriseName
  from vacancies v join enterprises e on e.id = v.enterprise_id
  where v.valid_from between @from and @to and v.status != 'withdrawn'
  order by v.valid_from, v.id`,
  // 工作台's registrations of the period. INDEXED BY (drizzle cannot write it): counting distinct persons
  // tempts the planner into walking the person index end to end.
  newRegistrations: `select count(distinct person_id) as n from cases indexed by cases_type_state_decided where case_type = 'unemployment_registration' and state = 'approved' and decided_at >= @start and decided_at < @end`,
  // The head's trend charts (shared/domain/trends.ts): every approved 失业登记 decided before the last period's end
  // and not cancelled before the first one's start, with the first later approved 就业登记 that ended it. This and
  // trendDecided read only columns of cases_type_state_decided (id is the rowid): no row of the table is read.
  trendRegistrations: `select ${TREND_REGISTRATION_COLUMNS}
  from cases c where c.case_type = 'unemployment_registration' and c.state = 'approved' and c.decided_at < @end
  and (c.ended_on is null or c.ended_on >= @fromDay)`,
  trendDecided: `select id as caseId, person_id as personId, decided_at as decidedAt from cases
  where case_type = @caseType and state = 'approved' and decided_at >= @start and decided_at < @end`,
  // The same rows of a few persons (a JSON array of ids), when a write touched their cases: the charts are counted
  // again from the rows kept of everyone else (db/services/report-trends.ts). INDEXED BY: cases_type_state_decided
  // covers these columns too, and the planner would read every registration (or decision) for a few persons.
  trendRegistrationsOf: `select ${TREND_REGISTRATION_COLUMNS}
  from cases c indexed by cases_person_type_decided where c.person_id in (select value from json_each(@persons)) and c.case_type = 'unemployment_registration'
  and c.state = 'approved' and c.decided_at < @end and (c.ended_on is null or c.ended_on >= @fromDay)`,
  trendDecidedOf: `select id as caseId, person_id as personId, decided_at as decidedAt, case_type as caseType from cases indexed by cases_person_type_decided
  where person_id in (select value from json_each(@persons)) and case_type in ('employment_registration', 'subsidy_application')
  and state = 'approved' and decided_at >= @start and decided_at < @end`,
  // What the change capture recorded after the charts were counted: every write to a case or a vacancy adds a row in
  // its transaction (db/exchange/aggregates.ts), so these are all the rows that may count differently now.
  trendChangeCount: `select count(*) as n from exchange_changes where seq > @after and seq <= @upTo`,
  // By sequence alone (the entity index would walk every change of every case ever made); the few rows are sorted out in JavaScript.
  trendChanges: `select entity, entity_id as id from exchange_changes where seq > @after and seq <= @upTo`,
  caseOwners: `select id as caseId, person_id as personId from cases where id in (select value from json_each(@ids))`,
  // Summed per day in SQL: the charts need openings per period, and a county's 15,000 rows crossing into JavaScript cost more than the sum.
  trendVacancies: `select valid_from as validFrom, sum(openings) as openings from vacancies where valid_from between @from and @to and status != 'withdrawn' group by valid_from`,
} as const;

export interface FigurePersonRow {
  caseId: number;
  personId: number;
  decidedAt: string;
  receiptNo: string | null;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  educationCode: string | null;
  townshipCode: string | null;
  idNumber: string;
  phone: string | null;
  channel: string | null;
  category: string | null;
  /** Only in the registered figures: 1 when an approved 就业登记 ended the registration before the period's end. */
  endedByEnd?: number;
}

export interface VacancyRow {
  id: number;
  title: string;
  openings: number;
  validFrom: string;
  validTo: string;
  status: string;
  enterpriseName: string;
}

/** The parameters each statement binds (a statement ignores none: better-sqlite3 refuses unused named ones). */
export function figureParams(figure: PersonFigure, period: ReportPeriod): Record<string, string> {
  if (figure === 'registered_unemployed') return { end: period.endInstant, endedBefore: period.endInstant };
  if (figure === 'jobseekers') return { end: period.endInstant, endedBefore: period.startInstant };
  return { start: period.startInstant, end: period.endInstant };
}

/** Each person once: the latest case of theirs that qualifies (rows come ordered by decision). */
export function personRows(database: OpenedDatabase, figure: PersonFigure, period: ReportPeriod): FigurePersonRow[] {
  return latestPerPerson(cachedStatement(database.sqlite, PERSON_FIGURE_SQL[figure]).all(figureParams(figure, period)) as FigurePersonRow[]);
}

/** Jobseekers and the registered unemployed at the end from one statement (the same as two personRows calls). */
export function registeredRows(database: OpenedDatabase, period: ReportPeriod): { jobseekers: FigurePersonRow[]; registered: FigurePersonRow[] } {
  const rows = cachedStatement(database.sqlite, PERSON_FIGURE_SQL.jobseekers).all(figureParams('jobseekers', period)) as FigurePersonRow[];
  return { jobseekers: latestPerPerson(rows), registered: latestPerPerson(rows.filter((r) => !r.endedByEnd)) };
}

function latestPerPerson(rows: FigurePersonRow[]): FigurePersonRow[] {
  const latest = new Map<number, FigurePersonRow>();
  for (const row of rows) {
    latest.delete(row.personId);
    latest.set(row.personId, row);
  }
  return [...latest.values()];
}

export function vacancyRows(database: OpenedDatabase, period: ReportPeriod): VacancyRow[] {
  return cachedStatement(database.sqlite, REPORT_SQL.vacancies).all(vacancyParams(period)) as VacancyRow[];
}

function vacancyParams(period: ReportPeriod): Record<string, string> {
  return { from: period.from, to: period.to };
}

function periodInstants(period: ReportPeriod): Record<string, string> {
  return { start: period.startInstant, end: period.endInstant };
}

/** Persons with an unemployment registration approved in the period (工作台). */
export function newRegistrations(database: OpenedDatabase, period: ReportPeriod): number {
  return (cachedStatement(database.sqlite, REPORT_SQL.newRegistrations).get(periodInstants(period)) as { n: number }).n;
}

/** The window of the trend charts: from the first period's start to the last one's end. */
export interface TrendWindow {
  first: ReportPeriod;
  last: ReportPeriod;
}

function trendParams({ first, last }: TrendWindow) {
  return {
    registrations: { end: last.endInstant, fromDay: first.from },
    decided: (caseType: string) => ({ caseType, start: first.startInstant, end: last.endInstant }),
    decidedOf: { start: first.startInstant, end: last.endInstant },
    vacancies: { from: first.from, to: last.to },
  };
}

/**
 * A row the trend charts count, with the cases it comes from (a write names the case it touched): a
 * registration's own, and the 就业登记 that ended it.
 */
export type TrendRegistration = RegistrationSpan & { caseId: number; employedCaseId: number | null };
export type TrendDecided = DecidedCase & { caseId: number };

type RegistrationRow = Omit<TrendRegistration, 'employedAt' | 'employedCaseId'> & { employedBy: string | null };

/** `employedBy` split into its instant and case; each row built as one literal (a county reads thousands at a period's first load). */
function registrationsOf(rows: RegistrationRow[]): TrendRegistration[] {
  const out = new Array<TrendRegistration>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const { caseId, personId, decidedAt, endedOn, employedBy } = rows[i]!;
    const space = employedBy === null ? -1 : employedBy.lastIndexOf(' ');
    out[i] = {
      caseId, personId, decidedAt, endedOn,
      employedAt: space < 0 ? null : employedBy!.slice(0, space), employedCaseId: space < 0 ? null : Number(employedBy!.slice(space + 1)),
    };
  }
  return out;
}

export interface TrendRows {
  registrations: TrendRegistration[];
  employments: TrendDecided[];
  subsidies: TrendDecided[];
  vacancies: PostedVacancy[];
}

/** What the trend charts read, in one pass each (three statements, whatever the number of periods). */
export function trendRows(database: OpenedDatabase, window: TrendWindow): TrendRows {
  const params = trendParams(window);
  const decided = cachedStatement(database.sqlite, REPORT_SQL.trendDecided);
  return {
    registrations: registrationsOf(cachedStatement(database.sqlite, REPORT_SQL.trendRegistrations).all(params.registrations) as RegistrationRow[]),
    employments: decided.all(params.decided('employment_registration')) as TrendDecided[],
    subsidies: decided.all(params.decided('subsidy_application')) as TrendDecided[],
    vacancies: trendVacancies(database, window),
  };
}

export function trendVacancies(database: OpenedDatabase, window: TrendWindow): PostedVacancy[] {
  return cachedStatement(database.sqlite, REPORT_SQL.trendVacancies).all(trendParams(window).vacancies) as PostedVacancy[];
}

/** The trend rows of these persons only (all of them: each person's rows are replaced whole). */
export function trendRowsOfPersons(database: OpenedDatabase, window: TrendWindow, persons: readonly number[]): Omit<TrendRows, 'vacancies'> {
  const params = trendParams(window);
  const ids = JSON.stringify(persons);
  const decided = cachedStatement(database.sqlite, REPORT_SQL.trendDecidedOf).all({ ...params.decidedOf, persons: ids }) as Array<TrendDecided & { caseType: string }>;
  return {
    registrations: registrationsOf(cachedStatement(database.sqlite, REPORT_SQL.trendRegistrationsOf).all({ ...params.registrations, persons: ids }) as RegistrationRow[]),
    employments: decided.filter((d) => d.caseType === 'employment_registration'),
    subsidies: decided.filter((d) => d.caseType === 'subsidy_application'),
  };
}

/** More changes than this since the last count: the window is read afresh rather than change by change (an import, a merge run). */
const MAX_TREND_CHANGES = 5_000;

/**
 * The cases and vacancies written after change `after` up to `upTo`, each once; null when there are too many
 * or the capture no longer holds every change between them (rows removed).
 */
export function trendChanges(database: OpenedDatabase, after: number, upTo: number): { cases: number[]; vacancies: number[] } | null {
  if (upTo - after > MAX_TREND_CHANGES) return null;
  const { n } = cachedStatement(database.sqlite, REPORT_SQL.trendChangeCount).get({ after, upTo }) as { n: number };
  if (n !== upTo - after) return null;
  const cases = new Set<number>();
  const vacancies = new Set<number>();
  for (const row of cachedStatement(database.sqlite, REPORT_SQL.trendChanges).all({ after, upTo }) as Array<{ entity: string; id: number }>) {
    if (row.entity === 'cases') cases.add(row.id);
    else if (row.entity === 'vacancies') vacancies.add(row.id);
  }
  return { cases: [...cases], vacancies: [...vacancies] };
}

/** The person each case now belongs to (a case of an enterprise has none; a case removed is absent). */
export function caseOwners(database: OpenedDatabase, caseIds: readonly number[]): Map<number, number | null> {
  const rows = cachedStatement(database.sqlite, REPORT_SQL.caseOwners).all({ ids: JSON.stringify(caseIds) }) as Array<{ caseId: number; personId: number | null }>;
  return new Map(rows.map((r) => [r.caseId, r.personId]));
}

const PLAN_PERIOD = reportPeriod('2026-12');
const PLAN_TREND: TrendWindow = { first: reportPeriod('2025-12'), last: PLAN_PERIOD };

const USES_DECIDED = [/SEARCH c USING (COVERING )?INDEX cases_type_state_decided/, /SEARCH p USING INTEGER PRIMARY KEY/];
const personFigureCase = (figure: PersonFigure, ...uses: RegExp[]): PlanCase => ({ sql: PERSON_FIGURE_SQL[figure], params: figureParams(figure, PLAN_PERIOD), uses: [...USES_DECIDED, ...uses] });

export const PLAN_CASES: Record<PersonFigure | keyof typeof REPORT_SQL, PlanCase> = {
  new_employment: personFigureCase('new_employment'),
  new_unemployment: personFigureCase('new_unemployment'),
  registered_unemployed: personFigureCase('registered_unemployed', /SEARCH e USING (COVERING )?INDEX cases_person_type_decided/),
  jobseekers: personFigureCase('jobseekers', /SEARCH e USING (COVERING )?INDEX cases_person_type_decided/),
  difficulty_certified: personFigureCase('difficulty_certified'),
  difficulty_employed: personFigureCase('difficulty_employed'),
  subsidies_approved: personFigureCase('subsidies_approved'),
  vacancies: { sql: REPORT_SQL.vacancies, params: vacancyParams(PLAN_PERIOD), uses: [/SEARCH v USING INDEX vacancies_valid_from/] },
  newRegistrations: { sql: REPORT_SQL.newRegistrations, params: periodInstants(PLAN_PERIOD), uses: [/SEARCH cases USING (COVERING )?INDEX cases_type_state_decided/] },
  trendRegistrations: {
    sql: REPORT_SQL.trendRegistrations, params: trendParams(PLAN_TREND).registrations,
    uses: [/SEARCH c USING COVERING INDEX cases_type_state_decided/, /SEARCH e USING (COVERING )?INDEX cases_person_type_decided/],
  },
  trendDecided: { sql: REPORT_SQL.trendDecided, params: trendParams(PLAN_TREND).decided('employment_registration'), uses: [/SEARCH cases USING COVERING INDEX cases_type_state_decided/] },
  trendRegistrationsOf: {
    sql: REPORT_SQL.trendRegistrationsOf, params: { ...trendParams(PLAN_TREND).registrations, persons: '[1,2]' },
    uses: [/SEARCH c USING (COVERING )?INDEX cases_person_type_decided/, /SEARCH e USING (COVERING )?INDEX cases_person_type_decided/],
  },
  trendDecidedOf: { sql: REPORT_SQL.trendDecidedOf, params: { ...trendParams(PLAN_TREND).decidedOf, persons: '[1,2]' }, uses: [/SEARCH cases USING (COVERING )?INDEX cases_person_type_decided/] },
  trendChangeCount: { sql: REPORT_SQL.trendChangeCount, params: { after: 10, upTo: 20 }, uses: [/SEARCH exchange_changes USING INTEGER PRIMARY KEY/] },
  trendChanges: { sql: REPORT_SQL.trendChanges, params: { after: 10, upTo: 20 }, uses: [/SEARCH exchange_changes USING INTEGER PRIMARY KEY/] },
  caseOwners: { sql: REPORT_SQL.caseOwners, params: { ids: '[1,2]' }, uses: [/SEARCH cases USING INTEGER PRIMARY KEY/] },
  trendVacancies: { sql: REPORT_SQL.trendVacancies, params: trendParams(PLAN_TREND).vacancies, uses: [/SEARCH vacancies USING COVERING INDEX vacancies_valid_from/] },
};
