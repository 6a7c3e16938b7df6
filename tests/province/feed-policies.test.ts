import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishFeed } from '../../province/pg/feed';
import { issuePolicyVersion } from '../../province/pg/policies';
import { openPgReceiverStore } from '../../province/pg/store';
import type { PolicyVersionView, ProvinceFeedImportResult, ProvincePolicyVersionView } from '../../shared/contract';
import { skillUpgradeV2, vocationalTrainingV2 } from '../fixtures/issued-policies';
import { countyPublicKey } from '../integration/exchange-helpers';
import { expectError, expectOk, tempDir, type ReadyDesk } from '../integration/helpers';
import { countyDeskWithProvinceKey, importFeed as importFeedFile, PROVINCE } from './feed-helpers';
import { usePostgres } from './pg-server';

const server = usePostgres();

const A = '320506';
const B = '320583';

const county = (countyCode: string) => countyDeskWithProvinceKey(countyCode);
const importFeed = (ready: ReadyDesk, path: string) => expectOk<ProvinceFeedImportResult>(importFeedFile(ready, path));
const issued = (ready: ReadyDesk) => expectOk<ProvincePolicyVersionView[]>(ready.call('provinceFeed.policyVersions', {}));
const versions = (ready: ReadyDesk, code: string) => expectOk<PolicyVersionView[]>(ready.call('policies.get', { code }));

describe('policy versions issued by the province, through the feed', () => {
  it('a version issued to A arrives at A (not B) as pending, shows its changes and cases, and is activated; one whose cases fail is refused in Chinese', { timeout: 120_000 }, async () => {
    const dir = tempDir('feed-policies-');
    const a = county(A);
    const b = county(B);
    const store = await openPgReceiverStore(await server.freshDatabase());
    try {
      const now = new Date('2026-12-01T02:00:00Z');
      await issuePolicyVersion(store, { definition: skillUpgradeV2, counties: [A], now });
      await issuePolicyVersion(store, { definition: vocationalTrainingV2, counties: null, now });
      // The province refuses an unsound definition and a version issued twice.
      await expect(issuePolicyVersion(store, { definition: { ...skillUpgradeV2, version: 3, name: '' }, counties: null, now })).rejects.toThrow(/政策定义有误，不能下发：名称：必填/);
      await expect(issuePolicyVersion(store, { definition: skillUpgradeV2, counties: null, now })).rejects.toThrow(/第 2 版已经下发过/);

      const feeds = join(dir, 'feeds');
      const forA = await publishFeed(store, { county: A, province: PROVINCE, recipient: countyPublicKey(a), outDir: feeds, now });
      const forB = await publishFeed(store, { county: B, province: PROVINCE, recipient: countyPublicKey(b), outDir: feeds, now });
      expect([forA.policies, forB.policies]).toEqual([2, 1]);
      expect(importFeed(a, forA.path).policies).toBe(2);
      expect(importFeed(b, forB.path).policies).toBe(1);
      expect(issued(b).map((p) => p.code)).toEqual(['vocational_training']);

      // At A: both pending, the version in force unchanged until the administrator activates one.
      const atA = issued(a);
      const skill = atA.find((p) => p.code === 'skill_upgrade')!;
      const training = atA.find((p) => p.code === 'vocational_training')!;
      expect(skill).toMatchObject({ provinceVersion: 2, status: 'pending', activeVersion: 1, problems: [] });
      expect(skill.changes).toEqual(['政策依据（文号）：人力资源社会保障部、财政部关于失业保险支持参保职工提升职业技能有关问题的通知（文号待核）；江苏省标准（待核） → 苏人社发〔2026〕1号（省级下发，测试）', '金额公式已修改', '测试用例已修改（5项）']);
      expect(skill.cases.every((c) => c.passed)).toBe(true);
      expect(training.cases.filter((c) => !c.passed)).toEqual([{ name: '16岁生日当天（2026-05-01）：符合', on: '2026-05-01', expected: '符合 ¥1,000.00', got: '符合 ¥1,200.00', passed: false }]);
      expect(versions(a, 'skill_upgrade').map((v) => [v.version, v.status])).toEqual([[1, 'active']]);

      // Failing cases: refused with the case named, nothing changes.
      const refused = expectError(a.call('provinceFeed.activatePolicy', { id: training.id, reason: '按省厅通知执行' }), 'CONFLICT');
      expect(refused.message).toBe('省级下发的政策“职业培训补贴”第 2 版有 1 个测试用例未通过，不能启用：“16岁生日当天（2026-05-01）：符合”预期符合 ¥1,000.00，实际符合 ¥1,200.00');
      expect(versions(a, 'vocational_training').map((v) => [v.version, v.status])).toEqual([[1, 'active']]);
      expect(issued(a).find((p) => p.code === 'vocational_training')!.status).toBe('pending');

      // Passing cases: the county's version 2, in force; version 1 retired; the policy engine judges by it.
      const activated = expectOk<ProvincePolicyVersionView>(a.call('provinceFeed.activatePolicy', { id: skill.id, reason: '按省厅通知执行' }));
      expect(activated).toMatchObject({ status: 'activated', activatedVersion: 2, activeVersion: 2 });
      expect(versions(a, 'skill_upgrade').map((v) => [v.version, v.status])).toEqual([[2, 'active'], [1, 'retired']]);
      expect(versions(a, 'skill_upgrade')[0]!.definition.legalBasis).toBe('苏人社发〔2026〕1号（省级下发，测试）');
      expect(expectError(a.call('provinceFeed.activatePolicy', { id: skill.id, reason: '再次启用' }), 'CONFLICT').message).toMatch(/已启用（本县第 2 版），不能再启用/);

      // The next feed carries the same versions again: nothing new, the activated one stays activated.
      const second = await publishFeed(store, { county: A, province: PROVINCE, recipient: countyPublicKey(a), outDir: feeds, now: new Date('2026-12-02T02:00:00Z') });
      expect(importFeed(a, second.path).policies).toBe(0);
      expect(issued(a).map((p) => [p.code, p.status])).toEqual([['skill_upgrade', 'activated'], ['vocational_training', 'pending']].sort());
    } finally {
      await store.close();
    }
  });
});
