import { describe, expect, it } from 'vitest';
import type { BatchView, CaseView, FindingListItem, FindingView, JobView, PersonView, PolicyEvaluation, SweepView } from '../../shared/contract';
import { SEED_POLICIES, policyFactNames } from '../../shared/domain/policies';
import { EMPLOYMENT_DOCS, EMPLOYMENT_FORM, actOk, colleagues, createCase } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, register } from './registry-helpers';

const FLEXIBLE = 'flexible_social_insurance';
const GRADUATE = { idNumber: idNumber('320506', '2003-04-18', '028'), name: '林小雨', educationCode: '20', graduationDate: '2026-06-30', phone: '13951006677' };

async function sweep(ready: ReadyDesk): Promise<SweepView> {
  const job = await ready.desk.jobs.settled(expectOk<JobView>(ready.call('policies.sweepStart', {})).id);
  expect(job.state, job.error ?? '').toBe('done');
  return job.result as SweepView;
}

/** One dated department import of `source`, with rows written by `rows(importId)`. */
function departmentImport(ready: ReadyDesk, source: string, asOf: string, rows: (importId: number, sqlite: ReturnType<ReadyDesk['desk']['database']>['sqlite']) => void = () => undefined): void {
  const { sqlite } = ready.desk.database();
  const id = Number(
    sqlite.prepare('insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values (?, ?, ?, 1, 1, 0, ?)').run(source, asOf, `${source}.xlsx`, `${asOf}T08:00:00.000Z`).lastInsertRowid,
  );
  rows(id, sqlite);
}

function flexiblyEmployedGraduate(ready: ReadyDesk, reviewer: { call: ReadyDesk['call'] }): number {
  const person = register(ready, GRADUATE);
  const accepted = actOk(ready.call, createCase(ready.call, person.id, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS), 'accept');
  actOk(reviewer.call, actOk(reviewer.call, accepted, 'start_review'), 'approve', '灵活就业，同意登记');
  return person.id;
}

describe('政策找人: the sweep', () => {
  it('judges only what changed: everyone at first, nobody when nothing changed, the one corrected person, and everyone again when a version is activated', async () => {
    const ready = readyDesk();
    const people = ['王伟', '李娜', '张敏'].map((name, i) => register(ready, { idNumber: idNumber('320506', `198${i}-03-0${i + 1}`, `01${i}`), name }));
    expect(await sweep(ready)).toMatchObject({ mode: 'full', evaluated: 3 });
    expect(await sweep(ready)).toMatchObject({ mode: 'incremental', evaluated: 0 });
    const first = people[0]!;
    expectOk<PersonView>(ready.call('persons.update', { id: first.id, version: first.version, changes: { phone: '13700001111' }, reason: '本人更换号码' }));
    expect(await sweep(ready)).toMatchObject({ mode: 'incremental', evaluated: 1 });

    // The administrator (王芳 is also front desk here) activates a new version: everyone is judged again.
    const seed = SEED_POLICIES.find((p) => p.code === FLEXIBLE)!;
    expectOk(ready.call('policies.saveDraft', { code: FLEXIBLE, definition: seed }));
    expectOk(ready.call('policies.activate', { code: FLEXIBLE, version: 2, reason: '新版本' }));
    expect(await sweep(ready)).toMatchObject({ mode: 'full', evaluated: 3 });
    expect(expectOk<SweepView[]>(ready.call('policies.sweeps', {})).map((s) => s.evaluated)).toEqual([3, 1, 0, 3]);
  });

  it('finds a flexibly employed graduate once 社保 data shows her contributions, explains why, takes the outreach and opens a prefilled application', async () => {
    const ready = readyDesk();
    const { lina, liuyang } = colleagues(ready, ['lina', 'liuyang']);
    const personId = flexiblyEmployedGraduate(ready, lina);
    await sweep(ready);
    // Contributions and deaths unknown: not yet a finding for this policy as eligible, only needs_check.
    const before = expectOk<{ items: FindingListItem[] }>(ready.call('policies.findings', { policyCode: FLEXIBLE })).items;
    expect(before.map((f) => [f.subject.id, f.result])).toEqual([[personId, 'needs_check']]);

    departmentImport(ready, 'deaths', '2026-11-20');
    departmentImport(ready, 'person_insurance', '2026-11-20', (importId, sqlite) =>
      sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12) values (?, ?, 4, 4)').run(importId, personId),
    );
    expect(await sweep(ready)).toMatchObject({ evaluated: 1 });
    const [found] = expectOk<{ items: FindingListItem[]; total: number }>(ready.call('policies.findings', { policyCode: FLEXIBLE })).items;
    expect(found).toMatchObject({ result: 'eligible', amountFen: 160_000, amountConfirmed: false, status: 'open', subject: { name: '林小雨', phoneMasked: expect.stringContaining('****') } });
    expect(found!.subject.keyMasked).toMatch(/^3205\*{10}\d{3}[\dX]$/);

    const view = expectOk<FindingView>(liuyang.call('policies.finding', { id: found!.id }));
    expect(view.explanation.title).toBe('为什么符合');
    expect(view.facts).toMatchObject({ contributionMonthsLast12: 4, deceased: false });
    // The finding keeps the facts its policy names and the verdict without its trace; the trace shown is derived
    // again from them, and is the one policies.evaluate gives for her today.
    const stored = ready.desk.database().sqlite.prepare('select verdict, facts from policy_findings where id = ?').get(found!.id) as { verdict: string; facts: string };
    expect(JSON.parse(stored.verdict)).not.toHaveProperty('trace');
    const named = new Set(policyFactNames(SEED_POLICIES.find((p) => p.code === FLEXIBLE)!));
    expect(Object.keys(JSON.parse(stored.facts)).filter((name) => !named.has(name))).toEqual([]);
    expect(view.facts).not.toHaveProperty('householdType');
    const evaluated = expectOk<PolicyEvaluation>(liuyang.call('policies.evaluate', { policyCode: FLEXIBLE, personId }));
    expect(view.trace.length).toBeGreaterThan(3);
    expect(view.trace).toEqual(evaluated.trace);
    expect(view.suggestedMessage).toContain('灵活就业社会保险补贴');
    const contacted = expectOk<FindingView>(
      liuyang.call('policies.recordOutreach', { findingId: found!.id, channel: 'sms', contactedOn: '2026-11-27', outcome: 'interested', message: view.suggestedMessage }),
    );
    expect(contacted).toMatchObject({ status: 'contacted', outreach: [{ channel: 'sms', outcome: 'interested', staff: '刘洋' }] });
    expect(expectError(liuyang.call('policies.recordOutreach', { findingId: found!.id, channel: 'phone', contactedOn: '2026-12-31', outcome: 'reached' }), 'BAD_INPUT').message).toContain('联系日期');

    const application = expectOk<CaseView>(liuyang.call('policies.openApplication', { findingId: found!.id }));
    expect(application).toMatchObject({ caseType: 'subsidy_application', state: 'draft', form: { subsidyCode: FLEXIBLE, requestedAmountFen: '160000' } });
    expect(expectOk<FindingView>(liuyang.call('policies.finding', { id: found!.id }))).toMatchObject({ status: 'applied', caseId: application.id });
    expect(expectError(liuyang.call('policies.openApplication', { findingId: found!.id }), 'CONFLICT').message).toContain('已为该记录生成过申请');
  });
});

