import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, registerPerson, searchPersons } from './pages';

const FIXTURE = 'tests/fixtures/persons-import.xlsx';

/** Mantine's FileInput is a button that opens the system file chooser; answer it as a person would. */
async function chooseFile(page: Page, label: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(label).click();
  await (await chooser).setFiles(path);
}

/** A roster large enough that its import visibly takes a moment: valid, distinct ID numbers. */
async function bigRoster(path: string, rows: number): Promise<void> {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['姓名', '身份证号', '联系电话']);
  for (let i = 0; i < rows; i += 1) {
    const first17 = `320506198${i % 10}0${1 + (i % 9)}1${i % 9}${String(i).padStart(4, '0').slice(-3)}`.slice(0, 17);
    const sum = [...first17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0);
    sheet.addRow([`测试${i}`, first17 + '10X98765432'[sum % 11], `139${String(10000000 + i)}`]);
  }
  await workbook.xlsx.writeFile(path);
}

test('register, correct with a reason, find by pinyin initials, import a roster with progress, export the search', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'wang', displayName: '王管理', password: 'Desk-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'wang', 'Desk-2026-pass');

  await registerPerson(page, { idNumber: '320506198203150022', name: '曾小贤', phone: '13912345678' });
  await expect(page.getByTestId('key-groups')).toContainText('“4050”人员');

  // A correction needs a reason and lands in the history.
  await page.getByRole('button', { name: '更正信息' }).click();
  const dialog = page.getByRole('dialog', { name: /更正信息/ });
  await dialog.getByRole('combobox', { name: '就业状态' }).click();
  await page.getByRole('option', { name: '登记失业', exact: true }).click();
  await dialog.getByLabel('更正原因').fill('本人来窗口说明已失业');
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(page.getByTestId('employment-status')).toHaveText('登记失业');
  await expect(page.getByTestId('corrections')).toContainText('本人来窗口说明已失业');
  // Old and new values by their names, as on the form, not the stored codes.
  await expect(page.getByTestId('corrections')).toContainText('登记失业');
  await expect(page.getByTestId('corrections')).not.toContainText('unemployed');

  // Pinyin initials find the person under either reading of the polyphone surname 曾.
  for (const initials of ['zxx', 'cxx', 'zengx']) {
    await searchPersons(page, initials);
    await expect(page.getByRole('cell', { name: '曾小贤' })).toBeVisible();
  }

  // A large roster shows its progress while it is read and checked.
  const big = join(host.dir, 'big.xlsx');
  await bigRoster(big, 4000);
  await page.getByRole('link', { name: 'Excel 导入' }).click();
  await chooseFile(page, 'Excel 文件（.xlsx）', big);
  await page.getByRole('button', { name: '试导入（只校验）' }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('将新增 4000 人', { timeout: 60_000 });

  // The messy fixture: a dry run gives the row-by-row report, then only valid rows are written.
  await chooseFile(page, 'Excel 文件（.xlsx）', FIXTURE);
  await page.getByRole('button', { name: '试导入（只校验）' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('共 34 行：有效 17 行，有误 17 行');
  await expect(report).toContainText('身份证号被 Excel 存成了数字，后几位已丢失');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText(/已新增 17 人，更新 0 人，无变化 0 人/);

  // Export the search result and read it back.
  await page.getByRole('button', { name: '返回查询' }).or(page.getByRole('link', { name: '返回查询' })).click();
  await searchPersons(page, '王建国');
  await expect(page.getByTestId('search-total')).toHaveText('共 1 人');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = join(host.dir, 'export.xlsx');
  await (await downloading).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, '序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号码', '居住乡镇（街道）', '就业状态']);
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(2).value).toBe('王建国');
  expect(sheet.getRow(2).getCell(6).value).toBe('3201**********1239');
});
