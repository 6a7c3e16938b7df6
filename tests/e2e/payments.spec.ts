import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead, rpc } from './pages';

/**
 * 资金兑付 end to end, as issue 21's acceptance tells it: approved
 * applications owe money; one reviewer builds the batch, the head releases it;
 * the bank file goes out and a result with one failed line comes back; the
 * failed line's account is corrected and paid in the next batch; the 台账
 * prints with figures and 大写; the person's page shows the payment; a
 * recovery is recorded.
 */

const ADMIN = { username: 'admin', password: 'Admin-2026-pass' };
const ZHAO = { username: 'zhao', password: 'Zhao-own-pass-9' };
const HEAD = { username: 'sun', password: 'Sun-own-pass-9' };
const FIRST = { idNumber: id('320506', '19880312', '017'), name: '周立新', account: '6217001234567890123', amount: '1,500.00' };
const SECOND = { idNumber: id('320506', '19900721', '028'), name: '吴秀英', account: '6228480000111122223', amount: '900.00' };

function id(region: string, born: string, sequence: string): string {
  const first17 = `${region}${born}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

async function openPayments(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '资金兑付' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** 收款账户 of one person, registered (or corrected, with a reason) from the 应发记录 list. */
async function setAccount(page: Page, name: string, account: string, reason?: string): Promise<void> {
  const row = page.getByTestId('entitlements').getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: reason ? '更正' : '登记' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('收款账号').fill(account);
  await dialog.getByLabel('开户银行').fill('中国工商银行苏州吴中支行');
  if (reason) await dialog.getByLabel('更正理由（必填）').fill(reason);
  await dialog.getByRole('button', { name: '保存收款账户' }).click();
  await expect(dialog).toHaveCount(0);
}

async function confirmAction(page: Page, action: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (reason) await dialog.getByRole('textbox').last().fill(reason);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  await expect(dialog).toHaveCount(0);
}

/** 导出银行文件, saved and read back with exceljs: rows of text cells. */
async function downloadBankFile(page: Page, dir: string, name: string): Promise<string[][]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出银行文件' }).click();
  const file = join(dir, name);
  await (await downloading).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))); });
  return rows;
}

/** The bank's answer, as a bank writes it: rows 1–2 from the file, the result header on row 3, one row per line. */
async function writeBankResult(path: string, sent: string[][], outcomes: Record<string, [string, string]>, amountOf?: (row: string[]) => string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('回盘');
  sheet.addRow(sent[0]);
  sheet.addRow(sent[1]);
  sheet.addRow(['序号', '收款人名称', '账号', '金额(元)', '处理结果', '失败原因']);
  for (const row of sent.slice(3)) {
    const [result, reason] = outcomes[row[0]!] ?? ['成功', ''];
    sheet.addRow([row[0], row[1], row[3], amountOf ? amountOf(row) : row[5], result, reason]);
  }
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function importBankResult(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入银行回盘…' }).click();
  await (await chooser).setFiles(path);
}

test('approved subsidies reach the bank exactly once: a batch built by a reviewer and released by the head, a failed line corrected and paid in the next batch, the 台账 printed with 大写, the payment on the person\'s page, and a recovery', async ({ page, host }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: ADMIN.username, displayName: '王管理', password: ADMIN.password, alsoFrontDesk: true });
  await logIn(page, ADMIN.username, ADMIN.password);
  await createUser(page, { username: ZHAO.username, displayName: '赵审核', roles: ['审核员'], password: 'Temp-pass-2' });
  await createUser(page, { username: HEAD.username, displayName: '孙主任', roles: ['局领导/中心主任'], password: 'Temp-pass-3' });

  // The front desk (the case UI is tested elsewhere): two 灵活就业社会保险补贴 applications accepted at the window.
  const cases: { id: number; version: number }[] = [];
  for (const p of [FIRST, SECOND]) {
    const person = await rpc<{ id: number }>(page, 'persons.register', { idNumber: p.idNumber, name: p.name });
    const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', {
      personId: person.id, caseType: 'subsidy_application',
      form: {
        subsidyCode: 'flexible_social_insurance', periodFrom: '2026-07-01', periodTo: '2026-09-30', requestedAmountFen: String(Number(p.amount.replace(/,/g, '')) * 100),
        // The first applicant gave her account on the form; the second's is registered on the payments page.
        ...(p === FIRST ? { bankAccount: FIRST.account, bankName: '中国工商银行苏州吴中支行' } : {}),
      },
      documents: ['id_card', 'subsidy_application_form', 'bank_account'],
    });
    cases.push(await rpc(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' }));
  }
  await logOut(page);

  // A reviewer approves them: each becomes an 应发记录.
  await logInWithForcedChange(page, ZHAO.username, 'Temp-pass-2', ZHAO.password);
  for (const c of cases) {
    const inReview = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: c.id, version: c.version, action: 'start_review' });
    await rpc(page, 'cases.transition', { id: inReview.id, version: inReview.version, action: 'approve', comment: '符合条件，同意' });
  }
  await openPayments(page, '应发记录');
  await expect(page.getByTestId('entitlements')).toContainText(FIRST.name);
  await expect(page.getByTestId('entitlements')).toContainText('3205**********');
  // The first account came with the application, masked on screen; the clerk registers the second, with a digit wrong.
  await expect(page.getByTestId('entitlements').getByRole('row').filter({ hasText: FIRST.name })).toContainText('6217 **** 0123');
  await setAccount(page, SECOND.name, '6228480000111122999');
  await expect(page.getByTestId('entitlements').getByRole('row').filter({ hasText: SECOND.name })).toContainText('6228 **** 2999');
  await page.screenshot({ path: test.info().outputPath('entitlements.png'), fullPage: true });

  // 编制批次 for 就业补助资金, 2026-12.
  const build = page.getByTestId('build-batch');
  await build.getByRole('combobox', { name: '资金来源' }).click();
  await page.getByRole('option', { name: '就业补助资金' }).click();
  await build.getByLabel('发放月份').fill('2026-12');
  await build.getByRole('button', { name: /编制批次/ }).click();
  await expect(page.getByTestId('build-result')).toContainText('2 笔');
  await page.getByTestId('build-result').getByRole('link').click();
  await expect(page.getByTestId('payment-batch-state')).toHaveText('已编制');
  const batchUrl = page.url();
  // The preparer may not review it.
  await expect(page.getByRole('button', { name: '审核', exact: true })).toBeDisabled();
  await logOut(page);

  // The head reviews and releases it, exports the bank file and reads it back.
  await logInWithForcedChange(page, HEAD.username, 'Temp-pass-3', HEAD.password);
  await page.goto(batchUrl);
  await expect(page.getByTestId('batch-total')).toContainText('人民币贰仟肆佰元整');
  await confirmAction(page, '审核');
  await confirmAction(page, '拨付');
  await expect(page.getByTestId('payment-batch-state')).toHaveText('已拨付');
  const sent = await downloadBankFile(page, host.dir, 'bank-1.xlsx');
  expect(sent[2]).toEqual(['序号', '收款人名称', '证件号码', '账号', '开户行', '金额(元)', '用途/摘要']);
  expect(sent.slice(3).map((r) => [r[1], r[2], r[5]])).toEqual([[FIRST.name, FIRST.idNumber, '1500.00'], [SECOND.name, SECOND.idNumber, '900.00']]);
  await expect(page.getByTestId('bank-file-digest')).toContainText(/SM3 摘要 [0-9a-f]{64}/);
  await page.screenshot({ path: test.info().outputPath('batch-released.png'), fullPage: true });

  // A result whose amount differs from the batch is refused whole, naming the row.
  const wrong = join(host.dir, 'result-wrong.xlsx');
  await writeBankResult(wrong, sent, {}, (row) => (row[0] === '2' ? '990.00' : row[5]!));
  await importBankResult(page, wrong);
  await expect(page.getByTestId('refusal')).toContainText('金额');
  // The bank's real answer: line 2 failed.
  const result = join(host.dir, 'result.xlsx');
  await writeBankResult(result, sent, { 2: ['失败', '户名与账号不符'] });
  await importBankResult(page, result);
  await expect(page.getByTestId('line-2')).toContainText('发放失败');
  await expect(page.getByTestId('line-2')).toContainText('户名与账号不符');
  await expect(page.getByTestId('line-1')).toContainText('已发放');
  await confirmAction(page, '锁定');
  await expect(page.getByTestId('payment-batch-state')).toHaveText('已锁定');
  await page.screenshot({ path: test.info().outputPath('batch-result.png'), fullPage: true });

  // The failed line's account is corrected and it goes into the next batch, which 赵审核 releases.
  await openPayments(page, '应发记录');
  await setAccount(page, SECOND.name, SECOND.account, '银行回盘：户名与账号不符，申请人提供正确账号');
  const build2 = page.getByTestId('build-batch');
  await build2.getByRole('combobox', { name: '资金来源' }).click();
  await page.getByRole('option', { name: '就业补助资金' }).click();
  await build2.getByLabel('发放月份').fill('2026-12');
  await build2.getByRole('button', { name: /编制批次/ }).click();
  await expect(page.getByTestId('build-result')).toContainText('1 笔');
  await page.getByTestId('build-result').getByRole('link').click();
  await expect(page.getByTestId('line-1')).toContainText(SECOND.name);
  const batch2Url = page.url();
  await logOut(page);
  await logIn(page, ZHAO.username, ZHAO.password);
  await page.goto(batch2Url);
  await confirmAction(page, '审核');
  await confirmAction(page, '拨付');
  const sent2 = await downloadBankFile(page, host.dir, 'bank-2.xlsx');
  expect(sent2.slice(3).map((r) => [r[1], r[3]])).toEqual([[SECOND.name, SECOND.account]]);
  const result2 = join(host.dir, 'result-2.xlsx');
  await writeBankResult(result2, sent2, {});
  await importBankResult(page, result2);
  await expect(page.getByTestId('line-1')).toContainText('已发放');

  // The 台账: 2,400.00 paid, in figures and 大写 on the printed page.
  await openPayments(page, '补贴发放台账');
  await expect(page.getByTestId('ledger-net')).toContainText('2,400.00');
  await page.screenshot({ path: test.info().outputPath('ledger.png'), fullPage: true });
  const printed = (await printAndRead(page, 'payments-ledger.pdf')).replace(/\s+/g, '');
  expect(printed).toContain('补贴发放台账');
  expect(printed).toContain('2,400.00');
  expect(printed).toContain('贰仟肆佰元整');
  expect(printed).toContain('灵活就业社会保险补贴');

  // The person's page shows the payment.
  await page.getByTestId('ledger').getByRole('link').first().click();
  await page.getByTestId('ledger-lines').getByRole('link', { name: SECOND.name }).first().click();
  await expect(page.getByTestId('payee-payments')).toContainText('已发放：灵活就业社会保险补贴 900.00 元');
  await page.screenshot({ path: test.info().outputPath('person-payments.png'), fullPage: true });

  // A recovery on the first payment: more than was paid is refused, 500 元 is recorded.
  await page.goto(batchUrl);
  await page.getByTestId('line-1').getByRole('button', { name: '追回' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('追回金额（元）').fill('1600');
  await dialog.getByLabel('追回原因（必填）').fill('抽查发现重复享受，责令退回部分补贴');
  await dialog.getByRole('button', { name: '确认追回' }).click();
  await expect(dialog.getByTestId('refusal')).toContainText('追回');
  await page.screenshot({ path: test.info().outputPath('recovery-refused.png') });
  await dialog.getByLabel('追回金额（元）').fill('500');
  await dialog.getByRole('button', { name: '确认追回' }).click();
  await expect(dialog).toHaveCount(0);
  await openPayments(page, '追回');
  await expect(page.getByTestId('recoveries')).toContainText('500.00 元');
  await expect(page.getByTestId('recoveries')).toContainText(FIRST.name);
  // The first 200 元 come back.
  await page.getByTestId('recoveries').getByRole('button', { name: '登记到账' }).click();
  const repayment = page.getByRole('dialog');
  await repayment.getByLabel('到账金额（元）').fill('200');
  await repayment.getByRole('button', { name: '确认到账' }).click();
  await expect(repayment).toHaveCount(0);
  await expect(page.getByTestId('recoveries').getByRole('row').filter({ hasText: FIRST.name })).toContainText('300.00 元');
  await page.screenshot({ path: test.info().outputPath('recoveries.png'), fullPage: true });
});
