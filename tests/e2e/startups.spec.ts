import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

const FOUNDER = '320102199003071239';

test('a business start from the registry with a 创业担保贷款: a term of 0 months is refused, the loan with its 贴息期 is recorded', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await rpc(page, 'persons.register', { idNumber: FOUNDER, name: '张三', phone: '13912345678', confirmNotDuplicate: true });
  await rpc(page, 'enterprises.register', { creditCode: '91320100MA1XY8129Y', name: '苏州吴中精工机械有限公司' });

  await page.getByRole('link', { name: '创业服务' }).click();
  await page.getByRole('button', { name: '登记创业' }).click();
  const start = page.getByRole('dialog', { name: '登记创业' });
  await start.getByLabel('创业者（身份证号或姓名）').fill(FOUNDER);
  await start.getByRole('combobox', { name: '从企业库选择' }).fill('精工');
  await page.getByRole('option', { name: /苏州吴中精工机械有限公司/ }).click();
  await expect(start.getByTestId('picked-firm')).toContainText('苏州吴中精工机械有限公司');
  // A 91… credit code names an enterprise: the kind follows it.
  await expect(start.getByRole('textbox', { name: /创业类型/ }).or(start.getByRole('combobox', { name: /创业类型/ }))).toHaveValue('企业');
  await start.getByLabel('创业日期').fill(officeDay(-60));
  await start.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '创业登记 · 苏州吴中精工机械有限公司' })).toBeVisible();

  await page.getByRole('button', { name: '登记贷款申请' }).click();
  const loan = page.getByRole('dialog', { name: /创业担保贷款申请/ });
  await loan.getByLabel('贷款金额（元）').fill('200000');
  await loan.getByLabel('贷款期限（月）').fill('0');
  await loan.getByLabel('贷款银行').fill('农业银行吴中支行');
  await loan.getByLabel('放款日期').fill(officeDay());
  await loan.getByRole('button', { name: '添加贴息期' }).click();
  await loan.getByLabel('第1期起').fill(officeDay());
  await loan.getByLabel('止', { exact: true }).fill(officeDay(180));
  await loan.getByLabel('贴息金额（元）').fill('3450');
  await loan.getByRole('button', { name: '保存' }).click();
  await expect(loan.getByTestId('loan-error')).toHaveText('贷款期限：贷款期限应至少1个月');
  await page.screenshot({ path: 'test-results/startup-loan-refused.png', fullPage: true });
  await loan.getByLabel('贷款期限（月）').fill('24');
  await loan.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('loan-list')).toContainText('农业银行吴中支行');
  await expect(page.getByTestId('loan-list')).toContainText('¥3,450.00');
  await expect(page.getByTestId('jobs-created')).toHaveText('带动就业：0 人');
  await page.screenshot({ path: 'test-results/startup-detail.png', fullPage: true });
  await page.getByRole('link', { name: '返回创业服务' }).click();
  await expect(page.getByTestId('startup-list')).toContainText('1 笔');
  await page.screenshot({ path: 'test-results/startup-list.png', fullPage: true });

  // The administrator sets up a station by its place's name; the head sees the work by station.
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '就业服务站' }).click();
  await page.getByRole('button', { name: '设立服务站' }).click();
  const station = page.getByRole('dialog', { name: '设立就业服务站' });
  await station.getByLabel('服务站名称').fill('木渎镇就业服务站');
  await station.getByRole('combobox', { name: /所在乡镇/ }).fill('木渎');
  await page.getByRole('option', { name: '木渎镇' }).click();
  await station.getByLabel('地址').fill('木渎镇中山东路1号');
  await station.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('station-list')).toContainText('木渎镇就业服务站');
  await page.screenshot({ path: 'test-results/stations-admin.png', fullPage: true });
  // The administrator (also front desk) works at the station: the registration form's 居住乡镇 starts at its township.
  await page.getByRole('tab', { name: '账号管理' }).click();
  await page.getByTestId('user-row-admin').getByRole('button', { name: '服务站' }).click();
  const account = page.getByRole('dialog', { name: /所属服务站/ });
  await account.getByRole('textbox', { name: '所属服务站' }).or(account.getByRole('combobox', { name: '所属服务站' })).click();
  await page.getByRole('option', { name: /木渎镇就业服务站/ }).click();
  await account.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('user-row-admin')).toContainText('木渎镇就业服务站');
  await page.getByRole('link', { name: /登记\/经办/ }).click();
  await page.getByRole('link', { name: '登记新人员' }).click();
  await expect(page.getByRole('textbox', { name: '居住乡镇（街道）' }).or(page.getByRole('combobox', { name: '居住乡镇（街道）' }))).toHaveValue('木渎镇');
  await rpc(page, 'users.create', { username: 'zhou', displayName: '周主任', roles: ['head'], password: 'Temp-pass-5' });
  await logOut(page);
  await logInWithForcedChange(page, 'zhou', 'Temp-pass-5', 'Zhou-own-pass-9');
  await page.getByRole('link', { name: '服务站' }).click();
  await expect(page.getByTestId('station-summary')).toContainText('木渎镇就业服务站');
  await expect(page.getByTestId('station-summary')).toContainText('局办事大厅');
  await page.screenshot({ path: 'test-results/stations-summary.png', fullPage: true });
});
