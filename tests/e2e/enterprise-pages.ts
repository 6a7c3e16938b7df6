import { expect, type Page } from '@playwright/test';

/** Page objects of the enterprise area (企业), in the words on the screen. */
export async function openEnterprises(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: /^企业/ }).click();
  await expect(page.getByRole('heading', { name: '企业', exact: true })).toBeVisible();
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function registerEnterprise(page: Page, e: { creditCode: string; name: string; industry?: string; township?: string; contact?: { name: string; phone: string } }): Promise<void> {
  await openEnterprises(page);
  await page.getByRole('link', { name: '登记企业' }).click();
  await page.getByLabel('统一社会信用代码（或15位注册号）').fill(e.creditCode);
  await page.getByLabel('企业名称').fill(e.name);
  if (e.industry) {
    await page.getByRole('combobox', { name: '所属行业（GB/T 4754-2017 大类）' }).fill(e.industry.slice(3));
    await page.getByRole('option', { name: e.industry, exact: true }).click();
  }
  if (e.township) await choose(page, '所在乡镇（街道）', e.township);
  if (e.contact) {
    await page.getByLabel('联系人').fill(e.contact.name);
    await page.getByLabel('联系电话').fill(e.contact.phone);
  }
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByTestId('enterprise-name')).toHaveText(e.name);
}

export async function searchEnterprises(page: Page, query: string): Promise<void> {
  await openEnterprises(page);
  const box = page.getByRole('textbox', { name: '查询' });
  await box.fill(query);
  await box.press('Enter');
}
