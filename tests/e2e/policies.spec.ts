import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeXlsx } from '../../db/xlsx';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead, rpc } from './pages';

/**
 * 政策找人 and 免申即享 end to end, as the acceptance tells it. The
 * story is set in 2026 as the is: a 2026 graduate, and 一次性扩岗补助,
 * which is in force until 2026-12-31.
 */

const ADMIN = { username: 'admin', password: 'Admin-2026-pass' };
const GRADUATE = { idNumber: id('320506', '20030418', '028'), name: '林小雨' };
const HIRED = { idNumber: id('320506', '20030909', '046'), name: '陈晨' };
const FIRM = { creditCode: '91320100MA1XY8129Y', name: '苏州吴中精工机械有限公司' };

function id(region: string, born: string, sequence: string): string {
  const first17 = `${region}${born}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

/** Yesterday in the office's calendar (Asia/Shanghai): a 数据截止日期 the desk accepts. */
function yesterday(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

/** 部门数据: one department's file, dry run, then imported whole. */
async function importDepartmentFile(page: Page, source: string, path: string, matched: number): Promise<void> {
  await page.getByRole('combobox', { name: '数据来源' }).first().click();
  await page.getByRole('option', { name: source }).click();
  await page.getByLabel('数据截止日期').fill(yesterday());
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Excel 文件（.xlsx）').click();
  await (await chooser).setFiles(path);
  await page.getByRole('button', { name: '试导入（只校验）' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('试导入结果');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(`已写入 ${matched} 行`);
}

async function openFindings(page: Page, policy: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: /^政策/ }).click();
  await page.getByRole('tab', { name: '政策找人' }).click();
  await page.getByRole('combobox', { name: '政策' }).click();
  await page.getByRole('option', { name: policy }).click();
  // The work list has been read again for that policy: no row of another one is left on screen.
  const name = policy.replace(/（.*）$/, '');
  await expect(page.getByTestId('findings').getByRole('row').filter({ has: page.getByRole('cell') }).filter({ hasNotText: name })).toHaveCount(0);
}

test('the 社保 import makes a 2026 graduate eligible: the sweep finds her with 为什么符合, the front desk contacts her and opens the prefilled application, a reviewer approves it; a 免申即享 batch is confirmed by a reviewer who did not propose it and its 告知书 printed', async ({ page, host }) => {
  test.setTimeout(110_000);
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: ADMIN.username, displayName: '王管理', password: ADMIN.password, alsoFrontDesk: false });
  await logIn(page, ADMIN.username, ADMIN.password);
  await createUser(page, { username: 'qian', displayName: '钱前台', roles: ['前台经办'], password: 'Temp-pass-1' });
  await createUser(page, { username: 'zhao', displayName: '赵审核', roles: ['审核员'], password: 'Temp-pass-2' });
  await logOut(page);

  // The front desk registers the graduate, her approved flexible 就业登记 (the case UI is tested elsewhere), another graduate and the firm that hired him.
  await logInWithForcedChange(page, 'qian', 'Temp-pass-1', 'Qian-own-pass-9');
  const graduate = await rpc<{ id: number }>(page, 'persons.register', { ...GRADUATE, phone: '13951006677', educationCode: '20', graduationDate: '2026-06-30' });
  await rpc(page, 'persons.register', { ...HIRED, educationCode: '20', graduationDate: '2026-06-30' });
  await rpc(page, 'enterprises.register', FIRM);
  const registration = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    personId: graduate.id, caseType: 'employment_registration', form: { channel: 'flexible', startDate: '2026-07-01' }, documents: ['id_card', 'flexible_declaration'],
  });
  const accepted = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: registration.id, version: registration.version, action: 'accept' });
  await logOut(page);
  await logInWithForcedChange(page, 'zhao', 'Temp-pass-2', 'Zhao-own-pass-9');
  const inReview = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: accepted.id, version: accepted.version, action: 'start_review' });
  await rpc(page, 'cases.transition', { id: inReview.id, version: inReview.version, action: 'approve', comment: '灵活就业，同意登记' });
  await logOut(page);

  // The administrator imports the department files: a death list (she is not on it) and the 社保 files.
  await logIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '部门数据' }).click();
  const deaths = join(host.dir, '死亡名单.xlsx');
  writeFileSync(deaths, writeXlsx('死亡名单', ['身份证号', '姓名', '死亡日期'], [[id('320102', '19500307', '123'), '张某', '2026-10-02']], [], [0]));
  await importDepartmentFile(page, '死亡（公安、卫健部门）', deaths, 0);
  const persons = join(host.dir, '社保个人缴费.xlsx');
  writeFileSync(persons, writeXlsx('社保个人缴费', ['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数', '参保单位统一社会信用代码', '本单位参保起始日期'], [
    [GRADUATE.idNumber, GRADUATE.name, 4, 4, '', ''],
    [HIRED.idNumber, HIRED.name, 4, 4, FIRM.creditCode, '2026-07-15'],
  ], [], [0, 4]));
  await importDepartmentFile(page, '社保个人（社保经办机构）', persons, 2);
  const employers = join(host.dir, '社保单位缴费.xlsx');
  writeFileSync(employers, writeXlsx('社保单位缴费', ['统一社会信用代码', '单位名称', '参保人数', '是否欠费'], [[FIRM.creditCode, FIRM.name, 40, '否']], [], [0]));
  await importDepartmentFile(page, '社保单位（社保经办机构）', employers, 1);
  await page.getByRole('navigation').getByRole('link', { name: /^政策/ }).click();
  await expect(page.getByTestId('policy-list')).toContainText('灵活就业社会保险补贴');
  await page.screenshot({ path: test.info().outputPath('policy-list.png'), fullPage: true });
  await logOut(page);

  // 政策找人: the front desk runs the sweep; she is listed with 为什么符合.
  await logIn(page, 'qian', 'Qian-own-pass-9');
  await page.getByRole('navigation').getByRole('link', { name: /^政策/ }).click();
  await page.getByRole('tab', { name: '政策找人' }).click();
  await page.getByRole('button', { name: '运行政策比对' }).click();
  await expect(page.getByTestId('sweep-history')).toContainText('全部比对');
  await openFindings(page, '灵活就业社会保险补贴');
  const row = page.getByTestId('findings').getByRole('row').filter({ hasText: GRADUATE.name });
  await expect(row).toContainText('符合');
  await expect(row).toContainText('¥1,600.00');
  await expect(row).toContainText('待核');
  await page.screenshot({ path: test.info().outputPath('findings.png'), fullPage: true });
  await row.getByRole('link', { name: GRADUATE.name }).click();
  await expect(page.getByTestId('why')).toContainText('为什么符合');
  await expect(page.getByTestId('why-headline')).toContainText('符合「灵活就业社会保险补贴」');
  await expect(page.getByTestId('trace')).toContainText('近12个月社保缴费月数为4个月');
  await expect(page.getByTestId('facts')).toContainText('近12个月社保缴费月数');

  // The outreach: an SMS with the suggested text, and her answer.
  await page.getByRole('combobox', { name: '联系方式' }).click();
  await page.getByRole('option', { name: '短信' }).click();
  await expect(page.getByLabel('发送内容')).toHaveValue(/林小雨您好.*灵活就业社会保险补贴/);
  await page.getByRole('combobox', { name: '联系结果' }).click();
  await page.getByRole('option', { name: '有意申请' }).click();
  await page.getByRole('button', { name: '保存联系记录' }).click();
  await expect(page.getByTestId('outreach-list')).toContainText('钱前台');
  await expect(page.getByTestId('finding-status')).toHaveText('已联系');
  await page.screenshot({ path: test.info().outputPath('finding.png'), fullPage: true });

  // One click: the prefilled application, accepted at the window once the papers are in.
  await page.getByRole('button', { name: '一键生成申请' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('草稿');
  await expect(page.getByRole('textbox', { name: '申请金额' })).toHaveValue('1,600.00');
  for (const paper of [/身份证/, /补贴申请表/, /银行账户信息/]) await page.getByRole('checkbox', { name: paper }).check();
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存表单和材料')).toBeVisible();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  const receiptNo = (await page.getByText(/^320506-\d{4}-\d{5}$/).first().textContent())!.trim();

  // The 政策判定 panel on her profile agrees.
  await page.getByRole('link', { name: '申请人档案' }).click();
  await page.getByTestId('policy-verdict').getByRole('combobox', { name: '政策' }).click();
  await page.getByRole('option', { name: '灵活就业社会保险补贴' }).click();
  await expect(page.getByTestId('policy-verdict')).toContainText('为什么符合');
  await page.getByTestId('policy-verdict').screenshot({ path: test.info().outputPath('profile-verdict.png') });

  // 免申即享: the employer that hired a 2026 graduate, proposed as a batch.
  await openFindings(page, '一次性扩岗补助（免申即享）');
  await expect(page.getByTestId('findings')).toContainText(FIRM.name);
  await page.getByRole('button', { name: '汇总为免申即享批次' }).click();
  await expect(page.getByTestId('batch-state')).toHaveText('待确认');
  await expect(page.getByRole('button', { name: '核查样本后整批确认' })).toHaveCount(0);
  await logOut(page);

  // Another colleague, a reviewer, approves the application through the case workflow…
  await logIn(page, 'zhao', 'Zhao-own-pass-9');
  await page.getByRole('link', { name: '业务办理' }).click();
  await page.getByRole('cell', { name: receiptNo }).click();
  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByRole('button', { name: '批准', exact: true }).click();
  await page.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已批准');

  // …and confirms the batch she did not propose, after checking its sample.
  await openFindings(page, '一次性扩岗补助（免申即享）');
  await page.getByTestId('findings').getByRole('link', { name: /^批次\d+$/ }).click();
  await expect(page.getByTestId('batch-items')).toContainText(FIRM.name);
  await page.screenshot({ path: test.info().outputPath('batch-proposed.png'), fullPage: true });
  await page.getByRole('button', { name: '核查样本后整批确认' }).click();
  const sample = page.getByRole('dialog');
  await sample.getByRole('checkbox', { name: `已核查 ${FIRM.name}` }).check();
  await sample.getByRole('button', { name: FIRM.name }).click();
  await expect(sample.getByTestId('trace')).toBeVisible();
  await expect(sample.getByTestId('trace')).toContainText('本年度招用高校毕业生人数');
  await page.screenshot({ path: test.info().outputPath('batch-sample.png') });
  await sample.getByRole('button', { name: '样本核查无误，整批确认' }).click();
  await expect(page.getByTestId('batch-state')).toHaveText('已全部确认');
  await expect(page.getByTestId('batch-items')).toContainText('已确认');
  await page.screenshot({ path: test.info().outputPath('batch-decided.png'), fullPage: true });

  await page.getByRole('link', { name: '打印免申即享告知书' }).click();
  await expect(page.getByTestId('notice')).toContainText(FIRM.name);
  await page.screenshot({ path: test.info().outputPath('notice.png'), fullPage: true });
  const text = (await printAndRead(page, 'no-application-notice.pdf')).replace(/\s+/g, '');
  expect(text).toContain('免申即享告知书');
  expect(text).toContain(`${FIRM.name}（统一社会信用代码${FIRM.creditCode}）`);
  expect(text).toContain('一次性扩岗补助');
  expect(text).toContain('¥1,500.00（金额标准待核');
  expect(text).toContain('人力资源和社会保障局（盖章）');
});

test('the administrator reads a policy in plain Chinese, is told where a draft is wrong, and activates a sound draft after confirming', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: ADMIN.username, displayName: '王管理', password: ADMIN.password, alsoFrontDesk: false });
  await logIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: /^政策/ }).click();
  await page.getByRole('link', { name: '灵活就业社会保险补贴' }).click();
  await expect(page.getByTestId('policy-rules')).toContainText('近12个月社保缴费月数不少于1个月');
  await expect(page.getByText(/测试用例（\d+ 个，全部通过）/)).toBeVisible();

  const editor = page.getByLabel('政策定义（JSON）');
  const definition = JSON.parse(await editor.inputValue()) as { conditions: unknown[]; amountsConfirmed: boolean };
  const impossible = { ...definition, conditions: [...definition.conditions, { fact: 'age', op: 'gte', value: 60 }, { fact: 'age', op: 'lte', value: 30 }] };
  await editor.fill(JSON.stringify(impossible, null, 2));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('draft-problems')).toContainText(/条件：「年龄」.*不可能同时满足/);

  await editor.fill(JSON.stringify({ ...definition, amountsConfirmed: true }, null, 2));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('第2版 · 草稿');
  await page.getByRole('button', { name: '启用第2版' }).click();
  const dialog = page.getByRole('dialog', { name: '启用第2版' });
  await expect(dialog).toContainText('第1版停用');
  await expect(dialog.getByRole('button', { name: '确认启用' })).toBeDisabled();
  await dialog.getByLabel('启用原因（必填）').fill('县财政局确认金额');
  await dialog.getByRole('button', { name: '确认启用' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('第2版 · 启用中');
  await page.screenshot({ path: test.info().outputPath('policy-page.png'), fullPage: true });
  await page.getByRole('link', { name: '返回政策库' }).click();
  await expect(page.getByTestId('policy-list').getByRole('row').filter({ hasText: '灵活就业社会保险补贴' })).toContainText('已确认');
});
