import { describe, expect, it } from 'vitest';
import type { PersonMatches, VacancyMatches, VacancyView } from '../../shared/contract';
import { colleagues } from './cases-helpers';
import { CODE_B, registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { MATCHING_SQL } from '../../db/queries/matching';
import { explain } from './plan-helpers';
import { CHANGQIAO, MUDU, idNumber, register } from './registry-helpers';

const SEEKER = {
  employmentStatus: 'unemployed_registered', intendedOccupationCode: '4-02-06', intendedPlace: '木渎镇',
  intendedSalaryMinFen: 450000, intendedSalaryMaxFen: 600000, educationCode: '60', residenceTownshipCode: MUDU.code,
};

function vacancy(ready: ReadyDesk, enterpriseId: number, extra: Record<string, unknown>): VacancyView {
  return expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId, source: 'walk_in', openings: 1, validFrom: '2026-11-01', validTo: '2026-12-31', ...extra }));
}

/** Two employers (木渎镇 and 长桥街道) and their vacancies, from a close fit to none. */
function fixture(ready: ReadyDesk) {
  const mudu = registerEnterprise(ready, { townshipCode: MUDU.code });
  const changqiao = registerEnterprise(ready, { creditCode: CODE_B, name: '苏州长桥物流有限公司', townshipCode: CHANGQIAO.code });
  const v = {
    exact: vacancy(ready, mudu.id, { occupationCode: '4-02-06', title: '仓库管理员', salaryMinFen: 500000, salaryMaxFen: 650000 }),
    exactFar: vacancy(ready, changqiao.id, { occupationCode: '4-02-06', title: '仓储专员', salaryMinFen: 500000, salaryMaxFen: 650000 }),
    sameMiddle: vacancy(ready, mudu.id, { occupationCode: '4-02-01', title: '货运调度', salaryMinFen: 400000, salaryMaxFen: 500000 }),
    sameGroupLowPay: vacancy(ready, changqiao.id, { occupationCode: '4-07-02', title: '保洁员', salaryMinFen: 250000, salaryMaxFen: 300000 }),
    needsDegree: vacancy(ready, mudu.id, { occupationCode: '4-02-06', title: '物流主管', educationCode: '20', salaryMinFen: 800000 }),
    otherGroup: vacancy(ready, mudu.id, { occupationCode: '6-18-01', title: '装配工' }),
    expired: vacancy(ready, mudu.id, { occupationCode: '4-02-06', title: '过期岗位', validFrom: '2026-10-01', validTo: '2026-11-20' }),
  };
  return { mudu, changqiao, v };
}

