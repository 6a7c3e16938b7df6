import { existsSync } from 'node:fs';
import { DEMO_PASSWORD } from '../../shared/demo';
import { expect, test } from './host-fixture';
import { logIn, logOut, printAndRead, searchPersons, waitForAppState } from './pages';

test('first start opens the demo county: seeded people, 演示数据 on screen and on paper, and leaving it returns to first start', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await waitForAppState(page, 'setup');
  await expect(page.getByRole('button', { name: '建立本局数据库' })).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-first-start.png', fullPage: true });
  await page.getByRole('button', { name: '打开演示县' }).click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-progress.png', fullPage: true });

  // The demo is built as a job; the login screen names it and lists its accounts.
  // Seeding takes seconds (longer on a busy machine): wait for the app's own signal, however long it takes.
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'login', { timeout: 150_000 });
  await expect(page.getByTestId('demo-login-notice')).toContainText('演示数据');
  await page.screenshot({ path: 'test-results/demo-login.png', fullPage: true });
  await logIn(page, 'qiantai', DEMO_PASSWORD);
  await expect(page.getByTestId('demo-banner')).toContainText('演示数据');

  // Seeded people are there to find.
  await searchPersons(page, '王');
  await expect(page.getByTestId('search-total')).toContainText(/共 \d+ 人|超过/);
  await page.screenshot({ path: 'test-results/demo-persons.png', fullPage: true });

  // A printed receipt of a seeded case says 演示数据 on the page itself.
  const caseId = await page.evaluate(async () => {
    const r = await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'cases.list', input: { scope: 'open', page: 1, pageSize: 50 } }) });
    const items = (await r.json()).value.items as { id: number; receiptNo: string | null }[];
    return items.find((c) => c.receiptNo !== null)!.id;
  });
  await page.goto(`${host.url}#/cases/${caseId}/receipt`);
  const text = (await printAndRead(page, 'demo-receipt.pdf')).replace(/\s+/g, '');
  expect(text).toContain('受理回执');
  expect(text).toContain('演示数据');

  // A clerk is not offered 退出演示; at the login screen it asks first, then deletes the demo and nothing
  // else: the first-start screen again, no bureau database made.
  await expect(page.getByTestId('demo-banner').getByRole('button', { name: '退出演示' })).toHaveCount(0);
  await page.goto(`${host.url}#/`);
  await logOut(page);
  await page.getByTestId('demo-login-notice').getByRole('button', { name: '退出演示' }).click();
  await expect(page.getByRole('dialog', { name: '退出演示' })).toContainText('演示县的全部数据将被删除');
  await page.getByRole('button', { name: '删除演示数据并退出' }).click();
  await waitForAppState(page, 'setup');
  await expect(page.getByRole('button', { name: '打开演示县' })).toBeVisible();
  expect(existsSync(host.dbPath)).toBe(false);
});
