import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

const ID_NUMBER = '320102199003071239';

test('a class from enrolment through attendance and certificate to the trainee’s 就业登记, counted in the 就业培训上岗率', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'sun', displayName: '孙培训', roles: ['职业指导员'], password: 'Temp-pass-3' });
  await createUser(page, { username: 'li', displayName: '李审核', roles: ['审核员'], password: 'Temp-pass-4' });
  const person = await rpc<{ id: number }>(page, 'persons.register', { idNumber: ID_NUMBER, name: '张三', phone: '13912345678', confirmNotDuplicate: true });
  await logOut(page);

  // The training staff: provider, programme, class.
  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  await page.getByRole('link', { name: '职业培训' }).click();
  await page.getByRole('tab', { name: '培训机构' }).click();
  await page.getByRole('button', { name: '登记培训机构' }).click();
  const providerDialog = page.getByRole('dialog', { name: '登记培训机构' });
  await providerDialog.getByLabel('机构名称').fill('吴中区职业培训学校');
  await providerDialog.getByLabel('统一社会信用代码').fill('914403001922038216');
  await providerDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('provider-list')).toContainText('吴中区职业培训学校');

  await page.getByRole('tab', { name: '培训项目' }).click();
  await page.getByRole('button', { name: '新增培训项目' }).click();
  const programmeDialog = page.getByRole('dialog', { name: '新增培训项目' });
  await programmeDialog.getByRole('combobox', { name: '培训机构' }).click();
  await page.getByRole('option', { name: '吴中区职业培训学校' }).click();
  await programmeDialog.getByLabel('项目名称').fill('叉车司机');
  await programmeDialog.getByLabel('职业（工种）代码').fill('6-29-03-05');
  await programmeDialog.getByLabel(/^技能/).fill('叉车驾驶');
  await programmeDialog.getByLabel('补贴标准（元/人）').fill('1200');
  await programmeDialog.getByLabel('有效期起').fill(officeDay(-60));
  await programmeDialog.getByLabel('有效期止').fill(officeDay(300));
  await programmeDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('programme-list')).toContainText('1,200.00 元/人');

  await page.getByRole('tab', { name: '培训期次' }).click();
  await page.getByRole('button', { name: '开设期次' }).click();
  const classDialog = page.getByRole('dialog', { name: '开设培训期次' });
  await classDialog.getByRole('combobox', { name: '培训项目' }).click();
  await page.getByRole('option', { name: /叉车司机/ }).click();
  await classDialog.getByLabel('期次编号').fill('叉车-01');
  await classDialog.getByLabel('培训地点').fill('木渎镇实训基地');
  await classDialog.getByLabel('授课教师').fill('周建国');
  // A class ending before it starts is refused in Chinese, the field named and in focus.
  await classDialog.getByLabel('开始日期').fill(officeDay(-1));
  await classDialog.getByLabel('结束日期').fill(officeDay(-14));
  await classDialog.getByRole('button', { name: '保存' }).click();
  await expect(classDialog.getByText(`结束日期不能早于开始日期（${officeDay(-1)}）`)).toBeVisible();
  await expect(classDialog.getByLabel('结束日期')).toBeFocused();
  await classDialog.screenshot({ path: 'test-results/training-class-refused.png' });
  await classDialog.getByLabel('开始日期').fill(officeDay(-14));
  await classDialog.getByLabel('结束日期').fill(officeDay(-1));
  await classDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '培训期次 叉车-01' })).toBeVisible();

  // 报名 by ID number, two sessions ticked present, 结业, 考核 合格, 证书.
  await page.getByTestId('enrol-query').fill(ID_NUMBER);
  await page.getByLabel('报名日期').fill(officeDay(-20));
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await expect(page.getByTestId('trainee-list')).toContainText('张三');
  for (const day of [officeDay(-14), officeDay(-1)]) {
    await page.getByLabel('上课日期').fill(day);
    await page.getByRole('button', { name: '添加课次' }).click();
    await expect(page.getByTestId('attendance-table')).toContainText(day);
    await page.getByLabel(`张三 ${day} 出勤`).check();
  }
  for (const save of await page.getByRole('button', { name: '保存考勤' }).all()) await save.click();
  await expect(page.getByTestId('trainee-list')).toContainText('16');
  await page.getByLabel('结业日期').fill(officeDay());
  await page.getByRole('button', { name: '期次结业' }).click();
  await expect(page.getByTestId('trainee-list')).toContainText('已结业');
  await page.getByRole('button', { name: '考核' }).click();
  await page.getByRole('dialog', { name: /记录考核结果/ }).getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '发证' }).click();
  const certificate = page.getByRole('dialog', { name: /登记职业技能等级证书/ });
  await certificate.getByLabel('证书编号').fill('S0000320506001');
  await certificate.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('trainee-list')).toContainText('S0000320506001（五级/初级工）');
  await page.screenshot({ path: 'test-results/training-class.png', fullPage: true });
  await logOut(page);

  // The window files the trainee's 就业登记; a reviewer approves it.
  await logIn(page, 'admin', 'Admin-2026-pass');
  const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    personId: person.id, caseType: 'employment_registration', form: { channel: 'flexible', startDate: officeDay() }, documents: ['id_card', 'flexible_declaration'],
  });
  const accepted = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
  await logOut(page);
  await logInWithForcedChange(page, 'li', 'Temp-pass-4', 'Li-own-pass-9');
  const reviewing = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: accepted.id, version: accepted.version, action: 'start_review' });
  await rpc(page, 'cases.transition', { id: reviewing.id, version: reviewing.version, action: 'approve' });

  // 培训成效: the class's 上岗率 counts 张三, and the number opens the list with the 就业登记 behind it.
  await page.getByRole('link', { name: '职业培训' }).click();
  await page.getByRole('link', { name: '培训成效（三率）' }).click();
  await page.getByLabel('期次结束日期自').fill(officeDay(-30));
  await page.getByLabel('至', { exact: true }).fill(officeDay());
  await page.getByRole('button', { name: '统计' }).click();
  const classRow = page.getByTestId('rates-table').getByRole('row', { name: /叉车-01/ });
  await expect(classRow).toContainText('100.0%');
  await expect(classRow).toContainText('1 / 1');
  await page.screenshot({ path: 'test-results/training-rates.png', fullPage: true });
  await classRow.getByRole('link', { name: '1' }).first().click();
  const list = page.getByTestId('rate-list');
  await expect(list).toContainText('张三');
  await expect(list).toContainText(`就业登记 ${officeDay()}`);
  await expect(list).toContainText('3201**********1239');
  await page.screenshot({ path: 'test-results/training-rate-list.png', fullPage: true });
});
