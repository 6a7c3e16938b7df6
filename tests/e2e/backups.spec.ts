import { expect, test } from './host-fixture';
import { completeFirstRun, logIn } from './pages';

test('the administrator is warned there is no backup, backs up now, and checks the backup', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: false });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await page.getByRole('link', { name: '系统管理' }).click();
  await expect(page.getByTestId('backup-overdue')).toContainText('尚未备份过');
  await page.screenshot({ path: test.info().outputPath('admin-backup-warning.png') });

  await page.getByRole('tab', { name: '数据备份' }).click();
  await expect(page.getByText('上次备份：从未备份')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  const list = page.getByTestId('backup-list');
  await expect(list.getByText(/^就业服务工作台备份-吴中区-\d{8}-\d{6}$/)).toBeVisible();
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0);
  await list.getByRole('button', { name: '校验' }).click();
  await expect(list.getByText('完好')).toBeVisible();
  await expect(list.getByRole('button', { name: '校验' })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath('admin-backups.png'), fullPage: true });
});
