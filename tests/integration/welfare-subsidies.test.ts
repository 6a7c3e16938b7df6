import { describe, expect, it } from 'vitest';
import type { EntitlementView, TimelineSection, PaymentBatchView, WelfarePostView, WelfareSubsidyMonth } from '../../shared/contract';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM } from './contacts-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, LI_XIUYING, rows } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27.
const POST = { employerName: '长桥街道办事处', title: '社区保洁员', positions: 2, periodFrom: '2026-01-01', periodTo: '2029-12-31', monthlySubsidyFen: 186_000 };

function writes(ready: ReadyDesk): string {
  return ['payment_entitlements', 'welfare_subsidy_months', 'audit_log'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('公益性岗位补贴: the month list prorated by days in post, recorded once for 资金兑付', () => {
  it('lists November (4 of 30 days) and pays it to the employer unit through a batch, refuses the running and a future month and a second recording, writing nothing', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const street = registerEnterprise(ready, { name: '长桥街道办事处' });
    const li = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, li, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const sun = registerPerson(ready, { idNumber: idNumber('320506', '1980-04-02', '026'), name: '孙红' });
    approve(ready, lina, sun, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const post = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', { ...POST, enterpriseId: street.id }));
    const park = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', { ...POST, title: '公园巡查员', monthlySubsidyFen: 150_000 }));
    expectOk(sunli.call('welfarePosts.hire', { postId: post.id, personId: li, hiredOn: '2026-11-27' }));
    expectOk(sunli.call('welfarePosts.hire', { postId: park.id, personId: sun, hiredOn: '2026-11-27' }));

    // 李秀英 from 11-27: 4 of 30 days of 1,860 元 = 248 元; 孙红 from 11-27 too: 4 of 30 days of 1,500 元 = 200 元.
    const november = expectOk<WelfareSubsidyMonth>(sunli.call('welfarePosts.subsidies', { month: '2026-11' }));
    expect(november.lines.map((l) => [l.personName, l.postTitle, l.amountFen, l.entitlementId])).toEqual([['李秀英', '社区保洁员', 24_800, null], ['孙红', '公园巡查员', 20_000, null]]);
    expect(november.totalFen).toBe(44_800);

    const before = writes(ready);
    expect(expectError(sunli.call('welfarePosts.recordSubsidies', { month: '2026-11' }), 'BAD_INPUT').message).toBe('补贴月份：补贴月份2026-11尚未结束：公益性岗位补贴按在岗天数计发，月末后方可记入应发');
    expect(expectError(sunli.call('welfarePosts.recordSubsidies', { month: '2027-01' }), 'BAD_INPUT').message).toBe('补贴月份：补贴月份（2027-01）不能晚于本月（2026-11）：公益性岗位补贴按在岗天数计发，不能预发');
    expect(expectError(sunli.call('welfarePosts.recordSubsidies', { month: '2026-13' }), 'BAD_INPUT').message).toContain('月份格式应为 YYYY-MM');
    expect(writes(ready)).toBe(before);

    // In December, November is over: recorded once, the street office paid for its post, 孙红 (post without a registered unit) herself.
    advanceDays(ready, 5, [lina, sunli]);
    const recorded = expectOk<WelfareSubsidyMonth>(sunli.call('welfarePosts.recordSubsidies', { month: '2026-11' }));
    expect(recorded).toMatchObject({ recordedCount: 2, recordedFen: 44_800 });
    const again = writes(ready);
    expect(expectError(sunli.call('welfarePosts.recordSubsidies', { month: '2026-11' }), 'CONFLICT').message).toBe('2026-11的公益性岗位补贴已全部记入应发（2人），不能重复记入');
    expect(writes(ready)).toBe(again);

    const owed = expectOk<{ items: EntitlementView[] }>(lina.call('payments.entitlements', { status: 'unpaid' })).items;
    expect(owed.map((e) => [e.payee.name, e.policyCode, e.periodText, e.amountFen, e.basisReason]).sort()).toEqual([
      ['孙红', 'public_welfare_post', '2026年11月', 20_000, '公益性岗位“公园巡查员”2026-11按在岗天数折算（岗位补贴每月1,500.00元）'],
      ['长桥街道办事处', 'public_welfare_post', '2026年11月', 24_800, '公益性岗位“社区保洁员”2026-11按在岗天数折算（岗位补贴每月1,860.00元）'],
    ]);
    expectOk(lina.call('payments.setAccount', { payeeKind: 'enterprise', payeeId: street.id, accountNumber: '6222020200077777777', bankName: '农业银行吴中支行' }));
    expectOk(lina.call('payments.setAccount', { payeeKind: 'person', payeeId: sun, accountNumber: '6222020200088888888', bankName: '农业银行吴中支行' }));
    const batch = expectOk<{ batch: PaymentBatchView }>(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-12' })).batch;
    expect(batch).toMatchObject({ count: 2, totalFen: 44_800 });
    // 孙红's profile shows the placement on the timeline.
    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: sun })).find((s) => s.kind === 'welfarePosts')!;
    expect(timeline.events.map((e) => [e.at, e.title, e.detail])).toEqual([['2026-11-27', '公益性岗位上岗：长桥街道办事处 公园巡查员', '安置期至 2029-11-26']]);
    // The province receives the months with their post.
    expect(rows(ready, 'select count(*) as n from exchange_changes where entity = ? and entity_id = ?', 'welfare_posts', post.id)[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
