import { z } from 'zod';
import { DAY_PARTS, GIG_DEMAND_SOURCES, GIG_PAY_UNITS, type DayPart, type GigDemandSource, type GigDispatchStatus, type GigPayUnit, type Weekday } from '../domain/gig';
import { method } from './define';
import { occupationCode, townshipCode } from './enterprise-fields';
import { codesOf, entityId, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface GigWorkerView {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  skills: string[];
  occupationCode: string | null;
  availableDays: Weekday[];
  dayParts: DayPart[];
  townshipCode: string;
  townshipName: string | null;
  contactConsent: boolean;
  consentOn: string | null;
  status: 'active' | 'paused';
  /** Completed jobs and the demanders' average rating of the worker (null before any). */
  completed: number;
  averageRating: number | null;
  version: number;
}

export interface GigDispatchView {
  id: number;
  demandId: number;
  workerId: number;
  personId: number;
  personName: string;
  phoneMasked: string | null;
  dispatchedOn: string;
  matchScore: number | null;
  status: GigDispatchStatus;
  statusLabel: string;
  completedOn: string | null;
  workerRating: number | null;
  demandRating: number | null;
  version: number;
}

export interface GigDemandView {
  id: number;
  source: GigDemandSource;
  sourceLabel: string;
  enterpriseId: number | null;
  /** The enterprise's name, or the household's contact. */
  demanderName: string;
  contactPhoneMasked: string | null;
  task: string;
  skills: string[];
  occupationCode: string | null;
  townshipCode: string;
  townshipName: string | null;
  address: string;
  workDate: string;
  startTime: string;
  endTime: string;
  payFen: number;
  payUnit: GigPayUnit;
  payText: string;
  peopleNeeded: number;
  /** Dispatches not cancelled. */
  dispatched: number;
  completed: number;
  postedOn: string;
  status: 'open' | 'cancelled';
  cancelReason: string | null;
  dispatches: GigDispatchView[];
  version: number;
}

export interface GigMatchView {
  workerId: number;
  personId: number;
  personName: string;
  phoneMasked: string | null;
  townshipName: string | null;
  skills: string[];
  score: number;
  reasons: string[];
}

export interface GigMatchesView {
  demand: GigDemandView;
  ranked: GigMatchView[];
  /** Workers left out, with why (no consent, not that weekday, busy at that time). */
  excluded: { workerId: number; personName: string; reason: string }[];
}

export interface GigStatisticsRow {
  day: string;
  townshipCode: string;
  townshipName: string | null;
  demandsPosted: number;
  peopleDispatched: number;
  completed: number;
  /** Average of the demanders' ratings of workers, one decimal; null when none. */
  averageWorkerRating: number | null;
  /** Average of the workers' ratings of demands. */
  averageDemandRating: number | null;
}

const skillTags = z.array(text(20)).max(10, '技能不能超过10项');
const weekdays = z.array(z.number().int().min(1, '星期应为1–7').max(7, '星期应为1–7')).min(1, '至少选择一天').max(7);
const dayParts = z.array(z.enum(codesOf(DAY_PARTS), '时段只能是上午、下午、晚上')).min(1, '至少选择一个时段').max(3);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
const rating = z.number().int('评分应为整数').min(1, '评分应为1到5分').max(5, '评分应为1到5分');

const WORKER_LABELS = {
  personId: '人员', skills: '技能', occupationCode: '职业（工种）代码', availableDays: '可工作日', dayParts: '可工作时段', townshipCode: '所在乡镇（街道）', contactConsent: '同意联系',
};
const workerFields = {
  skills: skillTags.min(1, '至少填写一项技能'),
  occupationCode: occupationCode.nullish(),
  availableDays: weekdays,
  dayParts,
  townshipCode,
  contactConsent: z.boolean('请确认是否同意联系'),
};

export const gigContract = {
  'gig.workers': method<GigWorkerView[]>()({
    input: z.strictObject({ townshipCode: townshipCode.optional() }),
    access: 'gig.read',
    writes: false,
    title: '零工人员名单',
  }),
  'gig.registerWorker': method<GigWorkerView>()({
    input: z.strictObject({ personId: entityId, ...workerFields }),
    access: 'gig.manage',
    writes: true,
    title: '零工登记（技能、可工作时间、区域、同意联系）',
    labels: WORKER_LABELS,
  }),
  'gig.updateWorker': method<GigWorkerView>()({
    input: z.strictObject({ workerId: entityId, version: rowVersion, ...workerFields, status: z.enum(['active', 'paused'], '状态只能是接单或暂停') }),
    access: 'gig.manage',
    writes: true,
    title: '修改零工信息',
    labels: { ...WORKER_LABELS, status: '状态' },
  }),
  'gig.demands': method<GigDemandView[]>()({
    input: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), townshipCode: townshipCode.optional() }),
    access: 'gig.read',
    writes: false,
    title: '零工需求（按用工日期）',
  }),
  'gig.postDemand': method<GigDemandView>()({
    input: z.strictObject({
      source: z.enum(codesOf(GIG_DEMAND_SOURCES), '请选择需求来源（居民家庭或企业）'),
      enterpriseId: entityId.nullish(),
      contactName: text(30, false).nullish(),
      contactPhone: z.string().trim().max(20, '不能超过20个字符').nullish(),
      task: text(100),
      skills: skillTags.default([]),
      occupationCode: occupationCode.nullish(),
      townshipCode,
      address: text(100),
      workDate: isoDate,
      startTime: clock,
      endTime: clock,
      payFen: z.number().int('报酬应为整数（分）').max(100_000_00, '报酬过大'),
      payUnit: z.enum(codesOf(GIG_PAY_UNITS), '请选择计酬方式（按天、按小时或按件）'),
      peopleNeeded: z.number().int('需要人数应为整数').max(200, '需要人数过多'),
    }),
    access: 'gig.manage',
    writes: true,
    title: '发布零工需求',
    labels: {
      source: '需求来源', enterpriseId: '用工企业', contactName: '联系人', contactPhone: '联系电话', task: '工作内容', skills: '所需技能', occupationCode: '职业（工种）代码',
      townshipCode: '用工乡镇（街道）', address: '用工地址', workDate: '用工日期', startTime: '开始时间', endTime: '结束时间', payFen: '报酬', payUnit: '计酬方式', peopleNeeded: '需要人数',
    },
  }),
  'gig.cancelDemand': method<GigDemandView>()({
    input: z.strictObject({ demandId: entityId, version: rowVersion, reason: text(200) }),
    access: 'gig.manage',
    writes: true,
    title: '撤销零工需求（未完工的派单一并取消）',
    labels: { reason: '撤销原因' },
  }),
  'gig.matches': method<GigMatchesView>()({
    input: z.strictObject({ demandId: entityId }),
    access: 'gig.read',
    writes: false,
    title: '零工匹配（按技能、区域、可工作时间排序，附理由）',
  }),
  'gig.dispatch': method<GigDemandView>()({
    input: z.strictObject({ demandId: entityId, workerId: entityId }),
    access: 'gig.manage',
    writes: true,
    title: '派单',
    labels: { demandId: '零工需求', workerId: '零工人员' },
  }),
  'gig.complete': method<GigDemandView>()({
    input: z.strictObject({ dispatchId: entityId, version: rowVersion }),
    access: 'gig.manage',
    writes: true,
    title: '零工完工',
  }),
  'gig.rate': method<GigDemandView>()({
    input: z.strictObject({ dispatchId: entityId, version: rowVersion, side: z.enum(['worker', 'demand'], '请选择评价对象'), rating }),
    access: 'gig.manage',
    writes: true,
    title: '零工双向评价（需求方评零工、零工评需求方，1–5分）',
    labels: { rating: '评分', side: '评价对象' },
  }),
  'gig.statistics': method<{ from: string; to: string; rows: GigStatisticsRow[]; total: Omit<GigStatisticsRow, 'day' | 'townshipCode' | 'townshipName'> }>()({
    input: z.strictObject({ from: isoDate, to: isoDate }),
    access: 'gig.statistics',
    writes: false,
    title: '零工市场每日统计（按日、按乡镇）',
  }),
};
