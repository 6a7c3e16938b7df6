import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, officeDay, rpc } from './pages';

test('a household\'s short job is matched, dispatched, completed and rated both ways at the 零工驿站 screen', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  const zhang = await rpc<{ id: number }>(page, 'persons.register', { idNumber: '32050619920115004X', name: '李秀英', phone: '15150309876', confirmNotDuplicate: true });
  const wang = await rpc<{ id: number }>(page, 'persons.register', { idNumber: '320102199003071239', name: '张三', phone: '13912345678', confirmNotDuplicate: true });
  const every = { availableDays: [1, 2, 3, 4, 5, 6, 7], dayParts: ['morning', 'afternoon', 'evening'], contactConsent: true };
  await rpc(page, 'gig.registerWorker', { personId: zhang.id, skills: ['保洁', '做饭'], townshipCode: '320506001', ...every });
  await rpc(page, 'gig.registerWorker', { personId: wang.id, skills: ['搬运'], townshipCode: '320506003', ...every });

  // The front desk posts the household's job; a date already gone is refused, naming the field.
  await page.getByRole('link', { name: '零工市场' }).click();
  await page.getByRole('button', { name: '发布需求' }).click();
  const dialog = page.getByRole('dialog', { name: '发布零工需求' });
  await dialog.getByLabel('联系人').fill('王阿姨');
  await dialog.getByLabel('联系电话').fill('13900001111');
  await dialog.getByLabel('工作内容').fill('家庭保洁');
  await dialog.getByLabel('所需技能').fill('保洁');
  await dialog.getByRole('combobox', { name: '用工乡镇（街道）' }).click();
  await page.getByRole('option', { name: '长桥街道', exact: true }).click();
  await dialog.getByLabel('用工地址').fill('龙西新村12幢301');
  await dialog.getByLabel('用工日期').fill(officeDay(-1));
  await dialog.getByLabel('报酬（元）').fill('30');
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(dialog.getByText(`用工日期不能早于今天（${officeDay()}）`)).toBeVisible();
  await dialog.getByLabel('用工日期').fill(officeDay());
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('gig-demands')).toContainText('家庭保洁');
  await page.screenshot({ path: 'test-results/gig-demands.png', fullPage: true });

  // At the station screen: the demand, the worker who fits with why, 派单, 完工 and the two ratings.
  await page.getByRole('link', { name: '零工驿站大屏' }).click();
  const station = page.getByTestId('gig-station');
  await station.getByRole('button', { name: /家庭保洁/ }).click();
  const first = station.getByTestId('gig-match').first();
  await expect(first).toContainText('李秀英');
  await expect(first).toContainText('技能相符：保洁');
  await expect(first).toContainText('同在长桥街道');
  await page.screenshot({ path: 'test-results/gig-station-matches.png', fullPage: true });
  await first.getByRole('button', { name: '派单给李秀英' }).click();
  const dispatch = station.getByTestId('gig-dispatch');
  await expect(dispatch).toContainText('已派单');
  await expect(station).toContainText('人数已派满');
  await dispatch.getByRole('button', { name: '完工' }).click();
  await expect(dispatch).toContainText('已完工');
  await dispatch.getByRole('button', { name: '需求方评价零工 5分' }).click();
  await expect(dispatch.getByLabel('需求方评价零工 已评 5分')).toBeVisible();
  await dispatch.getByRole('button', { name: '零工评价需求方 4分' }).click();
  await expect(dispatch.getByLabel('零工评价需求方 已评 4分')).toBeVisible();
  await expect(station.getByRole('button', { name: /家庭保洁/ })).toContainText('已派 1 / 1 人，完工 1 人');
  await page.screenshot({ path: 'test-results/gig-station-rated.png', fullPage: true });

  // The job is on her timeline.
  await page.goto(`${host.url}#/persons/${zhang.id}`);
  await expect(page.getByText('零工：家庭保洁')).toBeVisible();
});
