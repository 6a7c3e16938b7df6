import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { officeDate } from '../../shared/domain/dates';
import { formatPeriodChinese, periodOf, reportPeriod } from '../../shared/domain/statistics';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead, rpc } from './pages';

/** The printed pages as PNG images beside the PDF (test-results/<name>-<n>.png), to look at. */
function pageImages(pdfName: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', join('test-results', pdfName), join('test-results', pdfName.replace(/\.pdf$/, ''))]);
}

test('the head lands on 工作台, opens the monthly report, clicks a figure for its named list and prints the report', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhang', displayName: '张局长', roles: ['局领导/中心主任'], password: 'Temp-pass-1' });
  // The administrator, also at the window, registers 李四 and accepts his 失业登记.
  const person = await rpc<{ id: number }>(page, 'persons.register', { idNumber: '32050619920115004X', name: '李四', phone: '13912345678' });
  const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    personId: person.id, caseType: 'unemployment_registration', form: { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' }, documents: ['id_card', 'self_declaration'],
  });
  const accepted = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
  await logOut(page);

  await logInWithForcedChange(page, 'zhang', 'Temp-pass-1', 'Zhang-own-pass-9');
  await expect(page.getByRole('heading', { name: '工作台', exact: true })).toBeVisible();
  await expect(page.getByTestId('stat-在办业务')).toContainText('1');
  await expect(page.getByTestId('cases-by-staff')).toContainText('王管理');
  await page.screenshot({ path: 'test-results/reports-dashboard.png', fullPage: true });
  const inReview = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: accepted.id, version: accepted.version, action: 'start_review' });
  await rpc(page, 'cases.transition', { id: inReview.id, version: inReview.version, action: 'approve' });

  const period = periodOf(officeDate(new Date()));
  await page.getByRole('link', { name: '报表' }).click();
  await page.goto(`${host.url}#/reports?period=${period}`);
  await expect(page.getByTestId('report-period')).toContainText(formatPeriodChinese(reportPeriod(period)));
  // The 报告期 picker shows its whole text (2026年11月（2026年10月21日至2026年11月20日）), not cut off.
  const periodBox = page.getByRole('textbox', { name: '报告期' }).or(page.getByRole('combobox', { name: '报告期' })).first();
  await expect(periodBox).toHaveValue(new RegExp(`（${formatPeriodChinese(reportPeriod(period))}）$`));
  expect(await periodBox.evaluate((box: HTMLInputElement) => box.scrollWidth <= box.clientWidth)).toBe(true);
  await expect(page.getByTestId('figure-registered_unemployed')).toHaveText('1');
  await page.getByLabel('城镇从业人员数（人）').fill('999');
  await page.getByLabel('城镇调查失业率（%）').fill('5.1');
  await page.getByRole('button', { name: '保存外部数据' }).click();
  await expect(page.getByTestId('main-figures')).toContainText('0.10%');
  await page.screenshot({ path: 'test-results/reports-monthly.png', fullPage: true });

  await page.getByTestId('figure-new_unemployment').click();
  const list = page.getByTestId('named-list');
  await expect(list).toContainText('李四');
  await expect(list).toContainText('3205**********004X');
  await expect(list).toContainText('139****5678');
  await page.screenshot({ path: 'test-results/reports-named-list.png', fullPage: true });
  const listText = await printAndRead(page, 'named-list.pdf');
  // A name, an ID number and a date each print on one line, not a character per line.
  expect(listText).toMatch(/序号\s+姓名\s+性别\s+年龄\s+身份证号\s+手机号码\s+文化程度\s+居住乡镇（街道）\s+业务编号\s+办结日期\n/);
  expect(listText).toMatch(/李四\s+女\s+\d+\s+3205\*{10}004X\s+139\*{4}5678\s+其他或未填\s+—\s+320506-2026-00001\s+\d{4}-\d{2}-\d{2}\n/);
  expect(listText).toContain('第1页共1页');

  await page.getByRole('link', { name: '返回月报' }).click();
  await expect(page.getByTestId('figure-registered_unemployed')).toHaveText('1');
  const printed = await printAndRead(page, 'monthly-report.pdf');
  const text = printed.replace(/\s+/g, '');
  expect(text).toContain(`报告期：${formatPeriodChinese(reportPeriod(period))}`);
  expect(text).toContain('吴中区人力资源和社会保障局');
  expect(text).toContain('期末登记失业人数1人');
  expect(text).toContain('城镇登记失业率0.10%');
  expect(text).toMatch(/制表人.*审核人.*负责人/);
  expect(text).toContain('第1页');
  // The report's 13-period charts print on a page of their own after the signatures, each with its title.
  const pages = printed.split('\f').map((p) => p.replace(/\s+/g, ''));
  const chartsPage = pages.findIndex((p) => p.includes('主要指标走势'));
  expect(chartsPage).toBeGreaterThan(pages.findIndex((p) => /制表人/.test(p)));
  for (const title of ['期末登记失业人数', '本期新增失业登记', '新增就业人员', '求人倍率', '批准补贴申请人数']) expect(pages[chartsPage]).toContain(title);
  pageImages('monthly-report.pdf');

  // 工作台's charts: 13 periods ending with this one; this period's bar opens the named list behind it.
  await page.goto(`${host.url}#/dashboard`);
  const charts = page.getByTestId('trend-charts');
  await expect(charts.getByTestId('chart-new_unemployment').getByRole('link')).toHaveCount(13);
  await expect(charts.getByRole('link', { name: `${period} 期末登记失业人数 1人` })).toBeVisible();
  await page.screenshot({ path: 'test-results/reports-dashboard-charts.png', fullPage: true });
  await charts.getByRole('link', { name: `${period} 本期新增失业登记 1人` }).click();
  await expect(page.getByTestId('named-list-title')).toContainText('本期新增失业登记人数');
  await expect(page.getByTestId('named-list')).toContainText('李四');
  await page.goBack();
  // A breakdown bar opens its list: the open cases by state (nothing is open now), the key groups.
  await expect(page.getByTestId('chart-cases-by-state').getByRole('link')).toHaveCount(4);
  await page.getByTestId('chart-cases-by-state').getByRole('link', { name: '在办业务 已受理 0件' }).click();
  await expect(page.getByRole('heading', { name: '在办业务 · 已受理' })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('chart-key-groups').getByRole('link')).toHaveCount(9);
  await expect(page.getByTestId('chart-vacancies-by-group').getByRole('link')).toHaveCount(8);
  await page.screenshot({ path: 'test-results/reports-dashboard-charts-all.png', fullPage: true });
  // Printed: the charts alone, on landscape pages, each title readable; the day's tables stay off the paper.
  const chartsText = (await printAndRead(page, 'dashboard-charts.pdf')).replace(/[ \t\n]+/g, '');
  for (const title of ['主要指标走势', '期末登记失业人数', '本期新增失业登记', '新增就业人员', '求人倍率', '批准补贴申请人数', '在办业务（按状态）', '超期业务（按经办人）', '在招岗位招聘人数（按职业大类）', '重点群体人数']) expect(chartsText).toContain(title);
  expect(chartsText).not.toContain('在办/超期业务');
  expect(chartsText).toContain('第1页共');
  pageImages('dashboard-charts.pdf');
});
