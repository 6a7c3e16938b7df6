import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, registerPerson, waitForAppState, printAndRead } from './pages';

const ADMIN = { username: 'admin', password: 'Admin-2026-pass' };

test('roles, forced password change, audited reveal, citizen access report, audit log', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: ADMIN.username, displayName: '王管理', password: ADMIN.password, alsoFrontDesk: false });
  await logIn(page, ADMIN.username, ADMIN.password);

  // The administrator manages accounts but does not see citizens' data.
  await expect(page.getByRole('link', { name: '系统管理' })).toBeVisible();
  await expect(page.getByRole('link', { name: /登记\/经办/ })).toHaveCount(0);
  await createUser(page, { username: 'qian', displayName: '钱前台', roles: ['前台经办'], password: 'Temp-pass-1' });
  await createUser(page, { username: 'zhao', displayName: '赵主任', roles: ['局领导/中心主任'], password: 'Temp-pass-2' });
  await logOut(page);

  // The front desk chooses a password at first login, registers and reveals an ID.
  await logInWithForcedChange(page, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
  await expect(page.getByRole('link', { name: '系统管理' })).toHaveCount(0);
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四', phone: '13912345678' });
  await expect(page.getByText('3205**********004X')).toBeVisible();
  await page.getByRole('button', { name: '显示完整' }).first().click();
  await expect(page.getByText('32050619920115004X')).toBeVisible();

  // The citizen's data-access report lists the reveal, and prints on A4.
  await page.getByRole('link', { name: '个人信息查询报告' }).click();
  const report = page.getByTestId('access-report');
  await expect(report.getByText('查看完整个人信息（身份证号）')).toBeVisible();
  await expect(report.getByText('钱前台').first()).toBeVisible();
  const text = (await printAndRead(page, 'access-report.pdf'));
  expect(text).toContain('个人信息查询报告');
  expect(text).toContain('吴中区人力资源和社会保障局');
  expect(text).toContain('3205**********004X');
  expect(text.replace(/\s/g, '')).toContain('第1页共1页');
  expect(text).toContain('查看完整个人信息');
  expect(text).not.toContain('32050619920115004X');
  expect(text).not.toContain('登记/经办'); // the app's navigation is not printed
  await logOut(page);

  // The head reads the audit log, checks the chain and exports it.
  await logInWithForcedChange(page, 'zhao', 'Temp-pass-2', 'Zhao-own-pass-9');
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByText('查看完整个人信息').first()).toBeVisible();
  await expect(page.getByText('打印').first()).toBeVisible();
  // Who and what in words: no method names, row numbers or JSON; the filter picks an act by its Chinese title.
  const log = page.getByRole('table');
  await expect(log).not.toContainText(/#\d|[a-z]+\.[a-z][A-Za-z]+|[{}]/);
  await page.getByRole('combobox', { name: '操作' }).fill('查看完整个人信息');
  await page.getByRole('option', { name: '查看完整个人信息' }).click();
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(log.getByRole('row').nth(1)).toContainText(/查看完整个人信息.*人员档案 .+（\d{4}\*{10}\d{3}[\dX]）.*字段：/);
  await page.screenshot({ path: test.info().outputPath('audit-log.png'), fullPage: true });
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('哈希链无断裂');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = join(host.dir, 'audit.xlsx');
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  await logOut(page);

  // Wrong passwords make this computer wait; the administrator sees it and lifts the wait.
  for (let i = 1; i <= 4; i += 1) {
    await page.getByLabel('用户名').fill('zhao');
    await page.getByLabel('密码').fill(`Wrong-pass-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  }
  await page.getByLabel('密码').fill('Zhao-own-pass-9');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/本终端请 \d+ 秒后再试/)).toBeVisible();
  await logIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '系统管理' }).click();
  await expect(page.getByTestId('user-row-zhao')).toContainText('登录受限（1 处终端');
  await page.getByTestId('user-row-zhao').getByRole('button', { name: '解除登录限制' }).click();
  const lift = page.getByRole('dialog', { name: /解除登录限制/ });
  await expect(lift.getByRole('cell', { name: '127.0.0.1' })).toBeVisible();
  await lift.getByLabel('原因').fill('本人来电确认系输错密码');
  await page.screenshot({ path: test.info().outputPath('lift-login-limits.png') });
  await lift.getByRole('button', { name: '确认解除' }).click();
  await expect(page.getByTestId('user-row-zhao')).toContainText('正常');

  // A disabled account can no longer log in.
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.getByTestId('user-row-qian').getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog').getByLabel('原因').fill('调离岗位');
  await page.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByTestId('user-row-qian')).toContainText('已停用');
  await logOut(page);
  await page.getByLabel('用户名').fill('qian');
  await page.getByLabel('密码').fill('Qian-own-pass-9');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('该账号已停用，请联系系统管理员')).toBeVisible();
  await waitForAppState(page, 'login');
});

test('the screen locks after idle minutes and keeps the half-filled form', async ({ page, host }) => {
  await page.clock.install();
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'wang', displayName: '王管理', password: 'Desk-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'wang', 'Desk-2026-pass');
  await page.getByRole('link', { name: '登记新人员' }).click();
  await page.getByLabel('姓名').fill('半途');
  await page.clock.fastForward('11:00');
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible();
  await lock.getByLabel('密码').fill('wrong-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('密码不正确')).toBeVisible();
  await lock.getByLabel('密码').fill('Desk-2026-pass');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('姓名')).toHaveValue('半途');
});

test('each role sees only its navigation, and the router refuses a method called directly over RPC', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: ADMIN.username, displayName: '王管理', password: ADMIN.password, alsoFrontDesk: false });
  await logIn(page, ADMIN.username, ADMIN.password);
  const roles = [
    { username: 'qian', label: '前台经办', sees: ['登记/经办'], hidden: ['系统管理', '审计日志'] },
    { username: 'sun', label: '职业指导员', sees: ['登记/经办', '职业指导'], hidden: ['系统管理', '审计日志'] },
    { username: 'zhao', label: '局领导/中心主任', sees: ['登记/经办', '审计日志'], hidden: ['系统管理'] },
  ];
  for (const r of roles) await createUser(page, { username: r.username, displayName: `${r.username}姓名`, roles: [r.label], password: 'Temp-pass-1' });
  await expect(page.getByRole('link', { name: /登记\/经办/ })).toHaveCount(0);
  await logOut(page);

  for (const r of roles) {
    await logInWithForcedChange(page, r.username, 'Temp-pass-1', 'Own-pass-2026');
    for (const name of r.sees) await expect(page.getByRole('link', { name: new RegExp(`^${name.replace('/', '\\/')}`) })).toBeVisible();
    for (const name of r.hidden) await expect(page.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveCount(0);
    if (r.username === 'sun') {
      // The counselor's browser session calls a write it may not do, straight at the RPC door.
      const reply = await page.evaluate(async () => {
        const response = await fetch('rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method: 'persons.register', input: { idNumber: '32050619920115004X', name: '李四' } }),
        });
        return response.json();
      });
      expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '当前账号没有执行此操作的权限' } });
    }
    await logOut(page);
  }
});
