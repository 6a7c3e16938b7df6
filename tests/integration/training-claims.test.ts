import { describe, expect, it } from 'vitest';
import type { CaseView, EnterpriseTimelineSection, EntitlementView, MonthlyReport, TimelineSection, PaymentBatchView, TrainingClaimPreview, TrainingClassView, TrainingEnrolmentView } from '../../shared/contract';
import { actOk, colleagues } from './cases-helpers';
import { CODE_A, registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { rows } from './registry-helpers';
import { assess, enrol, enrolmentOf, programme, provider, PROVIDER_CODE, runClass, trainee, trainingClass } from './training-helpers';

// The desk's clock starts on Friday 2026-11-27.
const CLAIM_DOCS = ['business_license', 'training_claim_form', 'trainee_roster', 'bank_account'];
const claimForm = (classNumber: string) => ({ classNumber, bankAccount: '6222020200099999999', bankName: '中国银行吴中支行' });

function writes(ready: ReadyDesk): string {
  return ['cases', 'training_claim_trainees', 'payment_entitlements', 'audit_log'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

function certify(call: ReadyDesk['call'], e: TrainingEnrolmentView, number: string): TrainingEnrolmentView {
  return expectOk<TrainingEnrolmentView>(call('training.issueCertificate', { enrolmentId: assess(call, e, 'passed', e.completedOn!).id, certificateNumber: number, issuedOn: e.completedOn! }));
}

describe('培训补贴: the training institution claims through case handling, paid per qualified trainee', () => {
  it('claims 2 qualified trainees × 1,200 元 for an ended class, refuses a class not ended, another provider and a trainee paid before, and the approval reaches 资金兑付', () => {
    const ready = readyDesk();
    const { sunli, lina } = colleagues(ready, ['sunli', 'lina']);
    const school = provider(sunli.call);
    const forklift = programme(sunli.call, school.id); // 补贴标准 120,000 分 = 1,200 元 per person
    // The provider as an applicant is the registry's enterprise with the same credit code.
    const claimant = registerEnterprise(ready, { creditCode: PROVIDER_CODE, name: '吴中区职业培训学校' });
    const stranger = registerEnterprise(ready, { creditCode: CODE_A });

    const cls = trainingClass(sunli.call, forklift.id, '2026-叉车-09', '2026-11-02', '2026-11-12');
    const people = [['张三', '1990-05-12', '013'], ['王五', '1988-02-03', '035'], ['李四', '1985-07-01', '051'], ['赵六', '1992-09-09', '077'], ['钱七', '1979-03-15', '099']] as const;
    const ids = people.map(([name, born, seq]) => trainee(ready, name, born, seq));
    const enrolled = ids.map((id) => enrol(sunli.call, cls.id, id, '2026-10-28'));
    // 王五 misses half the hours: not completed.
    const closed = runClass(sunli.call, cls, enrolled, [enrolled[1]!.id]);
    const [zhang, , li, zhao, qian] = ids.map((id) => enrolmentOf(closed, id));
    certify(sunli.call, zhang!, 'S0000320506101');
    certify(sunli.call, qian!, 'S0000320506105');
    const liCert = certify(sunli.call, li!, 'S0000320506103');
    expectOk(sunli.call('training.revokeCertificate', { certificateId: liCert.certificate!.id, version: 1, revokedOn: '2026-11-20', reason: '考核材料不实' }));
    assess(sunli.call, zhao!, 'failed', '2026-11-12');

    // Qualified: 张三 and 钱七 (王五 not completed, 赵六 failed, 李四's certificate revoked): 2 × 120,000 = 240,000 分.
    const preview = expectOk<TrainingClaimPreview>(ready.call('training.claimPreview', { classId: cls.id }));
    expect(preview).toMatchObject({ claimantEnterpriseId: claimant.id, problem: null, paidCount: 2, totalFen: 240_000 });
    expect(preview.lines.map((l) => [l.personName, l.certificateNumber, l.amountFen])).toEqual([['张三', 'S0000320506101', 120_000], ['钱七', 'S0000320506105', 120_000]]);

    // Bad input, nothing written: a class still running, a class of another provider.
    const running = trainingClass(sunli.call, forklift.id, '2026-叉车-10', '2026-11-23', '2026-12-10');
    const before = writes(ready);
    const notEnded = expectError(ready.call('cases.create', { enterpriseId: claimant.id, caseType: 'training_subsidy_claim', form: claimForm(running.classNumber), documents: CLAIM_DOCS }), 'BAD_INPUT');
    expect(notEnded.message).toBe('培训期次“2026-叉车-10”尚未结束（结束日期2026-12-10），结业后方可申领培训补贴');
    const notTheirs = expectError(ready.call('cases.create', { enterpriseId: stranger.id, caseType: 'training_subsidy_claim', form: claimForm(cls.classNumber), documents: CLAIM_DOCS }), 'BAD_INPUT');
    expect(notTheirs.message).toBe(`培训期次“2026-叉车-09”由吴中区职业培训学校（${PROVIDER_CODE}）承办，只能由该培训机构申领培训补贴`);
    const unknown = expectError(ready.call('cases.create', { enterpriseId: claimant.id, caseType: 'training_subsidy_claim', form: claimForm('2026-不存在-01'), documents: CLAIM_DOCS }), 'BAD_INPUT');
    expect(unknown.message).toBe('没有编号为“2026-不存在-01”的培训期次');
    // A person cannot claim a provider's subsidy.
    expect(expectError(ready.call('cases.create', { personId: ids[0], caseType: 'training_subsidy_claim', form: claimForm(cls.classNumber), documents: ['training_claim_form'] }), 'BAD_INPUT').message).toBe('职业培训补贴申领只能由单位申请，不能由个人申请');
    expect(writes(ready)).toBe(before);

    // The claim through the case workflow: accepted at the window, approved by a reviewer.
    const draft = expectOk<CaseView>(ready.call('cases.create', { enterpriseId: claimant.id, caseType: 'training_subsidy_claim', form: claimForm(cls.classNumber), documents: CLAIM_DOCS }));
    const accepted = actOk(ready.call, draft, 'accept');
    const approved = actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve');
    expect(approved.state).toBe('approved');
    expect(rows(ready, 'select p.name, t.amount_fen from training_claim_trainees t join persons p on p.id = t.person_id order by t.id')).toEqual([{ name: '张三', amount_fen: 120_000 }, { name: '钱七', amount_fen: 120_000 }]);
    const owed = expectOk<{ items: EntitlementView[] }>(lina.call('payments.entitlements', { status: 'unpaid' })).items;
    expect(owed.map((e) => [e.payee.name, e.policyCode, e.amountFen, e.receiptNo, e.basisReason, e.account?.accountMasked])).toEqual([
      ['吴中区职业培训学校', 'vocational_training', 240_000, approved.receiptNo, `培训期次2026-叉车-09合格学员2人 × 补贴标准1200元（${approved.receiptNo}）`, '6222 **** 9999'],
    ]);
    // On the timelines: the provider's claim with the amount decided, the trainee's training with the subsidy claimed for it.
    const provided = expectOk<EnterpriseTimelineSection[]>(ready.call('enterprises.timeline', { id: claimant.id })).find((s) => s.kind === 'subsidies')!;
    expect(provided.events.map((e) => [e.title, e.detail])).toEqual([['职业培训补贴申领：期次2026-叉车-09（已批准）', `编号 ${approved.receiptNo}；核定补贴 2,400.00 元`]]);
    const trained = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: ids[0] })).find((s) => s.kind === 'trainings')!;
    expect(trained.events[0]!.detail).toBe(`报名 2026-10-28 · 结业 2026-11-12 · 考核合格 · 证书 S0000320506101（五级/初级工） · 培训机构已申领培训补贴 1,200.00元（${approved.receiptNo}）`);

    // 资金兑付 pays it in the month's batch.
    const batch = expectOk<{ batch: PaymentBatchView }>(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11' })).batch;
    expect(batch).toMatchObject({ count: 1, totalFen: 240_000 });

    // A second claim for the same class: every qualified trainee was paid, 受理 is refused and the draft stays a draft.
    const second = expectOk<CaseView>(ready.call('cases.create', { enterpriseId: claimant.id, caseType: 'training_subsidy_claim', form: claimForm(cls.classNumber), documents: CLAIM_DOCS }));
    const refused = expectError(ready.call('cases.transition', { id: second.id, version: second.version, action: 'accept' }), 'BAD_INPUT');
    expect(refused.message).toBe(`不能受理：培训期次“2026-叉车-09”的合格学员均已申领过培训补贴（张三：已在${approved.receiptNo}中申领过培训补贴，不再重复补贴；钱七：已在${approved.receiptNo}中申领过培训补贴，不再重复补贴）`);
    expectOk(ready.call('cases.transition', { id: second.id, version: second.version, action: 'withdraw', comment: '重复申请' }));

    // A later class of the same occupation and level: 张三, paid once already, is listed at 0 with the reason; 孙八 is paid.
    const later = trainingClass(sunli.call, forklift.id, '2026-叉车-11', '2026-11-16', '2026-11-20');
    const sun = trainee(ready, '孙八', '1991-01-20', '115');
    const laterEnrolled = [enrol(sunli.call, later.id, ids[0]!, '2026-11-13'), enrol(sunli.call, later.id, sun, '2026-11-13')];
    const laterClosed = runClass(sunli.call, later as TrainingClassView, laterEnrolled);
    certify(sunli.call, enrolmentOf(laterClosed, ids[0]!), 'S0000320506201');
    certify(sunli.call, enrolmentOf(laterClosed, sun), 'S0000320506202');
    const laterPreview = expectOk<TrainingClaimPreview>(ready.call('training.claimPreview', { classId: later.id }));
    expect(laterPreview.lines.map((l) => [l.personName, l.amountFen, l.refusal])).toEqual([
      ['张三', 0, `已在${approved.receiptNo}中申领过培训补贴，不再重复补贴`], ['孙八', 120_000, null],
    ]);
    expect(laterPreview.totalFen).toBe(120_000);

    // The monthly report's training lines for 2026-11 (2026-10-21 to 2026-11-20): 结业 in the period — 张三, 李四, 赵六,
    // 钱七 (class 09, 11-12) and 张三 again with 孙八 (class 11, 11-20) — 5 persons of 就业技能培训, 张三 once; certificates
    // issued and not revoked — 张三 (twice, once counted), 钱七, 孙八: 3 (李四's was revoked).
    const report = expectOk<MonthlyReport>(lina.call('reports.monthly', { period: '2026-11' }));
    expect(report.training).toEqual({ completedByKind: { employment_skills: 5, entrepreneurship: 0, employee_upskilling: 0 }, certified: 3 });
  });
});
