import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, registerPerson } from './pages';

test('the administrator keeps the subsidy catalogue, and the subsidy form offers what a person may apply for, with the amount in 元', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');

  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '业务代码表' }).click();
  await expect(page.getByTestId('code-entry-age_4050')).toBeVisible();
  await page.getByText('补贴目录', { exact: true }).click();
  await expect(page.getByTestId('code-entry-social_insurance')).toBeVisible();

  // The administrator types the name only: no English code to invent. A missing choice is named under its field before anything is sent.
  const add = page.getByRole('form', { name: '新增项目' });
  await expect(add.getByLabel('代码')).toHaveCount(0);
  await add.getByLabel('名称').fill('返乡创业补贴');
  await add.getByLabel('名称').press('Enter');
  await expect(add.getByText('请选择申请对象（个人、单位或两者）')).toBeVisible();

  await add.getByRole('combobox', { name: '申请对象' }).click();
  await page.getByRole('option', { name: '个人', exact: true }).click();
  await add.getByLabel('名称').press('Enter');
  // The desk made the code from the name's pinyin initials, and says so.
  await expect(page.getByText('已添加“返乡创业补贴”，代码 fxcybt')).toBeVisible();
  await expect(page.getByTestId('code-entry-fxcybt')).toContainText('返乡创业补贴');
  await expect(page.getByTestId('code-entry-fxcybt')).toContainText('个人');

  // Renamed in its dialog: the code stays, Enter saves.
  await page.getByRole('button', { name: '修改“返乡创业补贴”' }).click();
  const edit = page.getByRole('dialog', { name: '修改“返乡创业补贴”' });
  await expect(edit).toContainText('fxcybt（不能修改）');
  await edit.getByLabel('名称').fill('返乡入乡创业补贴');
  await edit.getByLabel('名称').press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('code-entry-fxcybt')).toContainText('返乡入乡创业补贴');

  // 停用 asks first, and says filed cases keep the entry.
  await page.getByRole('button', { name: '停用“技能提升补贴”' }).click();
  const confirm = page.getByRole('dialog', { name: '停用“技能提升补贴”' });
  await expect(confirm).toContainText('已经办理或正在办理的业务保留该项目及其名称');
  await confirm.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByTestId('code-entry-skill_upgrade')).toContainText('已停用');
  await page.screenshot({ path: 'test-results/code-tables-admin.png', fullPage: true });

  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四' });
  await page.getByTestId('quick-actions').getByRole('link', { name: '补贴申请' }).click();
  await page.getByRole('combobox', { name: '补贴项目' }).click();
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: '返乡入乡创业补贴' })).toBeVisible();
  await expect(options.filter({ hasText: '创业担保贷款贴息' })).toBeVisible();
  // Enterprise-only and retired subsidies are not offered to a person.
  await expect(options.filter({ hasText: /^社会保险补贴$/ })).toHaveCount(0);
  await expect(options.filter({ hasText: '技能提升补贴' })).toHaveCount(0);
  await options.filter({ hasText: '返乡入乡创业补贴' }).click();

  const amount = page.getByRole('textbox', { name: '申请金额' });
  await amount.fill('abc');
  await expect(page.getByText('请输入金额（元），如 1500 或 1,500.50，最多两位小数')).toBeVisible();
  await amount.fill('1,500.5');
  await expect(page.getByText(/请输入金额/)).toHaveCount(0);
  await amount.blur();
  await expect(amount).toHaveValue('1,500.50');
  await page.screenshot({ path: 'test-results/code-tables-subsidy-form.png', fullPage: true });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('草稿');
  await expect(page.getByText('1,500.50 元')).toBeVisible();
  await expect(page.getByText('返乡入乡创业补贴').first()).toBeVisible();
});
