import { describe, expect, it } from 'vitest';
import type { GuidanceGroupCharts, GuidanceGroupMember } from '../../shared/contract';
import { actOk, advanceDays, colleagues, createCase, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27.
describe('群体画像: the head sees the registered unemployed by barrier and by duration, each bar with its named list', () => {
  it('counts each registered person under the barriers of the latest session and the band of days registered', () => {
    const ready = readyDesk();
    const { sunli, lina, zhouqiang, liuyang } = colleagues(ready, ['sunli', 'lina', 'zhouqiang', 'liuyang']);
    const register = (input: Record<string, unknown>) => {
      const personId = registerPerson(ready, input);
      actOk(lina.call, actOk(lina.call, actOk(ready.call, createCase(ready.call, personId), 'accept'), 'start_review'), 'approve');
      return personId;
    };
    const zhang = register(ZHANG_SAN);
    register(LI_XIUYING);
    const session = (barriers: string[], sessionDate: string) => expectOk(sunli.call('guidance.recordSession', { personId: zhang, sessionDate, durationMinutes: 30, mode: 'window', topics: ['job_search_skills'], assessment: { barriers } }));
    session(['health'], '2026-11-27');
    advanceDays(ready, 100, [sunli, lina, zhouqiang, liuyang]);
    // The latest session decides: care duties and transport, no longer health.
    session(['care_duties', 'transport'], '2027-03-05');
    const charts = expectOk<GuidanceGroupCharts>(zhouqiang.call('guidance.groupCharts', {}));
    expect(charts.total).toBe(2);
    expect(charts.byBarrier.map((b) => [b.label, b.count])).toEqual([['照料家庭', 1], ['交通不便', 1], ['未做评估', 1]]);
    expect(charts.byDuration.map((b) => [b.label, b.count])).toEqual([['3个月以内', 0], ['3–6个月', 2], ['6–12个月', 0], ['1年以上', 0]]);
    const list = expectOk<{ title: string; items: GuidanceGroupMember[]; total: number }>(zhouqiang.call('guidance.groupList', { dimension: 'barrier', key: 'care_duties' }));
    expect(list.title).toBe('就业障碍：照料家庭');
    expect(list.items.map((m) => [m.name, m.registeredOn, m.days])).toEqual([['张三', '2026-11-27', 100]]);
    expect(list.items[0]!.idNumberMasked).not.toContain(ZHANG_SAN.idNumber.slice(6, 14));
    // The head and reviewers read it; the front desk and counselors do not.
    expect(expectError(liuyang.call('guidance.groupCharts', {}), 'FORBIDDEN').code).toBe('FORBIDDEN');
  });
});
