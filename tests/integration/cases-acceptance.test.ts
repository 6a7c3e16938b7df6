import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contract';
import { UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, act, actOk, createCase, footprint, registerPerson, userId } from './cases-helpers';
import { expectError, expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_SAN, idNumber, rows } from './registry-helpers';

/** Accepting `draft` is refused with `message`; the case, its history, the audit trail and the receipt counter stay as they were. */
function expectAcceptRefused(ready: ReadyDesk, draft: CaseView, message: string): void {
  const before = footprint(ready, draft.id);
  const personBefore = rows(ready, 'select employment_status, version from persons where id = ?', draft.personId);
  expect(expectError(act(ready.call, draft, 'accept'), 'BAD_INPUT').message).toBe(message);
  expect(footprint(ready, draft.id)).toEqual(before);
  expect(before).toMatchObject({ state: 'draft', version: 1, transitions: 0, receiptSeq: null });
  expect(rows(ready, 'select receipt_no, accepted_by, accepted_on, due_date from cases where id = ?', draft.id)).toEqual([
    { receipt_no: null, accepted_by: null, accepted_on: null, due_date: null },
  ]);
  expect(rows(ready, 'select employment_status, version from persons where id = ?', draft.personId)).toEqual(personBefore);
}

describe('acceptance checks of 失业登记', () => {
  it('refuses a draft missing a required document, naming it, and gives no receipt number until it is complete', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', UNEMPLOYMENT_FORM, ['id_card', 'termination_proof']);
    expectAcceptRefused(ready, draft, '缺少必需材料：告知承诺书，不能「受理」');
    const none = createCase(ready.call, registerPerson(ready, { idNumber: idNumber('320506', '1991-02-03', '015'), name: '王强' }), 'unemployment_registration', UNEMPLOYMENT_FORM, []);
    expectAcceptRefused(ready, none, '缺少必需材料：身份证或社保卡、告知承诺书，不能「受理」');

    const completed = expectOk<CaseView>(ready.call('cases.update', { id: draft.id, version: 1, form: UNEMPLOYMENT_FORM, documents: UNEMPLOYMENT_DOCS }));
    expect(actOk(ready.call, completed, 'accept').receiptNo).toBe('320506-2026-00001');
  });

  it('refuses a form with required fields missing or blank, naming each field', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready), 'unemployment_registration', { unemployedSince: '2026-10-31', unemploymentCause: '   ', drawingUnemploymentInsurance: null });
    expectAcceptRefused(ready, draft, '不能受理：未填写：失业原因；未填写：是否领取失业保险金');
  });

  it('refuses a man born in 1960, past the statutory retirement age', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready, { idNumber: idNumber('320506', '1960-03-15', '011'), name: '赵建国' }));
    expectAcceptRefused(ready, draft, '不能受理：已达到法定退休年龄（60岁，2020-03-15起）');
  });

  it('refuses a person whose unemployment is already registered, and one recorded as employed', () => {
    const ready = readyDesk();
    const registered = createCase(ready.call, registerPerson(ready, { ...ZHANG_SAN, employmentStatus: 'unemployed_registered' }));
    expectAcceptRefused(ready, registered, '不能受理：已有有效的失业登记，不能重复登记');
    const employed = createCase(ready.call, registerPerson(ready, { idNumber: idNumber('320506', '1991-02-03', '015'), name: '王强', employmentStatus: 'employed' }));
    expectAcceptRefused(ready, employed, '不能受理：目前为就业状态，须先办理就业状态变更');
  });

  // Product gap: the form is free text in the contract and the service only checks that 失业日期 is filled in.
  it('refuses an impossible 失业日期 (2026-02-30) before the case is accepted', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const input = { personId, caseType: 'unemployment_registration', form: { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-02-30' }, documents: UNEMPLOYMENT_DOCS };
    const created = ready.call('cases.create', input);
    // Either the draft is refused, or its acceptance is; the message names the field.
    const refusal = created.ok ? expectError(act(ready.call, created.value as CaseView, 'accept'), 'BAD_INPUT') : expectError(created, 'BAD_INPUT');
    expect(refusal.message).toContain('失业日期');
    expect(rows(ready, `select count(*) as n from cases where state <> 'draft'`)).toEqual([{ n: 0 }]);
  });
});

