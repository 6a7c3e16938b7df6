import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, registerPerson, searchPersons } from './pages';

/**
 * Two windows of one hall: 王 at window 1 and 钱 at window 2, each in a
 * browser of her own (two contexts, two sessions). What one commits shows on
 * the other's open queue without a reload; two corrections of one record meet
 * in the conflict dialog instead of overwriting each other.
 */
test('a case accepted at one window appears in the other’s open queue; the second editor of a record sees both versions and reapplies hers', async ({ browser, host }) => {
  const one = await (await browser.newContext()).newPage();
  await one.goto(host.url);
  await completeFirstRun(one, { city: '苏州市', county: '吴中区（320506）', username: 'wang', displayName: '王前台', password: 'Wang-2026-pass', alsoFrontDesk: true });
  await logIn(one, 'wang', 'Wang-2026-pass');
  await createUser(one, { username: 'qian', displayName: '钱前台', roles: ['前台经办'], password: 'Temp-pass-1' });
  await registerPerson(one, { idNumber: '32050619920115004X', name: '李四', phone: '13912345678' });

  const two = await (await browser.newContext()).newPage();
  await two.goto(host.url);
  await logInWithForcedChange(two, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
  await expect(two.locator('html')).toHaveAttribute('data-live', 'open');
  await two.getByRole('link', { name: '业务办理' }).click();
  await expect(two.getByText('共 0 件')).toBeVisible();

  // Window 1 accepts an unemployment registration; window 2's queue shows it, unreloaded.
  await one.getByTestId('quick-actions').getByRole('link', { name: '失业登记' }).click();
  await one.getByLabel('失业日期').fill('2026-11-01');
  await one.getByRole('combobox', { name: '失业原因' }).click();
  await one.getByRole('option', { name: '劳动合同期满终止' }).click();
  await one.getByRole('radio', { name: '否' }).click();
  await one.getByRole('checkbox', { name: /身份证/ }).check();
  await one.getByRole('checkbox', { name: /告知承诺书/ }).check();
  await one.getByRole('button', { name: '受理' }).click();
  await expect(one.getByTestId('case-state')).toHaveText('已受理');
  const row = two.getByRole('row', { name: /李四/ });
  await expect(row).toContainText('已受理', { timeout: 3_000 });
  await expect(two.getByText('共 1 件')).toBeVisible();
  await two.screenshot({ path: 'test-results/live-queue.png' });

  // Both open 李四's record and correct it; 王 saves first.
  await searchPersons(one, '李四');
  await one.getByRole('cell', { name: '李四' }).click();
  await searchPersons(two, '李四');
  await two.getByRole('cell', { name: '李四' }).click();
  await one.getByRole('button', { name: '更正信息' }).click();
  await two.getByRole('button', { name: '更正信息' }).click();
  const first = one.getByRole('dialog', { name: /更正信息/ });
  await first.getByLabel('详细地址').fill('木渎镇金山路1号');
  await first.getByLabel('所学专业').fill('机电一体化');
  await first.getByLabel('更正原因').fill('本人来窗口更正住址');
  await first.getByRole('button', { name: '保存更正' }).click();
  await expect(first).toBeHidden();

  const second = two.getByRole('dialog', { name: /更正信息/ });
  await second.getByLabel('毕业学校').fill('苏州技师学院');
  await second.getByLabel('所学专业').fill('数控技术');
  await second.getByLabel('更正原因').fill('补录学历信息');
  await second.getByRole('button', { name: '保存更正' }).click();

  const conflict = two.getByRole('dialog', { name: /保存冲突/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /详细地址/ })).toContainText('木渎镇金山路1号');
  await expect(conflict.getByRole('row', { name: /详细地址/ })).toContainText('他人修改的');
  await expect(conflict.getByRole('row', { name: /毕业学校/ })).toContainText('您修改的');
  await expect(conflict.getByRole('row', { name: /所学专业/ })).toContainText('双方都修改了');
  await expect(conflict.getByRole('row', { name: /所学专业/ })).toContainText('机电一体化');
  await two.screenshot({ path: 'test-results/conflict-dialog.png' });

  // Enter on the focused default reapplies her changes on the current version and saves.
  await expect(conflict.getByRole('button', { name: '重新应用我的修改并保存' })).toBeFocused();
  await two.keyboard.press('Enter');
  await expect(conflict).toBeHidden();
  await expect(second).toBeHidden();
  await expect(two.getByTestId('corrections')).toContainText('补录学历信息');
  await expect(two.getByTestId('corrections')).toContainText('苏州技师学院');
  await expect(two.getByTestId('corrections')).toContainText('本人来窗口更正住址');
  await logOut(two);
  await logOut(one);
});
