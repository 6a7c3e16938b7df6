import { describe, expect, it } from 'vitest';
import type { BusinessStartDetail, BusinessStartView, CaseView, EnterpriseTimelineSection, IncubatorPlaceView, StartupLoanView, TimelineSection } from '../../shared/contract';
import { colleagues, createCase, registerPerson } from './cases-helpers';
import { approve } from './contacts-helpers';
import { CODE_A, registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, LI_XIUYING, rows, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27. 张三 was born on 1990-05-12.
const LOAN = { borrower: 'individual', amountFen: 20_000_000, bank: '农业银行吴中支行', termMonths: 24, guaranteeKind: 'guarantee_fund', appliedOn: '2026-03-10', grantedOn: '2026-04-01' };
const HIRE_FORM = { channel: 'employer_job', employerName: '苏州吴中精工机械有限公司', employerCreditCode: CODE_A, startDate: '2026-11-20', contractType: 'fixed_term', contractEndDate: '2029-11-19' };
const HIRE_DOCS = ['id_card', 'labour_contract'];

function writes(ready: ReadyDesk): string {
  return ['business_starts', 'startup_loans', 'startup_loan_interest_periods', 'incubator_places', 'audit_log', 'exchange_changes'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('创业服务: a business start from the registry, its guaranteed loan, incubation and the jobs it created', () => {
  it('refuses a start before the founder is 16 and a loan of 0 months or past the limit, in Chinese with nothing written', () => {
    const ready = readyDesk();
    const founder = registerPerson(ready, ZHANG_SAN);
    const firm = registerEnterprise(ready);
    const before = writes(ready);
    const young = expectError(ready.call('startups.recordStart', { personId: founder, enterpriseId: firm.id, startedOn: '2006-05-11', kind: 'sole_trader' }), 'BAD_INPUT');
    expect(young.message).toBe('创业日期：创业日期不能早于本人年满16周岁之日（2006-05-12）');
    expect(young.fields).toHaveProperty('startedOn');
    expect(expectError(ready.call('startups.recordStart', { personId: founder, enterpriseId: firm.id, startedOn: '2026-11-28', kind: 'sole_trader' }), 'BAD_INPUT').message).toBe('创业日期：创业日期不能晚于今天（2026-11-27）');
    expect(expectError(ready.call('startups.recordStart', { personId: founder, enterpriseId: firm.id, startedOn: '2026-03-01', kind: 'shop' }), 'BAD_INPUT').message).toContain('请选择创业类型');
    expect(writes(ready)).toBe(before);

    const start = expectOk<BusinessStartView>(ready.call('startups.recordStart', { personId: founder, enterpriseId: firm.id, startedOn: '2026-03-01', kind: 'enterprise' }));
    const afterStart = writes(ready);
    const zero = expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, termMonths: 0 }), 'BAD_INPUT');
    expect(zero.message).toBe('贷款期限：贷款期限应至少1个月');
    expect(zero.fields).toHaveProperty('termMonths');
    expect(expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, termMonths: -6 }), 'BAD_INPUT').message).toBe('贷款期限：贷款期限应至少1个月');
    expect(expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, termMonths: 37 }), 'BAD_INPUT').message).toBe('贷款期限：贷款期限不能超过36个月（个人创业担保贷款的上限）');
    expect(expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, amountFen: 30_000_001 }), 'BAD_INPUT').message).toBe('贷款金额：贷款金额不能超过30万元（个人创业担保贷款的上限）');
    // 贴息期: inside the term (granted 2026-04-01, due 2028-04-01), not overlapping.
    const overlapping = [{ periodFrom: '2026-04-01', periodTo: '2026-09-30', amountFen: 180_000 }, { periodFrom: '2026-09-01', periodTo: '2027-03-31', amountFen: 180_000 }];
    expect(expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, interestPeriods: overlapping }), 'BAD_INPUT').message).toBe('贴息期：第2个贴息期与其他贴息期重叠');
    expect(expectError(ready.call('startups.applyLoan', { businessStartId: start.id, ...LOAN, interestPeriods: [{ periodFrom: '2028-01-01', periodTo: '2028-04-02', amountFen: 100 }] }), 'BAD_INPUT').message)
      .toBe('贴息期：第1个贴息期应在贷款期限内（2026-04-01至2028-04-01）');
    expect(writes(ready)).toBe(afterStart);

    const loan = expectOk<StartupLoanView>(ready.call('startups.applyLoan', {
      businessStartId: start.id, ...LOAN,
      interestPeriods: [{ periodFrom: '2026-04-01', periodTo: '2026-09-30', amountFen: 180_000 }, { periodFrom: '2026-10-01', periodTo: '2027-03-31', amountFen: 175_050 }],
    }));
    expect(loan).toMatchObject({ borrowerLabel: '个人', guaranteeLabel: '创业担保基金担保', lastDay: '2028-04-01', interestTotalFen: 355_050 });
    expect(loan.interestPeriods).toHaveLength(2);
  });

  it('counts the jobs created from approved 就业登记 at the enterprise (not the founder), links the 一次性创业补贴 application, and shows on both timelines', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    const founder = registerPerson(ready, ZHANG_SAN);
    const firm = registerEnterprise(ready);
    const start = expectOk<BusinessStartView>(ready.call('startups.recordStart', { personId: founder, enterpriseId: firm.id, startedOn: '2026-03-01', kind: 'enterprise', note: '首次创业' }));
    expectOk<IncubatorPlaceView>(ready.call('startups.addIncubation', { businessStartId: start.id, incubator: '吴中区大学生创业园', place: 'A区12号', fromOn: '2026-02-15', toOn: '2027-02-14' }));
    expect(expectError(ready.call('startups.addIncubation', { businessStartId: start.id, incubator: '吴中区大学生创业园', place: 'A区13号', fromOn: '2026-05-01', toOn: '2026-04-30' }), 'BAD_INPUT').message)
      .toBe('入孵止日：入孵止日不能早于入孵起日（2026-05-01）');

    // Two hires at the firm, one at another employer, and the founder's own registration: 2 jobs created.
    approve(ready, lina, registerPerson(ready, LI_XIUYING), 'employment_registration', HIRE_FORM, HIRE_DOCS);
    approve(ready, lina, registerPerson(ready, ZHANG_LI), 'employment_registration', { ...HIRE_FORM, employerCreditCode: CODE_A.toLowerCase() }, HIRE_DOCS);
    const elsewhere = registerPerson(ready, { idNumber: idNumber('320506', '1995-02-03', '035'), name: '王五', phone: '13951009999' });
    approve(ready, lina, elsewhere, 'employment_registration', { ...HIRE_FORM, employerName: '别家公司', employerCreditCode: '914403001922038216' }, HIRE_DOCS);
    approve(ready, lina, founder, 'employment_registration', { ...HIRE_FORM, channel: 'self_employed', businessName: '苏州吴中精工机械有限公司', contractType: null, contractEndDate: null }, ['id_card', 'business_license']);

    const detail = expectOk<BusinessStartDetail>(ready.call('startups.get', { id: start.id }));
    expect(detail.jobsCreated).toBe(2);
    expect(detail.jobs.map((j) => j.personName).sort()).toEqual(['张丽', '李秀英']);
    expect(detail.jobs[0]!.idNumberMasked).toMatch(/\*{6}/);
    expect(detail.incubation).toMatchObject([{ incubator: '吴中区大学生创业园', place: 'A区12号', fromOn: '2026-02-15', toOn: '2027-02-14' }]);
    expect(expectOk<BusinessStartView[]>(ready.call('startups.list', { query: '精工' })).map((s) => [s.personName, s.jobsCreated])).toEqual([['张三', 2]]);

    // 一次性创业补贴 is a 补贴申请 with the catalogue's startup_one_time: only such an application of the founder links.
    const other = createCase(ready.call, founder, 'subsidy_application', { subsidyCode: 'flexible_social_insurance', requestedAmountFen: '100000' }, ['id_card', 'subsidy_application_form', 'bank_account']);
    expect(expectError(ready.call('startups.linkSubsidyCase', { businessStartId: start.id, caseId: other.id }), 'BAD_INPUT').message).toBe('补贴申请：只能关联“一次性创业补贴”的补贴申请');
    const subsidy = expectOk<CaseView>(ready.call('cases.create', { personId: founder, caseType: 'subsidy_application', form: { subsidyCode: 'startup_one_time', requestedAmountFen: '500000' }, documents: ['id_card', 'subsidy_application_form', 'bank_account'] }));
    const linked = expectOk<BusinessStartView>(ready.call('startups.linkSubsidyCase', { businessStartId: start.id, caseId: subsidy.id }));
    expect(linked.subsidyCaseText).toBe('一次性创业补贴申请：草稿');

    const personTimeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: founder })).find((s) => s.kind === 'startups')!;
    expect(personTimeline.events.map((e) => e.title)).toEqual(['创业：苏州吴中精工机械有限公司（企业）', '入驻孵化：吴中区大学生创业园 A区12号']);
    const firmTimeline = expectOk<EnterpriseTimelineSection[]>(ready.call('enterprises.timeline', { id: firm.id })).find((s) => s.kind === 'startups')!;
    expect(firmTimeline.events[0]).toMatchObject({ title: expect.stringContaining('创业者：张三'), link: `/startups/${start.id}` });
    // The province receives the start with its incubation, as one record.
    expect(rows(ready, "select count(distinct entity_id) as n from exchange_changes where entity = 'business_starts'")[0]!.n).toBe(1);
  });

  it('shows the founder\'s 创业指导 sessions — guidance\'s own records — on the business start, and no other session', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const founder = registerPerson(ready, ZHANG_SAN);
    const start = expectOk<BusinessStartView>(ready.call('startups.recordStart', { personId: founder, enterpriseId: registerEnterprise(ready).id, startedOn: '2026-03-01', kind: 'enterprise' }));
    const session = (sessionDate: string, topics: string[]) => expectOk(sunli.call('guidance.recordSession', { personId: founder, sessionDate, durationMinutes: 45, mode: 'window', topics }));
    session('2026-02-10', ['entrepreneurship', 'policy_advice']);
    session('2026-06-15', ['job_search_skills']);
    session('2026-09-03', ['entrepreneurship']);
    const detail = expectOk<BusinessStartDetail>(ready.call('startups.get', { id: start.id }));
    expect(detail.mentoring.map((m) => [m.sessionDate, m.modeLabel, m.durationMinutes, m.counselorName])).toEqual([
      ['2026-09-03', '窗口', 45, '孙丽'],
      ['2026-02-10', '窗口', 45, '孙丽'],
    ]);
  });
});
