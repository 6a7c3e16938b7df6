import { describe, expect, it } from 'vitest';
import type { PolicyEvaluation } from '../../shared/contract';
import { NOT_HERE, REGISTERED_A, departmentFile, importFacts, registerBoth } from './fact-helpers';
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
});
