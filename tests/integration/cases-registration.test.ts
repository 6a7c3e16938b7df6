import { describe, expect, it } from 'vitest';
import type { PersonView, TimelineSection } from '../../shared/contract';
import { lastAuditId, storedAudit, type Call } from './accounts-helpers';
import {
  EMPLOYMENT_DOCS,
  EMPLOYMENT_FORM,
  actOk,
  advanceDays,
  colleagues,
  createCase,
  getCase,
  registerPerson,
  setCalendar,
  userId,
} from './cases-helpers';
import { expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, ZHANG_LI, ZHANG_SAN, rows, update } from './registry-helpers';

function person(ready: ReadyDesk, id: number, call: Call = ready.call): PersonView {
  return expectOk<PersonView>(call('persons.get', { id }));
}

function registrationsTimeline(ready: ReadyDesk, id: number, call: Call = ready.call): TimelineSection['events'] {
  const sections = expectOk<TimelineSection[]>(call('persons.timeline', { id }));
  return sections.find((s) => s.kind === 'registrations')!.events;
}

describe('失业登记 from the window to the decision', () => {
  it('is drafted and accepted at the front desk, reviewed and approved by a reviewer, and marks the person unemployed_registered', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    // 2026-11-27 is a Friday; the Monday after is a holiday.
    setCalendar(ready, [{ date: '2026-11-30', kind: 'holiday', note: '测试假日' }]);
    const personId = registerPerson(ready);
    const auditBefore = lastAuditId(ready);

    const draft = createCase(ready.call, personId);
    expect(draft).toMatchObject({ state: 'draft', receiptNo: null, acceptedOn: null, dueDate: null, preparedByName: '王芳', applicantName: '张三', version: 1 });
    expect(draft.documents).toEqual([
      { code: 'id_card', label: '身份证或社保卡', required: true, received: true },
      { code: 'self_declaration', label: '告知承诺书', required: true, received: true },
      { code: 'termination_proof', label: '解除或终止劳动关系证明', required: false, received: false },
    ]);
    expect(draft.availableActions).toEqual([
      { action: 'accept', commentRequired: false },
      { action: 'decline', commentRequired: true },
      { action: 'withdraw', commentRequired: false },
    ]);

    const accepted = actOk(ready.call, draft, 'accept');
    // Three working days from the day after Friday: Tue 12-01, Wed 12-02, Thu 12-03 (Monday is a holiday).
    expect(accepted).toMatchObject({ state: 'accepted', receiptNo: '320506-2026-00001', acceptedOn: '2026-11-27', dueDate: '2026-12-03', acceptedByName: '王芳', overdue: false, version: 2 });

    ready.clock.advanceMinutes(8);
    const inReview = actOk(lina.call, accepted, 'start_review');
    expect(inReview).toMatchObject({ state: 'in_review', version: 3 });
    expect(inReview.availableActions.map((a) => a.action)).toEqual(['return', 'approve', 'reject']);

    ready.clock.advanceMinutes(8);
    const approved = actOk(lina.call, inReview, 'approve', '  材料齐全，同意登记  ');
    expect(approved).toMatchObject({
      state: 'approved',
      decidedByName: '李娜',
      decidedAt: '2026-11-27T02:16:00.000Z',
      decisionComment: '材料齐全，同意登记',
      version: 4,
      availableActions: [],
    });
    expect(approved.transitions.map((t) => [t.action, t.fromState, t.toState, t.actorName, t.at, t.comment])).toEqual([
      ['accept', 'draft', 'accepted', '王芳', '2026-11-27T02:00:00.000Z', null],
      ['start_review', 'accepted', 'in_review', '李娜', '2026-11-27T02:08:00.000Z', null],
      ['approve', 'in_review', 'approved', '李娜', '2026-11-27T02:16:00.000Z', '材料齐全，同意登记'],
    ]);

    expect(person(ready, personId, lina.call)).toMatchObject({ employmentStatus: 'unemployed_registered', version: 2 });
    expect(rows(ready, 'select field, old_value, new_value, reason, corrected_by, corrected_at from person_corrections where person_id = ?', personId)).toEqual([
      {
        field: 'employmentStatus',
        old_value: 'unemployed_unregistered',
        new_value: 'unemployed_registered',
        reason: '失业登记批准（320506-2026-00001）',
        corrected_by: lina.user.id,
        corrected_at: '2026-11-27T02:16:00.000Z',
      },
    ]);

    expect(registrationsTimeline(ready, personId, lina.call)).toEqual([
      { at: '2026-11-27T02:16:00.000Z', title: '失业登记：批准（已批准）', detail: '320506-2026-00001 · 材料齐全，同意登记', actor: '李娜' },
      { at: '2026-11-27T02:08:00.000Z', title: '失业登记：开始审核（审核中）', detail: '320506-2026-00001', actor: '李娜' },
      { at: '2026-11-27T02:00:00.000Z', title: '失业登记：受理（已受理）', detail: '320506-2026-00001', actor: '王芳' },
    ]);

    const caseAudit = storedAudit(ready, auditBefore).filter((e) => e.entityType === 'case');
    expect(caseAudit.map((e) => [e.action, e.actorUserId, e.entityId, e.detail])).toEqual([
      ['cases.create', userId(ready, 'wangfang'), String(draft.id), { caseType: 'unemployment_registration', personId }],
      ['cases.transition', userId(ready, 'wangfang'), String(draft.id), { action: 'accept', from: 'draft', to: 'accepted', effects: [] }],
      ['cases.transition', lina.user.id, String(draft.id), { action: 'start_review', from: 'accepted', to: 'in_review', effects: [] }],
      ['cases.transition', lina.user.id, String(draft.id), { action: 'approve', from: 'in_review', to: 'approved', effects: ['set_status_unemployed_registered', 'schedule_follow_up_contact'] }],
    ]);
  });

  it('numbers receipts per county and year in acceptance order, starting again in January', () => {
    const ready = readyDesk();
    const first = createCase(ready.call, registerPerson(ready, ZHANG_SAN));
    const second = createCase(ready.call, registerPerson(ready, ZHANG_LI));
    const third = createCase(ready.call, registerPerson(ready, LI_XIUYING));
    // A draft gets no number; the number follows acceptance, not creation.
    expect(actOk(ready.call, second, 'accept').receiptNo).toBe('320506-2026-00001');
    expect(actOk(ready.call, first, 'accept').receiptNo).toBe('320506-2026-00002');
    advanceDays(ready, 38); // 2027-01-04
    expect(actOk(ready.call, third, 'accept')).toMatchObject({ receiptNo: '320506-2027-00001', acceptedOn: '2027-01-04', dueDate: '2027-01-07' });
    expect(rows(ready, `select key, value from settings where key like 'receipt_seq.%' order by key`)).toEqual([
      { key: 'receipt_seq.2026', value: '2' },
      { key: 'receipt_seq.2027', value: '1' },
    ]);
  });
});

