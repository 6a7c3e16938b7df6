import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pairWorkstation } from '../../electron/workstation-pairing';
import { HOST_LINK_BROKEN } from '../../renderer/api/host-link';
import { officeHost, PASSWORD } from './office-host';
import { createUser, logIn, logInWithForcedChange, registerPerson, waitForAppState } from './pages';
import { cableTo, openFreshInstallation, openWorkstationWindow } from './workstation-window';

/** The administrator makes 钱's account, and reads a pairing code off 系统管理 → 办公室模式 on the host. */
async function pairingCode(admin: Page, uiUrl: string): Promise<string> {
  await admin.goto(uiUrl);
  await logIn(admin, 'admin', PASSWORD);
  await createUser(admin, { username: 'qian', displayName: '钱前台', roles: ['前台经办'], password: 'Temp-pass-1' });
  await admin.getByRole('link', { name: '系统管理' }).click();
  await admin.getByRole('tab', { name: '办公室模式' }).click();
  await admin.getByRole('button', { name: '生成配对码' }).click();
  return (await admin.getByTestId('pairing-code').getByText(/^\d{4}-\d{4}$/).textContent()) ?? '';
}

test('a workstation whose cable is pulled says 主机连接中断, keeps the typed record unsaved, and saves it once the host is back', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-ws-'));
  const host = await officeHost(dir);
  const cable = await cableTo(host.officePort);
  const admin = await (await browser.newContext()).newPage();
  const page = await (await browser.newContext()).newPage();
  try {
    const code = await pairingCode(admin, host.uiUrl);
    const paired = await pairWorkstation({ host: '127.0.0.1', port: cable.port, fingerprint: host.fingerprint, code, name: '前台1号窗口' });
    if (!paired.ok) throw new Error(paired.error.message);
    const window = await openWorkstationWindow(page, paired.config);
    await page.goto(host.uiUrl);
    await logInWithForcedChange(page, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
    await registerPerson(page, { idNumber: '32050619920115004X', name: '李四' });
    const banner = page.getByTestId('host-link-banner');
    await expect(banner).toBeHidden();

    await page.getByRole('link', { name: /登记\/经办/ }).click();
    await page.getByRole('link', { name: '登记新人员' }).click();
    await page.getByLabel('身份证号').fill('321281198512310047');
    await page.getByLabel('姓名').fill('张丽');
    cable.pull();
    await expect(banner).toContainText(HOST_LINK_BROKEN);
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect(page.getByText(/连接不上办公室主机/).first()).toBeVisible();
    // Nothing pretends the save went through: still the form, with what was typed.
    await expect(page.getByTestId('profile-name')).toBeHidden();
    await expect(page.getByLabel('姓名')).toHaveValue('张丽');
    await page.screenshot({ path: test.info().outputPath('workstation-host-unreachable.png') });

    cable.plugIn();
    await expect(banner).toBeHidden();
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect(page.getByTestId('profile-name')).toHaveText('张丽');
    await window.close();
  } finally {
    await cable.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new PC is paired in the app: its operator reads the host’s fingerprint aloud against the host’s screen, types the code, and the window opens onto the host', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-ws-'));
  const host = await officeHost(join(dir, 'host'));
  const admin = await (await browser.newContext()).newPage();
  const page = await (await browser.newContext()).newPage();
  const window = await openFreshInstallation(page, join(dir, 'workstation'));
  try {
    const code = await pairingCode(admin, host.uiUrl);
    const onHostScreen = (await admin.getByTestId('office-fingerprint').textContent()) ?? '';

    await page.goto(host.uiUrl);
    await waitForAppState(page, 'setup');
    await page.getByRole('button', { name: '连接办公室主机' }).click();
    await page.getByRole('button', { name: '读取主机证书指纹' }).click();
    await expect(page.getByText('请填写办公室主机的地址（局域网 IP 或计算机名）')).toBeVisible();
    await page.getByLabel('主机地址').fill('127.0.0.1');
    await page.getByLabel('端口').fill(String(host.officePort));
    await page.getByRole('button', { name: '读取主机证书指纹' }).click();
    await expect(page.getByTestId('host-fingerprint')).toHaveText(onHostScreen);
    await expect(page.getByRole('button', { name: '配对' })).toBeDisabled();
    await page.getByLabel('已逐组核对，与主机屏幕上的指纹完全一致').check();
    await page.getByLabel('配对码').fill('0000-0000');
    await page.getByLabel('工作站名称').fill('前台2号窗口');
    await page.getByRole('button', { name: '配对' }).click();
    await expect(page.getByText(/配对码不正确/)).toBeVisible();
    await page.getByLabel('配对码').fill(code);
    await page.screenshot({ path: test.info().outputPath('workstation-pairing.png') });
    await page.getByRole('button', { name: '配对' }).click();

    // The window reloads onto the host: its accounts, not a first start.
    await logInWithForcedChange(page, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
    await admin.reload();
    await admin.getByRole('tab', { name: '办公室模式' }).click();
    await expect(admin.getByTestId('workstation-list').getByRole('row', { name: /前台2号窗口/ })).toBeVisible();
  } finally {
    await window.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
