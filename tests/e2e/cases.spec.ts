import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, registerPerson, printAndRead } from './pages';

test('the front desk accepts an unemployment registration and prints the receipt; only another colleague may approve', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: false });
  await logIn(page, 'admin', 'Admin-2026-pass');
  // 钱 works the window and also reviews: she must still never decide a case she accepted.
  await createUser(page, { username: 'qian', displayName: '钱前台', roles: ['前台经办', '审核员'], password: 'Temp-pass-1' });
  await createUser(page, { username: 'zhao', displayName: '赵审核', roles: ['审核员'], password: 'Temp-pass-2' });
  await createUser(page, { username: 'sun', displayName: '孙指导', roles: ['职业指导员'], password: 'Temp-pass-3' });
  await logOut(page);

  await logInWithForcedChange(page, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四', phone: '13912345678' });
  await page.getByTestId('quick-actions').getByRole('link', { name: '失业登记' }).click();
  // 受理 on an empty form: every field it needs is marked, and the first takes the focus.
  await page.getByRole('button', { name: '受理' }).click();
  await expect(page.getByLabel('失业日期')).toBeFocused();
  for (const field of [page.getByLabel('失业日期'), page.getByRole('combobox', { name: '失业原因' }), page.getByRole('radio', { name: '是' })]) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  await page.screenshot({ path: test.info().outputPath('case-form-marked.png') });
  await page.getByLabel('失业日期').fill('2026-11-01');
  await expect(page.getByLabel('失业日期')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('combobox', { name: '失业原因' }).click();
  await page.getByRole('option', { name: '劳动合同期满终止' }).click();
  await page.getByRole('radio', { name: '否' }).click();
  await page.getByRole('checkbox', { name: /身份证/ }).check();
  // The documents every applicant brings start ticked; without the signed self-declaration the case cannot be accepted.
  await page.getByRole('checkbox', { name: /告知承诺书/ }).uncheck();
  await page.getByRole('button', { name: '受理' }).click();
  await expect(page.getByTestId('case-error')).toContainText('缺少材料：告知承诺书');
  await page.getByRole('checkbox', { name: /告知承诺书/ }).check();
  await page.getByRole('button', { name: '受理' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  // Receipt numbers run per office year (Asia/Shanghai).
  const receiptNo = `320506-${officeDate(new Date()).slice(0, 4)}-00001`;
  await expect(page.getByText(receiptNo)).toBeVisible();

  // The receipt, printed on A4 and read back.
  await page.getByRole('link', { name: '打印受理回执' }).click();
  const text = (await printAndRead(page, 'receipt.pdf')).replace(/\s+/g, '');
  expect(text).toContain('受理回执');
  expect(text).toContain(receiptNo);
  // The due date the backend set (three working days after acceptance) is the one printed.
  const dueDate = await page.evaluate(async () => {
    const id = Number(location.hash.match(/cases\/(\d+)/)![1]);
    const r = await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'cases.get', input: { id } }) });
    return (await r.json()).value.dueDate as string;
  });
  expect(dueDate > officeDate(new Date())).toBe(true);
  expect(text).toContain(`${formatChineseDate(dueDate)}前办结`);
  expect(text).toContain('告知承诺书');

  // She cannot decide her own case, although she is a reviewer.
  await page.getByRole('link', { name: '返回业务' }).click();
  await page.getByRole('button', { name: '开始审核' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('审核中');
  await expect(page.getByRole('button', { name: '批准', exact: true })).toHaveCount(0);
  const caseId = Number(page.url().match(/cases\/(\d+)/)![1]);
  const version = await page.evaluate(async (id) => {
    const r = await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'cases.get', input: { id } }) });
    return (await r.json()).value.version as number;
  }, caseId);
  const refused = await page.evaluate(
    async ({ id, v }) => {
      const r = await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'cases.transition', input: { id, version: v, action: 'approve' } }) });
      return r.json();
    },
    { id: caseId, v: version },
  );
  expect(refused.ok).toBe(false);
  expect(refused.error.code).toBe('FORBIDDEN');
  await logOut(page);

  // A counselor calling the approval straight at the RPC door gets a permission error too.
  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  const byCounselor = await page.evaluate(
    async ({ id, v }) => {
      const r = await fetch('rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'cases.transition', input: { id, version: v, action: 'approve' } }) });
      return r.json();
    },
    { id: caseId, v: version },
  );
  expect(byCounselor.ok).toBe(false);
  expect(byCounselor.error.code).toBe('FORBIDDEN');
  await logOut(page);

  // Another reviewer approves; the person's record and timeline follow.
  await logInWithForcedChange(page, 'zhao', 'Temp-pass-2', 'Zhao-own-pass-9');
  await page.getByRole('link', { name: '业务办理' }).click();
  await page.getByRole('cell', { name: receiptNo }).click();
  await page.getByRole('button', { name: '批准', exact: true }).click();
  await page.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已批准');
  // The facts the decision relied on, frozen, in words staff read (not the stored codes).
  await expect(page.getByText(/决定时就业状态：未就业（未登记失业），重点群体：/)).toBeVisible();
  await page.screenshot({ path: 'test-results/case-approved.png', fullPage: true });
  await page.getByRole('link', { name: '申请人档案' }).click();
  await expect(page.getByTestId('employment-status')).toHaveText('登记失业');
  await expect(page.getByText('失业登记：批准（已批准）')).toBeVisible();
});
