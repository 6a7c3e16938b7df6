import { describe, expect, it } from 'vitest';
import type { GuidanceEventView, GuidanceProfile, GuidanceReferralView, VacancyView } from '../../shared/contract';
import { actOk, colleagues, createCase, registerPerson } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27.
describe('画像: where a person stands, from one read', () => {
  it('shows the registration and its days, the services with their outcomes, the open plan items and the last contact', () => {
    const ready = readyDesk();
    const { sunli, lina, liuyang } = colleagues(ready, ['sunli', 'lina', 'liuyang']);
    const personId = registerPerson(ready);
    const empty = expectOk<GuidanceProfile>(sunli.call('guidance.profile', { personId }));
    expect(empty).toMatchObject({ registration: null, services: [], policies: [], openPlanItemsTotal: 0, lastContact: null, employmentStatus: '未就业（未登记失业）' });

    const draft = createCase(ready.call, personId);
    const inReview = actOk(lina.call, actOk(ready.call, draft, 'accept'), 'start_review');
    actOk(lina.call, inReview, 'approve');
    expectOk(sunli.call('guidance.recordSession', {
      personId, sessionDate: '2026-11-26', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'],
      planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-12-02' }],
    }));
    const enterprise = registerEnterprise(ready);
    const post = expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: enterprise.id, source: 'walk_in', occupationCode: '4-02-06', title: '仓库管理员', openings: 2, validFrom: '2026-11-01', validTo: '2026-12-31' }));
    const { referral } = expectOk<{ referral: GuidanceReferralView }>(sunli.call('guidance.refer', { personId, kind: 'vacancy', vacancyId: post.id, referredOn: '2026-11-27' }));
    expectOk(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'hired', onDate: '2026-11-27' }));
    const event = expectOk<GuidanceEventView>(sunli.call('guidance.createEvent', { kind: 'workshop', title: '职业规划工作坊', eventDate: '2026-11-27', startTime: '14:00', place: '培训室', capacity: 20 }));
    expectOk(liuyang.call('guidance.eventCheckIn', { eventId: event.id, idNumber: ZHANG_SAN.idNumber }));

    const p = expectOk<GuidanceProfile>(lina.call('guidance.profile', { personId }));
    expect(p.employmentStatus).toBe('登记失业');
    expect(p.registration).toEqual({ since: '2026-11-27', days: 0 });
    expect(p.services).toEqual([
      { label: '职业指导', count: 1, outcome: null },
      { label: '推荐', count: 1, outcome: '录用/已参加 1' },
      { label: '团体指导活动', count: 1, outcome: null },
    ]);
    expect(p.openPlanItems).toEqual([{ description: '修改简历', dueOn: '2026-12-02' }]);
    expect(p.lastContact).toEqual({ on: '2026-11-27', what: '团体指导活动', daysAgo: 0 });
    expect(expectError(lina.call('guidance.profile', { personId: 9999 }), 'NOT_FOUND').message).toBe('没有编号为 9999 的人员档案');
  });
});
