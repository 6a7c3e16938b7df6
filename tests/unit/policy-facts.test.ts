import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import {
  POLICY_FACTS,
  factsFor,
  monthsToRetirement,
  personDateFacts,
  snapshotProblems,
} from '../../shared/domain/policies/facts';
import { statutoryRetirement, withinYearsOfRetirement } from '../../shared/domain/retirement';
import { random } from '../fixtures/seeded-random';

describe('the fact catalogue', () => {
  it('gives every fact a Chinese label, a meaning (口径) and at least one target', () => {
    for (const [name, spec] of Object.entries(POLICY_FACTS)) {
      expect(spec.label, name).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.meaning.length, name).toBeGreaterThan(3);
      expect(spec.targets.length, name).toBeGreaterThan(0);
    }
  });

  it('has the facts the issue names, for persons and for enterprises', () => {
    expect(factsFor('person')).toEqual(expect.arrayContaining([
      'age', 'sex', 'householdType', 'keyGroups', 'certified', 'certificationCategory', 'employmentStatus',
      'registeredUnemployedMonths', 'monthsSinceGraduation', 'graduatedThisYear', 'contributionMonths', 'contributionMonthsLast12',
      'monthsToRetirement', 'onPublicWelfarePost', 'lowIncomeStatus', 'disabled', 'deceased', 'foundedEnterprise',
      'certificateLevel', 'flexibleEmployment', 'enjoyedPolicies', 'entitlements',
    ]));
    expect(factsFor('enterprise')).toEqual(expect.arrayContaining([
      'insuredHeadcount', 'insuredHeadcountChangePct', 'layoffRatePct', 'keyGroupHiresInPeriod', 'graduateHiresInPeriod',
      'unemploymentInsuranceContributionsLastYearFen', 'sizeClass', 'enterpriseAgeMonths', 'enjoyedPolicies', 'entitlements',
    ]));
    expect(factsFor('enterprise')).not.toContain('age');
    expect(factsFor('person')).not.toContain('insuredHeadcount');
  });

  it('lists the key-group codes of key-groups.ts as the codes of keyGroups', () => {
    const type = POLICY_FACTS.keyGroups.type;
    expect(type.codes.map(([code]) => code)).toContain('graduate_unemployed_2y');
    expect(type.codes.map(([code]) => code)).toContain('employment_difficulty');
  });
});

describe('a snapshot the backend builds', () => {
  it('is fine with unknown values and keys the catalogue does not know', () => {
    expect(snapshotProblems('person', { age: 30, certified: null, ethnicity: '01', name: '张三' })).toEqual([]);
  });

  it('names facts of the other target and values of the wrong type', () => {
    expect(snapshotProblems('person', { insuredHeadcount: 5, age: '30', keyGroups: ['nobody'], sex: 'male' })).toEqual([
      'insuredHeadcount：「参保人数」不是个人的事实',
      'age：「年龄」应为数字（岁）',
      'keyGroups：「重点群体」应为代码表中的值的列表',
    ]);
    expect(snapshotProblems('enterprise', { layoffRatePct: 120, contributionArrears: 'no' })).toEqual([
      'layoffRatePct：「上年度裁员率」不能大于100%',
      'contributionArrears：「欠缴社会保险费」应为是或否',
    ]);
  });
});

describe('monthsToRetirement under the 2025 table', () => {
  it('counts a part month as a whole one and is 0 from the retirement date on', () => {
    // Born 1970-05-10, a man: 61岁5个月, retires 2031-10-10.
    expect(monthsToRetirement('1970-05-10', 'male', '2031-10-09')).toBe(1);
    expect(monthsToRetirement('1970-05-10', 'male', '2031-10-10')).toBe(0);
    expect(monthsToRetirement('1970-05-10', 'male', '2040-01-01')).toBe(0);
    expect(monthsToRetirement('1970-05-10', 'male', '2031-09-10')).toBe(1);
    expect(monthsToRetirement('1970-05-10', 'male', '2031-09-09')).toBe(2);
    expect(monthsToRetirement('1970-05-10', 'male', '2026-10-10')).toBe(60);
    expect(monthsToRetirement('1970-05-10', 'male', '2026-10-09')).toBe(61);
  });

  it('follows the woman’s original category', () => {
    // Born 1975-03-15: as a worker (50) she retires at 50岁2个月, 2025-05-15; as a cadre (55) at 56岁4个月, 2031-07-15.
    expect(monthsToRetirement('1975-03-15', 'female', '2025-05-14', 'worker50')).toBe(1);
    expect(monthsToRetirement('1975-03-15', 'female', '2025-05-15', 'worker50')).toBe(0);
    expect(statutoryRetirement('1975-03-15', 'female').retirementDate).toBe('2031-07-15');
    expect(monthsToRetirement('1975-03-15', 'female', '2025-05-15')).toBe(74);
  });

  it('is within 1–60 exactly when retirement.ts says "within 5 years of retirement", over 3,000 random days', () => {
    const r = random(20_251);
    for (let i = 0; i < 3000; i += 1) {
      const birthDate = r.date(1955, 1985);
      const sex = r.pick(['male', 'female'] as const);
      const category = sex === 'female' ? r.pick(['worker50', 'cadre55', undefined] as const) : undefined;
      const on = r.date(2015, 2045);
      const n = monthsToRetirement(birthDate, sex, on, category);
      expect(n >= 1 && n <= 60, `${birthDate} ${sex} ${category} on ${on}: ${n}`).toBe(withinYearsOfRetirement(birthDate, sex, on, 5, category));
    }
  });

  it('handles a retirement date clamped to the end of a short month', () => {
    // Born 1968-07-31, a man: 60岁11个月 → 2029-06-30 (no 31 June).
    expect(statutoryRetirement('1968-07-31', 'male').retirementDate).toBe('2029-06-30');
    expect(monthsToRetirement('1968-07-31', 'male', '2029-06-29')).toBe(1);
    expect(monthsToRetirement('1968-07-31', 'male', addDays('2024-06-30', -1))).toBe(61);
    expect(monthsToRetirement('1968-07-31', 'male', '2024-06-30')).toBe(60);
  });
});

describe('personDateFacts', () => {
  it('turns a year older on the birthday, not the day before', () => {
    expect(personDateFacts({ birthDate: '2010-05-01', sex: 'female' }, '2026-04-30').age).toBe(15);
    expect(personDateFacts({ birthDate: '2010-05-01', sex: 'female' }, '2026-05-01').age).toBe(16);
  });

  it('gives a person born on 29 February the new year of age on 1 March of a common year', () => {
    expect(personDateFacts({ birthDate: '2008-02-29', sex: 'male' }, '2025-02-28').age).toBe(16);
    expect(personDateFacts({ birthDate: '2008-02-29', sex: 'male' }, '2025-03-01').age).toBe(17);
  });
});
