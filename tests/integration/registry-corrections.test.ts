import { describe, expect, it } from 'vitest';
import type { PersonView, TimelineSection } from '../../shared/contract';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { ADMIN, expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_SAN, corrections, namesFound, register, rows, update } from './registry-helpers';

function adminId(ready: ReadyDesk): number {
  return rows(ready, 'select id from users where username = ?', ADMIN)[0]!.id as number;
}

function storedCorrections(ready: ReadyDesk, personId: number): Array<Record<string, unknown>> {
  return rows(
    ready,
    'select field, old_value, new_value, reason, corrected_by, corrected_at from person_corrections where person_id = ? order by field',
    personId,
  );
}

function registered(ready: ReadyDesk): PersonView {
  return register(ready, { ...ZHANG_SAN, address: '长桥街道龙桥路1号', householdType: 'urban', educationCode: '60' });
}

describe('correcting a person keeps the history', () => {
  it('records one row per changed field with old and new value, reason and who; unchanged fields are left out', () => {
    const ready = readyDesk();
    const person = registered(ready);
    ready.clock.advanceMinutes(5);
    const after = update(
      ready,
      person.id,
      1,
      // Name and phone are typed again unchanged (the phone in another form): no history for them.
      { name: '张三', phone: '139 5100 1234', address: '长桥街道龙桥路8号', householdType: 'rural', educationCode: '60' },
      '核对户口本后更正',
    );
    expect(after).toMatchObject({ version: 2, address: '长桥街道龙桥路8号', householdType: 'rural', phoneMasked: '139****1234' });
    expect(storedCorrections(ready, person.id)).toEqual([
      { field: 'address', old_value: '长桥街道龙桥路1号', new_value: '长桥街道龙桥路8号', reason: '核对户口本后更正', corrected_by: adminId(ready), corrected_at: '2026-11-27T02:05:00.000Z' },
      { field: 'householdType', old_value: 'urban', new_value: 'rural', reason: '核对户口本后更正', corrected_by: adminId(ready), corrected_at: '2026-11-27T02:05:00.000Z' },
    ]);
    const listed = corrections(ready, person.id);
    expect(listed.map((c) => [c.field, c.oldValue, c.newValue, c.reason, c.correctedBy]).sort()).toEqual([
      ['address', '长桥街道龙桥路1号', '长桥街道龙桥路8号', '核对户口本后更正', '王芳'],
      // Stored as codes, listed by their names.
      ['householdType', '城镇', '农村', '核对户口本后更正', '王芳'],
    ]);
  });

  it('records a cleared value as old → null', () => {
    const ready = readyDesk();
    const person = registered(ready);
    update(ready, person.id, 1, { address: '' }, '地址有误，待核实');
    expect(storedCorrections(ready, person.id)).toEqual([
      { field: 'address', old_value: '长桥街道龙桥路1号', new_value: null, reason: '地址有误，待核实', corrected_by: adminId(ready), corrected_at: '2026-11-27T02:00:00.000Z' },
    ]);
  });

  it('shows corrected phone numbers masked, keeping the full numbers only in the encrypted file', () => {
    const ready = readyDesk();
    const person = registered(ready);
    update(ready, person.id, 1, { phone: '13951005678' }, '本人换号');
    const listed = corrections(ready, person.id);
    expect(listed).toMatchObject([{ field: 'phone', oldValue: '139****1234', newValue: '139****5678', reason: '本人换号', correctedBy: '王芳' }]);
    expect(JSON.stringify(listed)).not.toMatch(/13951001234|13951005678/);
    expect(storedCorrections(ready, person.id)).toMatchObject([{ field: 'phone', old_value: '13951001234', new_value: '13951005678' }]);
    // The tail search follows the new number.
    expect(namesFound(ready, '5678')).toEqual(['张三']);
    expect(namesFound(ready, '1234')).toEqual([]);
  });

  it('audits the correction with the changed field names and the reason, never the values', () => {
    const ready = readyDesk();
    const person = registered(ready);
    const before = lastAuditId(ready);
    update(ready, person.id, 1, { address: '长桥街道龙桥路8号', householdType: 'rural' }, '核对户口本后更正');
    const audit = storedAudit(ready, before);
    expect(audit.map((a) => a.action)).toEqual(['persons.update']);
    expect(audit[0]).toMatchObject({
      actorUserId: adminId(ready),
      actorName: '王芳',
      entityType: 'person',
      entityId: String(person.id),
      detail: { changedFields: ['householdType', 'address'], reason: '核对户口本后更正' },
    });
    expect(JSON.stringify(audit)).not.toContain('龙桥路');
  });

  it('refuses a correction that changes nothing, and records nothing', () => {
    const ready = readyDesk();
    const person = registered(ready);
    const before = lastAuditId(ready);
    const error = expectError(
      ready.call('persons.update', { id: person.id, version: 1, changes: { address: '长桥街道龙桥路1号', phone: '+86 139-5100-1234' }, reason: '核对' }),
      'BAD_INPUT',
    );
    expect(error.message).toBe('没有需要更正的内容');
    expect(storedCorrections(ready, person.id)).toEqual([]);
    expect(lastAuditId(ready)).toBe(before);
    expect(expectOk<PersonView>(ready.call('persons.get', { id: person.id })).version).toBe(1);
  });

  it('refuses a correction made on a stale version: CONFLICT, and nothing is recorded', () => {
    const ready = readyDesk();
    const person = registered(ready);
    update(ready, person.id, 1, { address: '长桥街道龙桥路8号' }, '第一次更正');
    const before = lastAuditId(ready);
    const error = expectError(
      ready.call('persons.update', { id: person.id, version: 1, changes: { educationCode: '20' }, reason: '另一窗口的更正' }),
      'CONFLICT',
    );
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(storedCorrections(ready, person.id).map((c) => c.reason)).toEqual(['第一次更正']);
    expect(lastAuditId(ready)).toBe(before);
    expect(rows(ready, 'select education_code, version from persons where id = ?', person.id)).toEqual([{ education_code: '60', version: 2 }]);
  });

  it('moves the search keys with a corrected name', () => {
    const ready = readyDesk();
    const person = registered(ready);
    update(ready, person.id, 1, { name: '章山' }, '姓名录入错误');
    expect(namesFound(ready, '张')).toEqual([]);
    expect(namesFound(ready, '章')).toEqual(['章山']);
    expect(namesFound(ready, 'zhangshan')).toEqual(['章山']);
    expect(namesFound(ready, 'zhangsan')).toEqual([]);
    expect(storedCorrections(ready, person.id)).toMatchObject([{ field: 'name', old_value: '张三', new_value: '章山' }]);
  });
});

