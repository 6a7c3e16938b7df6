import { expect, test } from './host-fixture';
import { openEnterprises, registerEnterprise, searchEnterprises } from './enterprise-pages';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead } from './pages';

const CODE = '91320506MARJT2FQ52';

test('staff register an enterprise, record a visit with two difficulties and a vacancy, print the vacancy sheet, and find it again', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王芳', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');

  // A mistyped code is refused on the field, in Chinese, before anything is saved.
  await openEnterprises(page);
  await page.getByRole('link', { name: '登记企业' }).click();
  await page.getByLabel('统一社会信用代码（或15位注册号）').fill('91320506MARJT2FQ5I');
  await page.getByLabel('企业名称').click();
  await expect(page.getByText('只能由数字和大写字母组成，且不含 I、O、Z、S、V')).toBeVisible();

  await registerEnterprise(page, { creditCode: CODE, name: '苏州吴中精工机械有限公司', industry: '34 通用设备制造业', township: '木渎镇', contact: { name: '周敏', phone: '13912345678' } });
  await expect(page.getByText('139****5678')).toBeVisible();
  await page.screenshot({ path: '/tmp/ent-profile.png', fullPage: true });
  await registerEnterprise(page, { creditCode: '91320506MA8104MJ9A', name: '苏州越溪电子科技有限公司' });

  // The visit: two difficulties and a hiring-plan line published as a vacancy.
  await searchEnterprises(page, '精工');
  await page.getByTestId('enterprise-list').getByText('苏州吴中精工机械有限公司').click();
  await page.getByRole('link', { name: '记录走访' }).click();
  await page.getByLabel('接待人').fill('周敏');
  await page.getByLabel('招工难').check();
  await page.getByLabel('技能不足').check();
  await page.getByRole('button', { name: '添加一行' }).click();
  const line = page.getByTestId('plan-line');
  await line.getByLabel('岗位名称').fill('焊工');
  await line.getByLabel('职业代码').fill('6-18-02');
  await line.getByLabel('人数').fill('5');
  await line.getByLabel('最低月薪').fill('6000');
  await line.getByLabel('最高月薪').fill('8000');
  await page.screenshot({ path: '/tmp/ent-visit-form.png', fullPage: true });
  await page.getByRole('button', { name: '保存走访记录' }).click();
  await expect(page.getByTestId('enterprise-name')).toHaveText('苏州吴中精工机械有限公司');
  const timeline = page.getByTestId('enterprise-timeline');
  await expect(timeline.getByText('困难：招工难、技能不足；用工计划 5 人')).toBeVisible();
  await expect(timeline.getByText('岗位：焊工 5人')).toBeVisible();
  await page.screenshot({ path: '/tmp/ent-timeline.png', fullPage: true });

  // The vacancy sheet for the notice board, printed and read back.
  await openEnterprises(page);
  await page.getByRole('link', { name: '岗位信息' }).click();
  await expect(page.getByTestId('vacancy-list').getByText('焊工')).toBeVisible();
  await page.getByRole('link', { name: '打印岗位信息表' }).click();
  await expect(page.getByTestId('vacancy-sheet')).toBeVisible();
  await page.screenshot({ path: '/tmp/ent-sheet.png', fullPage: true });
  const text = (await printAndRead(page, 'vacancy-sheet.pdf')).replace(/\s+/g, '');
  expect(text).toContain('岗位信息表');
  expect(text).toContain('苏州吴中精工机械有限公司');
  expect(text).toContain('焊工');
  expect(text).toContain('6000–8000元/月');
  expect(text).not.toContain('13912345678');

  // Found again by part of its name and by its credit code.
  await searchEnterprises(page, '精工');
  await expect(page.getByTestId('search-total')).toHaveText('共 1 家');
  await expect(page.getByTestId('enterprise-list').getByText('苏州吴中精工机械有限公司')).toBeVisible();
  await searchEnterprises(page, CODE.toLowerCase());
  await expect(page.getByTestId('search-total')).toHaveText('共 1 家');
  await expect(page.getByTestId('enterprise-list').getByText(CODE)).toBeVisible();
  await page.screenshot({ path: '/tmp/ent-search.png', fullPage: true });
});

test('the front desk imports the township’s enterprise list; the head reads who has not been visited and what they need', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王芳', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhang', displayName: '张主任', roles: ['局领导/中心主任'], password: 'Temp-pass-1' });

  await openEnterprises(page);
  await page.getByRole('link', { name: 'Excel 导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Excel 文件（.xlsx）').click();
  await (await chooser).setFiles('tests/fixtures/enterprises-import.xlsx');
  await page.getByRole('button', { name: '试导入（只校验）' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('共 22 行：有效 10 行，有误 12 行');
  await expect(report).toContainText('统一社会信用代码与第3行重复');
  await page.screenshot({ path: '/tmp/ent-import.png', fullPage: true });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText(/已新增 10 家，更新 0 家，无变化 0 家/);

  // The administrator keeps the difficulty list: a new type appears on the visit form.
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '企业困难类型' }).click();
  const difficulties = page.getByRole('tabpanel', { name: '企业困难类型' });
  await difficulties.getByLabel('代码', { exact: true }).fill('logistics');
  await difficulties.getByLabel('名称', { exact: true }).fill('物流成本');
  await difficulties.getByRole('button', { name: '添加' }).click();
  await expect(page.getByTestId('difficulty-types')).toContainText('物流成本');
  await searchEnterprises(page, '郭巷');
  await page.getByTestId('enterprise-list').getByText('苏州郭巷汽车零部件有限公司').click();
  await page.getByRole('link', { name: '记录走访' }).click();
  await expect(page.getByLabel('物流成本')).toBeVisible();
  await logOut(page);

  await logInWithForcedChange(page, 'zhang', 'Temp-pass-1', 'Zhang-own-pass-9');
  await openEnterprises(page);
  await expect(page.getByRole('link', { name: '登记企业' })).toHaveCount(0);
  await page.getByRole('link', { name: '走访统计' }).click();
  await expect(page.getByTestId('not-visited')).toContainText('未走访：10 家');
  await expect(page.getByTestId('not-visited')).toContainText('苏州郭巷汽车零部件有限公司');
  await expect(page.getByTestId('hiring-demand')).toContainText('6 生产制造及有关人员');
  await page.screenshot({ path: '/tmp/ent-reports.png', fullPage: true });
});