describe('the decision is frozen', () => {
  it('keeps the decision snapshot when the person record is corrected afterwards', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready);
    const accepted = actOk(ready.call, createCase(ready.call, personId), 'accept');
    const approved = actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve');
    // 失业登记 has no choice from the administrator's code tables: no names to keep.
    const snapshot = { name: '张三', employmentStatus: 'unemployed_unregistered', keyGroups: [], age: 36, choiceLabels: {} };
    expect(approved.decisionSnapshot).toEqual(snapshot);

    advanceDays(ready, 3);
    update(ready, personId, person(ready, personId).version, { name: '张叁', employmentStatus: 'employed', isVeteran: true }, '核对身份证后更正姓名');
    const later = getCase(ready.call, approved.id);
    expect(later.applicantName).toBe('张叁');
    expect(later.decisionSnapshot).toEqual(snapshot);
    expect(rows(ready, 'select decision_snapshot from cases where id = ?', approved.id)).toEqual([
      { decision_snapshot: JSON.stringify(snapshot) },
    ]);
  });
});

describe('就业登记', () => {
  it('on approval sets employment_status employed, ending the registered unemployment', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready);
    const unemployment = actOk(ready.call, createCase(ready.call, personId), 'accept');
    actOk(lina.call, actOk(lina.call, unemployment, 'start_review'), 'approve');
    expect(person(ready, personId).employmentStatus).toBe('unemployed_registered');

    advanceDays(ready, 5, [lina]);
    const employment = createCase(ready.call, personId, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS);
    const accepted = actOk(ready.call, employment, 'accept');
    expect(accepted).toMatchObject({ caseLabel: '就业登记', receiptNo: '320506-2026-00002', acceptedOn: '2026-12-02', dueDate: '2026-12-07' });
    const approved = actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '灵活就业，同意登记');
    expect(approved.decisionSnapshot).toMatchObject({ employmentStatus: 'unemployed_registered' });

    expect(person(ready, personId).employmentStatus).toBe('employed');
    expect(rows(ready, 'select old_value, new_value, reason from person_corrections where person_id = ? order by id', personId)).toEqual([
      { old_value: 'unemployed_unregistered', new_value: 'unemployed_registered', reason: '失业登记批准（320506-2026-00001）' },
      { old_value: 'unemployed_registered', new_value: 'employed', reason: '就业登记批准（320506-2026-00002）' },
    ]);
    expect(registrationsTimeline(ready, personId).map((e) => e.title)).toEqual([
      '就业登记：批准（已批准）',
      '就业登记：开始审核（审核中）',
      '就业登记：受理（已受理）',
      // The approved 就业登记 ends the registration in force (注销, reason 实现就业), in the same act.
      '注销失业登记（2026-12-02）',
      '失业登记：批准（已批准）',
      '失业登记：开始审核（审核中）',
      '失业登记：受理（已受理）',
    ]);
  });
});
