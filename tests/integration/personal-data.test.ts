import { describe, expect, it } from 'vitest';
import type { PersonAccessReport, PersonView, UserView } from '../../shared/contract';
import { activeUser, lastAuditId, listedUser, storedAudit } from './accounts-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { PERSON_A, PERSON_B } from './persons-data';

const A_PHONE = '13912345678';

function register(ready: ReadyDesk, input: Record<string, unknown>): PersonView {
  return expectOk<PersonView>(ready.call('persons.register', input));
}

describe('revealing a full ID number or phone', () => {
  it('returns the value and records who saw which field of whom, never the value itself', () => {
    const ready = readyDesk();
    const a = register(ready, PERSON_A);
    expect(a).toMatchObject({ idNumberMasked: '3205**********004X', phoneMasked: '139****5678' });

    const before = lastAuditId(ready);
    expect(expectOk(ready.call('persons.reveal', { id: a.id, field: 'idNumber' }))).toEqual({ value: PERSON_A.idNumber });
    expect(expectOk(ready.call('persons.reveal', { id: a.id, field: 'phone' }))).toEqual({ value: A_PHONE });
    const entries = storedAudit(ready, before);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ action: 'persons.reveal', entityType: 'person', entityId: String(a.id), actorUserId: 1, actorName: '王芳', detail: { field: 'idNumber' } });
    expect(entries[1]).toMatchObject({ action: 'persons.reveal', entityId: String(a.id), detail: { field: 'phone' } });
    expect(JSON.stringify(entries)).not.toContain(PERSON_A.idNumber);
    expect(JSON.stringify(entries)).not.toContain(A_PHONE);
  });

  it('hands out nothing when its audit entry cannot be written', () => {
    const ready = readyDesk();
    const a = register(ready, PERSON_A);
    // A fault in the audit log, e.g. a full disk: the reveal and its record go together or not at all.
    ready.desk.database().sqlite.exec(
      `CREATE TRIGGER test_audit_fault BEFORE INSERT ON audit_log WHEN NEW.action = 'persons.reveal'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = lastAuditId(ready);
    const result = ready.call('persons.reveal', { id: a.id, field: 'idNumber' });
    expectError(result, 'INTERNAL');
    expect(JSON.stringify(result)).not.toContain(PERSON_A.idNumber);
    expect(lastAuditId(ready)).toBe(before);
  });

  it('is refused without the reveal permission, and leaves no entry', () => {
    const ready = readyDesk();
    const a = register(ready, PERSON_A);
    const self = listedUser(ready, 'wangfang')!;
    expectOk<UserView>(ready.call('users.setRoles', { id: self.id, version: self.version, roles: ['admin'] }));
    const before = lastAuditId(ready);
    for (const field of ['idNumber', 'phone'] as const) {
      const result = ready.call('persons.reveal', { id: a.id, field });
      expectError(result, 'FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain(PERSON_A.idNumber);
    }
    expect(lastAuditId(ready)).toBe(before);
  });

  it('answers NOT_FOUND for an unknown person without an entry', () => {
    const ready = readyDesk();
    const before = lastAuditId(ready);
    expectError(ready.call('persons.reveal', { id: 999, field: 'idNumber' }), 'NOT_FOUND');
    expect(lastAuditId(ready)).toBe(before);
  });
});

describe('opening a profile', () => {
  it('records a persons.view entry for the person, showing only masked numbers', () => {
    const ready = readyDesk();
    const a = register(ready, PERSON_A);
    const before = lastAuditId(ready);
    const view = expectOk<PersonView>(ready.call('persons.get', { id: a.id }));
    expect(JSON.stringify(view)).not.toContain(PERSON_A.idNumber);
    expect(JSON.stringify(view)).not.toContain(A_PHONE);
    expect(storedAudit(ready, before)).toEqual([
      expect.objectContaining({ action: 'persons.view', entityType: 'person', entityId: String(a.id), actorName: '王芳' }),
    ]);
  });
});

describe('the personal-information access report (个人信息查询报告)', () => {
  function scenario() {
    const ready = readyDesk();
    const a = register(ready, PERSON_A);
    const b = register(ready, PERSON_B);
    expectOk(ready.call('persons.get', { id: a.id }));
    const counselor = activeUser(ready, 'liuyang', ['counselor'], '刘洋');
    expectOk(counselor.call('persons.get', { id: a.id }));
    expectOk(counselor.call('persons.reveal', { id: a.id, field: 'idNumber' }));
    expectOk(counselor.call('persons.get', { id: b.id }));
    expectOk(counselor.call('persons.reveal', { id: b.id, field: 'phone' }));
    ready.clock.advanceMinutes(3);
    expectOk(ready.call('persons.update', { id: a.id, version: 1, changes: { phone: '13700002222' }, reason: '本人要求更换号码' }));
    return { ready, a, b, counselor };
  }

  it('lists exactly who registered, viewed, revealed and corrected this person, and when', () => {
    const { ready, a } = scenario();
    const report = expectOk<PersonAccessReport>(ready.call('audit.personAccessReport', { personId: a.id }));
    expect(report).toMatchObject({
      personId: a.id,
      personName: '李秀英',
      idNumberMasked: '3205**********004X',
      countyName: '吴中区',
      generatedAt: '2026-11-27T02:03:00.000Z',
    });
    expect(report.entries.map((e) => [e.action, e.actorName, e.actionTitle])).toEqual([
      ['persons.register', '王芳', '登记人员'],
      ['persons.view', '王芳', '查看人员档案'],
      ['persons.view', '刘洋', '查看人员档案'],
      ['persons.reveal', '刘洋', '查看完整个人信息'],
      ['persons.update', '王芳', '更正人员信息'],
    ]);
    expect(report.entries.every((e) => e.entityId === String(a.id))).toBe(true);
    expect(report.entries.at(-1)).toMatchObject({ at: '2026-11-27T02:03:00.000Z', detail: { changedFields: ['phone'] } });
    expect(report.entries.find((e) => e.action === 'persons.reveal')?.detail).toEqual({ field: 'idNumber' });
    const text = JSON.stringify(report);
    for (const secret of [PERSON_A.idNumber, PERSON_B.idNumber, A_PHONE, '13700002222', PERSON_B.phone, '张丽']) expect(text).not.toContain(secret);
  });

  it('records its own generation, which the next report then shows', () => {
    const { ready, a, b } = scenario();
    const before = lastAuditId(ready);
    expectOk(ready.call('audit.personAccessReport', { personId: a.id }));
    expect(storedAudit(ready, before)).toEqual([
      expect.objectContaining({ action: 'audit.personAccessReport', entityType: 'person', entityId: String(a.id), actorName: '王芳' }),
    ]);
    const again = expectOk<PersonAccessReport>(ready.call('audit.personAccessReport', { personId: a.id }));
    expect(again.entries.at(-1)).toMatchObject({ action: 'audit.personAccessReport', actionTitle: '生成个人信息查询报告' });
    expect(again.entries).toHaveLength(6);
    // B's report knows nothing of A.
    const reportB = expectOk<PersonAccessReport>(ready.call('audit.personAccessReport', { personId: b.id }));
    expect(reportB.entries.map((e) => [e.action, e.actorName])).toEqual([
      ['persons.register', '王芳'],
      ['persons.view', '刘洋'],
      ['persons.reveal', '刘洋'],
    ]);
  });

  it('refuses an unknown person without recording anything', () => {
    const ready = readyDesk();
    const before = lastAuditId(ready);
    expectError(ready.call('audit.personAccessReport', { personId: 42 }), 'NOT_FOUND');
    expect(lastAuditId(ready)).toBe(before);
  });
});
