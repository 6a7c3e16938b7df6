import Database from 'better-sqlite3';
import { readKeyFile } from '../../db/keys';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, rpc } from './pages';

const FORM = { unemployedSince: '2026-01-05', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' };

test('a counselor records a contact on the profile; a reviewer confirms a 6-month no-contact 注销', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhao', displayName: '赵审核', roles: ['审核员'], password: 'Temp-pass-2' });
  await createUser(page, { username: 'sun', displayName: '孙指导', roles: ['职业指导员'], password: 'Temp-pass-3' });
  // Two registrations accepted at the window (王管理 is also front desk) …
  const cases: { id: number; version: number }[] = [];
  for (const [idNumber, name] of [['32050619920115004X', '李四'], ['320102199003071239', '张三']] as const) {
    const person = await rpc<{ id: number }>(page, 'persons.register', { idNumber, name, phone: '13912345678', confirmNotDuplicate: true });
    const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', { personId: person.id, caseType: 'unemployment_registration', form: FORM, documents: ['id_card', 'self_declaration'] });
    cases.push(await rpc(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' }));
  }
  await logOut(page);
  // … and approved by the reviewer.
  await logInWithForcedChange(page, 'zhao', 'Temp-pass-2', 'Zhao-own-pass-9');
  for (const c of cases) {
    const inReview = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: c.id, version: c.version, action: 'start_review' });
    await rpc(page, 'cases.transition', { id: inReview.id, version: inReview.version, action: 'approve' });
  }
  await logOut(page);
  // 张三 was registered seven months ago and never contacted since (the host's clock cannot be moved).
  const raw = new Database(host.dbPath, { fileMustExist: true });
  raw.pragma(`key = "x'${readKeyFile(host.keyFile).toString('hex')}'"`);
  raw.prepare("update cases set accepted_on = date('now', '-7 months'), follow_up_due = date('now', '-7 months', '+7 days') where id = ?").run(cases[1]!.id);
  raw.close();

  // The counselor's list: both due, 张三 overdue; she calls 李四 and records it on the profile, by keyboard.
  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  await page.getByRole('link', { name: '职业指导' }).click();
  // A counselor lands on 我的工作台; the registrations' follow-ups are the next view.
  await expect(page.getByTestId('counselor-desk')).toBeVisible();
  await page.getByText('待跟踪联系').click();
  await expect(page.getByTestId('follow-ups').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('follow-ups').getByRole('row', { name: /张三/ })).toContainText('已逾期');
  await page.screenshot({ path: 'test-results/follow-up-list.png', fullPage: true });
  await page.getByTestId('follow-ups').getByRole('link', { name: '李四' }).click();
  const contactForm = page.getByRole('form', { name: '记录联系' });
  await contactForm.getByLabel('联系内容').fill('电话回访：仍在求职，推荐参加下周招聘会');
  await contactForm.getByLabel('结果').fill('同意参加');
  await contactForm.getByLabel('结果').press('Enter');
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  await expect(page.getByTestId('contacts').getByRole('row', { name: /电话回访/ })).toContainText('孙指导');
  await expect(page.getByTestId('aftercare-section')).toContainText('已跟踪联系');
  await page.screenshot({ path: 'test-results/follow-up-profile.png', fullPage: true });
  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByText('待跟踪联系').click();
  await expect(page.getByTestId('follow-ups').getByRole('row')).toHaveCount(2);
  await logOut(page);

  // The reviewer sees 张三 proposed for 注销 and confirms it in a dialog.
  await logIn(page, 'zhao', 'Zhao-own-pass-9');
  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByText('6个月未联系（建议注销）').click();
  const row = page.getByTestId('no-contact').getByRole('row', { name: /张三/ });
  await expect(row).toContainText('从未联系');
  await expect(page.getByTestId('no-contact').getByRole('row')).toHaveCount(2);
  await row.getByRole('button', { name: '确认注销' }).click();
  const dialog = page.getByRole('dialog', { name: /注销失业登记：张三/ });
  await expect(dialog).toContainText('记录保留，不会删除');
  await page.screenshot({ path: 'test-results/no-contact-confirm.png', fullPage: true });
  await dialog.getByRole('button', { name: '确认注销' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/共 0 人，建议/)).toBeVisible();
  await page.goto(`${host.url}#/persons/2`);
  await expect(page.getByTestId('employment-status')).toHaveText('未就业（未登记失业）');
  await expect(page.getByTestId('aftercare-section')).toContainText('连续6个月未与公共就业服务机构联系（赵审核）');
});
