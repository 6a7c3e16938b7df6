import { z } from 'zod';
import type { BatchAction, BatchState, ControlCode, LedgerTotals, LineState, PaymentEventKind, Severity } from '../domain/payments';
import type { FundSource } from '../domain/policies';
import { FUND_SOURCES } from '../domain/policies/definition';
import { method } from './define';
import { codesOf, entityId, page, pageSize, text } from './fields';
import { isoDate } from './person-fields';

/**
 * 资金兑付: entitlements (应发记录) from approved applications, payment batches
 * (发放批次) from them, the bank file and the bank's result, reversals and
 * recoveries (追回), the fund ledger (补贴发放台账) against the year's budget,
 * and the controls before release. Screens show ID numbers and accounts
 * masked; only the bank file carries them whole (audited, its SM3 digest kept).
 */

export const fundSource = z.enum(codesOf(FUND_SOURCES), '资金来源应为就业补助资金、失业保险基金或创业担保贷款贴息');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
const payeeKind = z.enum(['person', 'enterprise'], '收款对象应为个人或单位');
/** Positive amounts in fen, at most 10 million yuan. */
const amountFen = z.number().int('金额应为整数（分）').positive('金额应大于0').max(1_000_000_000, '金额过大');
const reason = text(200);
const base64File = { fileName: text(200), base64: z.string().min(1).max(16 * 1024 * 1024) };

export interface PayeeRef {
  kind: 'person' | 'enterprise';
  id: number;
  name: string;
  /** ID number or credit code, masked. */
  keyMasked: string;
}

export interface AccountView {
  /** 账号, masked (first 4 and last 4 digits). */
  accountMasked: string;
  bankName: string;
}

export type EntitlementStatus = 'unpaid' | 'in_batch' | 'paid' | 'failed' | 'reversed';

/** 应发记录: what an approved application owes, and where it stands. */
export interface EntitlementView {
  id: number;
  payee: PayeeRef;
  policyCode: string;
  policyName: string;
  policyVersion: number | null;
  periodFrom: string;
  periodTo: string;
  /** 2026年1月—2026年6月. */
  periodText: string;
  amountFen: number;
  fundSource: FundSource;
  basis: 'engine' | 'entered';
  basisReason: string | null;
  caseId: number | null;
  receiptNo: string | null;
  townshipName: string | null;
  approvedOn: string;
  status: EntitlementStatus;
  /** The payee's account on record, or null when none: a batch refuses a payee without one. */
  account: AccountView | null;
  /** The batch line that paid or holds it, as 批次号#序号. */
  lineRef: string | null;
}

export interface PaymentLineView {
  lineNo: number;
  entitlementId: number;
  payee: PayeeRef;
  account: AccountView;
  policyCode: string;
  policyName: string;
  periodText: string;
  amountFen: number;
  state: LineState;
  reason: string | null;
  /** 批次号#序号 of the failed/reversed line it pays again. */
  rebatchOf: string | null;
  /** What was ordered recovered of it, and repaid. */
  recoveredFen: number;
}

export interface ControlFindingView {
  lineNo: number;
  code: ControlCode;
  label: string;
  severity: Severity;
  message: string;
  /** A flag the releaser acknowledged: who, when and the note. */
  acknowledged: { by: string; at: string; note: string } | null;
}

export interface PaymentBatchEventView {
  action: BatchAction | 'prepare' | 'bank_file' | 'bank_result' | 'remove_line' | 'reverse_line' | 'acknowledge';
  label: string;
  by: string | null;
  at: string;
  note: string | null;
}

export interface PaymentBatchListItem {
  id: number;
  number: string;
  fundSource: FundSource;
  month: string;
  state: BatchState;
  count: number;
  totalFen: number;
  paidFen: number;
  failedCount: number;
  preparedBy: string | null;
  createdAt: string;
}

export interface PaymentBatchView extends PaymentBatchListItem {
  reviewedBy: string | null;
  releasedBy: string | null;
  preparedById: number;
  lines: PaymentLineView[];
  controls: ControlFindingView[];
  /** Blocks, and flags not acknowledged: release needs 0. */
  unresolvedControls: number;
  /** The bank file as exported: SM3 digest (hex) and when. */
  bankFile: { sm3: string; at: string; count: number; totalFen: number } | null;
  events: PaymentBatchEventView[];
  /** 合计金额大写. */
  totalInCapitals: string;
}

export interface BuildPaymentBatchResult {
  batch: PaymentBatchView;
  /** Entitlements not taken, each with its reason in Chinese. */
  refused: { entitlementId: number; payeeName: string; message: string }[];
}

