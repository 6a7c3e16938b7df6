import type { ParsedInputOf, ReportTrends } from '../../shared/contract';
import { periodOf } from '../../shared/domain/statistics';
import { trendPeriods, trendPoints, type PostedVacancy } from '../../shared/domain/trends';
import type { ServiceContext } from '../context';
import type { OpenedDatabase } from '../open';
import { caseOwners, trendChanges, trendRows, trendRowsOfPersons, trendVacancies, type TrendDecided, type TrendRegistration, type TrendWindow } from '../queries/reports';
import { cachedStatement } from '../statements';

/**
 * 局领导看板: the monthly report's key figures over the last 13 periods for the
 * head's charts. Three statements read the whole window once; the pure
 * shared/domain/trends.ts counts each period by the monthly report's rules.
 * Also the function the benchmark times (`reportTrends(ctx)`).
 *
 * The figures read only cases and vacancies, and every write to either — a
 * service's, a job thread's on its own connection, a late correction of a
 * closed period (a 注销 dated back, a vacancy withdrawn), a merge — adds a row
 * naming the case or vacancy to the exchange's change capture in the same
 * transaction (triggers, db/exchange/aggregates.ts). So the rows read are
 * kept per database and window, grouped by person, with the capture's
 * sequence number they stand at. A load with the sequence unmoved costs one
 * lookup; after writes, only the persons whose cases were written (before and
 * after the write: a merge moves a case) have their rows read again, the
 * vacancies' sums too when a vacancy was written, and every period is counted
 * again from the rows — so a write dated back into a closed period counts
 * there as it would in a fresh count, without telling past from present.
 * When the capture no longer holds every change since (rows removed), or many
 * persons were written at once (an import), the window is read afresh.
 */

/** More persons written than this since the last load: reading the window again is cheaper than person by person. */
const MAX_PERSONS_REREAD = 500;

interface PersonRows {
  registrations: TrendRegistration[];
  employments: TrendDecided[];
  subsidies: TrendDecided[];
}

interface Kept {
  mark: number;
  window: string;
  byPerson: Map<number, PersonRows>;
  /**
   * The person of each case that a kept row comes from — its own case, or the 就业登记 that ended a
   * registration — to read that person's rows again when the case is written (even when a merge or a
   * repair has moved it to another person since).
   */
  ownerOfCase: Map<number, number>;
  vacancies: PostedVacancy[];
  value: ReportTrends;
}

const kept = new WeakMap<OpenedDatabase, Kept>();

/** The change capture's last sequence number (AUTOINCREMENT: only grows, even when captured rows are removed after export). */
function changeMark(database: OpenedDatabase): number {
  const row = cachedStatement(database.sqlite, "select seq from sqlite_sequence where name = 'exchange_changes'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

function emptyRows(): PersonRows {
  return { registrations: [], employments: [], subsidies: [] };
}

/** The cases a kept row comes from. */
function casesOf(row: TrendRegistration | TrendDecided): number[] {
  return 'employedCaseId' in row && row.employedCaseId !== null ? [row.caseId, row.employedCaseId] : [row.caseId];
}

/** Files rows under their persons (rows of enterprises' cases have no person and count nowhere). */
function fileRows(into: Pick<Kept, 'byPerson' | 'ownerOfCase'>, rows: PersonRows): void {
  for (const key of ['registrations', 'employments', 'subsidies'] as const) {
    for (const row of rows[key] as Array<TrendRegistration | TrendDecided>) {
      if (row.personId === null) continue;
      let person = into.byPerson.get(row.personId);
      if (!person) {
        person = emptyRows();
        into.byPerson.set(row.personId, person);
      }
      (person[key] as Array<TrendRegistration | TrendDecided>).push(row);
      for (const caseId of casesOf(row)) into.ownerOfCase.set(caseId, row.personId);
    }
  }
}

function counted(periods: ReturnType<typeof trendPeriods>, k: Pick<Kept, 'byPerson' | 'vacancies'>): ReportTrends {
  const registrations: TrendRegistration[] = [];
  const employments: TrendDecided[] = [];
  const subsidies: TrendDecided[] = [];
  for (const rows of k.byPerson.values()) {
    registrations.push(...rows.registrations);
    employments.push(...rows.employments);
    subsidies.push(...rows.subsidies);
  }
  return { periods: trendPoints(periods, { registrations, employments, subsidies, vacancies: k.vacancies }) };
}

function readWindow(database: OpenedDatabase, window: TrendWindow, mark: number, code: string): Omit<Kept, 'value'> {
  const rows = trendRows(database, window);
  const k = { mark, window: code, byPerson: new Map<number, PersonRows>(), ownerOfCase: new Map<number, number>(), vacancies: rows.vacancies };
  fileRows(k, rows);
  return k;
}

/** Brings the kept rows up to `mark` (the caller then moves the mark); false when they cannot be (then the window is read afresh). */
function catchUp(database: OpenedDatabase, window: TrendWindow, last: Kept, mark: number): boolean {
  const changes = trendChanges(database, last.mark, mark);
  if (!changes) return false;
  const persons = new Set<number>();
  const owners = changes.cases.length ? caseOwners(database, changes.cases) : new Map<number, number | null>();
  for (const caseId of changes.cases) {
    const before = last.ownerOfCase.get(caseId);
    if (before !== undefined) persons.add(before);
    const now = owners.get(caseId);
    if (now !== undefined && now !== null) persons.add(now);
  }
  if (persons.size > MAX_PERSONS_REREAD) return false;
  const ids = [...persons];
  const fresh = ids.length ? trendRowsOfPersons(database, window, ids) : emptyRows();
  const vacancies = changes.vacancies.length ? trendVacancies(database, window) : last.vacancies;
  // Nothing is changed before every read has succeeded: a failed read leaves the kept rows as they were.
  for (const id of ids) {
    const old = last.byPerson.get(id);
    if (!old) continue;
    for (const row of [...old.registrations, ...old.employments, ...old.subsidies]) for (const caseId of casesOf(row)) last.ownerOfCase.delete(caseId);
    last.byPerson.delete(id);
  }
  fileRows(last, fresh);
  last.vacancies = vacancies;
  return true;
}

export function reportTrends(ctx: ServiceContext, input: ParsedInputOf<'reports.trends'> = {}): ReportTrends {
  const periods = trendPeriods(input.period ?? periodOf(ctx.today));
  const database = ctx.database();
  const window = { first: periods[0]!, last: periods[periods.length - 1]! };
  // The mark before the rows: a write between the two leaves newer rows under the older mark, read again next time.
  const mark = changeMark(database);
  const code = window.last.code;
  const last = kept.get(database);
  if (last && last.window === code) {
    if (last.mark === mark) return last.value;
    if (catchUp(database, window, last, mark)) {
      last.value = counted(periods, last);
      // Moved last: should counting fail, the next load reads the same persons again.
      last.mark = mark;
      return last.value;
    }
  }
  const fresh = readWindow(database, window, mark, code);
  const value = counted(periods, fresh);
  kept.set(database, { ...fresh, value });
  return value;
}
