import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackageBytes } from '../../shared/exchange/package-bytes';
import { feedFiles } from '../../shared/exchange/province-feed';
import { skillUpgradeV2, vocationalTrainingV2 } from '../fixtures/issued-policies';
import { expect, test } from './host-fixture';
import { completeFirstRun, logIn, registerPerson } from './pages';

function provinceCli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { encoding: 'utf8' });
}

const LI_SI = '32050619920115004X';

test('the administrator imports the province\'s feed on the 数据交换 page; the profile shows 已在XX登记失业 with the date of the province\'s data', async ({ page, host }) => {
  const province = join(host.dir, 'province');
  provinceCli('province', 'keygen', '--out', province);
  await page.goto(host.url);
  await completeFirstRun(page, { city: '苏州市', county: '吴中区（320506）', username: 'admin', displayName: '王管理', password: 'Admin-2026-pass', alsoFrontDesk: true });
  await logIn(page, 'admin', 'Admin-2026-pass');
  await registerPerson(page, { idNumber: LI_SI, name: '李四', phone: '13912345678' });
  const profileUrl = page.url();

  await page.getByRole('link', { name: '数据交换' }).click();
  await page.getByRole('tab', { name: '密钥与设置' }).click();
  await page.getByLabel('生成原因').fill('首次对接省级系统');
  await page.getByRole('button', { name: '生成本县密钥' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '生成' }).click();
  await expect(page.getByTestId('county-fingerprint')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入省级公钥…' }).click();
  await (await chooser).setFiles(join(province, 'province.pub'));
  await expect(page.getByTestId('province-fingerprint')).toBeVisible();

  // The province's feed for 吴中区: 李四 registered unemployed in 昆山市, paid a subsidy there.
  const countyKey = join(host.dir, 'county.pub');
  provinceCli('keys', 'export', '--db', host.dbPath, '--key-file', host.keyFile, '--out', countyKey);
  const county = JSON.parse(readFileSync(countyKey, 'utf8')) as { keyId: string; publicKey: string };
  const signer = JSON.parse(readFileSync(join(province, 'province.key'), 'utf8')) as { code: string; keyId: string; privateKey: string };
  const asOf = '2026-11-28T02:00:00.000Z';
  const feed = buildPackageBytes(
    { sender: signer, recipients: [county], sequence: 1, previousHash: null, createdAt: asOf, changeRange: { from: 1, to: 1 }, schemaVersion: 1 },
    feedFiles({
      meta: { county: '320506', asOf },
      statuses: [{ idNumber: LI_SI, county: '320583', kind: 'unemployment_registration', since: '2026-09-01' }],
      subsidies: [{ idNumber: LI_SI, county: '320583', policyCode: 'flexible_social_insurance', policyName: '灵活就业社会保险补贴', periodFrom: '2026-07', periodTo: '2026-09', amountFen: 360000 }],
      policies: [skillUpgradeV2, vocationalTrainingV2].map((d) => ({ code: d.code, version: d.version, issuedAt: asOf, definition: d as unknown as Record<string, unknown> })),
      receipts: [],
    }),
  );
  const feedFile = join(host.dir, '320000-320506-00000001.jyf');
  writeFileSync(feedFile, feed.bytes);

  await page.getByRole('tab', { name: '导出与历史' }).click();
  const feedChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入省级下发数据…' }).click();
  await (await feedChooser).setFiles(feedFile);
  await expect(page.getByTestId('province-feed-status')).toContainText('已导入到第 1 号');
  await page.getByTestId('province-feed').screenshot({ path: test.info().outputPath('province-feed-panel.png') });

  // The policy versions the feed brought: reviewed (changes, test cases run here), the failing one blocked, the passing one activated.
  const issued = page.getByTestId('province-policies');
  const training = issued.getByRole('button', { name: /职业培训补贴 省级第2版/ });
  await training.click();
  await expect(issued.getByTestId('province-policy-blocked')).toHaveText('有 1 个测试用例未通过，不能启用');
  await training.click();
  await issued.getByRole('button', { name: /技能提升补贴 省级第2版/ }).click();
  await expect(issued.getByTestId('province-policy-changes').first()).toContainText('金额公式已修改');
  await issued.screenshot({ path: test.info().outputPath('province-policies-panel.png') });
  await issued.getByRole('button', { name: '启用省级第2版' }).click();
  await page.getByRole('dialog').getByLabel('启用原因（必填）').fill('按省厅通知执行');
  await page.getByRole('dialog').getByRole('button', { name: '确认启用' }).click();
  await expect(issued.getByText('已启用（本县第2版）')).toBeVisible();
  // The same feed again: refused, with the reason.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入省级下发数据…' }).click();
  await (await again).setFiles(feedFile);
  await expect(page.getByText(/\[REPLAY\]/)).toBeVisible();

  await page.goto(profileUrl);
  const standing = page.getByTestId('cross-county-standing');
  await expect(standing).toContainText('已在苏州市昆山市登记失业');
  await expect(standing).toContainText('已在苏州市昆山市享受灵活就业社会保险补贴（2026-07 至 2026-09，3,600元）');
  await expect(standing).toContainText('据省级数据，截至');
  await page.screenshot({ path: test.info().outputPath('profile-cross-county.png'), fullPage: true });
});
