import { expect, type Page } from '@playwright/test';

/** Page objects: what a member of staff does, in the words on the screen. */
export async function waitForAppState(page: Page, state: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app-state', state);
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function completeFirstRun(
  page: Page,
  values: { city: string; county: string; username: string; displayName: string; password: string; alsoFrontDesk: boolean },
): Promise<string> {
  await waitForAppState(page, 'setup');
  await pickOption(page, '设区市', values.city);
  await pickOption(page, '县（市、区）', values.county);
  await page.getByLabel('管理员用户名').fill(values.username);
  await page.getByLabel('管理员姓名').fill(values.displayName);
  await page.getByLabel(/^密码/).fill(values.password);
  await page.getByLabel('再次输入密码').fill(values.password);
  if (values.alsoFrontDesk) await page.getByLabel(/同时担任前台经办/).check();
  await page.getByRole('button', { name: '建立数据库' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await page.getByRole('button', { name: '我已妥善保存，去登录' }).click();
  return recoveryKey;
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await waitForAppState(page, 'login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await waitForAppState(page, 'ready');
}

export async function searchPersons(page: Page, query: string): Promise<void> {
  await page.getByRole('link', { name: /登记\/经办/ }).click();
  const box = page.getByRole('textbox', { name: '查询' });
  await box.fill(query);
  await box.press('Enter');
}
