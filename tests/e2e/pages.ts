import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  // First start offers the demo county beside setting up the bureau's own database.
  await page.getByRole('button', { name: '建立本局数据库' }).click();
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

/** Notices slide in over the top bar's 退出 for a few seconds: close them before signing out. */
export async function logOut(page: Page): Promise<void> {
  // A notice may close by itself meanwhile: then there is nothing to click.
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 2_000 }).catch(() => undefined);
  await page.getByRole('button', { name: '退出' }).click();
  await waitForAppState(page, 'login');
}

/** 系统管理 → 新建账号, as an administrator. */
export async function createUser(page: Page, user: { username: string; displayName: string; roles: string[]; password: string }): Promise<void> {
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('用户名').fill(user.username);
  await dialog.getByLabel('姓名').fill(user.displayName);
  for (const role of user.roles) await dialog.getByLabel(role, { exact: true }).check();
  await dialog.getByLabel(/^初始密码/).fill(user.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId(`user-row-${user.username}`)).toBeVisible();
}

/** First login after an administrator set the password: choose one's own. */
export async function logInWithForcedChange(page: Page, username: string, temporary: string, chosen: string): Promise<void> {
  await waitForAppState(page, 'login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(temporary);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '请修改密码' })).toBeVisible();
  await page.getByLabel('当前密码').fill(temporary);
  await page.getByLabel(/^新密码/).fill(chosen);
  await page.getByLabel('再次输入新密码').fill(chosen);
  await page.getByRole('button', { name: '修改密码' }).click();
  await waitForAppState(page, 'ready');
}

export async function registerPerson(page: Page, person: { idNumber: string; name: string; phone?: string }): Promise<void> {
  await page.getByRole('link', { name: /登记\/经办/ }).click();
  await page.getByRole('link', { name: '登记新人员' }).click();
  await page.getByLabel('身份证号').fill(person.idNumber);
  await page.getByLabel('姓名').fill(person.name);
  if (person.phone) await page.getByLabel('手机号码').fill(person.phone);
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByTestId('profile-name')).toHaveText(person.name);
}

/**
 * Clicks 打印 and reads the printout back. The OS print dialog is not ours to
 * drive: window.print is replaced to note that the app asked for it, then the
 * same page is printed to an A4 PDF and turned into text with pdftotext.
 */
export async function printAndRead(page: Page, pdfName: string): Promise<string> {
  await page.evaluate(() => {
    window.print = () => {
      document.documentElement.dataset.printRequested = 'yes';
    };
  });
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-print-requested', 'yes');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join('test-results', pdfName);
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/**
 * One RPC call as the logged-in user, from the page (the steps before and after the ones under test,
 * without clicking through them); a refusal throws with the desk's message.
 */
export async function rpc<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, input }) => (await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) })).json() as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>,
    { method, input },
  );
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.code} ${answer.error?.message}`);
  return answer.value as T;
}

/** The office's calendar day (Asia/Shanghai), `days` on from today. */
export function officeDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
