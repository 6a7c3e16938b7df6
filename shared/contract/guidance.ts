import { z } from 'zod';
import { GUIDANCE_BARRIERS, GUIDANCE_MODES, PLAN_ITEM_OWNERS, PLAN_ITEM_STATUSES, REFERRAL_KINDS, REFERRAL_STATES } from '../domain/guidance';
import type {
  FollowUpReason, FollowUpStanding, FollowUpStatus, GuidanceBarrier, GuidanceMode, PlanItemOwner, PlanItemStatus, ReferralKind, ReferralState,
} from '../domain/guidance';
import type { CaseView } from './case-views';
import { method } from './define';
import { occupationCode } from './enterprise-fields';
import { codesOf, entityId, page, pageSize, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface CodeLabel<C extends string = string> {
  code: C;
  label: string;
}

export interface GuidancePlanItemView {
  id: number;
  sessionId: number;
  description: string;
  owner: PlanItemOwner;
  ownerLabel: string;
  dueOn: string;
  status: PlanItemStatus;
  statusLabel: string;
  doneOn: string | null;
  version: number;
}

export interface GuidanceFollowUpView {
  id: number;
  personId: number;
  personName: string;
  phoneMasked: string | null;
  counselorUserId: number;
  counselorName: string;
  reason: FollowUpReason;
  reasonLabel: string;
  /** What it follows up, in words: the session's day, the referral's target, the plan item. */
  about: string | null;
  scheduledOn: string;
  dueOn: string;
  status: FollowUpStatus;
  statusLabel: string;
  /** For a due follow-up: late, today's or still ahead (null once done or cancelled). */
  standing: FollowUpStanding | null;
  doneOn: string | null;
  note: string | null;
  version: number;
}

export interface GuidanceSessionView {
  id: number;
  personId: number;
  counselorUserId: number;
  counselorName: string;
  sessionDate: string;
  durationMinutes: number;
  mode: GuidanceMode;
  modeLabel: string;
  topics: CodeLabel[];
  notes: string | null;
  assessment: {
    skills: string | null;
    intendedOccupationCode: string | null;
    expectedPayMinFen: number | null;
    expectedPayMaxFen: number | null;
    preferredPlace: string | null;
    barriers: CodeLabel<GuidanceBarrier>[];
  };
  planItems: GuidancePlanItemView[];
  version: number;
  createdAt: string;
}

export interface GuidanceReferralView {
  id: number;
  personId: number;
  sessionId: number | null;
  counselorUserId: number;
  counselorName: string;
  kind: ReferralKind;
  kindLabel: string;
  vacancyId: number | null;
  vacancyTitle: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  /** The vacancy's title and employer, or the class, programme, subsidy or service named. */
  target: string;
  referredOn: string;
  state: ReferralState;
  stateLabel: string;
  stateOn: string;
  /** The moves the referral may still make; empty once it has its outcome. */
  nextStates: CodeLabel<ReferralState>[];
  note: string | null;
  outcomeNote: string | null;
  /** A subsidy referral's item of the 补贴目录; the window opens the 补贴申请 prefilled with it. */
  subsidyCode: string | null;
  caseId: number | null;
  version: number;
}

/**
 * What a 录用 proposes: a 就业登记 draft's values for `cases.create`, made at the
 * window by whoever prepares cases (counselors do not), or null.
 */
export interface EmploymentRegistrationProposal {
  caseType: 'employment_registration';
  personId: number;
  form: Record<string, string | null>;
}

export interface GuidanceForPerson {
  sessions: GuidanceSessionView[];
  referrals: GuidanceReferralView[];
  followUps: GuidanceFollowUpView[];
}

/** 我的工作台 for a counselor: what is due, what is open, whom she carries, what came of it. */
export interface CounselorDesk {
  today: string;
  /** Follow-ups due today or missed, earliest first (at most 20), and how many there are. */
  followUps: GuidanceFollowUpView[];
  followUpsTotal: number;
  /** Open plan items of her sessions, earliest due first (at most 20). */
  planItems: Array<GuidancePlanItemView & { personId: number; personName: string }>;
  planItemsTotal: number;
  /** Her caseload: the registered unemployed she has guided, by how long they have been registered. */
  caseload: Array<{ band: string; persons: number }>;
  /** Referrals still waiting for the employer's or provider's answer, oldest first (at most 20). */
  awaiting: Array<GuidanceReferralView & { personName: string; waitingDays: number }>;
  awaitingTotal: number;
  /** Outcomes recorded this calendar month, by outcome. */
  outcomesThisMonth: Array<CodeLabel<ReferralState> & { count: number }>;
}

const assessment = z.strictObject({
  skills: text(200, false).nullish(),
  intendedOccupationCode: occupationCode.nullish(),
  expectedPayMinFen: z.number().int('应为整数').min(0, '不能小于0').max(100_000_000, '金额过大').nullish(),
  expectedPayMaxFen: z.number().int('应为整数').min(0, '不能小于0').max(100_000_000, '金额过大').nullish(),
  preferredPlace: text(100, false).nullish(),
  barriers: z.array(z.enum(codesOf(GUIDANCE_BARRIERS), '请从列表中选择就业障碍')).max(GUIDANCE_BARRIERS.length).default([]),
});

const planItem = z.strictObject({
  description: text(200),
  owner: z.enum(codesOf(PLAN_ITEM_OWNERS), '请选择负责人（本人或指导员）'),
  dueOn: isoDate,
});

const LABELS = {
  personId: '服务对象', counselorUserId: '指导员', sessionDate: '指导日期', durationMinutes: '时长（分钟）', mode: '指导方式', topics: '指导内容', notes: '指导情况',
  'assessment.skills': '技能特长', 'assessment.intendedOccupationCode': '求职意向（职业代码）', 'assessment.expectedPayMinFen': '期望月薪下限',
  'assessment.expectedPayMaxFen': '期望月薪上限', 'assessment.preferredPlace': '期望工作地点', 'assessment.barriers': '就业障碍', planItems: '行动计划',
};

export const guidanceContract = {
  'guidance.recordSession': method<{ session: GuidanceSessionView; followUps: GuidanceFollowUpView[] }>()({
    input: z.strictObject({
      personId: entityId,
      /** Defaults to the caller. */
      counselorUserId: entityId.optional(),
      sessionDate: isoDate,
      durationMinutes: z.number().int('应为整数'),
      mode: z.enum(codesOf(GUIDANCE_MODES), '请从列表中选择指导方式'),
      topics: z.array(z.string().max(40)).max(20, '指导内容最多选20项'),
      notes: text(2000, false).nullish(),
      assessment: assessment.default({ barriers: [] }),
      planItems: z.array(planItem).max(20, '行动计划最多20项').default([]),
    }),
    access: 'guidance.write',
    writes: true,
    title: '记录职业指导（评估与行动计划，自动安排回访）',
    labels: LABELS,
  }),
  'guidance.updateSession': method<GuidanceSessionView>()({
    input: z.strictObject({
      id: entityId,
      version: rowVersion,
      sessionDate: isoDate,
      durationMinutes: z.number().int('应为整数'),
      mode: z.enum(codesOf(GUIDANCE_MODES), '请从列表中选择指导方式'),
      topics: z.array(z.string().max(40)).max(20, '指导内容最多选20项'),
      notes: text(2000, false).nullish(),
      assessment: assessment.default({ barriers: [] }),
    }),
    access: 'guidance.write',
    writes: true,
    title: '修改职业指导记录（日期、方式、内容与评估；行动计划事项另行更新）',
    labels: LABELS,
  }),
  'guidance.forPerson': method<GuidanceForPerson>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看某人的职业指导、推荐和回访',
  }),
  'guidance.updatePlanItem': method<GuidancePlanItemView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, status: z.enum(codesOf(PLAN_ITEM_STATUSES), '请选择状态'), doneOn: isoDate.nullish() }),
    access: 'guidance.write',
    writes: true,
    title: '更新行动计划事项（完成或取消）',
    labels: { status: '状态', doneOn: '完成日期' },
  }),
  'guidance.refer': method<{ referral: GuidanceReferralView; followUp: GuidanceFollowUpView }>()({
    input: z.strictObject({
      personId: entityId,
      sessionId: entityId.nullish(),
      kind: z.enum(codesOf(REFERRAL_KINDS), '请选择推荐类型'),
      vacancyId: entityId.nullish(),
      targetName: text(100, false).nullish(),
      /** For a subsidy referral: the item of the 补贴目录 (names the referral when no target is typed). */
      subsidyCode: z.string().trim().max(40, '不能超过40个字符').nullish(),
      referredOn: isoDate,
      note: text(500, false).nullish(),
    }),
    access: 'guidance.write',
    writes: true,
    title: '推荐（岗位、培训、补贴申请、创业服务），自动安排回访',
    labels: { personId: '服务对象', sessionId: '指导记录', kind: '推荐类型', vacancyId: '推荐岗位', targetName: '推荐去向', subsidyCode: '补贴项目', referredOn: '推荐日期', note: '备注' },
  }),
  'guidance.recordReferralOutcome': method<{ referral: GuidanceReferralView; proposal: EmploymentRegistrationProposal | null }>()({
    input: z.strictObject({
      id: entityId,
      version: rowVersion,
      state: z.enum(codesOf(REFERRAL_STATES), '请选择推荐结果'),
      onDate: isoDate,
      note: text(500, false).nullish(),
    }),
    access: 'guidance.write',
    writes: true,
    title: '记录推荐的进展和结果（面试、录用、未录用……）',
    labels: { state: '推荐结果', onDate: '日期', note: '单位答复' },
  }),
  'guidance.openSubsidyApplication': method<CaseView>()({
    input: z.strictObject({ referralId: entityId }),
    access: 'cases.prepare',
    writes: true,
    title: '按补贴申请推荐生成预填的补贴申请（草稿）',
  }),
  'guidance.scheduleFollowUp': method<GuidanceFollowUpView>()({
    input: z.strictObject({ personId: entityId, counselorUserId: entityId.optional(), dueOn: isoDate, note: text(500, false).nullish() }),
    access: 'guidance.write',
    writes: true,
    title: '手工安排回访',
    labels: { personId: '服务对象', counselorUserId: '指导员', dueOn: '回访日期', note: '备注' },
  }),
  'guidance.completeFollowUp': method<GuidanceFollowUpView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, doneOn: isoDate, note: text(500) }),
    access: 'guidance.write',
    writes: true,
    title: '记录回访',
    labels: { doneOn: '回访日期', note: '回访情况' },
  }),
  'guidance.desk': method<CounselorDesk>()({
    input: z.strictObject({}),
    access: 'guidance.write',
    writes: false,
    title: '我的工作台（指导员：今日回访、未完成计划、服务对象、待答复推荐、本月结果）',
  }),
  'guidance.followUpsDue': method<{ items: GuidanceFollowUpView[]; total: number; overdue: number }>()({
    input: z.strictObject({
      /** Whose list: the caller's by default; `all` for the head's view of everyone's. */
      counselorUserId: entityId.optional(),
      all: z.boolean().default(false),
      /** Only the missed ones (due before today). */
      overdueOnly: z.boolean().default(false),
      page,
      pageSize,
    }),
    access: 'persons.read',
    writes: false,
    title: '待回访清单（按指导员；逾期未回访）',
  }),
};
