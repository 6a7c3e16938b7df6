import { describe, expect, it } from 'vitest';
import type { InForceCase, PersonView } from '../../shared/contract';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM, cases, writes } from './contacts-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, namesFound } from './registry-helpers';

const hasTag = (ready: ReadyDesk, id: number) => expectOk<PersonView>(ready.call('persons.get', { id })).keyGroups.some((t) => t.code === 'employment_difficulty');
const certOf = (ready: ReadyDesk, id: number) => cases(ready.call, id).find((m) => m.caseType === 'difficulty_certification')!;

describe('就业困难人员认定 after approval: the key-group tag follows it', () => {
  it('adds the tag, takes it off while suspended and back on resumption, and removes it for good on exit', () => {
    const ready = readyDesk();
    const { lina, liuyang } = colleagues(ready, ['lina', 'liuyang']);
    const personId = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, personId, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    expect(hasTag(ready, personId)).toBe(true);
    let cert = certOf(ready, personId);
    expect(cert).toMatchObject({ status: 'in_force', reviewDue: '2027-11-27', category: 'zero_employment_family' });

    const step = (call: typeof ready.call, method: string, extra: Record<string, unknown>) => call(method, { caseId: cert.caseId, version: cert.version, onDate: '2026-11-27', ...extra });
    const before = writes(ready);
    expect(expectError(step(liuyang.call, 'certifications.suspend', { reason: 'under_verification' }), 'FORBIDDEN').message).toBe('暂停认定须由审核员或局领导/中心主任办理');
    expect(expectError(step(lina.call, 'certifications.suspend', { reason: 'under_verification', onDate: '2026-11-28' }), 'BAD_INPUT').message).toBe('暂停日期：暂停日期不能晚于今天');
    expect(expectError(step(lina.call, 'certifications.suspend', { reason: 'under_verification', version: cert.version + 1 }), 'CONFLICT').message).toContain('请刷新后重试');
    expect(expectError(step(lina.call, 'certifications.resume', {}), 'CONFLICT').message).toBe('该认定未暂停，无需恢复');
    expect(expectError(step(lina.call, 'certifications.suspend', { reason: 'nonsense' }), 'BAD_INPUT').fields).toHaveProperty('reason');
    expect(writes(ready)).toBe(before);

    advanceDays(ready, 3, [lina, liuyang]);
    cert = expectOk<InForceCase>(step(lina.call, 'certifications.suspend', { reason: 'short_term_work', onDate: '2026-11-30', note: '临时务工' }));
    expect(cert).toMatchObject({ status: 'suspended', suspendedOn: '2026-11-30', suspensionReason: 'short_term_work' });
    expect(hasTag(ready, personId)).toBe(false);
    expect(namesFound(ready, '', { filters: { keyGroup: 'employment_difficulty' } })).toEqual([]);

    cert = expectOk<InForceCase>(step(lina.call, 'certifications.resume', { onDate: '2026-11-30' }));
    expect(cert.status).toBe('in_force');
    expect(hasTag(ready, personId)).toBe(true);
    expect(namesFound(ready, '', { filters: { keyGroup: 'employment_difficulty' } })).toEqual(['李秀英']);

    cert = expectOk<InForceCase>(step(lina.call, 'certifications.exit', { reason: 'moved_out', onDate: '2026-11-30' }));
    expect(cert).toMatchObject({ status: 'ended', endReason: 'moved_out', endReasonLabel: '户籍迁出本地', endedByName: '李娜' });
    expect(cert.events.map((e) => e.label)).toEqual(['暂停认定', '恢复认定', '退出认定']);
    expect(hasTag(ready, personId)).toBe(false);
    expect(expectError(step(lina.call, 'certifications.resume', { onDate: '2026-11-30' }), 'CONFLICT').message).toBe('该就业困难人员认定已于2026-11-30退出');
    // Later days do not bring it back.
    advanceDays(ready, 40, [lina, liuyang]);
    expect(hasTag(ready, personId)).toBe(false);
  });

  it('expires by date without anyone acting, and leaves the list of reviews due', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, personId, 'difficulty_certification', { ...CERT_FORM, validTo: '2026-12-31' }, CERT_DOCS);
    const due = () => expectOk<{ items: InForceCase[]; total: number }>(lina.call('certifications.reviewsDue', { withinDays: 366 }));
    expect(due().items.map((m) => [m.personName, m.reviewDue])).toEqual([['李秀英', '2027-11-27']]);
    advanceDays(ready, 34, [lina]); // 2026-12-31: last valid day
    expect(hasTag(ready, personId)).toBe(true);
    advanceDays(ready, 1, [lina]);
    expect(hasTag(ready, personId)).toBe(false);
    expect(certOf(ready, personId).status).toBe('expired');
    expect(due().total).toBe(0);
  });

  it('takes an annual review at the window: the next one is due a year later, and the list counts only what falls due', () => {
    const ready = readyDesk();
    const { lina, liuyang } = colleagues(ready, ['lina', 'liuyang']);
    const personId = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, personId, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const due = (withinDays: number) => expectOk<{ items: InForceCase[]; total: number }>(liuyang.call('certifications.reviewsDue', { withinDays })).total;
    expect(due(30)).toBe(0);
    advanceDays(ready, 340, [lina, liuyang]); // 2027-11-02: due within 30 days
    expect(due(30)).toBe(1);
    const cert = certOf(ready, personId);
    const reviewed = expectOk<InForceCase>(liuyang.call('certifications.review', { caseId: cert.caseId, version: cert.version, onDate: '2027-11-02', note: '家庭情况未变' }));
    expect(reviewed).toMatchObject({ lastReviewedOn: '2027-11-02', reviewDue: '2028-11-02', status: 'in_force' });
    expect(due(30)).toBe(0);
    expect(hasTag(ready, personId)).toBe(true);
  });
});
