import { describe, expect, it } from 'vitest';
import { act, actOk, colleagues, createCase, footprint, getCase, registerPerson } from './cases-helpers';
import { expectError, readyDesk } from './helpers';
import { ZHANG_LI, ZHANG_SAN, rows } from './registry-helpers';

const SEPARATION = (act: string) => `职责分离：本申请由您录入或受理，不能由您「${act}」，请交其他审核人员办理`;

describe('separation of duties', () => {
  it('refuses approve and reject to the colleague who accepted the case, even holding the reviewer role, and changes nothing', () => {
    const ready = readyDesk();
    const { chenjing, lina } = colleagues(ready, ['chenjing', 'lina']);
    const draft = createCase(ready.call, registerPerson(ready, ZHANG_SAN));
    const accepted = actOk(chenjing.call, draft, 'accept');
    // Picking the case up for review is not a decision: allowed.
    const inReview = actOk(chenjing.call, accepted, 'start_review');
    expect(inReview.availableActions).toEqual([
      { action: 'return', commentRequired: true },
      { action: 'withdraw', commentRequired: false },
    ]);

    const before = footprint(ready, draft.id);
    expect(before).toEqual({ state: 'in_review', version: 3, transitions: 2, audit: before.audit, receiptSeq: 'receipt_seq.2026=1' });
    const approve = expectError(act(chenjing.call, inReview, 'approve', '同意'), 'FORBIDDEN');
    expect(approve.message).toBe(SEPARATION('批准'));
    const reject = expectError(act(chenjing.call, inReview, 'reject', '材料不实'), 'FORBIDDEN');
    expect(reject.message).toBe(SEPARATION('不予批准'));
    expect(footprint(ready, draft.id)).toEqual(before);
    expect(rows(ready, 'select decided_by, decided_at, decision_snapshot from cases where id = ?', draft.id)).toEqual([
      { decided_by: null, decided_at: null, decision_snapshot: null },
    ]);
    expect(rows(ready, 'select employment_status from persons where id = ?', draft.personId)).toEqual([{ employment_status: 'unemployed_unregistered' }]);

    // A second reviewer decides.
    expect(actOk(lina.call, inReview, 'approve')).toMatchObject({ state: 'approved', decidedByName: '李娜', acceptedByName: '陈静' });
  });

  it('refuses the decision to the colleague who prepared the draft although someone else accepted it', () => {
    const ready = readyDesk();
    const { chenjing, lina } = colleagues(ready, ['chenjing', 'lina']);
    const draft = createCase(chenjing.call, registerPerson(ready, ZHANG_LI));
    const inReview = actOk(lina.call, actOk(ready.call, draft, 'accept'), 'start_review');
    const before = footprint(ready, draft.id);
    expect(expectError(act(chenjing.call, inReview, 'approve'), 'FORBIDDEN').message).toBe(SEPARATION('批准'));
    expect(footprint(ready, draft.id)).toEqual(before);
    expect(getCase(chenjing.call, draft.id).availableActions.map((a) => a.action)).toEqual(['return', 'withdraw']);
    expect(actOk(lina.call, inReview, 'reject', '非本辖区户籍')).toMatchObject({ state: 'rejected', decisionComment: '非本辖区户籍', preparedByName: '陈静' });
  });
});

