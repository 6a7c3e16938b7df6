/**
 * 零工市场 (gig market): the words of gig workers, short-job demands and
 * dispatches, and the rules a demand and a dispatch must keep. Pure;
 * db/services/gig-*.ts carry the decisions out.
 */
import { parseIsoDate } from './calendar';

/** Mon = 1 … Sun = 7, as on Chinese calendars. */
export const WEEKDAYS = [[1, '周一'], [2, '周二'], [3, '周三'], [4, '周四'], [5, '周五'], [6, '周六'], [7, '周日']] as const;
export type Weekday = (typeof WEEKDAYS)[number][0];

/** Parts of the day a worker can take work; a demand's hours fall in one or more of them. */
export const DAY_PARTS = [['morning', '上午'], ['afternoon', '下午'], ['evening', '晚上']] as const;
export type DayPart = (typeof DAY_PARTS)[number][0];

export const GIG_PAY_UNITS = [['day', '元/天'], ['hour', '元/小时'], ['piece', '元/件']] as const;
export type GigPayUnit = (typeof GIG_PAY_UNITS)[number][0];

export const GIG_DEMAND_SOURCES = [['household', '居民家庭'], ['enterprise', '企业']] as const;
export type GigDemandSource = (typeof GIG_DEMAND_SOURCES)[number][0];

export const GIG_DISPATCH_STATUSES = [['dispatched', '已派单'], ['completed', '已完工'], ['cancelled', '已取消']] as const;
export type GigDispatchStatus = (typeof GIG_DISPATCH_STATUSES)[number][0];

/** A rating of either side: 1 (很不满意) to 5 (很满意). */
export const GIG_RATING_MIN = 1;
export const GIG_RATING_MAX = 5;

export function gigLabel(table: readonly (readonly [string | number, string])[], code: string | number | null): string {
  return code === null ? '' : (table.find(([c]) => c === code)?.[1] ?? String(code));
}

export function weekdayOf(isoDate: string): Weekday {
  const { year, month, day } = parseIsoDate(isoDate);
  const sunday0 = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The parts of the day the hours touch: before 12:00 上午, 12:00–18:00 下午, after 18:00 晚上. */
export function dayPartsOf(startTime: string, endTime: string): DayPart[] {
  const from = minutes(startTime);
  const to = minutes(endTime);
  const parts: DayPart[] = [];
  if (from < 12 * 60) parts.push('morning');
  if (from < 18 * 60 && to > 12 * 60) parts.push('afternoon');
  if (to > 18 * 60) parts.push('evening');
  return parts;
}

export interface GigWhen {
  workDate: string;
  startTime: string;
  endTime: string;
}

/** Two demands overlap when they are on the same day and their hours share a minute. */
export function overlaps(a: GigWhen, b: GigWhen): boolean {
  return a.workDate === b.workDate && minutes(a.startTime) < minutes(b.endTime) && minutes(b.startTime) < minutes(a.endTime);
}

export interface DemandDraft extends GigWhen {
  payFen: number;
  peopleNeeded: number;
  source: GigDemandSource;
  enterpriseId?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** Why a demand may not be posted on `today` (per field), or an empty record. */
export function demandProblems(draft: DemandDraft, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.workDate < today) problems.workDate = `用工日期不能早于今天（${today}）`;
  if (minutes(draft.endTime) <= minutes(draft.startTime)) problems.endTime = `结束时间应晚于开始时间（${draft.startTime}）`;
  if (!(draft.payFen > 0)) problems.payFen = '报酬应大于0';
  if (!(draft.peopleNeeded >= 1)) problems.peopleNeeded = '需要人数应至少1人';
  if (draft.source === 'enterprise' && !draft.enterpriseId) problems.enterpriseId = '企业发布的需求请从企业名录中选择企业';
  if (draft.source === 'household') {
    if (!draft.contactName?.trim()) problems.contactName = '居民家庭发布的需求请填写联系人';
    if (!draft.contactPhone?.trim()) problems.contactPhone = '居民家庭发布的需求请填写联系电话';
  }
  return problems;
}

/**
 * Why `worker` may not be dispatched to `demand`, or null: the demand has all
 * the people it asked for, or the worker is already sent to one at the same time.
 */
export function dispatchProblem(
  demand: GigWhen & { peopleNeeded: number; dispatched: number; cancelled: boolean },
  busy: readonly (GigWhen & { task: string })[],
): { field: 'demandId' | 'workerId'; message: string } | null {
  if (demand.cancelled) return { field: 'demandId', message: '该需求已取消' };
  if (demand.dispatched >= demand.peopleNeeded) return { field: 'demandId', message: `该需求只需要${demand.peopleNeeded}人，已全部派出` };
  const clash = busy.find((b) => overlaps(b, demand));
  return clash ? { field: 'workerId', message: `此人${clash.workDate} ${clash.startTime}–${clash.endTime}已派往“${clash.task}”，时间重叠` } : null;
}

/** Fen as 元 with two decimals at most, for pay per unit. */
export function payText(payFen: number, unit: GigPayUnit): string {
  const yuan = payFen % 100 === 0 ? String(payFen / 100) : (payFen / 100).toFixed(2);
  return `${yuan}${gigLabel(GIG_PAY_UNITS, unit)}`;
}
