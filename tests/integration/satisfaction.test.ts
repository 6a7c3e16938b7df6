import { describe, expect, it } from 'vitest';
import type { GuidanceSessionView, RatedServiceView, SatisfactionRatingView, SatisfactionSummary } from '../../shared/contract';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { rows } from './registry-helpers';

const SESSION = { sessionDate: '2026-11-26', durationMinutes: 45, mode: 'window', topics: ['job_search_skills'] };

function writes(ready: ReadyDesk): string {
  return ['satisfaction_ratings', 'audit_log'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

function session(ready: ReadyDesk, call: ReadyDesk['call'], personId: number, extra: Record<string, unknown> = {}): GuidanceSessionView {
  return expectOk<{ session: GuidanceSessionView }>(call('guidance.recordSession', { personId, ...SESSION, ...extra })).session;
}

describe('满意度调查: the citizen rates a service; the head reads the summaries with the comments', () => {
  it('takes a rating at the window after a guidance session, credits the counselor, and the head sees it by staff, service type and month', () => {
    const ready = readyDesk();
    const { sunli, liuyang, zhouqiang } = colleagues(ready, ['sunli', 'liuyang', 'zhouqiang']);
    const personId = registerPerson(ready);
    const first = session(ready, sunli.call, personId);
    const second = session(ready, sunli.call, personId, { sessionDate: '2026-11-27', mode: 'phone', durationMinutes: 20 });

    const shown = expectOk<RatedServiceView>(liuyang.call('satisfaction.service', { serviceType: 'guidance_session', serviceId: first.id }));
    expect(shown).toMatchObject({ serviceTypeLabel: '职业指导', what: '职业指导（窗口，45分钟）', staffName: '孙丽', personNameMasked: '张*', servedOn: '2026-11-26', rating: null });
    const rated = expectOk<SatisfactionRatingView>(liuyang.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: first.id, rating: 5, comment: '讲得很细，简历改好了', channel: 'window' }));
    expect(rated).toMatchObject({ personId, staffName: '孙丽', rating: 5, ratingWord: '非常满意', channelLabel: '窗口评价器', ratedOn: '2026-11-27' });
    // By phone, a week later, the counselor takes the other one.
    advanceDays(ready, 7, [sunli, zhouqiang]);
    expectOk(sunli.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: second.id, rating: 2, channel: 'phone' }));

    const summary = expectOk<SatisfactionSummary>(zhouqiang.call('satisfaction.summary', {}));
    expect(summary.total).toEqual({ count: 2, average: 3.5, satisfiedPercent: 50, distribution: [0, 1, 0, 0, 1] });
    expect(summary.byStaff).toEqual([expect.objectContaining({ staffName: '孙丽', count: 2, average: 3.5 })]);
    expect(summary.byServiceType.find((s) => s.serviceType === 'guidance_session')).toMatchObject({ label: '职业指导', count: 2 });
    expect(summary.byServiceType.find((s) => s.serviceType === 'window_case')).toMatchObject({ count: 0, average: null });
    expect(summary.byMonth.map((m) => [m.month, m.count])).toEqual([['2026-11', 1], ['2026-12', 1]]);
    // The comment, and the low rating even without one, latest first.
    expect(summary.comments.map((c) => [c.rating, c.comment, c.channelLabel, c.what])).toEqual([
      [2, null, '电话回访', '职业指导（电话，20分钟）'],
      [5, '讲得很细，简历改好了', '窗口评价器', '职业指导（窗口，45分钟）'],
    ]);
  });

  it('refuses a rating of 6, a second rating of one service and a service that does not exist, in Chinese, writing nothing', () => {
    const ready = readyDesk();
    const { sunli, liuyang } = colleagues(ready, ['sunli', 'liuyang']);
    const s = session(ready, sunli.call, registerPerson(ready));
    const before = writes(ready);
    const six = expectError(liuyang.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: s.id, rating: 6, channel: 'window' }), 'BAD_INPUT');
    expect(six.message).toBe('满意度评分：应为1–5分（1 非常不满意，5 非常满意）');
    expect(six.fields).toHaveProperty('rating');
    expect(expectError(liuyang.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: 999, rating: 4, channel: 'window' }), 'BAD_INPUT').message).toBe('服务：没有这项职业指导服务记录');
    expect(writes(ready)).toBe(before);
    expectOk(liuyang.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: s.id, rating: 4, channel: 'window' }));
    const again = writes(ready);
    expect(expectError(liuyang.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: s.id, rating: 5, channel: 'phone' }), 'CONFLICT').message).toBe('这项服务已于 2026-11-27 评价过，每项服务只评价一次');
    expect(writes(ready)).toBe(again);
    expect(expectOk<RatedServiceView>(liuyang.call('satisfaction.service', { serviceType: 'guidance_session', serviceId: s.id })).rating).toBe(4);
  });

  it('lets the front desk and counselors take ratings and only the head read the summary', () => {
    const ready = readyDesk();
    const { sunli, liuyang, zhouqiang, lina } = colleagues(ready, ['sunli', 'liuyang', 'zhouqiang', 'lina']);
    const s = session(ready, sunli.call, registerPerson(ready));
    expect(expectError(lina.call('satisfaction.rate', { serviceType: 'guidance_session', serviceId: s.id, rating: 4, channel: 'window' }), 'FORBIDDEN')).toBeTruthy();
    for (const who of [liuyang, sunli, lina]) expectError(who.call('satisfaction.summary', {}), 'FORBIDDEN');
    expectOk(zhouqiang.call('satisfaction.summary', {}));
  });
});