export interface RecoveryView {
  id: number;
  /** 追回编号, e.g. ZH2026-0001. */
  number: string;
  lineRef: string;
  payee: PayeeRef;
  policyName: string;
  amountFen: number;
  repaidFen: number;
  outstandingFen: number;
  reason: string;
  orderedOn: string;
  orderedBy: string | null;
  state: 'open' | 'settled';
  repayments: { on: string; amountFen: number; note: string | null; by: string | null }[];
  spotCheckId: number | null;
}

/** The ledger's totals as the domain sums them (shared/domain/payments/ledger.ts). */
export type LedgerTotalsView = LedgerTotals;

export type LedgerDimensionName = 'fund' | 'policy' | 'township' | 'month';

export interface LedgerGroupView {
  key: string[];
  /** The key's Chinese names (资金来源、政策、乡镇、月份). */
  labels: string[];
  totals: LedgerTotalsView;
}

export interface BudgetUsageView {
  fundSource: FundSource;
  year: number;
  budgetFen: number | null;
  spentFen: number;
  remainingFen: number | null;
  overBudget: boolean;
}

export interface LedgerView {
  year: number;
  fundSource: FundSource | null;
  dimensions: LedgerDimensionName[];
  groups: LedgerGroupView[];
  totals: LedgerTotalsView;
  /** 合计（净额）大写. */
  netInCapitals: string;
  budgets: BudgetUsageView[];
}

export interface LedgerLineView {
  seq: number;
  on: string;
  kind: PaymentEventKind;
  kindLabel: string;
  lineRef: string;
  payee: PayeeRef;
  policyName: string;
  periodText: string;
  fundSource: FundSource;
  townshipName: string | null;
  paidFen: number;
  reversedFen: number;
  recoveryOrderedFen: number;
  repaidFen: number;
  netFen: number;
  reason: string | null;
}

/** A payment as the person's or enterprise's timeline shows it. */
export interface PayeePaymentView {
  on: string;
  kind: PaymentEventKind;
  kindLabel: string;
  lineRef: string;
  policyName: string;
  periodText: string;
  amountFen: number;
}

const ledgerFilter = {
  year: z.number().int().min(2000, '年度应为2000–2100之间的年份').max(2100, '年度应为2000–2100之间的年份'),
  fundSource: fundSource.optional(),
};
const lineOf = { batchId: entityId, lineNo: z.number().int().positive('序号应为正整数') };

