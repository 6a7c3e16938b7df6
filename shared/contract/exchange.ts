import { z } from 'zod';
import { method } from './define';
import type { JobView } from './jobs';

export interface ExchangeKeyView {
  owner: 'county' | 'province';
  code: string | null;
  keyId: string;
  /** The key id in groups of four hex digits, read out on the phone with the province. */
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
}

export type ExchangeSchedule = { kind: 'off' } | { kind: 'daily'; time: string } | { kind: 'weekly'; weekday: number; time: string };

export interface ExchangeStatus {
  countyCode: string;
  keys: ExchangeKeyView[];
  outboxDir: string | null;
  schedule: ExchangeSchedule;
  /** Changes captured since the last package. */
  pendingChanges: number;
  lastPackage: ExchangePackageView | null;
  /** Next scheduled run (UTC ISO), when a schedule is set. */
  nextRunAt: string | null;
  /** Why "export now" cannot run yet (no key, no outbox …), in Chinese; null when it can. */
  blocker: string | null;
}

export interface ExchangePackageView {
  sequence: number;
  fileName: string;
  createdAt: string;
  changeFrom: number;
  changeTo: number;
  counts: Record<string, number>;
  records: number;
  size: number;
  packageHash: string;
  status: 'sent' | 'receipted';
  accepted: number | null;
  rejected: number | null;
  receiptAt: string | null;
}

export interface ExchangeRejectedRecord {
  entity: string;
  entityTitle: string;
  entityId: number;
  /** What staff recognise: a person's name with masked ID, an enterprise's name … */
  label: string;
  reason: string;
  packageSequence: number;
  updatedAt: string;
}

export interface ExchangeExportResult {
  sequence: number | null;
  fileName: string | null;
  records: number;
  counts: Record<string, number>;
  size: number;
  recovered: boolean;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM（24小时制）');
const schedule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({ kind: z.literal('daily'), time }),
  z.strictObject({ kind: z.literal('weekly'), weekday: z.number().int().min(1, '星期应为1–7').max(7, '星期应为1–7'), time }),
]);
const fileText = z.string().min(1, '文件为空').max(64 * 1024, '文件过大，不是密钥文件');
const fileName = z.string().trim().min(1).max(200);

export const exchangeContract = {
  'exchange.status': method<ExchangeStatus>()({
    input: z.strictObject({}),
    access: 'exchange.manage',
    writes: false,
    title: '查看省级数据交换状态',
  }),
  'exchange.generateCountyKey': method<ExchangeKeyView>()({
    input: z.strictObject({ reason: z.string().trim().min(2, '请说明生成或更换密钥的原因').max(200) }),
    access: 'exchange.manage',
    writes: true,
    title: '生成（更换）本县交换密钥',
  }),
  'exchange.exportPublicKey': method<{ fileName: string; content: string }>()({
    input: z.strictObject({}),
    access: 'exchange.manage',
    writes: false,
    title: '导出本县公钥',
  }),
  'exchange.importProvinceKey': method<ExchangeKeyView>()({
    input: z.strictObject({ fileName, content: fileText }),
    access: 'exchange.manage',
    writes: true,
    title: '导入省级公钥',
  }),
  'exchange.saveSettings': method<ExchangeStatus>()({
    input: z.strictObject({ outboxDir: z.string().trim().min(1, '请填写发送目录').max(500), schedule }),
    access: 'exchange.manage',
    writes: true,
    title: '保存交换设置（发送目录、定时）',
  }),
  'exchange.exportStart': method<JobView>()({
    /** outboxDir: this run only (the command line's --out); otherwise the configured folder. */
    input: z.strictObject({ outboxDir: z.string().trim().min(1).max(500).optional() }),
    access: 'exchange.manage',
    writes: true,
    title: '立即导出交换数据包',
  }),
  'exchange.history': method<ExchangePackageView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    access: 'exchange.manage',
    writes: false,
    title: '查看导出历史',
  }),
  'exchange.resend': method<{ outboxPath: string; size: number }>()({
    input: z.strictObject({ sequence: z.number().int().min(1) }),
    access: 'exchange.manage',
    writes: true,
    title: '重新发送数据包',
  }),
  'exchange.importReceipt': method<{ sequence: number; accepted: number; rejected: number }>()({
    input: z.strictObject({ fileName, base64: z.string().min(1).max(64 * 1024 * 1024) }),
    access: 'exchange.manage',
    writes: true,
    title: '导入省级回执',
  }),
  'exchange.rejected': method<ExchangeRejectedRecord[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    access: 'exchange.worklist',
    writes: false,
    title: '查看省级退回的记录',
  }),
};
