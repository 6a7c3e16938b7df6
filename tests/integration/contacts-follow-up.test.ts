import { describe, expect, it } from 'vitest';
import type { ContactView, FollowUpDueItem, InForceCase, TimelineSection } from '../../shared/contract';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { approve, contact, cases, writes } from './contacts-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { ZHANG_LI, rows } from './registry-helpers';

type FollowUps = { items: FollowUpDueItem[]; total: number; overdue: number };

describe('联系记录 (contacts with a person)', () => {
  it('are recorded by a counselor and listed newest first, paged, on the profile and in the timeline', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const personId = registerPerson(ready);
    const before = lastAuditId(ready);
    const first = expectOk<ContactView>(contact(sunli.call, personId, { contactDate: '2026-11-20', kind: 'counseling', channel: 'visit', content: '职业指导：简历修改', outcome: '约定下周再谈' }));
    expect(first).toMatchObject({ kindLabel: '职业指导', channelLabel: '来访', staffName: '孙丽', outcome: '约定下周再谈' });
    expectOk(contact(sunli.call, personId, { contactDate: '2026-11-26', kind: 'job_referral', content: '推荐仓库管理员岗位' }));
    const page1 = expectOk<{ items: ContactView[]; total: number }>(ready.call('contacts.listForPerson', { personId, pageSize: 1 }));
    expect(page1.total).toBe(2);
    expect(page1.items.map((c) => c.contactDate)).toEqual(['2026-11-26']);
    // The audit names the act and the kind, never the words of the conversation.
    const audit = storedAudit(ready, before);
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['contacts.record', '孙丽'], ['contacts.record', '孙丽']]);
    expect(JSON.stringify(audit)).not.toContain('简历');
    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: personId }));
    expect(timeline.find((s) => s.kind === 'counseling')!.events.map((e) => e.title)).toEqual(['职业指导（来访，2026-11-20）']);
    expect(timeline.find((s) => s.kind === 'referrals')!.events.map((e) => e.title)).toEqual(['岗位推荐（电话，2026-11-26）']);
    // Exported on their own: each contact is one change of entity person_contacts, not of the person.
    expect(rows(ready, "select count(*) as n from exchange_changes where entity = 'person_contacts'")[0]!.n).toBe(2);
  });

  it('refuses a future date, a date before birth, a vacancy on a non-referral and a reviewer, in Chinese and writing nothing', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const personId = registerPerson(ready);
    const before = writes(ready);
    expect(expectError(contact(sunli.call, personId, { contactDate: '2026-11-28' }), 'BAD_INPUT')).toMatchObject({ message: '联系日期：联系日期不能晚于今天', fields: { contactDate: '联系日期不能晚于今天' } });
    expect(expectError(contact(sunli.call, personId, { contactDate: '1990-05-11' }), 'BAD_INPUT').message).toContain('不能早于本人出生日期');
    expect(expectError(contact(sunli.call, personId, { contactDate: '2026-02-30' }), 'BAD_INPUT').fields).toHaveProperty('contactDate');
    expect(expectError(contact(sunli.call, personId, { vacancyId: 1 }), 'BAD_INPUT').message).toContain('只有岗位推荐才填写推荐岗位');
    expect(expectError(contact(sunli.call, personId, { content: '  ' }), 'BAD_INPUT').fields).toHaveProperty('content');
    expect(expectError(contact(lina.call, personId), 'FORBIDDEN').message).toMatch(/[\u4e00-\u9fff]/);
    expect(writes(ready)).toBe(before);
  });
});

describe('待跟踪联系 (the follow-up due after 失业登记)', () => {
  it('is due 5 working days from acceptance, highlighted when overdue, and satisfied by the first contact on or after acceptance', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const zhang = registerPerson(ready);
    const li = registerPerson(ready, ZHANG_LI);
    // A contact before the registration does not count.
    ready.clock.advanceMinutes(1);
    expectOk(contact(sunli.call, zhang, { contactDate: '2026-11-26' }));
    approve(ready, lina, zhang);
    approve(ready, lina, li);
    // Friday 2026-11-27: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
    expect(cases(ready.call, zhang)[0]).toMatchObject({ followUpDue: '2026-12-04', followedUpOn: null, status: 'in_force' } satisfies Partial<InForceCase>);
    const due = () => expectOk<FollowUps>(sunli.call('contacts.followUpsDue', {}));
    expect(due()).toMatchObject({ total: 2, overdue: 0 });
    expect(due().items.map((i) => [i.personName, i.followUpDue, i.overdue])).toEqual([['张三', '2026-12-04', false], ['张丽', '2026-12-04', false]]);

    advanceDays(ready, 8, [lina, sunli]); // Saturday 12-05: one day late
    expect(due()).toMatchObject({ total: 2, overdue: 2 });
    expect(due().items.every((i) => i.overdue)).toBe(true);
    expectOk(contact(sunli.call, zhang, { contactDate: '2026-12-05', content: '电话回访：仍在求职' }));
    expect(due().items.map((i) => i.personName)).toEqual(['张丽']);
    expect(cases(ready.call, zhang)[0]!.followedUpOn).toBe('2026-12-05');
    // A 职业指导 session is contact too: the counselor sat with 张丽, so she leaves the list.
    expectOk(sunli.call('guidance.recordSession', { personId: li, sessionDate: '2026-12-05', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'], notes: null, planItems: [] }));
    expect(due().items).toEqual([]);
    expect(cases(ready.call, li)[0]!.followedUpOn).toBe('2026-12-05');
  });
});
