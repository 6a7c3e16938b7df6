import { inArray } from 'drizzle-orm';
import type { DashboardFigures, ParsedInputOf, StaffMatterRow } from '../../shared/contract';
import { MATTER_TYPE_CODES, type MatterTypeCode } from '../../shared/domain/matter-types';
import { periodOf, reportPeriod } from '../../shared/domain/statistics';
import { OPEN_STATES } from '../../shared/domain/workflow';
import { addWorkingDays } from '../../shared/domain/working-days';
import type { ServiceContext } from '../context';
import { cases, users } from '../schema';
import { caseListItems, workCalendar, type CaseRow } from './case-view';

/**
 * 工作台: today's figures and, for the head, open and overdue matters by the
 * staff member responsible (the acceptor, or the preparer of a draft) and
 * matter type. Overdue means what the queue shows: accepted or in review with
 * its due date passed (the clock stands still while returned for documents).
 */

const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const RUNNING = `'accepted', 'in_review'`;

export const DASHBOARD_SQL = {
  open: `select count(*) as n from cases where state in (${OPEN})`,
  overdue: `select count(*) as n from cases where state in (${RUNNING}) and due_date < @today`,
  dueSoon: `select count(*) as n from cases where state in (${RUNNING}) and due_date between @today and @until`,
  // INDEXED BY: counting distinct persons tempts the planner into walking the person index end to end.
  newRegistrations: `select count(distinct person_id) as n from cases indexed by cases_type_state_decided where matter_type = 'unemployment_registration' and state = 'approved' and decided_at >= @start and decided_at < @end`,
  openVacancies: `select count(*) as n, coalesce(sum(openings), 0) as openings from vacancies where status = 'open' and valid_to >= @today`,
  byStaff: `select coalesce(accepted_by, prepared_by) as staff, matter_type as matterType, count(*) as open,
      sum(state in (${RUNNING}) and due_date < @today) as overdue
    from cases where state in (${OPEN}) group by staff, matter_type`,
} as const;

/** Today's figures; also the function the benchmark times (`dashboard(ctx)`). */
export function dashboard(ctx: ServiceContext): DashboardFigures {
  const { sqlite } = ctx.database();
  const today = ctx.today;
  const period = reportPeriod(periodOf(today));
  const until = addWorkingDays(today, 2, workCalendar(ctx));
  const n = (sql: string, params: Record<string, string> = {}) => (sqlite.prepare(sql).get(params) as { n: number }).n;
  const vacancies = sqlite.prepare(DASHBOARD_SQL.openVacancies).get({ today }) as { n: number; openings: number };
  return {
    today,
    period: period.code,
    openMatters: n(DASHBOARD_SQL.open),
    overdueMatters: n(DASHBOARD_SQL.overdue, { today }),
    dueSoonMatters: n(DASHBOARD_SQL.dueSoon, { today, until }),
    dueSoonUntil: until,
    newRegistrationsThisPeriod: n(DASHBOARD_SQL.newRegistrations, { start: period.startInstant, end: period.endInstant }),
    openVacancies: vacancies.n,
    openVacancyOpenings: vacancies.openings,
  };
}

export function mattersByStaff(ctx: ServiceContext): StaffMatterRow[] {
  const { db, sqlite } = ctx.database();
  const counts = sqlite.prepare(DASHBOARD_SQL.byStaff).all({ today: ctx.today }) as { staff: number; matterType: MatterTypeCode; open: number; overdue: number }[];
  const staffIds = [...new Set(counts.map((c) => c.staff))];
  const names = new Map(staffIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, staffIds)).all().map((u) => [u.id, u.name]) : []);
  return staffIds
    .map((id) => ({
      staffUserId: id,
      staffName: names.get(id) ?? `#${id}`,
      cells: MATTER_TYPE_CODES.map((matterType) => {
        const c = counts.find((x) => x.staff === id && x.matterType === matterType);
        return { matterType, open: c?.open ?? 0, overdue: c?.overdue ?? 0 };
      }),
    }))
    .sort((a, b) => a.staffName.localeCompare(b.staffName, 'zh-CN'));
}

const QUEUE_PAGE = 50;

/** The queue behind one cell of the staff table: open (or only overdue) matters of a staff member and type. */
export function matterQueue(ctx: ServiceContext, input: ParsedInputOf<'reports.matterQueue'>) {
  const { sqlite, db } = ctx.database();
  const where = [
    input.overdueOnly ? `state in (${RUNNING}) and due_date < @today` : `state in (${OPEN})`,
    input.staffUserId !== undefined ? 'coalesce(accepted_by, prepared_by) = @staff' : null,
    input.matterType !== undefined ? 'matter_type = @type' : null,
  ].filter(Boolean).join(' and ');
  const params = { ...(input.overdueOnly ? { today: ctx.today } : {}), ...(input.staffUserId !== undefined ? { staff: input.staffUserId } : {}), ...(input.matterType ? { type: input.matterType } : {}) };
  const total = (sqlite.prepare(`select count(*) as n from cases where ${where}`).get(params) as { n: number }).n;
  const ids = (sqlite.prepare(`select id from cases where ${where} order by due_date is null, due_date, id limit ${QUEUE_PAGE} offset @offset`).all({ ...params, offset: (input.page - 1) * QUEUE_PAGE }) as { id: number }[]).map((r) => r.id);
  const rows: CaseRow[] = ids.length ? db.select().from(cases).where(inArray(cases.id, ids)).all() : [];
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { items: caseListItems(ctx, rows), total };
}
