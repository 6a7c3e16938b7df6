import { describe, expect, it } from 'vitest';
import type { InForceCase, NoContactProposal, PersonView } from '../../shared/contract';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { advanceDays, colleagues, EMPLOYMENT_DOCS, EMPLOYMENT_FORM, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM, contact, cases, writes } from './contacts-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, ZHANG_LI, rows } from './registry-helpers';

type Proposals = { items: NoContactProposal[]; total: number; cutoff: string };
const status = (ready: ReturnType<typeof readyDesk>, id: number) => expectOk<PersonView>(ready.call('persons.get', { id })).employmentStatus;
const tags = (ready: ReturnType<typeof readyDesk>, id: number) => expectOk<PersonView>(ready.call('persons.get', { id })).keyGroups.map((t) => t.code);

describe('注销 of an unemployment registration', () => {
  it('records reason, day and actor on the registration, sets the status by the reason, deletes nothing, and is audited', () => {
    const ready = readyDesk();
    const { lina, liuyang } = colleagues(ready, ['lina', 'liuyang']);
    const personId = registerPerson(ready);
    approve(ready, lina, personId);
    const reg = cases(ready.call, personId)[0]!;
    const before = writes(ready);
    const cancel = (call: typeof ready.call, extra: Record<string, unknown>) => call('registrations.cancel', { caseId: reg.caseId, version: reg.version, reason: 'school_military_emigration', onDate: '2026-11-27', ...extra });
    expect(expectError(cancel(liuyang.call, { version: reg.version - 1 }), 'CONFLICT').message).toBe('该失业登记已被他人办理或修改，请刷新后重试');
    expect(expectError(cancel(liuyang.call, { onDate: '2026-11-28' }), 'BAD_INPUT').message).toBe('注销日期：注销日期不能晚于今天');
    expect(expectError(cancel(liuyang.call, { onDate: '2026-11-26' }), 'BAD_INPUT').message).toContain('不能早于登记日期（2026-11-27）');
    expect(expectError(cancel(liuyang.call, { reason: 'local_rule', note: ' ' }), 'BAD_INPUT').message).toBe('以“地方规定的其他情形”注销须填写说明');
    expect(expectError(cancel(liuyang.call, { reason: 'no_contact_6_months' }), 'FORBIDDEN').message).toBe('以“连续6个月未与公共就业服务机构联系”为由注销须由审核员或局领导/中心主任办理');
    expect(writes(ready)).toBe(before);

    const auditFrom = lastAuditId(ready);
    const ended = expectOk<InForceCase>(cancel(liuyang.call, { note: '应征入伍' }));
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-11-27', endReason: 'school_military_emigration', endReasonLabel: '入学、服兵役或移居境外', endNote: '应征入伍', endedByName: '刘洋' });
    expect(status(ready, personId)).toBe('not_in_labour_force');
    expect(rows(ready, 'select count(*) as n from cases where id = ?', reg.caseId)[0]!.n).toBe(1);
    expect(storedAudit(ready, auditFrom).filter((a) => a.action !== 'persons.view').map((a) => [a.action, a.actorName, a.entityId])).toEqual([['registrations.cancel', '刘洋', String(reg.caseId)]]);
    // Cancelled once: a second 注销 is refused.
    expect(expectError(cancel(liuyang.call, { version: ended.version }), 'CONFLICT').message).toBe('该失业登记已于2026-11-27注销');
    // And the person may register again.
    approve(ready, lina, personId);
    expect(status(ready, personId)).toBe('unemployed_registered');
  });

  it('is what an approved 就业登记 does to the registration in force (one code path), keeping a certification', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, personId);
    approve(ready, lina, personId, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    expect(tags(ready, personId)).toContain('employment_difficulty');
    approve(ready, lina, personId, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS);
    const [cert, reg] = [cases(ready.call, personId).find((m) => m.caseType === 'difficulty_certification')!, cases(ready.call, personId).find((m) => m.caseType === 'unemployment_registration')!];
    expect(reg).toMatchObject({ status: 'ended', endReason: 'employed', endReasonLabel: '实现就业', endedByName: '李娜' });
    expect(reg.endNote).toMatch(/^就业登记批准（320506-2026-\d{5}）$/);
    // Work is not an exit from 就业困难人员 status (public-welfare posts and hiring subsidies rest on it).
    expect(cert.status).toBe('in_force');
    expect(tags(ready, personId)).toContain('employment_difficulty');
    expect(status(ready, personId)).toBe('employed');
  });

  it('for a reason other than work, exits the person’s active certification (registration_cancelled) and removes the tag', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, personId);
    approve(ready, lina, personId, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const reg = cases(ready.call, personId).find((m) => m.caseType === 'unemployment_registration')!;
    expectOk(ready.call('registrations.cancel', { caseId: reg.caseId, version: reg.version, reason: 'stopped_seeking', onDate: '2026-11-27' }));
    const cert = cases(ready.call, personId).find((m) => m.caseType === 'difficulty_certification')!;
    expect(cert).toMatchObject({ status: 'ended', endReason: 'registration_cancelled', endReasonLabel: '失业登记已注销', endedOn: '2026-11-27' });
    expect(tags(ready, personId)).not.toContain('employment_difficulty');
  });
});