describe('resubmission after 补正', () => {
  // Product bug: resubmit (returned → accepted) checks the documents but not the form that acceptance checked.
  it('refuses to put a case back in the queue when a required form field was cleared during the correction', () => {
    const ready = readyDesk();
    const returned = actOk(ready.call, actOk(ready.call, createCase(ready.call, registerPerson(ready)), 'accept'), 'return', '失业日期有误');
    const corrected = expectOk<CaseView>(ready.call('cases.update', { id: returned.id, version: returned.version, form: { unemployedSince: '2026-10-30' }, documents: UNEMPLOYMENT_DOCS }));
    const before = footprint(ready, corrected.id);
    const refusal = expectError(act(ready.call, corrected, 'resubmit'), 'BAD_INPUT');
    expect(refusal.message).toContain('未填写：失业原因');
    expect(refusal.message).toContain('未填写：是否领取失业保险金');
    expect(footprint(ready, corrected.id)).toEqual(before);
    expect(before).toMatchObject({ state: 'returned', version: 4 });
  });
});

describe('one open case of a type per person', () => {
  it('refuses a second open 失业登记 as DUPLICATE naming the open one, in draft and after acceptance', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const first = createCase(ready.call, personId);
    const counts = () => rows(ready, 'select (select count(*) from cases) as cases, (select count(*) from audit_log) as audit')[0];
    const before = counts();

    const asDraft = expectError(ready.call('cases.create', { personId, caseType: 'unemployment_registration', form: UNEMPLOYMENT_FORM, documents: UNEMPLOYMENT_DOCS }), 'DUPLICATE');
    expect(asDraft.message).toBe(`此人已有一件正在办理的失业登记（草稿 #${first.id}），不能重复申请`);
    expect(asDraft.details).toEqual({ caseId: first.id });

    actOk(ready.call, first, 'accept');
    const afterAccept = expectError(ready.call('cases.create', { personId, caseType: 'unemployment_registration', form: {}, documents: [] }), 'DUPLICATE');
    expect(afterAccept.message).toBe('此人已有一件正在办理的失业登记（320506-2026-00001），不能重复申请');
    expect(afterAccept.details).toEqual({ caseId: first.id });
    expect(counts()).toEqual({ cases: before!.cases, audit: (before!.audit as number) + 1 });

    // Another case type is another queue.
    expect(createCase(ready.call, personId, 'employment_registration', { channel: 'flexible', startDate: '2026-11-20' }, ['id_card'])).toMatchObject({ state: 'draft' });
  });

  it('lets a new case be opened once the open one is withdrawn', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const first = actOk(ready.call, createCase(ready.call, personId), 'accept');
    actOk(ready.call, first, 'withdraw', '申请人本人撤回');
    expect(createCase(ready.call, personId)).toMatchObject({ state: 'draft', id: first.id + 1 });
  });

  it('is enforced by the database itself: a raw INSERT of a second open case is refused, a closed one is not', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const open = createCase(ready.call, personId);
    const clerk = userId(ready, 'wangfang');
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    const insert = raw.prepare(
      `insert into cases (case_type, person_id, state, form, documents, prepared_by, created_at, updated_at)
       values ('unemployment_registration', ?, ?, '{}', '[]', ?, '2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00.000Z')`,
    );
    for (const state of ['draft', 'accepted', 'in_review', 'returned']) {
      expect(() => insert.run(personId, state, clerk), state).toThrow('UNIQUE constraint failed: cases.person_id, cases.case_type');
    }
    expect(insert.run(personId, 'withdrawn', clerk).changes).toBe(1);
    expect(insert.run(personId, 'approved', clerk).changes).toBe(1);
    raw.close();
    expect(rows(ready, 'select id, state from cases where person_id = ? order by id', personId)).toEqual([
      { id: open.id, state: 'draft' },
      { id: open.id + 1, state: 'withdrawn' },
      { id: open.id + 2, state: 'approved' },
    ]);
  });
});
