import { describe, expect, it } from 'vitest';
import type { InForceCase, WelfarePlacementView, WelfarePostView } from '../../shared/contract';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM, cases } from './contacts-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, LI_XIUYING, rows, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27.
const POST = { employerName: '长桥街道办事处', title: '社区保洁员', positions: 2, periodFrom: '2026-01-01', periodTo: '2029-12-31', monthlySubsidyFen: 186_000 };

function writes(ready: ReadyDesk): string {
  return ['welfare_posts', 'welfare_placements', 'audit_log', 'exchange_changes'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('公益性岗位: only certified 就业困难人员 are placed, and they leave when the certification ends or the term is up', () => {
  it('places a certified person for three years, refuses an uncertified one in Chinese with nothing written, and ends the placement the day the certification is withdrawn', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const certified = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, certified, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const uncertified = registerPerson(ready, ZHANG_SAN);
    const post = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', POST));

    const before = writes(ready);
    const refused = expectError(sunli.call('welfarePosts.hire', { postId: post.id, personId: uncertified, hiredOn: '2026-11-27' }), 'BAD_INPUT');
    expect(refused.message).toBe('安置人员：此人没有有效的就业困难人员认定：公益性岗位只能安置经认定的就业困难人员，请先办理就业困难人员认定');
    expect(refused.fields).toHaveProperty('personId');
    const backwards = expectError(sunli.call('welfarePosts.createPost', { ...POST, periodFrom: '2027-01-01', periodTo: '2026-12-31' }), 'BAD_INPUT');
    expect(backwards.message).toBe('开发期限止：开发期限止不能早于开发期限起（2027-01-01）');
    expect(writes(ready)).toBe(before);

    const placed = expectOk<WelfarePlacementView>(sunli.call('welfarePosts.hire', { postId: post.id, personId: certified, hiredOn: '2026-11-27' }));
    expect(placed).toMatchObject({ personName: '李秀英', hiredOn: '2026-11-27', plannedEndOn: '2029-11-26', untilRetirement: false, endedOn: null });
    expect(expectError(sunli.call('welfarePosts.hire', { postId: post.id, personId: certified, hiredOn: '2026-11-27' }), 'BAD_INPUT').message).toBe('安置人员：此人已在公益性岗位“社区保洁员”，不能同时安置两个岗位');

    // November from the 27th: 4 of 30 days of 1,860 元 = 248 元; December whole.
    expect(expectOk<{ totalFen: number }>(sunli.call('welfarePosts.subsidies', { month: '2026-11' })).totalFen).toBe(24_800);
    expect(expectOk<{ totalFen: number }>(sunli.call('welfarePosts.subsidies', { month: '2026-12' })).totalFen).toBe(186_000);

    // The reviewer withdraws the certification on 12-10; the next daily check ends the placement on that day.
    advanceDays(ready, 13, [lina, sunli]);
    const cert = cases(lina.call, certified).find((m) => m.caseType === 'difficulty_certification')!;
    expectOk<InForceCase>(lina.call('certifications.exit', { caseId: cert.caseId, version: cert.version, reason: 'moved_out', onDate: '2026-12-10' }));
    const { ended } = expectOk<{ ended: WelfarePlacementView[] }>(sunli.call('welfarePosts.checkDaily', {}));
    expect(ended.map((p) => [p.personName, p.endedOn, p.endReasonLabel])).toEqual([['李秀英', '2026-12-10', '就业困难人员认定终止']]);
    expect(expectOk<{ ended: WelfarePlacementView[] }>(sunli.call('welfarePosts.checkDaily', {})).ended).toEqual([]);
    // December is paid for the 10 days in post.
    expect(expectOk<{ totalFen: number }>(sunli.call('welfarePosts.subsidies', { month: '2026-12' })).totalFen).toBe(60_000);
    expect(expectOk<WelfarePostView[]>(sunli.call('welfarePosts.list', {}))[0]).toMatchObject({ filled: 0 });
    // A post developed for less than three years bounds the placement: it ends with the post.
    const shortPost = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', { ...POST, title: '公园巡查员', periodTo: '2027-06-30' }));
    const second = registerPerson(ready, { idNumber: idNumber('320506', '1980-04-02', '026'), name: '孙红' });
    approve(ready, lina, second, 'difficulty_certification', { ...CERT_FORM, validFrom: '2026-12-10' }, CERT_DOCS);
    expect(expectOk<WelfarePlacementView>(sunli.call('welfarePosts.hire', { postId: shortPost.id, personId: second, hiredOn: '2026-12-10' })).plannedEndOn).toBe('2027-06-30');
    // The province receives the post with its placement.
    expect(rows(ready, "select count(*) as n from exchange_changes where entity = 'welfare_posts'")[0]!.n).toBeGreaterThan(2);
  });

  it('keeps someone within 5 years of retirement until the day before retirement, and reminds staff 30 days before the end', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    // A man born 1968-03-15 retires at 60 years 10 months (birth months since 1965-01: 38, ⌊38/4⌋ + 1 = 10) on 2029-01-15:
    // within 5 years of it on 2026-11-27, so he stays to 2029-01-14 rather than three years to 2029-11-26.
    const older = registerPerson(ready, { idNumber: idNumber('320506', '1968-03-15', '015'), name: '钱老汉' });
    approve(ready, lina, older, 'difficulty_certification', { ...CERT_FORM, validTo: '2030-12-31' }, CERT_DOCS);
    const post = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', POST));
    const placed = expectOk<WelfarePlacementView>(sunli.call('welfarePosts.hire', { postId: post.id, personId: older, hiredOn: '2026-11-27' }));
    expect(placed).toMatchObject({ untilRetirement: true, plannedEndOn: '2029-01-14' });
    const retirement = placed.plannedEndOn;
    expect(expectOk<WelfarePlacementView[]>(sunli.call('welfarePosts.reminders', {}))).toEqual([]);
    // 30 days before the planned end it is on the reminder list; after it, the daily check ends it.
    const days = Math.round((Date.parse(retirement) - Date.parse('2026-11-27')) / 86_400_000);
    advanceDays(ready, days - 30, [lina, sunli]);
    expect(expectOk<WelfarePlacementView[]>(sunli.call('welfarePosts.reminders', {})).map((p) => p.personName)).toEqual(['钱老汉']);
    advanceDays(ready, 31, [lina, sunli]);
    const { ended } = expectOk<{ ended: WelfarePlacementView[] }>(sunli.call('welfarePosts.checkDaily', {}));
    expect(ended.map((p) => [p.endedOn, p.endReasonLabel])).toEqual([[retirement, '安置期满']]);
  });
});
