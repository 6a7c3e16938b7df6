import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, officeDay, rpc } from './pages';

const CERTIFIED = '32050619920115004X';
const UNCERTIFIED = '320102199003071239';

test('a 公益性岗位 takes only a certified 就业困难人员, and the daily check ends the placement when the certification is withdrawn', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhou', displayName: '周主任', roles: ['局领导/中心主任'], password: 'Temp-pass-5' });
  const certified = await rpc<{ id: number }>(page, 'persons.register', { idNumber: CERTIFIED, name: '李秀英', phone: '15150309876', confirmNotDuplicate: true });
  await rpc(page, 'persons.register', { idNumber: UNCERTIFIED, name: '张三', phone: '13912345678', confirmNotDuplicate: true });
  const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    personId: certified.id, caseType: 'difficulty_certification',
    form: { category: 'zero_employment_family', validFrom: officeDay(), validTo: officeDay(365), evidenceNote: '社区证明' }, documents: ['id_card', 'difficulty_application', 'household_register'],
  });
  const accepted = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
  await logOut(page);

  await logInWithForcedChange(page, 'zhou', 'Temp-pass-5', 'Zhou-own-pass-9');
  const reviewing = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: accepted.id, version: accepted.version, action: 'start_review' });
  await rpc(page, 'cases.transition', { id: reviewing.id, version: reviewing.version, action: 'approve' });

  await page.getByRole('link', { name: '公益性岗位' }).click();
  await page.getByRole('button', { name: '开发岗位' }).click();
  const dialog = page.getByRole('dialog', { name: '开发公益性岗位' });
  await dialog.getByLabel('用人单位').fill('长桥街道办事处');
  await dialog.getByLabel('岗位名称').fill('社区保洁员');
  await dialog.getByLabel('开发期限起').fill(officeDay(-30));
  await dialog.getByLabel('开发期限止').fill(officeDay(1000));
  await dialog.getByLabel('岗位补贴（元/月）').fill('1860');
  await dialog.getByRole('button', { name: '保存' }).click();
  const post = page.getByTestId('welfare-post');
  await expect(post).toContainText('长桥街道办事处 · 社区保洁员');

  // An uncertified person is refused with the rule named; the certified one is placed for three years.
  await post.getByLabel('安置人员（身份证号）').fill(UNCERTIFIED);
  await post.getByRole('button', { name: '安置上岗' }).click();
  await expect(page.getByTestId('hire-error')).toContainText('此人没有有效的就业困难人员认定：公益性岗位只能安置经认定的就业困难人员');
  await page.screenshot({ path: 'test-results/welfare-refused.png', fullPage: true });
  await post.getByLabel('安置人员（身份证号）').fill(CERTIFIED);
  await post.getByRole('button', { name: '安置上岗' }).click();
  await expect(post.getByRole('row', { name: /李秀英/ })).toContainText('在岗');

  // The certification is withdrawn; the daily check ends the placement that day.
  const cert = (await rpc<Array<{ caseId: number; version: number; caseType: string }>>(page, 'registrations.forPerson', { personId: certified.id })).find((m) => m.caseType === 'difficulty_certification')!;
  await rpc(page, 'certifications.exit', { caseId: cert.caseId, version: cert.version, reason: 'moved_out', onDate: officeDay() });
  await page.getByRole('button', { name: '每日核验' }).click();
  await expect(post.getByRole('row', { name: /李秀英/ })).toContainText(`${officeDay()} 离岗：就业困难人员认定终止`);
  await expect(post).toContainText('在岗 0 / 1 人');
  await page.screenshot({ path: 'test-results/welfare-exit.png', fullPage: true });
});