describe('roles named by the workflow', () => {
  it('refuses each step to a colleague without its role, naming the roles that may take it, and changes nothing', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const personId = registerPerson(ready);
    // Preparing needs the front desk's permission: refused at the door.
    const create = expectError(sunli.call('cases.create', { personId, caseType: 'unemployment_registration', form: {}, documents: [] }), 'FORBIDDEN');
    expect(create.message).toBe('当前账号没有执行此操作的权限');
    expect(rows(ready, 'select count(*) as n from cases')).toEqual([{ n: 0 }]);

    const draft = createCase(ready.call, personId);
    const refusals: Array<[typeof lina, 'accept' | 'withdraw', string]> = [
      [lina, 'accept', '「受理」须由前台经办办理'],
      [sunli, 'accept', '「受理」须由前台经办办理'],
      [lina, 'withdraw', '「撤回」须由前台经办办理'],
    ];
    for (const [who, action, message] of refusals) {
      const before = footprint(ready, draft.id);
      expect(expectError(act(who.call, draft, action), 'FORBIDDEN').message).toBe(message);
      expect(footprint(ready, draft.id)).toEqual(before);
    }

    const accepted = actOk(ready.call, draft, 'accept');
    const before = footprint(ready, draft.id);
    expect(expectError(act(sunli.call, accepted, 'start_review'), 'FORBIDDEN').message).toBe('「开始审核」须由审核员或局领导/中心主任办理');
    expect(expectError(act(ready.call, accepted, 'start_review'), 'FORBIDDEN').message).toBe('「开始审核」须由审核员或局领导/中心主任办理');
    expect(expectError(act(sunli.call, accepted, 'return', '请补材料'), 'FORBIDDEN').message).toBe('「退回补正」须由前台经办或审核员或局领导/中心主任办理');
    expect(footprint(ready, draft.id)).toEqual(before);

    const inReview = actOk(lina.call, accepted, 'start_review');
    const inReviewBefore = footprint(ready, draft.id);
    expect(expectError(act(sunli.call, inReview, 'approve'), 'FORBIDDEN').message).toBe('「批准」须由审核员或局领导/中心主任办理');
    // The front desk clerk who accepted lacks the role; the role is reported first.
    expect(expectError(act(ready.call, inReview, 'approve'), 'FORBIDDEN').message).toBe('「批准」须由审核员或局领导/中心主任办理');
    expect(footprint(ready, draft.id)).toEqual(inReviewBefore);
    expect(getCase(sunli.call, draft.id).availableActions).toEqual([]);
  });
});

describe('refusals of a malformed or outdated step', () => {
  it('refuses return and reject without a reason (absent, null or blank) as BAD_INPUT, a stale version as CONFLICT, a wrong state as CONFLICT', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const draft = createCase(ready.call, registerPerson(ready));
    const accepted = actOk(ready.call, draft, 'accept');

    for (const comment of [undefined, null, '', '   ']) {
      const before = footprint(ready, draft.id);
      expect(expectError(act(lina.call, accepted, 'return', comment), 'BAD_INPUT').message).toBe('「退回补正」须填写理由');
      expect(footprint(ready, draft.id)).toEqual(before);
    }
    const inReview = actOk(lina.call, accepted, 'start_review');
    for (const comment of [undefined, null, ' \n ']) {
      const before = footprint(ready, draft.id);
      expect(expectError(act(lina.call, inReview, 'reject', comment), 'BAD_INPUT').message).toBe('「不予批准」须填写理由');
      expect(footprint(ready, draft.id)).toEqual(before);
    }

    // Someone acted on an older screen: version 2 is gone.
    const before = footprint(ready, draft.id);
    expect(before.version).toBe(3);
    for (const action of ['approve', 'return', 'withdraw'] as const) {
      const stale = expectError(act(lina.call, accepted, action, '过时页面'), 'CONFLICT');
      expect(stale.message).toBe('该业务已被他人办理或修改，请刷新后重试');
    }
    // A step the state does not offer.
    expect(expectError(act(lina.call, inReview, 'start_review'), 'CONFLICT').message).toBe('案件处于「审核中」状态，不能「开始审核」（仅限：已受理）');
    expect(footprint(ready, draft.id)).toEqual(before);

    const rejected = actOk(lina.call, inReview, 'reject', '已在外地登记');
    const closed = footprint(ready, draft.id);
    expect(expectError(act(ready.call, rejected, 'withdraw'), 'CONFLICT').message).toBe('案件已办结（不予批准），不能再「撤回」');
    expect(expectError(act(lina.call, rejected, 'approve'), 'CONFLICT').message).toBe('案件已办结（不予批准），不能再「批准」');
    expect(footprint(ready, draft.id)).toEqual(closed);
    expect(closed).toMatchObject({ state: 'rejected', version: 4, transitions: 3 });
  });
});
