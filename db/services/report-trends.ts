import type { ParsedInputOf, ReportTrends } from '../../shared/contract';
import { periodOf, type PeriodCode, type ReportPeriod } from '../../shared/domain/statistics';
import { sharesByPerson, trendFrame, trendPeriods, TrendTally, type PersonShare, type PostedVacancy } from '../../shared/domain/trends';
import type { ServiceContext } from '../context';
import type { OpenedDatabase } from '../open';
import { caseOwners, trendChanges, trendRows, trendRowsOfPersons, trendVacancies, type TrendRegistration, type TrendRows, type TrendWindow } from '../queries/reports';
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
 * transaction (triggers, db/exchange/aggregates.ts). So the counts are kept
 * per database and window as a tally of each person's share (the periods they
 * count in, shared/domain/trends.ts), with the capture's sequence number they
 * stand at. A load with the sequence unmoved costs one lookup; after writes,
 * only the persons whose cases were written (before and after the write: a
 * merge moves a case) have their rows read again and their share taken away
 * and counted again, and the vacancies' sums are read again when a vacancy
 * was written — so a write dated back into a closed period counts there as it
 * would in a fresh count, without telling past from present.
 * When the capture no longer holds every change since (rows removed), or many
 * persons were written at once (an import), the window is read afresh.
 */

/** More persons written than this since the last load: reading the window again is cheaper than person by person. */
const MAX_PERSONS_REREAD = 500;

interface PersonKept {
  share: PersonShare;
  /** The cases the person's rows come from. */
  cases: number[];
}

interface Kept {
  mark: number;
  window: string;
  tally: TrendTally;
  persons: Map<number, PersonKept>;
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

/**
 * Counts each person's rows into the tally, one pass over them (shared/domain/trends.ts sharesByPerson), and
 * remembers their share and the cases their rows come from: a row's own case, and the 就业登记 that ended a registration.
 */
function countPersons(into: Pick<Kept, 'tally' | 'persons' | 'ownerOfCase'>, rows: Pick<TrendRows, 'registrations' | 'employments' | 'subsidies'>): void {
  const casesOf = new Map<number, number[]>();
  const shares = sharesByPerson(into.tally.frame, rows, (personId, row) => {
    let cases = casesOf.get(personId);
    if (cases === undefined) {
      cases = [];
      casesOf.set(personId, cases);
    }
    cases.push(row.caseId);
    into.ownerOfCase.set(row.caseId, personId);
    const employedCaseId = (row as Partial<TrendRegistration>).employedCaseId;
    if (employedCaseId !== undefined && employedCaseId !== null) {
      cases.push(employedCaseId);
      into.ownerOfCase.set(employedCaseId, personId);
    }
  });
  for (const [personId, share] of shares) {
    into.tally.add(share);
    into.persons.set(personId, { share, cases: casesOf.get(personId)! });
  }
}

function readWindow(database: OpenedDatabase, periods: readonly ReportPeriod[], window: TrendWindow, mark: number): Kept {
  const rows = trendRows(database, window);
  const k = { mark, window: window.last.code, tally: new TrendTally(trendFrame(periods)), persons: new Map<number, PersonKept>(), ownerOfCase: new Map<number, number>(), vacancies: rows.vacancies };
  countPersons(k, rows);
  return { ...k, value: { periods: k.tally.points(k.vacancies) } };
}

/**
 * Brings the kept counts up to `mark`: the persons whose cases were written have their share taken away
 * and counted again from their rows as they now are. False when they cannot be (then the window is read afresh).
 */
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
  const fresh = ids.length ? trendRowsOfPersons(database, window, ids) : null;
  const vacancies = changes.vacancies.length ? trendVacancies(database, window) : last.vacancies;
  // Nothing is changed before every read has succeeded.
  for (const id of ids) {
    const old = last.persons.get(id);
    if (!old) continue;
    last.tally.add(old.share, -1);
    for (const caseId of old.cases) last.ownerOfCase.delete(caseId);
    last.persons.delete(id);
  }
  if (fresh) countPersons(last, fresh);
  last.vacancies = vacancies;
  last.value = { periods: last.tally.points(vacancies) };
  last.mark = mark;
  return true;
}

export function reportTrends(ctx: ServiceContext, input: ParsedInputOf<'reports.trends'> = {}): ReportTrends {
  return trendsOf(ctx.database(), input.period ?? periodOf(ctx.today));
}

/**
 * The trends of the 13 periods ending with `period`, from what is kept when
 * it still holds; also what the desk calls as soon as a database opens and on
 * each new office day (db/desk.ts), so the head's first 工作台 finds them kept.
 */
export function trendsOf(database: OpenedDatabase, period: PeriodCode): ReportTrends {
  const periods = trendPeriods(period);
  const window = { first: periods[0]!, last: periods[periods.length - 1]! };
  // The mark before the rows: a write between the two leaves newer rows under the older mark, read again next time.
  const mark = changeMark(database);
  const last = kept.get(database);
  if (last && last.window === window.last.code) {
    if (last.mark === mark) return last.value;
    if (catchUp(database, window, last, mark)) return last.value;
  }
  const fresh = readWindow(database, periods, window, mark);
  kept.set(database, fresh);
  return fresh.value;
}
