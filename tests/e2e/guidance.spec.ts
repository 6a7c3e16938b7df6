import Database from 'better-sqlite3';
import { readKeyFile } from '../../db/keys';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

test('a counselor records a session with a plan item, refers to a vacancy, finds the follow-up on her list and records 录用', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'sun', displayName: '孙指导', roles: ['职业指导员'], password: 'Temp-pass-3' });
  // The person and the employer's vacancy, registered at the window (王管理 is also front desk).
  const person = await rpc<{ id: number }>(page, 'persons.register', { idNumber: '320102199003071239', name: '张三', phone: '13912345678', confirmNotDuplicate: true });
  const enterprise = await rpc<{ id: number }>(page, 'enterprises.register', { creditCode: '91320506MARJT2FQ52', name: '苏州吴中精工机械有限公司' });
  await rpc(page, 'vacancies.create', { enterpriseId: enterprise.id, source: 'walk_in', occupationCode: '4-02-06', title: '仓库管理员', openings: 2, validFrom: officeDay(-10), validTo: officeDay(60) });
  await logOut(page);

  await logInWithForcedChange(page, 'sun', 'Temp-pass-3', 'Sun-own-pass-9');
  await page.goto(`${host.url}#/persons/${person.id}`);
  const section = page.getByTestId('guidance-section');
  await section.getByRole('button', { name: '记录职业指导' }).click();
  const form = page.getByRole('form', { name: '记录职业指导' });
  await form.getByLabel('时长（分钟）').fill('45');
  // Enter in the topics list picks the topic and never saves the half-filled form.
  await form.getByRole('combobox', { name: '指导内容' }).fill('求职');
  await form.getByRole('combobox', { name: '指导内容' }).press('Enter');
  await form.getByRole('combobox', { name: '指导内容' }).fill('培训');
  await form.getByRole('combobox', { name: '指导内容' }).press('Enter');
  await expect(page.getByTestId('guidance-saved')).toHaveCount(0);
  await form.getByLabel('指导情况').fill('想找离家近的仓储工作，需接送孩子');
  // 职业 by name or pinyin over the 大典's major groups, or a full code the counselor knows, taken as typed.
  const occupation = form.getByRole('combobox', { name: '求职意向（职业代码）' });
  await occupation.fill('shsc');
  await expect(page.getByRole('option', { name: '4 社会生产服务和生活服务人员' })).toBeVisible();
  await occupation.fill('4-02-06');
  await occupation.press('Enter');
  await expect(occupation).toHaveValue('职业代码 4-02-06（社会生产服务和生活服务人员）');
  await form.getByRole('combobox', { name: '就业障碍' }).fill('照料');
  await form.getByRole('combobox', { name: '就业障碍' }).press('Enter');
  await form.getByRole('button', { name: '添加计划事项' }).click();
  await form.getByRole('textbox', { name: '事项 1' }).fill('修改简历并投递两家仓储企业');
  await form.getByLabel('完成期限').fill(officeDay(5));
  await form.screenshot({ path: 'test-results/guidance-session-form.png' });
  await form.getByLabel('完成期限').press('Enter');
  await expect(page.getByTestId('guidance-saved')).toContainText('已保存指导记录，已安排回访');
  await expect(page.getByTestId('guidance-sessions')).toContainText('求职技巧、培训建议');
  await expect(page.getByTestId('plan-item')).toContainText('修改简历并投递两家仓储企业（本人');

  await section.getByRole('button', { name: '推荐' }).click();
  const referral = page.getByRole('form', { name: '推荐' });
  await referral.getByRole('combobox', { name: '推荐岗位' }).fill('仓库');
  await expect(page.getByRole('option', { name: /仓库管理员/ })).toBeVisible();
  await referral.getByRole('combobox', { name: '推荐岗位' }).press('Enter');
  await expect(referral.getByRole('combobox', { name: '推荐岗位' })).toHaveValue('仓库管理员（苏州吴中精工机械有限公司）');
  await referral.getByRole('button', { name: '保存推荐' }).click();
  await expect(page.getByTestId('guidance-saved')).toContainText('已保存推荐');
  await page.screenshot({ path: 'test-results/guidance-profile.png', fullPage: true });

  // Days later (the host's clock cannot move): the referral's follow-up falls due today.
  const raw = new Database(host.dbPath, { fileMustExist: true });
  raw.pragma(`key = "x'${readKeyFile(host.keyFile).toString('hex')}'"`);
  raw.prepare("update guidance_follow_ups set due_on = ? where reason = 'referral'").run(officeDay());
  raw.close();

  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByText('职业指导回访').click();
  const due = page.getByTestId('guidance-follow-ups-due');
  await expect(due.getByRole('row')).toHaveCount(4);
  const todayRow = due.getByRole('row', { name: /推荐后回访/ });
  await expect(todayRow).toContainText('今天');
  await expect(todayRow).toContainText('岗位推荐：苏州吴中精工机械有限公司 · 仓库管理员（已推荐）');
  await page.screenshot({ path: 'test-results/guidance-due-list.png', fullPage: true });

  // She calls the employer and records 录用 on the profile; the window is told to file the 就业登记.
  await todayRow.getByRole('link', { name: '张三' }).click();
  const outcome = page.getByRole('form', { name: /推荐结果：苏州吴中精工机械有限公司/ });
  await outcome.getByRole('combobox', { name: '推荐结果' }).click();
  await page.getByRole('option', { name: '录用', exact: true }).click();
  await outcome.getByRole('textbox', { name: '单位答复' }).fill('下周一上岗');
  await outcome.getByRole('button', { name: '记录' }).click();
  await expect(page.getByTestId('employment-proposal')).toContainText('请转前台办理就业登记');
  await expect(page.getByTestId('guidance-referrals')).toContainText('录用');
  await expect(page.getByText(`岗位推荐：苏州吴中精工机械有限公司 · 仓库管理员 → 录用（${officeDay()}）`)).toBeVisible();
  await page.screenshot({ path: 'test-results/guidance-hired.png', fullPage: true });

  // A call-back by hand: a day in the past is refused in Chinese, with the field in focus; a later one is kept.
  await section.getByRole('button', { name: '安排回访' }).click();
  const schedule = page.getByRole('dialog', { name: '安排回访：张三' });
  await schedule.getByLabel('回访日期').fill(officeDay(-1));
  await schedule.getByLabel('回访日期').press('Enter');
  await expect(schedule.getByText(`回访日期不能早于最近一次指导或推荐的日期（${officeDay()}）`)).toBeVisible();
  await expect(schedule.getByLabel('回访日期')).toBeFocused();
  await schedule.screenshot({ path: 'test-results/guidance-schedule-refused.png' });
  await schedule.getByLabel('回访日期').fill(officeDay(3));
  await schedule.getByLabel('回访日期').press('Enter');
  await expect(page.getByTestId('guidance-saved')).toHaveText(`已安排 ${officeDay(3)} 回访。`);
  await page.getByRole('link', { name: '职业指导' }).click();
  await page.getByText('职业指导回访').click();
  await expect(due.getByRole('row')).toHaveCount(4);
});
