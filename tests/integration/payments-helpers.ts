import ExcelJS from 'exceljs';
import type { BuildPaymentBatchResult, CaseView, EntitlementView, PaymentBatchView } from '../../shared/contract';
import { readXlsxTextRows } from '../../db/xlsx-read';
import { actOk, colleagues, createCase, registerPerson, type Colleague } from './cases-helpers';
import { expectOk, type ReadyDesk } from './helpers';
import { LI_XIUYING, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

/** 灵活就业社会保险补贴 for a quarter, with the account it is paid to. */
export const flexibleForm = (account: string, from = '2026-07-01', to = '2026-09-30', amountFen = '360000') => ({
  subsidyCode: 'flexible_social_insurance', periodFrom: from, periodTo: to, requestedAmountFen: amountFen, bankAccount: account, bankName: '中国工商银行吴中支行',
});
export const SUBSIDY_DOCS = ['id_card', 'subsidy_application_form', 'bank_account'];

export interface PaymentsDesk {
  ready: ReadyDesk;
  /** 李娜, reviewer: decides applications and prepares batches. */
  lina: Colleague;
  /** 周强, head: reviews and releases what 李娜 prepared. */
  zhouqiang: Colleague;
  personIds: number[];
}

/** Three persons, each with an approved 补贴申请 (accepted by the administrator at the window, approved by 李娜). */
export function approvedSubsidies(ready: ReadyDesk, forms: Array<Record<string, string | null>>): PaymentsDesk {
  const { lina, zhouqiang } = colleagues(ready, ['lina', 'zhouqiang']);
  const people = [ZHANG_SAN, LI_XIUYING, ZHANG_LI];
  const personIds: number[] = [];
  forms.forEach((form, i) => {
    const personId = registerPerson(ready, people[i]!);
    personIds.push(personId);
    const accepted = actOk(ready.call, createCase(ready.call, personId, 'subsidy_application', form, SUBSIDY_DOCS), 'accept');
    actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '符合条件');
  });
  return { ready, lina, zhouqiang, personIds };
}

export function entitlementsOf(call: Colleague['call'], status?: string): EntitlementView[] {
  return expectOk<{ items: EntitlementView[] }>(call('payments.entitlements', status ? { status } : {})).items;
}

/** 李娜 builds a batch; 周强 reviews and releases it. */
export function releasedBatch(desk: PaymentsDesk, month = '2026-11', entitlementIds?: number[]): PaymentBatchView {
  const built = expectOk<BuildPaymentBatchResult>(desk.lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month, ...(entitlementIds ? { entitlementIds } : {}) }));
  expectOk(desk.zhouqiang.call('payments.transition', { id: built.batch.id, action: 'review' }));
  return expectOk<PaymentBatchView>(desk.zhouqiang.call('payments.transition', { id: built.batch.id, action: 'release' }));
}

/** The bank file as the bank reads it: rows of text. */
export function bankFileRowsOf(call: Colleague['call'], batchId: number): { rows: string[][]; sm3: string } {
  const file = expectOk<{ base64: string; sm3: string }>(call('payments.bankFile', { id: batchId }));
  return { rows: readXlsxTextRows(Buffer.from(file.base64, 'base64')), sm3: file.sm3 };
}

/** A bank's result file written with exceljs (shared strings, as Excel writes them): rows 1–2 batch number and totals, row 3 the header. */
export async function bankResultXlsx(batchNumber: string, lines: Array<{ lineNo: number; name: string; account: string; yuan: string; result: string; reason?: string }>, declared?: { count: string; total: string }): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('回盘');
  const total = lines.reduce((sum, l) => sum + Math.round(Number(l.yuan) * 100), 0);
  sheet.addRow(['批次号', batchNumber]);
  sheet.addRow(['合计笔数', declared?.count ?? String(lines.length), '合计金额(元)', declared?.total ?? (total / 100).toFixed(2)]);
  sheet.addRow(['序号', '收款人名称', '账号', '金额(元)', '处理结果', '失败原因']);
  for (const l of lines) sheet.addRow([String(l.lineNo), l.name, l.account, l.yuan, l.result, l.reason ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export const importResult = (call: Colleague['call'], id: number, base64: string) => call('payments.bankResult', { id, fileName: '回盘.xlsx', base64 });

export type { CaseView };
