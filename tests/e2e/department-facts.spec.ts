import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeXlsx } from '../../db/xlsx';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, registerPerson, searchPersons } from './pages';

/** Mantine's FileInput is a button that opens the system file chooser; answer it as a person would. */
async function chooseFile(page: Page, label: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(label).click();
  await (await chooser).setFiles(path);
}

/** Yesterday in the office's calendar (Asia/Shanghai): a 数据截止日期 the desk accepts whatever day the test runs. */
function yesterday(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

test('the administrator imports a 社保个人 file: dry run with the row report, import, history, and the months on the person’s profile', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'wang', displayName: '王管理', password: 'Desk-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'wang', 'Desk-2026-pass');
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李秀英' });

  // The 社保 office's file: her months, someone registered elsewhere, and a mistyped ID number.
  const file = join(host.dir, '社保个人缴费.xlsx');
  writeFileSync(file, writeXlsx('Sheet1', ['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数'], [
    ['32050619920115004X', '李秀英', 40, 12],
    ['320102199003071239', '张伟', 30, 12],
    ['320102199003071238', '张伟', 30, 12],
  ], [], [0]));

  await page.getByRole('link', { name: '部门数据' }).click();
  await expect(page.getByRole('heading', { name: '部门数据比对' })).toBeVisible();
  await expect(page.getByRole('button', { name: '试导入（只校验）' })).toBeDisabled();
  await page.getByLabel('数据截止日期').fill(yesterday());
  await chooseFile(page, 'Excel 文件（.xlsx）', file);
  await page.getByRole('button', { name: '试导入（只校验）' }).click();
  const report = page.getByTestId('import-report');
  await expect(page.getByTestId('import-summary')).toHaveText('试导入结果（尚未写入）：与本县登记匹配 1 行，将写入；未在本县登记 1 行，不写入');
  await expect(report).toContainText('共 3 行：有效 2 行，有误 1 行');
  await expect(page.getByTestId('import-rows')).toContainText('未在本县登记');
  await expect(page.getByTestId('import-rows')).toContainText('身份证号：校验位不正确，请核对是否录错');
  await page.screenshot({ path: test.info().outputPath('facts-dry-run.png'), fullPage: true });

  // The bad row would keep the whole list out (all-or-nothing is the default here): import the sound rows only.
  await page.getByLabel(/全部或不导入/).uncheck();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('已写入 1 行');
  const history = page.getByTestId('fact-imports');
  await expect(history).toContainText('社保个人缴费.xlsx');
  await expect(history.getByRole('row').nth(1)).toContainText('王管理');
  await page.screenshot({ path: test.info().outputPath('facts-page.png'), fullPage: true });

  await searchPersons(page, '李秀英');
  await page.getByRole('cell', { name: '李秀英' }).click();
  const facts = page.getByTestId('person-facts');
  await expect(facts).toContainText('社保个人');
  await expect(facts).toContainText('累计缴费 40 个月，近12个月缴费 12 个月');
  await expect(facts).toContainText(yesterday());
  await facts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('person-facts.png') });
});
