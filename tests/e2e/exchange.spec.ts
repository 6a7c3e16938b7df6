import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, registerPerson } from './pages';

/** The province's side, run as the province would: the project's own command line. */
function provinceCli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { encoding: 'utf8' });
}

test('the administrator imports the province key, exports now, sees the history row and takes the receipt back', async ({ page, host }) => {
  const province = join(host.dir, 'province');
  provinceCli('province', 'keygen', '--out', province);
  const outbox = join(host.dir, 'outbox');

  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四', phone: '13912345678' });

  await page.getByRole('link', { name: '数据交换' }).click();
  await expect(page.getByText('尚未生成本县交换密钥')).toBeVisible();
  await page.getByRole('tab', { name: '密钥与设置' }).click();
  await page.getByLabel('生成原因').fill('首次对接省级系统');
  await page.getByRole('button', { name: '生成本县密钥' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '生成' }).click();
  await expect(page.getByTestId('county-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

  // A file that is not the province's key is refused, with the reason.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入省级公钥…' }).click();
  await (await chooser).setFiles(join(province, 'province.pub'));
  await expect(page.getByTestId('province-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

  await page.getByLabel('发送目录').fill('exchange/outbox');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('发送目录应为完整路径')).toBeVisible();
  await page.getByLabel('发送目录').fill(outbox);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('交换设置已保存')).toBeVisible();

  await page.getByRole('tab', { name: '导出与历史' }).click();
  await expect(page.getByText(/自上次导出以来有 [1-9]\d* 项变更待发送/)).toBeVisible();
  await page.getByRole('button', { name: '立即导出' }).click();
  const row = page.getByTestId('package-1');
  await expect(row).toContainText('人员 1');
  await expect(row).toContainText('已发送，待回执');
  expect(readdirSync(outbox)).toEqual(['320506-00000001.jyx']);
  await page.screenshot({ path: test.info().outputPath('exchange-history.png'), fullPage: true });

  // The province receives it and answers with a signed receipt, which comes back in through the page.
  const countyKey = join(host.dir, 'county.pub');
  provinceCli('keys', 'export', '--db', host.dbPath, '--key-file', host.keyFile, '--out', countyKey);
  const receipts = join(province, 'receipts');
  const received = provinceCli('receive', '--in', outbox, '--key', join(province, 'province.key'), '--sender', countyKey, '--db', join(province, 'province.db'), '--db-key-file', join(province, 'province-db.key'), '--receipts', receipts);
  expect(received).toContain('接受 1 条，退回 0 条');
  const receiptChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入省级回执…' }).click();
  await (await receiptChooser).setFiles(join(receipts, readdirSync(receipts)[0]!));
  await expect(row).toContainText('接受 1');
  await page.getByRole('tab', { name: '退回记录' }).click();
  await expect(page.getByTestId('rejected-list')).toContainText('没有被省级退回的记录');
});
