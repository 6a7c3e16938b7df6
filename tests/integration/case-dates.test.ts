import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contract';
import { EMPLOYMENT_DOCS, UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, act, actOk, createCase, registerPerson } from './cases-helpers';
import { PASSWORD, expectError, expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, rows } from './registry-helpers';

/**
 * A case's dates and reasons are judged against the case's day and the
 * applicant's life through the router (the desk's clock stands at 2026-11-27):
 * nothing refused is written, and the message names the field and the rule.
 */

function refusedDraft(ready: ReadyDesk, personId: number, caseType: string, form: Record<string, string | null>, documents: string[]): string {
  const before = rows(ready, 'select count(*) as n from cases');
  const refusal = expectError(ready.call('cases.create', { personId, caseType, form, documents }), 'BAD_INPUT');
  expect(rows(ready, 'select count(*) as n from cases')).toEqual(before);
  return refusal.message;
}

describe('the dates of a case', () => {
  it('refuses a 失业登记 whose 失业日期 lies in the future and whose 失业原因 is not one of the list', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const message = refusedDraft(ready, personId, 'unemployment_registration', { ...UNEMPLOYMENT_FORM, unemployedSince: '2031-01-01', unemploymentCause: 'x' }, UNEMPLOYMENT_DOCS);
    expect(message).toContain('失业原因“x”不在可选范围内');
    expect(message).toContain('失业日期（2031-01-01）不能晚于今天（2026-11-27）');
    // Tomorrow is refused as well; today is a possible first day out of work.
    expect(refusedDraft(ready, personId, 'unemployment_registration', { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-11-28' }, UNEMPLOYMENT_DOCS)).toContain('失业日期（2026-11-28）不能晚于今天');
    expect(createCase(ready.call, personId, 'unemployment_registration', { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-11-27' }).state).toBe('draft');
  });

  it('refuses a work fact before the person was 16, and any date before birth', () => {
    const ready = readyDesk();
    // Born 2008-03-10: 16 on 2024-03-10.
    const young = registerPerson(ready, { idNumber: idNumber('320506', '2008-03-10', '017'), name: '周小舟' });
    expect(refusedDraft(ready, young, 'unemployment_registration', { ...UNEMPLOYMENT_FORM, unemployedSince: '2024-03-09' }, UNEMPLOYMENT_DOCS))
      .toBe('失业日期（2024-03-09）早于本人年满16周岁之日（2024-03-10），不在劳动年龄内');
    expect(createCase(ready.call, young, 'unemployment_registration', { ...UNEMPLOYMENT_FORM, unemployedSince: '2024-03-10' }).state).toBe('draft');
    expect(refusedDraft(ready, young, 'employment_registration', { channel: 'flexible', startDate: '2007-01-01' }, EMPLOYMENT_DOCS))
      .toBe('就业日期（2007-01-01）早于本人出生日期（2008-03-10）');
  });

  it('refuses a contract that ends before the job began, or a typed end decades ahead', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready);
    const job = { channel: 'employer_job', employerName: '苏州吴中精工机械有限公司', startDate: '2026-11-02', contractType: 'fixed_term' };
    expect(refusedDraft(ready, personId, 'employment_registration', { ...job, contractEndDate: '2026-11-01' }, ['id_card', 'labour_contract']))
      .toBe('合同终止日期（2026-11-01）不能早于就业日期（2026-11-02）');
    expect(refusedDraft(ready, personId, 'employment_registration', { ...job, contractEndDate: '2062-11-01' }, ['id_card', 'labour_contract']))
      .toBe('合同终止日期（2062-11-01）比今天（2026-11-27）晚10年以上，请核对');
    expect(createCase(ready.call, personId, 'employment_registration', { ...job, contractEndDate: '2029-11-01' }, ['id_card', 'labour_contract']).state).toBe('draft');
  });

  it('judges a case corrected after 退回补正 against the day it was accepted, not the day of the correction', () => {
    const ready = readyDesk();
    const accepted = actOk(ready.call, createCase(ready.call, registerPerson(ready)), 'accept');
    const returned = actOk(ready.call, accepted, 'return', '失业日期有误');
    ready.clock.advanceMinutes(3 * 24 * 60);
    expectOk(ready.call('auth.unlock', { password: PASSWORD }));
    const refusal = expectError(ready.call('cases.update', { id: returned.id, version: returned.version, form: { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-11-29' }, documents: UNEMPLOYMENT_DOCS }), 'BAD_INPUT');
    expect(refusal.message).toBe('失业日期（2026-11-29）不能晚于受理日（2026-11-27）');
    const corrected = expectOk<CaseView>(ready.call('cases.update', { id: returned.id, version: returned.version, form: { ...UNEMPLOYMENT_FORM, unemployedSince: '2026-11-20' }, documents: UNEMPLOYMENT_DOCS }));
    expect(act(ready.call, corrected, 'resubmit').ok).toBe(true);
  });

  it('keeps a 失业原因 typed before the reason became a list on a saved draft, and asks for a listed one before acceptance', () => {
    const ready = readyDesk();
    const draft = createCase(ready.call, registerPerson(ready));
    // A draft saved by an earlier version of the desk, when 失业原因 was typed.
    keyedConnection(ready.dbPath, ready.keyFile).prepare(`update cases set form = json_set(form, '$.unemploymentCause', '合同到期') where id = ?`).run(draft.id);
    const kept = expectOk<CaseView>(ready.call('cases.update', { id: draft.id, version: draft.version, form: { ...UNEMPLOYMENT_FORM, unemploymentCause: '合同到期', jobWanted: '电工' }, documents: UNEMPLOYMENT_DOCS }));
    expect(kept.form).toMatchObject({ unemploymentCause: '合同到期', jobWanted: '电工' });
    expect(expectError(act(ready.call, kept, 'accept'), 'BAD_INPUT').message).toBe('不能受理：失业原因“合同到期”不在可选范围内，请从列表中选择');
  });
});
