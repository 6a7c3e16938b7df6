import Database from 'better-sqlite3';
import { readKeyFile } from '../../db/keys';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

test('职业指导 acceptance: session with a referral, the follow-up on its day, 录用 on the profile, the citizen rates, the head reads it', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'sun', displayName: '孙指导', roles: ['职业指导员'], password: 'Temp-pass-3' });
  await createUser(page, { username: 'zhou', displayName: '周主任', roles: ['局领导/中心主任'], password: 'Temp-pass-4' });
  // The jobseeker with a registered intention, and two employers' vacancies (registered at the window).
  const person = await rpc<{ id: number }>(page, 'persons.register', {
    idNumber: '320102199003071239', name: '张三', phone: '13912345678', confirmNotDuplicate: true, employmentStatus: 'unemployed_registered',
    intendedOccupationCode: '4-02-06', intendedPlace: '木渎镇', intendedSalaryMinFen: 450000, educationCode: '60', residenceTownshipCode: '320506103',
  });
  const mudu = await rpc<{ id: number }>(page, 'enterprises.register', { creditCode: '91320506MARJT2FQ52', name: '苏州吴中精工机械有限公司', townshipCode: '320506103' });
  const other = await rpc<{ id: number }>(page, 'enterprises.register', { creditCode: '91320100MA1XY8129Y', name: '苏州长桥物流有限公司', townshipCode: '320506001' });
  const vacancy = await rpc<{ id: number }>(page, 'vacancies.create', { enterpriseId: mudu.id, source: 'walk_in', occupationCode: '4-02-06', title: '仓库管理员', openings: 2, salaryMinFen: 500000, salaryMaxFen: 650000, validFrom: officeDay(-10), validTo: officeDay(60) });
  await rpc(page, 'vacancies.create', { enterpriseId: other.id, source: 'walk_in', occupationCode: '4-02-01', title: '货运调度', openings: 1, salaryMinFen: 400000, validFrom: officeDay(-10), validTo: officeDay(60) });
  await rpc(page, 'vacancies.create', { enterpriseId: other.id, source: 'walk_in', occupationCode: '4-02-06', title: '物流主管', openings: 1, educationCode: '20', validFrom: officeDay(-10), validTo: officeDay(60) });
  await logOut(page);

  // The counselor: matching explains itself, then the session and the referral to the best match.
  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  await page.goto(`${host.url}#/persons/${person.id}`);
  const matches = page.getByTestId('person-matches');
  await matches.getByRole('button', { name: '匹配在招岗位' }).click();
  await expect(matches.getByTestId('vacancy-matches').getByRole('row').nth(1)).toContainText('仓库管理员');
  await expect(matches.getByTestId('vacancy-matches').getByRole('row').nth(1)).toContainText('100分');
  await expect(matches.getByTestId('match-filter')).toContainText('学历要求：本人学历（普通高中）低于岗位的学历要求，排除 1个岗位（物流主管');
  await matches.screenshot({ path: 'test-results/guidance-acceptance-matching.png' });

  const section = page.getByTestId('guidance-section');
  await section.getByRole('button', { name: '记录职业指导' }).click();
  const form = page.getByRole('form', { name: '记录职业指导' });
  await form.getByLabel('时长（分钟）').fill('30');
  await form.getByRole('combobox', { name: '指导内容' }).fill('求职');
  await form.getByRole('combobox', { name: '指导内容' }).press('Enter');
  await form.getByLabel('指导情况').fill('推荐木渎镇仓储岗位');
  await form.getByRole('button', { name: /保存/ }).click();
  await expect(page.getByTestId('guidance-saved')).toContainText('已保存指导记录');
  await section.getByRole('button', { name: '推荐' }).click();
  const referral = page.getByRole('form', { name: '推荐' });
  await referral.getByRole('combobox', { name: '推荐岗位' }).fill('仓库');
  await page.getByRole('option', { name: /仓库管理员/ }).click();
  await expect(referral.getByRole('combobox', { name: '推荐岗位' })).toHaveValue('仓库管理员（苏州吴中精工机械有限公司）');
  await referral.getByRole('button', { name: '保存推荐' }).click();
  await expect(page.getByTestId('guidance-saved')).toContainText('已保存推荐');

  // The referral's follow-up day comes (the host's clock is the real one: the follow-up is brought to today instead).
  const raw = new Database(host.dbPath, { fileMustExist: true });
  raw.pragma(`key = "x'${readKeyFile(host.keyFile).toString('hex')}'"`);
  raw.prepare("update guidance_follow_ups set due_on = ? where reason = 'referral'").run(officeDay());
  raw.close();
  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByText('职业指导回访').click();
  const todayRow = page.getByTestId('guidance-follow-ups-due').getByRole('row', { name: /推荐后回访/ });
  await expect(todayRow).toContainText('今天');
  await todayRow.getByRole('link', { name: '张三' }).click();

  // She records 录用; the profile shows it.
  const outcome = page.getByRole('form', { name: /推荐结果：苏州吴中精工机械有限公司/ });
  await outcome.getByRole('combobox', { name: '推荐结果' }).click();
  await page.getByRole('option', { name: '录用', exact: true }).click();
  await outcome.getByRole('button', { name: '记录' }).click();
  await expect(page.getByTestId('employment-proposal')).toContainText('请转前台办理就业登记');
  await expect(page.getByTestId('guidance-referrals')).toContainText('录用');
  await expect(page.getByText(`岗位推荐：苏州吴中精工机械有限公司 · 仓库管理员 → 录用（${officeDay()}）`)).toBeVisible();
  await page.screenshot({ path: 'test-results/guidance-acceptance-hired.png', fullPage: true });

  // Her desk counts the outcome of the month.
  await page.getByRole('link', { name: '职业指导' }).click();
  await expect(page.getByTestId('desk-outcomes')).toContainText('录用：1');
  await expect(page.getByTestId('desk-follow-ups')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/guidance-acceptance-desk.png', fullPage: true });
  await page.goto(`${host.url}#/persons/${person.id}`);

  // The citizen rates the session on the rating screen (no menus), by tapping.
  await page.getByTestId('guidance-sessions').getByRole('link', { name: '请群众评价' }).click();
  const screen = page.getByTestId('rating-screen');
  await expect(screen).toContainText('张*，您好！');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await screen.getByRole('radio', { name: '5分 非常满意' }).click();
  await screen.getByLabel('意见建议（可不填）').fill('孙老师很耐心，工作找到了');
  await page.screenshot({ path: 'test-results/guidance-acceptance-rating.png' });
  await screen.getByRole('button', { name: '提交评价' }).click();
  await expect(screen.getByRole('status')).toContainText('感谢您的评价！');
  await screen.getByRole('link', { name: '（工作人员）返回' }).click();
  await logOut(page);

  // The head reads it in the summary, by staff and with the comment.
  await logInWithForcedChange(page, 'zhou', 'Temp-pass-4', 'Zhou-own-pass-9');
  await page.getByRole('link', { name: '满意度' }).click();
  await expect(page.getByTestId('satisfaction-by-staff').getByRole('row', { name: /孙指导/ })).toContainText('1');
  await expect(page.getByTestId('satisfaction-comments')).toContainText('孙老师很耐心，工作找到了');
  await page.screenshot({ path: 'test-results/guidance-acceptance-summary.png', fullPage: true });

  // The vacancy's side: its jobseekers ranked, the hired one among them.
  await page.goto(`${host.url}#/enterprises/vacancies/${vacancy.id}/matches`);
  await expect(page.getByTestId('person-matches')).toContainText('张三');
  await page.screenshot({ path: 'test-results/guidance-acceptance-vacancy-matches.png', fullPage: true });
});
