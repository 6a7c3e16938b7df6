import { and, between, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DashboardCharts, DashboardFigures, OpenCaseState, ParsedInputOf, StaffCaseRow } from '../../shared/contract';
import { OPEN_CASE_STATES } from '../../shared/contract/reports';
import { OCCUPATION_GROUPS } from '../../shared/domain/enterprise-codes';
import { KEY_GROUP_CODES, KEY_GROUP_LABELS, type KeyGroupCode } from '../../shared/domain/key-groups';
import { CASE_TYPE_CODES, type CaseTypeCode } from '../../shared/domain/case-types';
import { periodOf, reportPeriod } from '../../shared/domain/statistics';
import { OPEN_STATES, type CaseState } from '../../shared/domain/workflow';
import { addWorkingDays } from '../../shared/domain/working-days';
import type { ServiceContext } from '../context';
import { newRegistrations } from '../queries/reports';
import { cases, personKeyGroupCounts, users, vacancies } from '../schema';
import { caseListItems, casesInOrder, workCalendar } from './case-view';

/**
 * 工作台: today's figures and, for the head, open and overdue countCases by the
 * staff member responsible (the acceptor, or the preparer of a draft) and
 * case type. Overdue means what the queue shows: accepted or in review with
 * its due date passed (the clock stands still while returned for documents).
 */

const RUNNING: CaseState[] = ['accepted', 'in_review'];
const open = () => inArray(cases.state, [...OPEN_STATES]);
const overdue = (today: string) => and(inArray(cases.state, RUNNING), lt(cases.dueDate, today));
/** Who answers for a case: its acceptor, or the preparer of a draft. */
const staffOf = sql<number>`coalesce(${cases.acceptedBy}, ${cases.preparedBy})`;

/** Today's figures; also the function the benchmark times (`dashboard(ctx)`). */
export function dashboard(ctx: ServiceContext): DashboardFigures {
  const database = ctx.database();
  const { db } = database;
  const today = ctx.today;
  const period = reportPeriod(periodOf(today));
  const until = addWorkingDays(today, 2, workCalendar(ctx));
  const countCases = (where: SQL | undefined) => db.select({ n: count() }).from(cases).where(where).get()!.n;
  const openVacancies = db
    .select({ n: count(), openings: sql<number>`coalesce(sum(${vacancies.openings}), 0)` })
    .from(vacancies)
    .where(and(eq(vacancies.status, 'open'), gte(vacancies.validTo, today)))
    .get()!;
  return {
    today,
    period: period.code,
    openCases: countCases(open()),
    overdueCases: countCases(overdue(today)),
    dueSoonCases: countCases(and(inArray(cases.state, RUNNING), between(cases.dueDate, today, until))),
    dueSoonUntil: until,
    newRegistrationsThisPeriod: newRegistrations(database, period),
    openVacancies: openVacancies.n,
    openVacancyOpenings: openVacancies.openings,
  };
}

/**
 * The head's breakdown charts, each count taken with the very condition of the
 * list its bar opens: the queue by state, the vacancy sheet's open vacancies by
 * group (status open, still valid), the persons search by key group (its
 * tags counted as they are written, db/schema/persons.ts personKeyGroupCounts).
 */
export function dashboardCharts(ctx: ServiceContext): DashboardCharts {
  const { db } = ctx.database();
  const byState = new Map(
    db.select({ state: sql<OpenCaseState>`${cases.state}`, n: count() }).from(cases).where(open()).groupBy(cases.state).all().map((r) => [r.state, r.n]),
  );
  const group = sql<string>`substr(${vacancies.occupationCode}, 1, 1)`;
  const byGroup = new Map(
    db
      .select({ group, n: count(), openings: sql<number>`coalesce(sum(${vacancies.openings}), 0)` })
      .from(vacancies)
      .where(and(eq(vacancies.status, 'open'), gte(vacancies.validTo, ctx.today)))
      .groupBy(group)
      .all()
      .map((r) => [r.group, r]),
  );
  // Kept by triggers on person_key_groups (its migration), so a dozen rows are read, not every stored tag.
  const byKeyGroup = new Map(
    db.select({ code: sql<KeyGroupCode>`${personKeyGroupCounts.code}`, n: personKeyGroupCounts.persons }).from(personKeyGroupCounts).all().map((r) => [r.code, r.n]),
  );
  return {
    casesByState: OPEN_CASE_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 })),
    vacanciesByGroup: OCCUPATION_GROUPS.map(([code, label]) => ({ group: code, label, vacancies: byGroup.get(code)?.n ?? 0, openings: byGroup.get(code)?.openings ?? 0 })),
    keyGroups: KEY_GROUP_CODES.map((code) => ({ code, label: KEY_GROUP_LABELS[code], persons: byKeyGroup.get(code) ?? 0 })),
  };
}

export function casesByStaff(ctx: ServiceContext): StaffCaseRow[] {
  const { db } = ctx.database();
  const counts = db
    .select({ staff: staffOf, caseType: sql<CaseTypeCode>`${cases.caseType}`, open: count(), overdue: sql<number>`sum(${overdue(ctx.today)})` })
    .from(cases)
    .where(open())
    .groupBy(staffOf, cases.caseType)
    .all();
  const staffIds = [...new Set(counts.map((c) => c.staff))];
  const names = new Map(staffIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, staffIds)).all().map((u) => [u.id, u.name]) : []);
  return staffIds
    .map((id) => ({
      staffUserId: id,
      staffName: names.get(id) ?? '未知经办人',
      cells: CASE_TYPE_CODES.map((caseType) => {
        const c = counts.find((x) => x.staff === id && x.caseType === caseType);
        return { caseType, open: c?.open ?? 0, overdue: c?.overdue ?? 0 };
      }),
    }))
    .sort((a, b) => a.staffName.localeCompare(b.staffName, 'zh-CN'));
}

const QUEUE_PAGE = 50;

/** The queue behind one cell of the staff table: open (or only overdue) countCases of a staff member and type. */
export function caseQueue(ctx: ServiceContext, input: ParsedInputOf<'reports.caseQueue'>) {
  const { db } = ctx.database();
  const where = and(
    input.overdueOnly ? overdue(ctx.today) : open(),
    input.staffUserId !== undefined ? eq(staffOf, input.staffUserId) : undefined,
    input.caseType !== undefined ? eq(cases.caseType, input.caseType) : undefined,
    input.state !== undefined ? eq(cases.state, input.state) : undefined,
  );
  const total = db.select({ n: count() }).from(cases).where(where).get()!.n;
  const ids = db
    .select({ id: cases.id })
    .from(cases)
    .where(where)
    .orderBy(sql`${cases.dueDate} is null`, cases.dueDate, cases.id)
    .limit(QUEUE_PAGE)
    .offset((input.page - 1) * QUEUE_PAGE)
    .all();
  return { items: caseListItems(ctx, casesInOrder(ctx, ids.map((r) => r.id))), total };
}
