import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { registerEnterprise } from './enterprise-pages';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, printAndRead, registerPerson } from './pages';

test('an employer applies for a subsidy at the window and takes a receipt; a case not for this office gets a 不予受理告知书', async ({ page, host }) => {
  const today = formatChineseDate(officeDate(new Date()));
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王芳', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');

  // Notices here go out under the employment service centre's name.
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '系统设置' }).click();
  await page.getByLabel('机构名称（打印信头与盖章处）').fill('苏州市吴中区就业服务中心');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // The enterprise's profile: 申请补贴 opens the subsidy form for the enterprise, with its own checklist.
  await registerEnterprise(page, { creditCode: '91320100MA1XY8129Y', name: '苏州吴中精工机械有限公司' });
  await page.getByTestId('enterprise-cases').getByRole('link', { name: '申请补贴' }).click();
  await expect(page.getByText('申请单位：苏州吴中精工机械有限公司（统一社会信用代码 91320100MA1XY8129Y）')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /身份证/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: '补贴项目' }).click();
  // Only what an employer may apply for is offered.
  await expect(page.getByRole('option', { name: '灵活就业社会保险补贴' })).toHaveCount(0);
  await page.getByRole('option', { name: '社会保险补贴', exact: true }).click();
  await page.getByLabel('补贴期间起').fill('2026-10-01');
  await page.getByLabel('补贴期间止').fill('2026-12-31');
  await page.getByRole('textbox', { name: '申请金额' }).fill('abc');
  await expect(page.getByText('请输入金额（元）')).toBeVisible();
  await page.getByRole('textbox', { name: '申请金额' }).fill('28,800');
  await page.getByRole('checkbox', { name: /营业执照/ }).check();
  await page.getByRole('checkbox', { name: /补贴申请表/ }).check();
  // The documents start ticked; a clerk who has no bank account paper unticks it, and the desk refuses to accept, naming the document.
  await page.getByRole('checkbox', { name: /银行账户信息/ }).uncheck();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-error')).toContainText('缺少材料：银行账户信息');
  await page.getByRole('checkbox', { name: /银行账户信息/ }).check();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  await expect(page.getByText('28,800.00 元')).toBeVisible();
  await page.screenshot({ path: 'test-results/enterprise-subsidy.png', fullPage: true });
  const receiptNo = (await page.getByText(/^320506-\d{4}-\d{5}$/).first().textContent())!.trim();

  await page.getByRole('link', { name: '打印受理回执' }).click();
  const receipt = (await printAndRead(page, 'enterprise-subsidy-receipt.pdf')).replace(/\s+/g, '');
  expect(receipt).toContain('苏州市吴中区就业服务中心（盖章）');
  expect(receipt).toContain('受理回执');
  expect(receipt).toContain(receiptNo);
  expect(receipt).toContain('苏州吴中精工机械有限公司（统一社会信用代码91320100MA1XY8129Y）');
  expect(receipt).toContain('营业执照');

  // Back on the enterprise's profile the application is listed.
  await page.getByRole('link', { name: '返回业务' }).click();
  await page.getByRole('link', { name: '申请单位档案' }).click();
  await expect(page.getByTestId('enterprise-cases').getByRole('link', { name: receiptNo })).toBeVisible();

  // A person whose case belongs elsewhere: 不予受理 at the window, with the reason, printed.
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四' });
  await page.getByTestId('quick-actions').getByRole('link', { name: '失业登记' }).click();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('草稿');
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByLabel('意见（必填）').fill('户籍及常住地均不在本县，请向常住地公共就业服务机构申请');
  await page.getByRole('button', { name: '确认不予受理' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('不予受理');
  await expect(page.getByRole('link', { name: '打印受理回执' })).toHaveCount(0);
  await page.getByRole('link', { name: '打印不予受理告知书' }).click();
  const notice = (await printAndRead(page, 'decline-notice.pdf')).replace(/\s+/g, '');
  await page.screenshot({ path: 'test-results/decline-notice.png', fullPage: true });
  expect(notice).toContain('苏州市吴中区就业服务中心');
  expect(notice).not.toContain('人力资源和社会保障局');
  expect(notice).toContain('不予受理告知书');
  expect(notice).toMatch(/编号：320506-\d{4}-00002/);
  expect(notice).toContain('李四（身份证号');
  expect(notice).toContain('理由：户籍及常住地均不在本县，请向常住地公共就业服务机构申请');
  expect(notice).toContain(`我局于${today}决定不予受理`);
  expect(notice).toContain('60日内依法申请行政复议');

  // Later 李四 finds work with the same employer: the 就业登记 form takes it from the enterprise registry.
  await page.getByRole('link', { name: '返回业务' }).click();
  await page.getByRole('link', { name: '申请人档案' }).click();
  await page.getByTestId('quick-actions').getByRole('link', { name: '就业登记' }).click();
  await page.getByRole('combobox', { name: '就业形式' }).click();
  await page.getByRole('option', { name: '单位就业' }).click();
  await page.getByRole('combobox', { name: '从企业库选择' }).fill('精工机械');
  await page.getByRole('option', { name: '苏州吴中精工机械有限公司（91320100MA1XY8129Y）' }).click();
  await expect(page.getByRole('textbox', { name: '用人单位' })).toHaveValue('苏州吴中精工机械有限公司');
  await expect(page.getByRole('textbox', { name: '统一社会信用代码' })).toHaveValue('91320100MA1XY8129Y');
  await page.screenshot({ path: 'test-results/employment-registration-employer.png', fullPage: true });
});
