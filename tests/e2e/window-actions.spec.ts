import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../shared/domain/calendar';
import { officeDate } from '../../shared/domain/dates';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn } from './pages';

/** Issue 22's goal: registering a person from an ID-card read and accepting her 失业登记 in at most this many actions. */
const GOAL = 10;

/**
 * The clerk's actions, counted as the user makes them: a click, a fill (going to
 * a box and typing in it) and a key press that does something (the reader's
 * Enter) each count one; what the page does by itself (focus moving on,
 * defaults, derived fields) counts nothing.
 */
class Actions {
  readonly log: Array<{ step: string; kind: 'click' | 'fill' | 'press' }> = [];
  constructor(private readonly page: Page) {}
  async fill(step: string, target: Locator, value: string) {
    this.log.push({ step, kind: 'fill' });
    await target.fill(value);
  }
  async press(step: string, key: string) {
    this.log.push({ step, kind: 'press' });
    await this.page.keyboard.press(key);
  }
  async click(step: string, target: Locator) {
    this.log.push({ step, kind: 'click' });
    await target.click();
  }
  count(from = 0, to = this.log.length) {
    return to - from;
  }
}

test('the window registers a person from an ID-card read and accepts her 失业登记 in at most 10 actions', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'wang', displayName: '王管理', password: 'Desk-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'wang', 'Desk-2026-pass');
  await page.goto(`${host.url}#/persons`);
  const act = new Actions(page);

  // The card reader types the number into the search box, which has the focus, and Enter: she is not known yet.
  const search = page.getByLabel('查询');
  await expect(search).toBeFocused();
  await act.fill('读卡：身份证号进入查询框', search, '32050619920115004X');
  await act.press('读卡：回车', 'Enter');
  // Straight on to registering her: the number is in, birth date, sex and 户籍所在地 come from it, 姓名 has the focus.
  await expect(page.getByLabel('身份证号')).toHaveValue('32050619920115004X');
  await expect(page.getByTestId('derived')).toHaveText('1992-01-15 / 女');
  await expect(page.getByRole('combobox', { name: '户籍所在地（区、县）' })).toHaveValue('苏州市吴中区');
  await expect(page.getByLabel('姓名')).toBeFocused();
  await act.fill('姓名', page.getByLabel('姓名'), '李四');
  await act.fill('手机号码', page.getByLabel('手机号码'), '13912345678');
  await act.click('保存并办理失业登记', page.getByRole('button', { name: '保存并办理失业登记' }));
  const registration = act.count();

  // The 失业登记 form: its first box has the focus, the documents every applicant brings are ticked.
  await expect(page.getByRole('heading', { name: '失业登记' })).toBeVisible();
  await expect(page.getByText('申请人：李四')).toBeVisible();
  await expect(page.getByLabel('失业日期')).toBeFocused();
  await expect(page.getByRole('checkbox', { name: /身份证/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /告知承诺书/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /解除或终止劳动关系证明/ })).not.toBeChecked();
  await act.fill('失业日期', page.getByLabel('失业日期'), addDays(officeDate(new Date()), -10));
  await act.click('失业原因：打开列表', page.getByRole('combobox', { name: '失业原因' }));
  await act.click('失业原因：选择', page.getByRole('option', { name: '劳动合同期满终止' }));
  await act.click('是否领取失业保险金：否', page.getByRole('radio', { name: '否' }));
  await act.click('受理', page.getByRole('button', { name: '受理' }));
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  const total = act.count();

  const figures = { registration, unemploymentRegistration: total - registration, total, goal: GOAL, before: { registration: 10, unemploymentRegistration: 8, total: 18 }, actions: act.log };
  writeFileSync(test.info().outputPath('window-actions.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`WINDOW-ACTIONS ${JSON.stringify(figures)}`);
  expect(total, act.log.map((a) => `${a.kind} ${a.step}`).join('\n')).toBeLessThanOrEqual(GOAL);
});
