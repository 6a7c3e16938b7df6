import type { Page } from '@playwright/test';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { expect, test } from './host-fixture';
import { completeFirstRun, createUser, logIn, logInWithForcedChange, logOut, printAndRead, registerPerson, rpc } from './pages';

/** A 1×1 PNG and a one-page PDF, as a phone photo and a scanner hand them in. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Opens a case's page inside the running app (the session stays). */
async function openCase(page: Page, id: number): Promise<void> {
  await page.evaluate((caseId) => {
    location.hash = `#/cases/${caseId}`;
  }, id);
  await expect(page.getByTestId('case-state')).toBeVisible();
}

test('the front desk attaches a photo and a scan, views them, and the refusal and certification notices print', async ({ page, host }) => {
  const today = officeDate(new Date());
  // The viewer's blob: frame and image must pass the page's Content Security Policy.
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) blocked.push(m.text());
  });
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await createUser(page, { username: 'zhao', displayName: '赵审核', roles: ['审核员'], password: 'Temp-pass-2' });
  await registerPerson(page, { idNumber: '32050619920115004X', name: '李四' });
  const personId = Number(page.url().match(/persons\/(\d+)/)![1]);

  // A draft with the ID seen at the window; the signed declaration comes as a photo.
  await page.getByTestId('quick-actions').getByRole('link', { name: '失业登记' }).click();
  await page.getByLabel('失业日期').fill('2026-11-01');
  await page.getByRole('combobox', { name: '失业原因' }).click();
  await page.getByRole('option', { name: '劳动合同期满终止' }).click();
  await page.getByRole('radio', { name: '否' }).click();
  await page.getByRole('checkbox', { name: /身份证/ }).check();
  await page.getByRole('checkbox', { name: /告知承诺书/ }).uncheck();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('草稿');

  // The draft's form is edited on its own page.
  await page.getByTestId('edit-draft').getByLabel('求职意向').fill('仓储管理');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存表单和材料')).toBeVisible();

  // Typing in the form is not lost when a file arrives meanwhile.
  await page.getByTestId('edit-draft').getByLabel('培训意向').fill('叉车');
  await page.getByRole('combobox', { name: '对应材料' }).click();
  await page.getByRole('option', { name: '告知承诺书', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles({ name: '告知承诺书.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: '上传附件' }).click();
  await expect(page.getByText('告知承诺书：已收')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /告知承诺书/ })).toBeChecked();
  await expect(page.getByTestId('edit-draft').getByLabel('培训意向')).toHaveValue('叉车');

  // A program renamed to .pdf is refused by its content, naming the file.
  await page.getByRole('combobox', { name: '对应材料' }).click();
  await page.getByRole('option', { name: '其他材料' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: '证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
  await page.getByRole('button', { name: '上传附件' }).click();
  await expect(page.getByTestId('attachment-upload-error')).toContainText('文件“证明.pdf”不是 PDF、JPG 或 PNG 文件');
  await page.locator('input[type=file]').setInputFiles({ name: '解除劳动合同证明.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: '上传附件' }).click();
  await expect(page.getByTestId('attachments').getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: '查看 告知承诺书.png' }).click();
  const image = page.getByTestId('attachment-image');
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '查看 解除劳动合同证明.pdf' }).click();
  await expect(page.getByTestId('attachment-pdf')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByText('SHA-256 已核对')).toBeVisible();
  await page.screenshot({ path: 'test-results/case-attachment-viewer.png' });
  expect(blocked).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  await page.screenshot({ path: 'test-results/case-attachments.png', fullPage: true });
  const caseId = Number(page.url().match(/cases\/(\d+)/)![1]);

  // A certification accepted at the window too, for the second notice.
  const draft = await rpc<{ id: number; version: number }>(page, 'cases.create', {
    personId,
    caseType: 'difficulty_certification',
    form: { category: 'long_term_unemployed', validFrom: '2026-12-01', validTo: '2027-11-30' },
    documents: ['id_card', 'difficulty_application'],
  });
  const certification = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
  await logOut(page);

  // Another colleague decides: a refusal with its reason, printed as 不予批准告知书.
  await logInWithForcedChange(page, 'zhao', 'Temp-pass-2', 'Zhao-own-pass-9');
  await openCase(page, caseId);
  await page.getByRole('button', { name: '开始审核' }).click();
  await page.getByRole('button', { name: '不予批准', exact: true }).click();
  await page.getByLabel('意见（必填）').fill('经核查，申请人已在其他县办理失业登记');
  await page.getByRole('button', { name: '确认不予批准' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('不予批准');
  await page.getByRole('link', { name: '打印不予批准告知书' }).click();
  const refusal = (await printAndRead(page, 'refusal-notice.pdf')).replace(/\s+/g, '');
  await page.screenshot({ path: 'test-results/refusal-notice.png', fullPage: true });
  expect(refusal).toContain('吴中区人力资源和社会保障局');
  expect(refusal).toContain('不予批准告知书');
  expect(refusal).toContain('理由：经核查，申请人已在其他县办理失业登记');
  expect(refusal).toContain('60日内依法申请行政复议，或者6个月内依法提起行政诉讼');
  expect(refusal).toContain(`我局于${formatChineseDate(today)}决定不予批准`);

  const reviewing = await rpc<{ id: number; version: number }>(page, 'cases.transition', { id: certification.id, version: certification.version, action: 'start_review' });
  await rpc(page, 'cases.transition', { id: reviewing.id, version: reviewing.version, action: 'approve' });
  await openCase(page, certification.id);
  await page.getByRole('link', { name: '打印认定结果通知' }).click();
  const notice = (await printAndRead(page, 'certification-notice.pdf')).replace(/\s+/g, '');
  await page.screenshot({ path: 'test-results/certification-notice.png', fullPage: true });
  expect(notice).toContain('就业困难人员认定结果通知');
  expect(notice).toContain('连续失业1年以上人员');
  expect(notice).toContain('2026年12月1日至2027年11月30日');
  expect(notice).toContain(formatChineseDate(today));
});
