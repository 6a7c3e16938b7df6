import { describe, expect, it } from 'vitest';
import type { CounselorDesk, GuidanceReferralView, VacancyView } from '../../shared/contract';
import { advanceDays, colleagues } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { idNumber, register } from './registry-helpers';

describe('我的工作台 for a counselor', () => {
  it('shows her due follow-ups, open plan items, caseload, referrals awaiting an answer and this month’s outcomes — and nobody else’s', () => {
    const ready = readyDesk();
    const { sunli, zhouqiang } = colleagues(ready, ['sunli', 'zhouqiang']);
    const enterprise = registerEnterprise(ready);
    const vacancy = expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: enterprise.id, source: 'walk_in', occupationCode: '4-02-06', title: '仓库管理员', openings: 2, validFrom: '2026-11-01', validTo: '2026-12-31' }));
    const zhang = register(ready, { idNumber: idNumber('320506', '1990-05-12', '013'), name: '张三', employmentStatus: 'unemployed_registered' });
    const li = register(ready, { idNumber: idNumber('320506', '1992-01-15', '004'), name: '李秀英', employmentStatus: 'unemployed_registered' });
    for (const p of [zhang, li]) {
      expectOk(sunli.call('guidance.recordSession', { personId: p.id, sessionDate: '2026-11-26', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'], planItems: [{ description: `${p.name}修改简历`, owner: 'person', dueOn: '2026-11-30' }] }));
    }
    const toZhang = expectOk<{ referral: GuidanceReferralView }>(sunli.call('guidance.refer', { personId: zhang.id, kind: 'vacancy', vacancyId: vacancy.id, referredOn: '2026-11-27' })).referral;
    expectOk(sunli.call('guidance.refer', { personId: li.id, kind: 'training', targetName: '电工培训班', referredOn: '2026-11-27' }));
    expectOk(sunli.call('guidance.recordReferralOutcome', { id: toZhang.id, version: toZhang.version, state: 'hired', onDate: '2026-11-27' }));
    // The head records one of her own: it is not on 孙丽's desk.
    expectOk(zhouqiang.call('guidance.recordSession', { personId: li.id, sessionDate: '2026-11-27', durationMinutes: 20, mode: 'phone', topics: ['policy_advice'], planItems: [{ description: '主任的事项', owner: 'counselor', dueOn: '2026-12-01' }] }));
    advanceDays(ready, 3, [sunli, zhouqiang]);

    const desk = expectOk<CounselorDesk>(sunli.call('guidance.desk', {}));
    expect(desk.today).toBe('2026-11-30');
    expect(desk.followUps.map((f) => [f.personName, f.reasonLabel, f.dueOn])).toEqual([['张三', '计划到期回访', '2026-11-30'], ['李秀英', '计划到期回访', '2026-11-30']]);
    expect(desk.planItems.map((i) => [i.personName, i.description, i.dueOn])).toEqual([['张三', '张三修改简历', '2026-11-30'], ['李秀英', '李秀英修改简历', '2026-11-30']]);
    expect(desk.caseload).toEqual([
      { band: '3个月以内', persons: 0 }, { band: '3–6个月', persons: 0 }, { band: '6–12个月', persons: 0 }, { band: '1年以上', persons: 0 }, { band: '未见失业登记记录', persons: 2 },
    ]);
    expect(desk.awaiting.map((r) => [r.personName, r.target, r.waitingDays])).toEqual([['李秀英', '电工培训班', 3]]);
    expect(desk.outcomesThisMonth.find((o) => o.code === 'hired')).toEqual({ code: 'hired', label: '录用', count: 1 });
    expect(expectOk<CounselorDesk>(zhouqiang.call('guidance.desk', {})).planItems.map((i) => i.description)).toEqual(['主任的事项']);
  });

  it('is refused to the front desk, who records no guidance', () => {
    const ready = readyDesk();
    const { liuyang } = colleagues(ready, ['liuyang']);
    expectError(liuyang.call('guidance.desk', {}), 'FORBIDDEN');
  });
});
