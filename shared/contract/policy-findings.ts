import { z } from 'zod';
import type { Explanation, FactSnapshot, TraceLine } from '../domain/policies';
import type { CaseView } from './case-views';
import { method } from './define';
import { entityId, page, pageSize, text } from './fields';
import type { JobView } from './jobs';
import { isoDate } from './person-fields';

/**
 * 政策找人/政策找企: the sweep, the work lists of 疑似符合、尚未享受 it leaves,
 * the outreach staff record, the prefilled application opened from a finding,
 * and 免申即享 batches a reviewer confirms.
 */
export const FINDING_STATUSES = ['open', 'contacted', 'applied', 'declined', 'gone'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const OUTREACH_CHANNELS = ['phone', 'sms', 'letter', 'home_visit', 'wechat'] as const;
export const OUTREACH_OUTCOMES = ['reached', 'no_answer', 'interested', 'declined', 'applied'] as const;

export interface FindingSubject {
  type: 'person' | 'enterprise';
  id: number;
  name: string;
  /** ID number or credit code, masked. */
  keyMasked: string;
  /** Phone, masked (persons). */
  phoneMasked: string | null;
}

export interface FindingListItem {
  id: number;
  policyCode: string;
  policyName: string;
  policyVersion: number;
  subject: FindingSubject;
  result: 'eligible' | 'needs_check';
  amountFen: number | null;
  amountConfirmed: boolean;
  /** The explanation's first line: 为什么符合 in one sentence. */
  headline: string;
  status: FindingStatus;
  firstFoundAt: string;
  lastOutreach: { contactedOn: string; channel: string; outcome: string } | null;
  caseId: number | null;
  batchId: number | null;
}

export interface OutreachView {
  id: number;
  channel: (typeof OUTREACH_CHANNELS)[number];
  contactedOn: string;
  outcome: (typeof OUTREACH_OUTCOMES)[number];
  message: string | null;
  note: string | null;
  staff: string | null;
  createdAt: string;
}

export interface FindingView extends FindingListItem {
  explanation: Explanation;
  trace: TraceLine[];
  facts: FactSnapshot;
  outreach: OutreachView[];
  /** A suggested SMS text (政策告知短信) naming the policy, without personal data beyond the name. */
  suggestedMessage: string;
  decision: 'confirmed' | 'rejected' | null;
  decisionReason: string | null;
}

export interface SweepView {
  id: number;
  mode: 'full' | 'incremental';
  /** Policy code → the version in force it judged by. */
  versions: Record<string, number>;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  evaluated: number;
  found: number;
}

export interface BatchView {
  id: number;
  policyCode: string;
  policyName: string;
  policyVersion: number;
  state: 'proposed' | 'decided';
  items: FindingListItem[];
  createdAt: string;
  createdBy: string | null;
}

const findingId = entityId;
const policyCode = z.string().trim().min(1).max(40, '不能超过40个字符');

export const policyFindingsContract = {
  'policies.sweepStart': method<JobView>()({
    input: z.strictObject({}),
    access: 'policies.find',
    writes: true,
    title: '政策找人：比对有变化的人员和企业（新版本启用后全部比对）',
  }),
  'policies.sweeps': method<SweepView[]>()({
    input: z.strictObject({}),
    access: 'policies.find',
    writes: false,
    title: '查看政策比对的运行记录',
  }),
  'policies.findings': method<{ items: FindingListItem[]; total: number }>()({
    input: z.strictObject({ policyCode: policyCode.optional(), status: z.enum(FINDING_STATUSES, '未知的状态').optional(), page, pageSize }),
    access: 'policies.find',
    writes: false,
    title: '疑似符合、尚未享受的工作清单',
    labels: { policyCode: '政策', status: '状态' },
  }),
  'policies.finding': method<FindingView>()({
    input: z.strictObject({ id: findingId }),
    access: 'policies.find',
    writes: false,
    title: '查看一条疑似符合记录：为什么符合、比对所用的数据、联系记录',
  }),
  'policies.recordOutreach': method<FindingView>()({
    input: z.strictObject({
      findingId,
      channel: z.enum(OUTREACH_CHANNELS, '请选择联系方式'),
      contactedOn: isoDate,
      outcome: z.enum(OUTREACH_OUTCOMES, '请选择联系结果'),
      message: text(500, false).optional(),
      note: text(500, false).optional(),
    }),
    access: 'policies.find',
    writes: true,
    title: '记录政策告知的联系（电话、短信、信函、上门）及结果',
    labels: { channel: '联系方式', contactedOn: '联系日期', outcome: '联系结果', message: '发送内容', note: '备注' },
  }),
  'policies.openApplication': method<CaseView>()({
    input: z.strictObject({ findingId }),
    access: 'cases.prepare',
    writes: true,
    title: '按疑似符合记录一键生成预填的补贴申请（草稿）',
  }),
  'policies.proposeBatch': method<BatchView>()({
    input: z.strictObject({ policyCode }),
    access: 'policies.find',
    writes: true,
    title: '免申即享：把一项免申政策的疑似符合者汇成待确认批次',
    labels: { policyCode: '政策' },
  }),
  'policies.batch': method<BatchView>()({
    input: z.strictObject({ id: entityId }),
    access: 'policies.find',
    writes: false,
    title: '查看免申即享批次',
  }),
  'policies.decideBatch': method<BatchView>()({
    input: z.strictObject({
      id: entityId,
      decisions: z
        .array(z.strictObject({ findingId, decision: z.enum(['confirmed', 'rejected'], '请选择确认或不予确认'), reason: text(200, false).optional() }))
        .min(1, '至少确认一条')
        .max(2000, '一次最多2000条'),
    }),
    access: 'policies.decide',
    writes: true,
    title: '免申即享：审核员逐条（或核查样本后整批）确认或不予确认，确认的进入受理',
    labels: { decisions: '确认结果' },
  }),
};