describe('the service record (timeline) of a profile', () => {
  it('answers every section in order, the registry section holding the creation and each correction', () => {
    const ready = readyDesk();
    const person = registered(ready);
    ready.clock.advanceMinutes(5);
    update(ready, person.id, 1, { address: '长桥街道龙桥路8号', educationCode: '30' }, '本人搬家，补交毕业证');
    ready.clock.advanceMinutes(5);
    update(ready, person.id, 2, { phone: '13951005678' }, '本人换号');

    const sections = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: person.id }));
    expect(sections.map((s) => [s.kind, s.label])).toEqual([
      ['registry', '档案'],
      ['registrations', '失业/就业登记'],
      ['applications', '业务申请与审批'],
      ['counseling', '联系与职业指导'],
      ['referrals', '岗位推荐'],
      ['fairs', '招聘会'],
      ['trainings', '培训'],
      ['gigs', '零工'],
      ['startups', '创业'],
      ['welfarePosts', '公益性岗位'],
      ['payments', '补贴发放'],
    ]);
    // Newest first.
    const events = sections[0]!.events;
    expect(events).toHaveLength(4);
    expect(events[0]).toEqual({ at: '2026-11-27T02:10:00.000Z', title: '更正手机号码', detail: '本人换号', actor: '王芳' });
    // One event per corrected field; the two of one correction share its time.
    expect(events.slice(1, 3).map((e) => [e.at, e.title, e.detail, e.actor]).sort()).toEqual([
      ['2026-11-27T02:05:00.000Z', '更正文化程度', '本人搬家，补交毕业证', '王芳'],
      ['2026-11-27T02:05:00.000Z', '更正详细地址', '本人搬家，补交毕业证', '王芳'],
    ]);
    expect(events[3]).toEqual({ at: '2026-11-27T02:00:00.000Z', title: '建立档案', detail: null, actor: '王芳' });
    expect(sections.slice(1).flatMap((s) => s.events)).toEqual([]);
  });

  it('answers NOT_FOUND for a person that does not exist', () => {
    const ready = readyDesk();
    expectError(ready.call('persons.timeline', { id: 42 }), 'NOT_FOUND');
    expectError(ready.call('persons.corrections', { id: 42 }), 'NOT_FOUND');
  });
});
