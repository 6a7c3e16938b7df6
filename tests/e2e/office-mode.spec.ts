import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkstationClient } from '../../electron/workstation-client';
import { pairWorkstation, readHostFingerprint } from '../../electron/workstation-pairing';
import { expect, test } from '@playwright/test';
import { officeHost, PASSWORD } from './office-host';
import { logIn } from './pages';

test('the administrator reads the fingerprint and a pairing code off 办公室模式, a workstation pairs with them, and is revoked there', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-office-'));
  const host = await officeHost(dir);
  let workstation: WorkstationClient | null = null;
  try {
    await page.goto(host.uiUrl);
    await logIn(page, 'admin', PASSWORD);
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('tab', { name: '办公室模式' }).click();
    const panel = page.getByTestId('office-panel');
    await expect(panel.getByText('已开启')).toBeVisible();
    await expect(page.getByTestId('office-fingerprint')).toHaveText(host.fingerprint);

    await page.getByRole('button', { name: '生成配对码' }).click();
    const code = (await page.getByTestId('pairing-code').getByText(/^\d{4}-\d{4}$/).textContent()) ?? '';
    const fingerprint = (await page.getByTestId('office-fingerprint').textContent()) ?? '';
    const paired = await pairWorkstation({ host: '127.0.0.1', port: host.officePort, fingerprint, code, name: '前台1号窗口' });
    if (!paired.ok) throw new Error(paired.error.message);
    workstation = new WorkstationClient(paired.config);
    const login = await workstation.call(null, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(login.result.ok).toBe(true);
    const session = login.session && 'set' in login.session ? login.session.set : null;
    await page.screenshot({ path: test.info().outputPath('office-mode-pairing.png'), fullPage: true });

    await page.reload();
    await page.getByRole('tab', { name: '办公室模式' }).click();
    const row = page.getByTestId('workstation-list').getByRole('row', { name: /前台1号窗口/ });
    await expect(row.getByRole('cell', { name: '127.0.0.1', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('撤销原因').fill('电脑报废');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await expect(row).toContainText('已撤销（王管理');

    const refused = await workstation.call(session, 'persons.search', { query: '李' });
    expect(refused.result.ok ? null : refused.result.error.code).toBe('WORKSTATION_REFUSED');
    await page.screenshot({ path: test.info().outputPath('office-mode-revoked.png'), fullPage: true });

    // Switched off here, the port closes at once; switched on again, it opens on the same port, no restart.
    await page.getByRole('button', { name: '关闭办公室主机' }).click();
    await expect(panel.getByText('未开启')).toBeVisible();
    const closed = await readHostFingerprint('127.0.0.1', host.officePort, 2_000);
    expect(closed.ok).toBe(false);
    await page.getByRole('button', { name: '开启办公室主机' }).click();
    await expect(panel.getByText('已开启')).toBeVisible();
    const reopened = await readHostFingerprint('127.0.0.1', host.officePort, 2_000);
    expect(reopened.ok && reopened.fingerprint).toBe(fingerprint.replace(/\s/g, ''));
  } finally {
    await workstation?.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
