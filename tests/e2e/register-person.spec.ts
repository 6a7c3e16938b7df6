import { openDatabase } from '../../db/open';
import { readKeyFile } from '../../db/keys';
import { appPaths } from '../../electron/paths';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, searchPersons } from './pages';

function countPersons(dbPath: string, keyFile: string): number {
  const opened = openDatabase({ path: dbPath, key: readKeyFile(keyFile), migrationsDir: appPaths().migrationsDir });
  try {
    return (opened.sqlite.prepare('select count(*) as n from persons').get() as { n: number }).n;
  } finally {
    opened.sqlite.close();
  }
}

test('first run, register a person, find them by name, ID and phone, open the profile', async ({ page, host }) => {
  page.on('console', (m) => { if (m.text().startsWith('DBG')) console.log(m.text()); });
  await page.goto(host.url);
  const recoveryKey = await completeFirstRun(page, {
    city: '苏州市',
    county: '吴中区（320506）',
    username: 'wang',
    displayName: '王管理',
    password: 'Desk-2026-pass',
    alsoFrontDesk: true,
  });
  expect(recoveryKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  await logIn(page, 'wang', 'Desk-2026-pass');
  await expect(page.getByTestId('current-user')).toHaveText('王管理');

  // An invalid ID (wrong check char) gets a Chinese field error and nothing is saved.
  await page.getByRole('button', { name: '登记新人员' }).or(page.getByRole('link', { name: '登记新人员' })).click();
  await page.getByLabel('身份证号').fill('320102199003071238');
  await page.getByLabel('姓名').fill('张三');
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByText('校验位不正确，请核对是否录错')).toBeVisible();
  expect(countPersons(host.dbPath, host.keyFile)).toBe(0);

  // A refused save brings the first field in error into view with the focus, clear of the top bar.
  await page.getByLabel('身份证号').fill('32050619920115004X');
  await page.getByLabel('手机号码').fill('139123');
  await page.mouse.wheel(0, 2000);
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByLabel('手机号码')).toBeFocused();
  await expect(page.getByText('手机号码应为11位，以1开头')).toBeInViewport({ ratio: 1 });
  await page.getByLabel('手机号码').fill('');
  expect(countPersons(host.dbPath, host.keyFile)).toBe(0);

  // Full-width digits and a lower-case x, as pasted from a document, are normalised.
  await page.getByLabel('身份证号').fill('３２０５０６１９９２０１１５００４x');
  await expect(page.getByTestId('derived')).toHaveText('1992-01-15 / 女');
  await page.getByLabel('姓名').fill('李四');
  await page.getByLabel('手机号码').fill('139 1234 5678');
  // 户籍所在地 is picked by name or pinyin initials, never typed as a raw 区划代码.
  const household = page.getByRole('combobox', { name: '户籍所在地（区、县）' });
  await household.fill('wzq');
  await expect(page.getByRole('option', { name: '苏州市吴中区' })).toBeVisible();
  await household.press('Enter');
  await expect(household).toHaveValue('苏州市吴中区');
  // Typed and Enter, as a clerk does: Enter picks the highlighted township and never submits the form. Initials find it.
  const township = page.getByRole('combobox', { name: '居住乡镇（街道）' });
  await township.fill('mdz');
  await expect(page.getByRole('option', { name: '木渎镇' })).toBeVisible();
  await township.press('Enter');
  await expect(township).toHaveValue('木渎镇');
  await township.press('Enter');
  await expect(page.getByRole('button', { name: '保存登记' })).toBeVisible();
  expect(countPersons(host.dbPath, host.keyFile)).toBe(0);
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByTestId('profile-name')).toHaveText('李四');
  // The save is confirmed on the profile it led to, and does not follow the clerk to the next pages.
  await expect(page.getByTestId('page-notice')).toHaveText('已登记：李四');
  await expect(page.locator('.mantine-Notifications-root').getByText('已登记：李四')).toHaveCount(0);
  await expect(page.getByText('3205**********004X')).toBeVisible();
  await expect(page.getByText('139****5678')).toBeVisible();
  expect(countPersons(host.dbPath, host.keyFile)).toBe(1);

  for (const query of ['李四', '32050619920115004X', '13912345678', '5678']) {
    await searchPersons(page, query);
    await expect(page.getByTestId('page-notice')).toHaveCount(0);
    await expect(page.getByTestId('search-total')).toHaveText('共 1 人');
    await expect(page.getByRole('cell', { name: '李四' })).toBeVisible();
  }
  await page.getByRole('cell', { name: '李四' }).click();
  await expect(page.getByTestId('profile-name')).toHaveText('李四');
  await expect(page.getByText('木渎镇')).toBeVisible();
  await expect(page.getByText('苏州市吴中区')).toBeVisible();
  await page.screenshot({ path: 'test-results/profile.png' });

  // Registering the same ID again is refused with a link to the existing record.
  await page.getByRole('link', { name: /登记\/经办/ }).click();
  await page.getByRole('link', { name: '登记新人员' }).click();
  await page.getByLabel('身份证号').fill('32050619920115004X');
  await page.getByLabel('姓名').fill('李四');
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByText('该身份证号已登记')).toBeVisible();
  await page.getByRole('link', { name: '打开已有档案' }).click();
  await expect(page.getByTestId('profile-name')).toHaveText('李四');
  expect(countPersons(host.dbPath, host.keyFile)).toBe(1);
});
