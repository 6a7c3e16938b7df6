import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, printAndRead, rpc } from './pages';

const KNOWN = { idNumber: '32050619920115004X', name: '李秀英', phone: '13912345678' };
const NEWCOMER = { idNumber: '321281198512310047', name: '张丽', phone: '13800001111' };
const FAIR_NAME = '2026年就业援助月吴中专场招聘会';

/** The ID-card reader: types the number like a keyboard, then Enter. */
async function swipe(page: Page, idNumber: string): Promise<void> {
  const box = page.getByRole('textbox', { name: '身份证号' });
  await expect(box).toBeFocused();
  await page.keyboard.type(idNumber);
  await page.keyboard.press('Enter');
}

test('staff run a fair: create it, add an enterprise with its vacancy, check people in at the door, record an intention and print the summary', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王芳', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  const enterprise = await rpc<{ id: number }>(page, 'enterprises.register', { creditCode: '91320506MARJT2FQ52', name: '苏州吴中精工机械有限公司' });
  await rpc(page, 'vacancies.create', { enterpriseId: enterprise.id, source: 'fair', occupationCode: '6-18-02', title: '焊工', openings: 5 });
  await rpc(page, 'persons.register', KNOWN);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  // A new fair of the national calendar.
  await page.getByRole('navigation').getByRole('link', { name: /^招聘会/ }).click();
  await page.getByRole('button', { name: '新建招聘会' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('招聘会名称').fill(FAIR_NAME);
  await page.getByRole('combobox', { name: '活动类型' }).click();
  await page.getByRole('option', { name: '就业援助月' }).click();
  await page.getByRole('combobox', { name: '服务对象' }).click();
  await page.getByRole('option', { name: '就业困难人员' }).click();
  await dialog.getByLabel('举办日期').fill(today);
  await dialog.getByLabel('举办地点').fill('吴中区人力资源市场');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('fair-name')).toHaveText(FAIR_NAME);

  // The enterprise from the registry, at booth A01, with its vacancy.
  await page.getByRole('button', { name: '添加参会企业' }).click();
  await page.getByRole('combobox', { name: '参会企业' }).fill('精工');
  await page.getByRole('option', { name: '苏州吴中精工机械有限公司' }).click();
  await page.getByLabel('展位号').fill('A01');
  await page.getByRole('combobox', { name: '参会岗位' }).click();
  await page.getByRole('option', { name: '焊工（5人）' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('fair-enterprises').getByText('苏州吴中精工机械有限公司')).toBeVisible();

  // At the door: a known person, the same card again, and a newcomer registered on the spot.
  await page.getByRole('textbox', { name: '身份证号' }).focus();
  await swipe(page, KNOWN.idNumber.toLowerCase());
  const outcome = page.getByTestId('check-in-outcome');
  await expect(outcome).toContainText('李秀英（3205**********004X）入场成功');
  await swipe(page, KNOWN.idNumber);
  await expect(outcome).toContainText('李秀英已入场（');
  await swipe(page, NEWCOMER.idNumber);
  await expect(outcome).toContainText('该身份证号尚未登记');
  await expect(page.getByLabel('姓名')).toBeFocused();
  await page.screenshot({ path: 'test-results/fair-newcomer.png' });
  await page.keyboard.type(NEWCOMER.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(NEWCOMER.phone);
  await page.keyboard.press('Enter');
  await expect(outcome).toContainText('张丽（3212**********0047）入场成功');
  await expect(outcome).toContainText('已新建人员档案');
  const attendances = page.getByTestId('attendance-list');
  await expect(attendances.getByText('138****1111')).toBeVisible();
  await expect(attendances).not.toContainText(NEWCOMER.phone);

  // 李秀英 reaches an intention for the welding job, and is hired.
  await attendances.getByRole('row', { name: /李秀英/ }).getByRole('button', { name: '登记意向' }).click();
  await page.getByRole('combobox', { name: '意向岗位' }).click();
  await page.getByRole('option', { name: '焊工' }).click();
  await page.getByRole('button', { name: '保存意向' }).click();
  await attendances.getByRole('button', { name: '登记结果：苏州吴中精工机械有限公司·焊工' }).click();
  await page.getByRole('menuitem', { name: '已录用' }).click();
  await expect(attendances.getByText('苏州吴中精工机械有限公司·焊工（已录用）')).toBeVisible();
  await expect(page.getByTestId('count-hires')).toHaveText('1');
  await expect(page.getByTestId('count-checkIns')).toHaveText('2');
  await page.screenshot({ path: 'test-results/fair-page.png', fullPage: true });

  // The 招聘会情况统计表 on A4, read back.
  await page.getByRole('link', { name: '情况统计表' }).click();
  await expect(page.getByTestId('fair-summary')).toBeVisible();
  await page.screenshot({ path: 'test-results/fair-summary.png', fullPage: true });
  const text = (await printAndRead(page, 'fair-summary.pdf')).replace(/\s+/g, '');
  expect(text).toContain('招聘会情况统计表');
  expect(text).toContain(FAIR_NAME);
  expect(text).toContain(`${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`);
  // 参会企业 1, 岗位数 1, 招聘人数 5, 入场人数 2, 达成意向 1, 录用人数 1.
  expect(text).toContain('参会企业岗位数招聘人数入场人数达成意向录用人数115211');
  expect(text).not.toContain(KNOWN.idNumber);

  // The list shows it with its counts.
  await page.getByRole('navigation').getByRole('link', { name: /^招聘会/ }).click();
  await expect(page.getByTestId('fair-list').getByRole('row', { name: new RegExp(FAIR_NAME) })).toContainText('1 / 5');
  await page.screenshot({ path: 'test-results/fair-list.png', fullPage: true });
});
