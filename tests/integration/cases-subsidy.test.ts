import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contract';
import { act, actOk, caseRow, colleagues, createCase, footprint, registerPerson } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, rows } from './registry-helpers';

const ENTERPRISE_DOCS = ['business_license', 'subsidy_application_form', 'bank_account'];
const socialInsurance = (amountFen = '1200000') => ({ subsidyCode: 'social_insurance', periodFrom: '2026-10-01', periodTo: '2026-12-31', requestedAmountFen: amountFen });

function createForEnterprise(ready: ReturnType<typeof readyDesk>, enterpriseId: number, form: Record<string, string | null>, documents = ENTERPRISE_DOCS) {
  return ready.call('cases.create', { enterpriseId, caseType: 'subsidy_application', form, documents });
}

describe('补贴申请 by an enterprise', () => {
  it('is filed for the enterprise with its own checklist, decided with a frozen snapshot of the registry entry, and listed on its profile', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const enterprise = registerEnterprise(ready);
    const draft = expectOk<CaseView>(createForEnterprise(ready, enterprise.id, socialInsurance()));
    expect(draft).toMatchObject({ applicantKind: 'enterprise', enterpriseId: enterprise.id, personId: null, applicantName: enterprise.name, applicantIdentifier: enterprise.creditCode });
    // An enterprise hands in a business licence and a roster, not an ID card.
    expect(draft.documents.map((d) => d.code)).toEqual(['business_license', 'subsidy_application_form', 'roster', 'bank_account']);
    const accepted = actOk(ready.call, draft, 'accept');
    expect(accepted.receiptNo).toMatch(/^\d{6}-2026-\d{5}$/);
    const approved = actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '符合条件');
    expect(approved.decisionSnapshot).toMatchObject({ name: enterprise.name, creditCode: enterprise.creditCode, enterpriseStatus: 'active' });

    // Renaming the enterprise afterwards leaves the decision's facts as they were.
    const current = expectOk<{ version: number }>(ready.call('enterprises.get', { id: enterprise.id }));
    expectOk(ready.call('enterprises.update', { id: enterprise.id, version: current.version, changes: { name: '苏州改名后有限公司' }, reason: '企业更名' }));
    const later = expectOk<CaseView>(ready.call('cases.get', { id: draft.id }));
    expect(later.applicantName).toBe('苏州改名后有限公司');
    expect(later.decisionSnapshot?.name).toBe(enterprise.name);

    const listed = expectOk<{ items: Array<{ id: number; applicantKind: string }> }>(ready.call('cases.list', { scope: 'enterprise', enterpriseId: enterprise.id, page: 1, pageSize: 20 }));
    expect(listed.items.map((i) => [i.id, i.applicantKind])).toEqual([[draft.id, 'enterprise']]);
  });

  it('refuses what cannot be: a case only persons apply for, a person-only subsidy, a bad amount, a second open application of the same subsidy — writing nothing', () => {
    const ready = readyDesk();
    const enterprise = registerEnterprise(ready);
    const count = () => rows(ready, 'select count(*) as n from cases')[0]!.n;

    const notForEnterprises = expectError(ready.call('cases.create', { enterpriseId: enterprise.id, caseType: 'unemployment_registration', form: {}, documents: [] }), 'BAD_INPUT');
    expect(notForEnterprises.message).toContain('失业登记只能由个人申请');
    const personOnly = expectError(createForEnterprise(ready, enterprise.id, { ...socialInsurance(), subsidyCode: 'flexible_social_insurance' }), 'BAD_INPUT');
    expect(personOnly.message).toContain('只能由个人申请');
    for (const bad of ['0', '-5', 'abc', '12.5']) {
      expect(expectError(createForEnterprise(ready, enterprise.id, socialInsurance(bad)), 'BAD_INPUT').message, bad).toContain('申请金额');
    }
    expect(expectError(createForEnterprise(ready, enterprise.id, { ...socialInsurance(), periodTo: '2026-09-30' }), 'BAD_INPUT').message).toContain('补贴期间止（2026-09-30）不能早于补贴期间起（2026-10-01）');
    expect(expectError(createForEnterprise(ready, enterprise.id, socialInsurance(), ['id_card']), 'BAD_INPUT').message).toContain('不属于该业务的材料');
    const both = expectError(ready.call('cases.create', { personId: 1, enterpriseId: enterprise.id, caseType: 'subsidy_application', form: socialInsurance(), documents: [] }), 'BAD_INPUT');
    expect(both.message).toContain('二选一');
    expect(count()).toBe(0);

    const first = expectOk<CaseView>(createForEnterprise(ready, enterprise.id, socialInsurance()));
    const second = expectError(createForEnterprise(ready, enterprise.id, socialInsurance('500000')), 'DUPLICATE');
    expect(second.message).toContain('该单位已有一件正在办理的补贴申请（社会保险补贴）');
    expect(second.details).toMatchObject({ caseId: first.id });
    // A different subsidy may be open at the same time.
    expectOk(createForEnterprise(ready, enterprise.id, { subsidyCode: 'hiring_one_time', periodFrom: null, periodTo: null, requestedAmountFen: '300000' }));
    expect(count()).toBe(2);
  });

  it('is the same shell for a person: a person-only subsidy is accepted, an enterprise-only one refused', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready, LI_XIUYING);
    const refused = expectError(ready.call('cases.create', { personId, caseType: 'subsidy_application', form: socialInsurance(), documents: ['id_card'] }), 'BAD_INPUT');
    expect(refused.message).toContain('只能由单位申请');
    const view = createCase(ready.call, personId, 'subsidy_application', { subsidyCode: 'flexible_social_insurance', periodFrom: '2026-11-01', periodTo: null, requestedAmountFen: '360000' }, ['id_card', 'subsidy_application_form', 'bank_account']);
    expect(view.documents.map((d) => d.code)).toEqual(['id_card', 'subsidy_application_form', 'bank_account']);
    expect(actOk(ready.call, view, 'accept').state).toBe('accepted');
  });
});

describe('不予受理', () => {
  it('ends a draft at the window with a reason and a number of the receipt series, and refuses without a reason', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const personId = registerPerson(ready, LI_XIUYING);
    const draft = createCase(ready.call, personId);
    const before = footprint(ready, draft.id);
    expect(expectError(act(ready.call, draft, 'decline', '  '), 'BAD_INPUT').message).toBe('「不予受理」须填写理由');
    // A reviewer does not decide at the window.
    expect(expectError(act(lina.call, draft, 'decline', '非本机构职责'), 'FORBIDDEN').message).toContain('前台');
    expect(footprint(ready, draft.id)).toEqual(before);

    const declined = actOk(ready.call, draft, 'decline', '户籍不在本县，请向户籍地经办机构申请');
    expect(declined).toMatchObject({ state: 'not_accepted', decisionComment: '户籍不在本县，请向户籍地经办机构申请', acceptedOn: null, dueDate: null, availableActions: [] });
    expect(declined.receiptNo).toMatch(/^\d{6}-2026-00001$/);
    expect(caseRow(ready, draft.id)).toMatchObject({ decided_at: expect.any(String), accepted_by: null });
    // Final: nothing more may happen to it, and a new application may be made.
    expect(expectError(act(ready.call, declined, 'withdraw'), 'CONFLICT').message).toContain('已办结');
    expect(createCase(ready.call, personId).state).toBe('draft');
  });
});