describe('连续6个月未联系 → proposed 注销, confirmed by a reviewer', () => {
  it('lists registrations silent for 6 months, refuses the reason before then and to the front desk, and a contact dismisses a proposal', () => {
    const ready = readyDesk();
    const { lina, sunli, liuyang } = colleagues(ready, ['lina', 'sunli', 'liuyang']);
    const zhang = registerPerson(ready);
    const li = registerPerson(ready, ZHANG_LI);
    const xiuying = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, zhang);
    approve(ready, lina, li);
    approve(ready, lina, xiuying);
    const reg = cases(ready.call, zhang)[0]!;
    const confirm = (call: typeof ready.call, version = reg.version) =>
      call('registrations.cancel', { caseId: reg.caseId, version, reason: 'no_contact_6_months', onDate: ready.clock.read().toISOString().slice(0, 10) });
    const proposals = () => expectOk<Proposals>(lina.call('registrations.noContactProposals', {}));
    expect(proposals().total).toBe(0);
    expect(expectError(confirm(lina.call), 'CONFLICT').message).toBe('最近一次联系或登记在2026-11-27，未满连续6个月未联系，不能以此为由注销');

    // 2026-11-27 + 6 months = 2027-05-27; the day before (2027-05-26) only a contact on 11-26 would be due.
    advanceDays(ready, 180, [lina, sunli, liuyang]);
    expect(proposals()).toMatchObject({ total: 0, cutoff: '2026-11-26' });
    advanceDays(ready, 1, [lina, sunli, liuyang]);
    expect(proposals().items.map((p) => [p.personName, p.registeredOn, p.lastContactOn, p.countedFrom])).toEqual([
      ['张三', '2026-11-27', null, '2026-11-27'],
      ['张丽', '2026-11-27', null, '2026-11-27'],
      ['李秀英', '2026-11-27', null, '2026-11-27'],
    ]);
    // Dismissed by recording a contact, or by a 职业指导 session (the counselor sat with her: she is in touch).
    expectOk(contact(sunli.call, li, { contactDate: '2027-05-27', content: '电话联系上，仍在求职' }));
    expectOk(sunli.call('guidance.recordSession', { personId: xiuying, sessionDate: '2027-05-27', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'], notes: null, planItems: [] }));
    expect(proposals().items.map((p) => p.personName)).toEqual(['张三']);

    const before = writes(ready);
    expect(expectError(confirm(liuyang.call), 'FORBIDDEN').message).toContain('须由审核员或局领导/中心主任办理');
    expect(writes(ready)).toBe(before);
    const ended = expectOk<InForceCase>(confirm(lina.call));
    expect(ended).toMatchObject({ status: 'ended', endReason: 'no_contact_6_months', endedByName: '李娜', endedOn: '2027-05-27' });
    expect(status(ready, zhang)).toBe('unemployed_unregistered');
    expect(proposals().total).toBe(0);
  });
});