export const paymentsContract = {
  'payments.entitlements': method<{ items: EntitlementView[]; total: number }>()({
    input: z.strictObject({ fundSource: fundSource.optional(), status: z.enum(['unpaid', 'in_batch', 'paid', 'failed', 'reversed']).optional(), page, pageSize }),
    access: 'payments.read',
    writes: false,
    title: '查看应发记录',
    labels: { status: '发放状态' },
  }),
  'payments.setAccount': method<{ payee: PayeeRef; account: AccountView }>()({
    input: z.strictObject({
      payeeKind,
      payeeId: entityId,
      accountNumber: z.string().trim().regex(/^[0-9][0-9 -]{7,40}$/, '账号应为8–34位数字'),
      bankName: text(60),
      reason: text(200, false).optional(),
    }),
    access: 'payments.manage',
    writes: true,
    title: '登记或更正收款账户',
    labels: { accountNumber: '收款账号', bankName: '开户银行', reason: '更正理由' },
  }),
  'payments.buildBatch': method<BuildPaymentBatchResult>()({
    input: z.strictObject({ fundSource, month: yearMonth, entitlementIds: z.array(entityId).min(1, '请至少选择一条应发记录').max(5000).optional() }),
    access: 'payments.manage',
    writes: true,
    title: '编制发放批次',
    labels: { month: '发放月份', entitlementIds: '应发记录' },
  }),
  'payments.batches': method<{ items: PaymentBatchListItem[]; total: number }>()({
    input: z.strictObject({ fundSource: fundSource.optional(), state: z.enum(['prepared', 'reviewed', 'released', 'locked', 'cancelled']).optional(), page, pageSize }),
    access: 'payments.read',
    writes: false,
    title: '发放批次列表',
    labels: { state: '批次状态' },
  }),
  'payments.batch': method<PaymentBatchView>()({
    input: z.strictObject({ id: entityId }),
    access: 'payments.read',
    writes: false,
    title: '查看发放批次',
  }),
  'payments.transition': method<PaymentBatchView>()({
    input: z.strictObject({ id: entityId, action: z.enum(['review', 'return', 'release', 'lock', 'cancel'], '未知的批次操作'), reason: text(200, false).optional() }),
    access: 'payments.manage',
    writes: true,
    title: '审核、退回、拨付、锁定或作废发放批次',
    labels: { action: '操作', reason: '理由' },
  }),
  'payments.removeLine': method<PaymentBatchView>()({
    input: z.strictObject({ ...lineOf, reason }),
    access: 'payments.manage',
    writes: true,
    title: '从批次中移出一笔',
    labels: { lineNo: '序号', reason: '理由' },
  }),
  'payments.acknowledge': method<PaymentBatchView>()({
    input: z.strictObject({ ...lineOf, code: z.enum(['exclusive_overlap', 'past_retirement', 'deceased', 'legal_representative', 'shared_account'], '未知的核查项'), note: text(200) }),
    access: 'payments.manage',
    writes: true,
    title: '确认拨付前核查提示',
    labels: { lineNo: '序号', code: '核查项', note: '核实情况' },
  }),
  'payments.bankFile': method<{ fileName: string; base64: string; sm3: string; count: number; totalFen: number }>()({
    input: z.strictObject({ id: entityId }),
    access: 'payments.manage',
    writes: true,
    title: '导出银行代发文件',
  }),
  'payments.bankResult': method<{ paid: number; failed: number; missing: number[]; batch: PaymentBatchView }>()({
    input: z.strictObject({ id: entityId, ...base64File }),
    access: 'payments.manage',
    writes: true,
    title: '导入银行回盘文件',
    labels: { fileName: '回盘文件' },
  }),
  'payments.reverseLine': method<PaymentBatchView>()({
    input: z.strictObject({ ...lineOf, on: isoDate, reason }),
    access: 'payments.manage',
    writes: true,
    title: '登记银行退票',
    labels: { lineNo: '序号', on: '退票日期', reason: '退票原因' },
  }),
  'payments.recoveries': method<{ items: RecoveryView[]; total: number }>()({
    input: z.strictObject({ state: z.enum(['open', 'settled']).optional(), page, pageSize }),
    access: 'payments.read',
    writes: false,
    title: '追回记录',
    labels: { state: '追回状态' },
  }),
  'payments.orderRecovery': method<RecoveryView>()({
    input: z.strictObject({ ...lineOf, amountFen, on: isoDate, reason, spotCheckItemId: entityId.optional() }),
    access: 'payments.manage',
    writes: true,
    title: '登记追回',
    labels: { lineNo: '序号', amountFen: '追回金额', on: '追回决定日期', reason: '追回原因' },
  }),
  'payments.recordRepayment': method<RecoveryView>()({
    input: z.strictObject({ recoveryId: entityId, amountFen, on: isoDate, note: text(200, false).optional() }),
    access: 'payments.manage',
    writes: true,
    title: '登记追回款到账',
    labels: { amountFen: '到账金额', on: '到账日期', note: '备注' },
  }),
  'payments.ledger': method<LedgerView>()({
    input: z.strictObject({ ...ledgerFilter, dimensions: z.array(z.enum(['fund', 'policy', 'township', 'month'], '未知的汇总维度')).min(1).max(3).default(['fund', 'policy']) }),
    access: 'payments.read',
    writes: false,
    title: '补贴发放台账',
    labels: { year: '年度', dimensions: '汇总维度' },
  }),
  'payments.ledgerLines': method<{ items: LedgerLineView[]; total: number; totals: LedgerTotalsView }>()({
    input: z.strictObject({ ...ledgerFilter, policyCode: text(40, false).optional(), townshipCode: z.string().regex(/^(\d{9}|unknown)$/).optional(), month: yearMonth.optional(), page, pageSize }),
    access: 'payments.read',
    writes: false,
    title: '台账明细（数字背后的名单）',
    labels: { year: '年度', policyCode: '政策', townshipCode: '乡镇（街道）', month: '月份' },
  }),
  'payments.ledgerXlsx': method<{ fileName: string; base64: string; rows: number }>()({
    input: z.strictObject(ledgerFilter),
    access: 'payments.read',
    writes: true,
    title: '导出补贴发放台账（Excel）',
    labels: { year: '年度' },
  }),
  'payments.setBudget': method<BudgetUsageView>()({
    input: z.strictObject({
      fundSource,
      year: ledgerFilter.year,
      amountFen: z.number().int('预算额度应为整数（分）').min(0, '预算额度不能为负数').max(100_000_000_000_000, '预算额度过大'),
    }),
    access: 'payments.budget',
    writes: true,
    title: '录入年度预算额度',
    labels: { year: '年度', amountFen: '预算额度' },
  }),
  'payments.forPayee': method<PayeePaymentView[]>()({
    input: z.strictObject({ payeeKind, payeeId: entityId }),
    access: 'session',
    writes: false,
    title: '查看个人或单位的补贴发放记录',
  }),
};
