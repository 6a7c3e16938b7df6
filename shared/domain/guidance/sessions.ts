/**
 * 职业指导记录 (guidance session): a counselor's session with one person, its
 * assessment and its action plan. Pure rules; db/services/guidance.ts owns
 * the tables. Every check answers in Chinese, keyed by the field it names.
 */
import { addYears } from '../calendar';

export const GUIDANCE_MODES = [
  ['window', '窗口'], ['phone', '电话'], ['home_visit', '上门'], ['online', '线上'], ['group', '团体'],
] as const;
export type GuidanceMode = (typeof GUIDANCE_MODES)[number][0];

/**
 * The topics a county starts with; the administrator's code table
 * `guidance_topics` (code_entries) is the list sessions are checked against,
 * so a county adds, renames or retires topics without a release.
 */
export const FACTORY_GUIDANCE_TOPICS = [
  ['career_assessment', '职业测评'], ['job_search_skills', '求职技巧'], ['policy_advice', '政策咨询'],
  ['training_advice', '培训建议'], ['entrepreneurship', '创业指导'], ['counselling', '心理疏导'],
] as const;

/** What stands between the person and a job, as the assessment records it. */
export const GUIDANCE_BARRIERS = [
  ['care_duties', '照料家庭'], ['health', '身体健康'], ['skills_gap', '技能不足'], ['low_education', '学历偏低'],
  ['age', '年龄偏大'], ['transport', '交通不便'], ['expectations', '期望偏高'], ['motivation', '就业意愿不强'], ['other', '其他'],
] as const;
export type GuidanceBarrier = (typeof GUIDANCE_BARRIERS)[number][0];

export const PLAN_ITEM_OWNERS = [['person', '本人'], ['counselor', '指导员']] as const;
export type PlanItemOwner = (typeof PLAN_ITEM_OWNERS)[number][0];

export const PLAN_ITEM_STATUSES = [['open', '进行中'], ['done', '已完成'], ['dropped', '已取消']] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number][0];

/** A session lasts at least a minute and at most a working day. */
export const MAX_SESSION_MINUTES = 480;
/** A plan item due more than a year after the session is a typo, not a plan. */
export const PLAN_HORIZON_YEARS = 1;

export const labelOf = (table: readonly (readonly [string, string])[], code: string): string => table.find(([c]) => c === code)?.[1] ?? code;

export interface GuidanceAssessment {
  skills: string | null;
  /** 职业分类大典 2022 code, a major group (`4`) down to a detailed occupation (`4-07-02-03`). */
  intendedOccupationCode: string | null;
  expectedPayMinFen: number | null;
  expectedPayMaxFen: number | null;
  preferredPlace: string | null;
  barriers: GuidanceBarrier[];
}

export interface PlanItemDraft {
  description: string;
  owner: PlanItemOwner;
  dueOn: string;
}

export interface SessionDraft {
  sessionDate: string;
  durationMinutes: number;
  topics: readonly string[];
  assessment: GuidanceAssessment;
  planItems: readonly PlanItemDraft[];
}

/** The person's life as far as the dates of guidance care. */
export interface PersonLife {
  birthDate: string;
  /** A recorded death: nothing can happen with the person after it. */
  deathDate: string | null;
}

/** Why a day cannot be the day of something done with the person, or null. */
export function serviceDateProblem(date: string, today: string, life: PersonLife, what: string): string | null {
  if (date > today) return `${what}不能晚于今天（${today}）`;
  if (date < life.birthDate) return `${what}不能早于本人出生日期（${life.birthDate}）`;
  if (life.deathDate !== null && date > life.deathDate) return `${what}不能晚于本人死亡日期（${life.deathDate}）`;
  return null;
}

/** Why a plan item's due date cannot be right for a session on `sessionDate`, or null. */
export function planDueProblem(dueOn: string, sessionDate: string): string | null {
  if (dueOn < sessionDate) return `完成期限不能早于指导日期（${sessionDate}）`;
  if (dueOn > addYears(sessionDate, PLAN_HORIZON_YEARS)) return `完成期限不能晚于指导日期后${PLAN_HORIZON_YEARS}年`;
  return null;
}

/**
 * Every problem of a session as typed, keyed by field path (`planItems.0.dueOn`);
 * empty when it may be saved. `activeTopics` is the topic code table's active codes.
 */
export function sessionProblems(draft: SessionDraft, today: string, life: PersonLife, activeTopics: ReadonlySet<string>): Record<string, string> {
  const problems: Record<string, string> = {};
  const dateProblem = serviceDateProblem(draft.sessionDate, today, life, '指导日期');
  if (dateProblem) problems.sessionDate = dateProblem;
  if (!Number.isInteger(draft.durationMinutes) || draft.durationMinutes < 1 || draft.durationMinutes > MAX_SESSION_MINUTES) {
    problems.durationMinutes = `时长应为1–${MAX_SESSION_MINUTES}分钟的整数`;
  }
  if (draft.topics.length === 0) problems.topics = '请至少选择一个指导内容';
  const unknown = draft.topics.filter((t) => !activeTopics.has(t));
  if (unknown.length > 0) problems.topics = `指导内容“${unknown.join('、')}”不在指导内容代码表中（或已停用）`;
  if (new Set(draft.topics).size !== draft.topics.length) problems.topics = '指导内容不能重复选择';
  const { expectedPayMinFen: min, expectedPayMaxFen: max } = draft.assessment;
  if (min !== null && max !== null && min > max) problems['assessment.expectedPayMaxFen'] = '期望月薪上限不能低于下限';
  if (new Set(draft.assessment.barriers).size !== draft.assessment.barriers.length) problems['assessment.barriers'] = '就业障碍不能重复选择';
  draft.planItems.forEach((item, i) => {
    if (item.description.trim().length === 0) problems[`planItems.${i}.description`] = '请填写计划事项';
    const due = planDueProblem(item.dueOn, draft.sessionDate);
    if (due) problems[`planItems.${i}.dueOn`] = due;
  });
  return problems;
}

/** Closing a plan item: done on a day between the session and today; dropping needs no day. */
export function planItemChangeProblem(status: PlanItemStatus, doneOn: string | null, sessionDate: string, today: string): string | null {
  if (status !== 'done') return doneOn === null ? null : '只有已完成的事项填写完成日期';
  if (doneOn === null) return '请填写完成日期';
  if (doneOn < sessionDate) return `完成日期不能早于指导日期（${sessionDate}）`;
  if (doneOn > today) return `完成日期不能晚于今天（${today}）`;
  return null;
}
