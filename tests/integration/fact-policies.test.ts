import { describe, expect, it } from 'vitest';
import type { PolicyEvaluation } from '../../shared/contract';
import { NOT_HERE, REGISTERED_A, REGISTERED_B, departmentFile, importFacts, registerBoth } from './fact-helpers';
import { expectOk, readyDesk } from './helpers';

describe('department data feeds the policy engine', () => {
  it('a 社保个人 file and a death list imported through facts.importStart become the facts policies.evaluate reads', async () => {
    const ready = readyDesk();
    const { a } = registerBoth(ready);
    const evaluate = () => expectOk<PolicyEvaluation>(ready.call('policies.evaluate', { policyCode: 'flexible_social_insurance', personId: a, on: '2026-11-27' })).facts;
    // Before any list: unknown, not zero and not alive.
    expect(evaluate()).toMatchObject({ contributionMonths: null, contributionMonthsLast12: null, deceased: null });
    await importFacts(ready, { source: 'person_insurance', base64: departmentFile(['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数'], [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 9]]) });
    // A sound death list that names nobody of ours still is a list: she is not on it.
    await importFacts(ready, { source: 'deaths', base64: departmentFile(['身份证号', '姓名', '死亡日期'], [[NOT_HERE.idNumber, NOT_HERE.name, '2026-10-02']]) });
    expect(evaluate()).toMatchObject({ contributionMonths: 40, contributionMonthsLast12: 9, deceased: false });
  });
  it('a newer file makes due whoever was only on the older one, whose fact has just turned unknown', async () => {
    const ready = readyDesk();
    const { a, b } = registerBoth(ready);
    const header = ['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数'];
    await importFacts(ready, { source: 'person_insurance', asOf: '2026-10-31', base64: departmentFile(header, [[REGISTERED_A.idNumber, REGISTERED_A.name, 40, 9], [REGISTERED_B.idNumber, REGISTERED_B.name, 12, 12]]) });
    const { sqlite } = ready.desk.database();
    const due = () => sqlite.prepare("select subject_id from policy_subjects where subject_type = 'person' and recheck_on = '' order by subject_id").pluck().all();
    sqlite.prepare("update policy_subjects set recheck_on = '9999-12-31'").run();
    // November's file names only A: B's months are no longer known, so B is due as much as A.
    await importFacts(ready, { source: 'person_insurance', asOf: '2026-11-20', base64: departmentFile(header, [[REGISTERED_A.idNumber, REGISTERED_A.name, 41, 10]]) });
    expect(due()).toEqual([a, b].sort((x, y) => x - y));
    const evaluate = (personId: number) => expectOk<PolicyEvaluation>(ready.call('policies.evaluate', { policyCode: 'flexible_social_insurance', personId, on: '2026-11-27' })).facts;
    expect(evaluate(b)).toMatchObject({ contributionMonths: null });
  });
});