describe('人岗匹配: ranks by intention, place, pay and education, and says why', () => {
  it('ranks a person’s open vacancies in the expected order, names the filter that removed one, and skips other groups and expired ones', () => {
    const ready = readyDesk();
    const { v } = fixture(ready);
    const person = register(ready, { idNumber: idNumber('320506', '1990-05-12', '013'), name: '张三', ...SEEKER });
    const { sunli } = colleagues(ready, ['sunli']);
    const result = expectOk<VacancyMatches>(sunli.call('matching.forPerson', { personId: person.id }));
    expect(result.items.map((i) => [i.title, i.score])).toEqual([
      ['仓库管理员', 100], ['仓储专员', 85], ['货运调度', 85], ['保洁员', 40],
    ]);
    expect(result.items[0]!.reasons).toEqual([
      '职业与求职意向一致（4-02-06）（40分）', '工作地点（木渎镇）符合期望地点“木渎镇”（25分）', '月薪（5000元–6500元）达到期望（4500元–6000元）（20分）', '岗位学历不限（15分）',
    ]);
    expect(result.items[3]!.reasons).toContain('月薪（2500元–3000元）低于期望（4500元–6000元）（0分）');
    expect(result.filters).toEqual([{
      filter: 'education', label: '学历要求', rule: '本人学历（普通高中）低于岗位的学历要求', removed: 1, examples: ['物流主管（苏州吴中精工机械有限公司，要求大学本科及以上）'],
    }]);
    expect(result.scope).toBe('在招岗位中职业属于求职意向大类“社会生产服务和生活服务人员”的');
    expect(result.items.map((i) => i.vacancyId)).not.toContain(v.expired.id);
  });

  it('ranks the registered jobseekers for a vacancy, removes those below its education requirement and names them', () => {
    const ready = readyDesk();
    const { v } = fixture(ready);
    const near = register(ready, { idNumber: idNumber('320506', '1990-05-12', '013'), name: '张三', ...SEEKER, educationCode: '20' });
    register(ready, { idNumber: idNumber('320506', '1988-03-08', '024'), name: '张丽', ...SEEKER, educationCode: '20', intendedPlace: null, residenceTownshipCode: CHANGQIAO.code });
    register(ready, { idNumber: idNumber('320506', '1992-01-15', '004'), name: '李秀英', ...SEEKER, educationCode: '70' });
    register(ready, { idNumber: idNumber('320506', '1985-07-21', '031'), name: '王五', ...SEEKER, educationCode: '20', employmentStatus: 'employed' });
    register(ready, { idNumber: idNumber('320506', '1986-02-11', '035'), name: '赵六', ...SEEKER, educationCode: '10', intendedOccupationCode: '6-18-01' });
    const result = expectOk<PersonMatches>(ready.call('matching.forVacancy', { vacancyId: v.needsDegree.id }));
    expect(result.items.map((i) => [i.name, i.score])).toEqual([['张三', 100], ['张丽', 85]]);
    expect(result.items[0]).toMatchObject({ personId: near.id, phoneMasked: null, townshipName: '木渎镇', educationLabel: '大学本科' });
    expect(result.items[1]!.reasons).toContain('工作地点在本县其他乡镇（木渎镇）（10分）');
    expect(result.filters).toEqual([{ filter: 'education', label: '学历要求', rule: '学历要求：大学本科及以上', removed: 1, examples: ['李秀英'] }]);
    expect(result.considered).toBe(2);
  });

  it('never moves a score for sex, age or ethnicity: otherwise identical persons score the same for every vacancy', () => {
    const ready = readyDesk();
    const { v } = fixture(ready);
    const twins = [
      register(ready, { idNumber: idNumber('320506', '1990-05-12', '013'), name: '甲', ...SEEKER, ethnicityCode: '01' }),
      register(ready, { idNumber: idNumber('320506', '1990-05-12', '024'), name: '乙', ...SEEKER, ethnicityCode: '01' }),
      register(ready, { idNumber: idNumber('320506', '1968-03-02', '013'), name: '丙', ...SEEKER, ethnicityCode: '01' }),
      register(ready, { idNumber: idNumber('320506', '2003-09-30', '046'), name: '丁', ...SEEKER, ethnicityCode: '03' }),
    ];
    const sexes = twins.map((t) => t.sex);
    expect(new Set(sexes).size).toBe(2);
    const byPerson = twins.map((t) => expectOk<VacancyMatches>(ready.call('matching.forPerson', { personId: t.id })).items.map((i) => [i.vacancyId, i.score, i.reasons]));
    for (const other of byPerson.slice(1)) expect(other).toEqual(byPerson[0]);
    for (const vacancyId of [v.exact.id, v.sameMiddle.id, v.sameGroupLowPay.id]) {
      const scores = expectOk<PersonMatches>(ready.call('matching.forVacancy', { vacancyId })).items;
      expect(scores).toHaveLength(4);
      expect(new Set(scores.map((s) => `${s.score}|${s.reasons.join()}`)).size).toBe(1);
    }
  });

  it('reads the rest of the group only when it could still enter the top 20, and says so', () => {
    const ready = readyDesk();
    const { v } = fixture(ready);
    for (let i = 0; i < 21; i += 1) register(ready, { idNumber: idNumber('320506', `1990-01-${String(i + 1).padStart(2, '0')}`, '013'), name: `求职者${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三'[Math.floor(i / 10)]}`, ...SEEKER });
    const other = register(ready, { idNumber: idNumber('320506', '1985-07-21', '031'), name: '王五', ...SEEKER, intendedOccupationCode: '4-07-02' });
    const full = expectOk<PersonMatches>(ready.call('matching.forVacancy', { vacancyId: v.exact.id }));
    expect(full.items).toHaveLength(20);
    expect(full.items.every((i) => i.score === 100)).toBe(true);
    expect(full.considered).toBe(21);
    expect(full.scope).toContain('（只读取了职业代码与 4-02-06 一致的：其余最高 90 分，进不了前 20 名）');
    // For a vacancy nobody of its 中类 fits well, the rest of the group is read.
    const cleaning = expectOk<PersonMatches>(ready.call('matching.forVacancy', { vacancyId: v.sameGroupLowPay.id }));
    expect(cleaning.items[0]!.personId).toBe(other.id);
    expect(cleaning.scope).not.toContain('只读取了');
  });

  it('answers an unknown person or vacancy in Chinese', () => {
    const ready = readyDesk();
    expect(expectError(ready.call('matching.forPerson', { personId: 9999 }), 'BAD_INPUT').message).toBe('求职者：没有编号为 9999 的人员档案');
    expect(expectError(ready.call('matching.forVacancy', { vacancyId: 9999 }), 'BAD_INPUT').message).toBe('岗位：没有编号为 9999 的岗位');
  });

  it('chooses its candidates through the matching indexes, never scanning persons or vacancies', () => {
    const ready = readyDesk();
    const raw = ready.desk.database().sqlite;
    const plans = {
      vacanciesInRange: explain(raw, MATCHING_SQL.vacanciesInRange, ['4-02', '4-03', '2026-11-27', '2026-11-27', '["10","20"]']),
      removedVacancies: explain(raw, MATCHING_SQL.removedVacancies, ['4', '5', '2026-11-27', '2026-11-27', '["10","20"]']),
      seekersInRange: explain(raw, MATCHING_SQL.seekersInRange, ['4-02', '4-03', '["70","80"]']),
      removedSeekers: explain(raw, MATCHING_SQL.removedSeekers, ['4', '5', '["70","80"]']),
      removedSeekerNames: explain(raw, MATCHING_SQL.removedSeekerNames, ['4', '5', '["70","80"]', 10]),
    };
    for (const name of ['vacanciesInRange', 'removedVacancies'] as const) expect(plans[name].lines.join('\n'), name).toMatch(/SEARCH v USING COVERING INDEX vacancies_match/);
    for (const name of ['seekersInRange', 'removedSeekers'] as const) expect(plans[name].lines.join('\n'), name).toMatch(/SEARCH p USING COVERING INDEX persons_intention/);
    expect(plans.removedSeekerNames.lines.join('\n')).toMatch(/SEARCH p USING INDEX persons_intention/);
    const scans = Object.values(plans).flatMap((p) => p.lines.filter((line) => /^SCAN (v|p|e)\b/.test(line)));
    expect(scans).toEqual([]);
  });
});
