/**
 * 团体指导 (group guidance events): 讲座, 工作坊 and 职业体验 on one day, with
 * attendance taken at the door by ID card. Pure rules; db/services/guidance-events.ts
 * owns the tables. The door follows the fair's rule (shared/domain/fair-check-in.ts):
 * open on the event's day; after it only within the administrator's days of 补登记,
 * and then the attendance is marked 补录 (it happened on the event's day, not today).
 */
import { addDays, addYears } from '../calendar';

export const GUIDANCE_EVENT_KINDS = [['lecture', '讲座'], ['workshop', '工作坊'], ['job_experience', '职业体验']] as const;
export type GuidanceEventKind = (typeof GUIDANCE_EVENT_KINDS)[number][0];

/** A room or a workplace visit, not a stadium: more seats than this is a typo. */
export const MAX_EVENT_CAPACITY = 1000;
/** Events are planned at most a year ahead, and recorded at most a year back. */
export const EVENT_HORIZON_YEARS = 1;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface EventDraft {
  title: string;
  eventDate: string;
  startTime: string;
  endTime: string | null;
  capacity: number;
}

/** Every problem of an event as typed, keyed by field; empty when it may be saved. */
export function eventProblems(draft: EventDraft, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.title.trim().length === 0) problems.title = '请填写活动名称';
  if (draft.eventDate > addYears(today, EVENT_HORIZON_YEARS)) problems.eventDate = `活动日期不能晚于今天后${EVENT_HORIZON_YEARS}年`;
  if (draft.eventDate < addYears(today, -EVENT_HORIZON_YEARS)) problems.eventDate = `活动日期不能早于今天前${EVENT_HORIZON_YEARS}年`;
  if (!TIME.test(draft.startTime)) problems.startTime = '开始时间应为“时:分”，如 09:30';
  if (draft.endTime !== null) {
    if (!TIME.test(draft.endTime)) problems.endTime = '结束时间应为“时:分”，如 11:30';
    else if (TIME.test(draft.startTime) && draft.endTime <= draft.startTime) problems.endTime = '结束时间应晚于开始时间';
  }
  if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > MAX_EVENT_CAPACITY) problems.capacity = `名额应为1–${MAX_EVENT_CAPACITY}的整数`;
  return problems;
}

export type EventDoor = { open: true; lateEntry: boolean } | { open: false; refusal: string };

/**
 * Whether the door takes a sign-in today: on the event's day as attended; after
 * it, within `graceDays` (系统设置's days of 补登记 after a fair), as 补录; never
 * before the day, nor later.
 */
export function eventDoor(event: { title: string; eventDate: string }, today: string, graceDays: number): EventDoor {
  if (event.eventDate > today) return { open: false, refusal: `活动定于${event.eventDate}举行，尚未开始，不能签到` };
  if (event.eventDate === today) return { open: true, lateEntry: false };
  const deadline = addDays(event.eventDate, graceDays);
  if (today <= deadline) return { open: true, lateEntry: true };
  const allowed = graceDays > 0 ? `，补录截至${deadline}` : '';
  return { open: false, refusal: `活动“${event.title}”已于${event.eventDate}举行${allowed}，不能再签到；如确需补录，请系统管理员在“系统设置”中设置“招聘会结束后可补登记入场的天数”（团体指导活动同样适用）` };
}
