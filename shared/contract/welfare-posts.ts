import { z } from 'zod';
import { MANUAL_END_REASONS, type PlacementEndReason } from '../domain/welfare-posts';
import { method } from './define';
import { entityId, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface WelfarePlacementView {
  id: number;
  postId: number;
  postTitle: string;
  employerName: string;
  personId: number;
  personName: string;
  idNumberMasked: string;
  certificationCaseId: number;
  hiredOn: string;
  plannedEndOn: string;
  /** Hired within 5 years of retirement: the placement runs to the day before retirement. */
  untilRetirement: boolean;
  endedOn: string | null;
  endReason: PlacementEndReason | null;
  endReasonLabel: string;
  endNote: string | null;
  version: number;
}

export interface WelfarePostView {
  id: number;
  employerName: string;
  enterpriseId: number | null;
  title: string;
  positions: number;
  filled: number;
  periodFrom: string;
  periodTo: string;
  monthlySubsidyFen: number;
  status: 'open' | 'closed';
  placements: WelfarePlacementView[];
  version: number;
}

export interface WelfareSubsidyLine {
  placementId: number;
  personName: string;
  idNumberMasked: string;
  postTitle: string;
  employerName: string;
  amountFen: number;
  /** The 应发记录 this month of this placement became (资金兑付), or null while not yet recorded. */
  entitlementId: number | null;
}

/** When the daily check last ran (office date) and by whom, and how many placements are within 30 days of their end. */
export interface WelfareCheckStatus {
  lastCheckOn: string | null;
  lastCheckBy: string | null;
  reminders: number;
}

export interface WelfareSubsidyMonth {
  month: string;
  lines: WelfareSubsidyLine[];
  totalFen: number;
  /** Lines already recorded for payment and their sum. */
  recordedCount: number;
  recordedFen: number;
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const welfarePostsContract = {
  'welfarePosts.list': method<WelfarePostView[]>()({
    input: z.strictObject({}),
    access: 'welfarePosts.read',
    writes: false,
    title: '公益性岗位及在岗人员',
  }),
  'welfarePosts.createPost': method<WelfarePostView>()({
    input: z.strictObject({
      employerName: text(100),
      enterpriseId: entityId.nullish(),
      title: text(60),
      positions: z.number().int('应为整数').min(1, '岗位数应至少1个').max(500, '岗位数过多'),
      periodFrom: isoDate,
      periodTo: isoDate,
      monthlySubsidyFen: z.number().int('应为整数（分）').min(0, '不能为负数').max(10_000_000, '金额过大'),
    }),
    access: 'welfarePosts.manage',
    writes: true,
    title: '开发公益性岗位',
    labels: { employerName: '用人单位', title: '岗位名称', positions: '岗位数', periodFrom: '开发期限起', periodTo: '开发期限止', monthlySubsidyFen: '岗位补贴（每月）' },
  }),
  'welfarePosts.hire': method<WelfarePlacementView>()({
    input: z.strictObject({ postId: entityId, personId: entityId, hiredOn: isoDate }),
    access: 'welfarePosts.manage',
    writes: true,
    title: '安置就业困难人员到公益性岗位（上岗时核验认定）',
    labels: { postId: '公益性岗位', personId: '安置人员', hiredOn: '上岗日期' },
  }),
  'welfarePosts.exit': method<WelfarePlacementView>()({
    input: z.strictObject({
      placementId: entityId,
      version: rowVersion,
      endedOn: isoDate,
      reason: z.enum(MANUAL_END_REASONS as [PlacementEndReason, ...PlacementEndReason[]], '请选择离岗原因'),
      note: text(200, false).nullish(),
    }),
    access: 'welfarePosts.manage',
    writes: true,
    title: '公益性岗位人员离岗',
    labels: { endedOn: '离岗日期', reason: '离岗原因', note: '说明' },
  }),
  'welfarePosts.checkDaily': method<{ ended: WelfarePlacementView[]; skipped: boolean }>()({
    // The scheduler's run: skipped (nothing written) when the check already ran on this office day.
    input: z.strictObject({ unlessDoneToday: z.boolean().optional() }),
    access: 'welfarePosts.dailyCheck',
    writes: true,
    title: '公益性岗位每日核验（认定终止或安置期满的人员离岗）',
  }),
  'welfarePosts.checkStatus': method<WelfareCheckStatus>()({
    input: z.strictObject({}),
    access: 'welfarePosts.read',
    writes: false,
    title: '公益性岗位每日核验的状态（上次核验日期、期满提醒人数）',
  }),
  'welfarePosts.reminders': method<WelfarePlacementView[]>()({
    input: z.strictObject({}),
    access: 'welfarePosts.read',
    writes: false,
    title: '安置期满前30天提醒',
  }),
  'welfarePosts.subsidies': method<WelfareSubsidyMonth>()({
    input: z.strictObject({ month }),
    access: 'welfarePosts.read',
    writes: false,
    title: '公益性岗位补贴月度明细（在岗期间按月计发）',
    labels: { month: '补贴月份' },
  }),
  'welfarePosts.recordSubsidies': method<WelfareSubsidyMonth>()({
    input: z.strictObject({ month }),
    access: 'welfarePosts.manage',
    writes: true,
    title: '公益性岗位补贴记入应发（转资金兑付）',
    labels: { month: '补贴月份' },
  }),
};
