import { describe, expect, it } from 'vitest';
import type { CaseView, GuidanceForPerson, GuidanceReferralView } from '../../shared/contract';
import { colleagues, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { rows } from './registry-helpers';

type Referred = { referral: GuidanceReferralView };

function counts(ready: ReadyDesk): string {
  return ['guidance_referrals', 'cases', 'audit_log'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('推荐 → 补贴申请: a subsidy referral opens a prefilled draft at the window', () => {
  it('names the 补贴目录 item, and the window opens the 补贴申请 draft with it once', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const personId = registerPerson(ready);
    const { referral } = expectOk<Referred>(sunli.call('guidance.refer', { personId, kind: 'subsidy', subsidyCode: 'flexible_social_insurance', referredOn: '2026-11-27' }));
    expect(referral).toMatchObject({ kindLabel: '补贴申请推荐', subsidyCode: 'flexible_social_insurance', caseId: null });
    expect(referral.target).toMatch(/灵活就业/);

    // Counselors do not prepare cases; the window does.
    expect(expectError(sunli.call('guidance.openSubsidyApplication', { referralId: referral.id }), 'FORBIDDEN').code).toBe('FORBIDDEN');
    const draft = expectOk<CaseView>(liuyang.call('guidance.openSubsidyApplication', { referralId: referral.id }));
    expect(draft).toMatchObject({ caseType: 'subsidy_application', state: 'draft', personId });
    expect(draft.form.subsidyCode).toBe('flexible_social_insurance');
    const after = expectOk<GuidanceForPerson>(sunli.call('guidance.forPerson', { personId })).referrals[0]!;
    expect(after.caseId).toBe(draft.id);

    const before = counts(ready);
    expect(expectError(liuyang.call('guidance.openSubsidyApplication', { referralId: referral.id }), 'CONFLICT').message).toBe(`已为该推荐生成过补贴申请（业务编号 ${draft.id}）`);
    expect(counts(ready)).toBe(before);
  });

  it('refuses an item a person cannot apply for, an unknown item, and an item on another kind of referral, writing nothing', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const personId = registerPerson(ready);
    const before = counts(ready);
    const base = { personId, kind: 'subsidy', referredOn: '2026-11-27' };
    expect(expectError(sunli.call('guidance.refer', { ...base, subsidyCode: 'hiring_one_time' }), 'BAD_INPUT').message).toMatch(/^补贴项目：“.+”只能由单位申请$/);
    expect(expectError(sunli.call('guidance.refer', { ...base, subsidyCode: 'no_such_item' }), 'BAD_INPUT').message).toBe('补贴项目：“no_such_item”不在补贴目录中');
    expect(expectError(sunli.call('guidance.refer', { ...base, kind: 'training', subsidyCode: 'flexible_social_insurance' }), 'BAD_INPUT').message).toBe('补贴项目：只有补贴申请推荐才选择补贴项目');
    expect(counts(ready)).toBe(before);
    // A subsidy referral typed by name only is kept, but the window makes its application by hand.
    const { referral } = expectOk<Referred>(sunli.call('guidance.refer', { ...base, targetName: '县里的临时补贴' }));
    expect(expectError(liuyang.call('guidance.openSubsidyApplication', { referralId: referral.id }), 'CONFLICT').message).toContain('没有选择补贴目录中的项目');
  });
});
