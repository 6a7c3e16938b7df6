import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

const KNOWN = { idNumber: '32050619920115004X', name: '李秀英', phone: '13912345678' };
const NEWCOMER = { idNumber: '321281198512310047', name: '张丽', phone: '13800001111' };

/** The ID-card reader: types the number like a keyboard, then Enter. */
async function swipe(page: Page, idNumber: string): Promise<void> {
  await expect(page.getByRole('textbox', { name: '身份证号' })).toBeFocused();
  await page.keyboard.type(idNumber);
  await page.keyboard.press('Enter');
}

test('a counselor plans a lecture; at the door people sign in by ID card, a newcomer is registered by the front desk, and it is on the person’s timeline', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'sun', displayName: '孙指导', roles: ['职业指导员'], password: 'Temp-pass-3' });
  const person = await rpc<{ id: number }>(page, 'persons.register', { ...KNOWN, confirmNotDuplicate: true });
  await logOut(page);

  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByRole('link', { name: '团体指导活动' }).click();
  await page.getByRole('button', { name: '新建活动' }).click();
  const dialog = page.getByRole('dialog', { name: '新建团体指导活动' });
  await dialog.getByLabel('活动名称').fill('求职技巧讲座：简历与面试');
  await dialog.getByLabel('活动日期').fill(officeDay());
  await dialog.getByLabel('结束时间').fill('11:00');
  await dialog.getByRole('button', { name: '保存' }).click();
  // Refused with the field named and in focus; nothing saved.
  await expect(dialog.getByLabel('活动地点')).toBeFocused();
  await expect(dialog.getByLabel('活动地点')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('活动地点').fill('人力资源市场三楼报告厅');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '求职技巧讲座：简历与面试' })).toBeVisible();

  // The counselor signs in a person on file; the same card twice is told, not counted.
  await page.getByRole('textbox', { name: '身份证号' }).focus();
  await swipe(page, KNOWN.idNumber.toLowerCase());
  const outcome = page.getByTestId('check-in-outcome');
  await expect(outcome).toContainText('李秀英（3205**********004X）签到成功');
  await swipe(page, KNOWN.idNumber);
  await expect(outcome).toContainText('李秀英已签到（');
  await expect(page.getByTestId('event-attended')).toHaveText('已签到 1 / 30 人');
  const eventUrl = page.url();
  await logOut(page);

  // The front desk registers a newcomer at the door.
  await logIn(page, 'admin', 'Admin-2026-pass');
  await page.goto(eventUrl);
  await page.getByRole('textbox', { name: '身份证号' }).focus();
  await swipe(page, NEWCOMER.idNumber);
  await expect(outcome).toContainText('该身份证号尚未登记');
  await expect(page.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type(NEWCOMER.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(NEWCOMER.phone);
  await page.keyboard.press('Enter');
  await expect(outcome).toContainText('张丽（3212**********0047）签到成功');
  await expect(outcome).toContainText('已新建人员档案');
  const list = page.getByTestId('event-attendances');
  await expect(list.getByText('138****1111')).toBeVisible();
  await expect(list).not.toContainText(NEWCOMER.phone);
  await page.screenshot({ path: 'test-results/guidance-event.png', fullPage: true });

  await page.goto(`${host.url}#/persons/${person.id}`);
  await expect(page.getByText('参加团体指导：讲座“求职技巧讲座：简历与面试”')).toBeVisible();
  // The 画像 above the guidance records counts the event and names it as the last contact.
  const portrait = page.getByTestId('person-portrait');
  await expect(portrait).toContainText('团体指导活动1次');
  await expect(portrait).toContainText(`${officeDay()} 团体指导活动（0天前）`);
  await portrait.screenshot({ path: 'test-results/guidance-portrait.png' });
});