describe('免申即享', () => {
  it('an employer that hired a 2026 graduate is proposed in a batch; another reviewer confirms it into a prefilled application, the proposer cannot', async () => {
    const ready = readyDesk();
    const { lina, zhouqiang } = colleagues(ready, ['lina', 'zhouqiang']);
    const enterprise = registerEnterprise(ready);
    const graduate = register(ready, { idNumber: idNumber('320506', '2003-09-09', '046'), name: '陈晨', educationCode: '20', graduationDate: '2026-06-30' });
    departmentImport(ready, 'employer_insurance', '2026-11-20', (importId, sqlite) =>
      sqlite.prepare('insert into employer_insurance (import_id, enterprise_id, insured_headcount, arrears) values (?, ?, 40, 0)').run(importId, enterprise.id),
    );
    departmentImport(ready, 'person_insurance', '2026-11-20', (importId, sqlite) =>
      sqlite.prepare("insert into person_insurance (import_id, person_id, months_total, months_last12, enterprise_id, employer_since) values (?, ?, 4, 4, ?, '2026-07-15')").run(importId, graduate.id, enterprise.id),
    );
    await sweep(ready);
    const [found] = expectOk<{ items: FindingListItem[] }>(ready.call('policies.findings', { policyCode: 'job_expansion' })).items;
    expect(found).toMatchObject({ result: 'eligible', amountFen: 150_000, subject: { type: 'enterprise', id: enterprise.id } });

    const proposed = expectOk<BatchView>(lina.call('policies.proposeBatch', { policyCode: 'job_expansion' }));
    expect(proposed).toMatchObject({ state: 'proposed', items: [{ id: found!.id }], createdBy: '李娜' });
    expect(expectError(ready.call('policies.proposeBatch', { policyCode: FLEXIBLE }), 'BAD_INPUT').message).toContain('不是免申即享政策');
    expect(expectError(lina.call('policies.decideBatch', { id: proposed.id, decisions: [{ findingId: found!.id, decision: 'confirmed' }] }), 'FORBIDDEN').message).toContain('另一位审核员');
    const decided = expectOk<BatchView>(zhouqiang.call('policies.decideBatch', { id: proposed.id, decisions: [{ findingId: found!.id, decision: 'confirmed' }] }));
    expect(decided).toMatchObject({ state: 'decided', items: [{ status: 'applied', decision: 'confirmed' }] });
    const caseId = decided.items[0]!.caseId!;
    expect(expectOk<CaseView>(ready.call('cases.get', { id: caseId }))).toMatchObject({ caseType: 'subsidy_application', form: { subsidyCode: 'job_expansion', requestedAmountFen: '150000' } });
  });
});
