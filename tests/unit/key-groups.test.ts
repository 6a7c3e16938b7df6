import { describe, expect, it } from 'vitest';
import {
  type DifficultyCertification,
  type KeyGroupFacts,
  KEY_GROUP_LABELS,
  computeKeyGroups,
  isHigherEducation,
} from '../../shared/domain/key-groups';

/** An urban, employed man of 35 with no other facts: in no key group. */
function person(overrides: Partial<KeyGroupFacts> = {}): KeyGroupFacts {
  return {
    birthDate: '1990-06-15',
    sex: 'male',
    householdType: 'urban',
    educationCode: '60',
    graduationDate: null,
    employmentStatus: 'employed',
    isVeteran: false,
    disabilityGrade: null,
    lowIncomeStatus: null,
    certifications: [],
    ...overrides,
  };
}

function codes(facts: KeyGroupFacts, asOf: string): string[] {
  return computeKeyGroups(facts, asOf).map((tag) => tag.code);
}

function tag(facts: KeyGroupFacts, asOf: string, code: string) {
  return computeKeyGroups(facts, asOf).find((t) => t.code === code);
}

describe('key group labels', () => {
  it('labels every code', () => {
    expect(KEY_GROUP_LABELS).toEqual({
      graduate_this_year: '毕业年度高校毕业生',
      graduate_unemployed_2y: '离校2年内未就业高校毕业生',
      age_4050: '“4050”人员',
      near_retirement: '距法定退休年龄不足5年人员',
      rural_labour: '农村劳动力',
      veteran: '退役军人',
      disabled: '残疾人',
      low_income: '低保对象及低收入人口',
      employment_difficulty: '就业困难人员',
    });
  });

  it('puts nobody in a group without a reason', () => {
    expect(computeKeyGroups(person(), '2026-01-15')).toEqual([]);
  });

  it('refuses an impossible as-of date', () => {
    expect(() => computeKeyGroups(person(), '2026-02-29')).toThrow(RangeError);
  });
});

describe('4050', () => {
  const woman = person({ birthDate: '1986-05-20', sex: 'female' });

  it('a woman qualifies on her 40th birthday, not the day before', () => {
    expect(codes(woman, '2026-05-19')).toEqual([]);
    expect(computeKeyGroups(woman, '2026-05-20')).toStrictEqual([
      {
        code: 'age_4050',
        label: '“4050”人员',
        rule: '女性年满40周岁、男性年满50周岁（生日当天起），至法定退休年龄前一日止（法定退休年龄58岁，2044-05-20起退休；原退休年龄类别未登记，按原55周岁计算）',
        asOf: '2026-05-20',
        until: '2044-05-19',
      },
    ]);
  });

  it('ends the day before her retirement, which depends on her category', () => {
    // born 1986-05, original age 50: capped at 55 → 2041-05-20
    const worker = { ...woman, femaleRetirementCategory: 'worker50' as const };
    expect(tag(worker, '2026-05-20', 'age_4050')?.until).toBe('2041-05-19');
    expect(tag(worker, '2026-05-20', 'age_4050')?.rule).toBe(
      '女性年满40周岁、男性年满50周岁（生日当天起），至法定退休年龄前一日止（法定退休年龄55岁，2041-05-20起退休）',
    );
    expect(codes(worker, '2041-05-19')).toContain('age_4050');
    expect(codes(worker, '2041-05-20')).toEqual([]);
  });

  it('a man qualifies on his 50th birthday, not at 40', () => {
    const man = person({ birthDate: '1976-03-10' });
    expect(codes(man, '2026-03-09')).toEqual([]);
    // born 1976-03: k = 134 → +34 = 62岁10个月 → retires 2039-01-10
    expect(tag(man, '2026-03-10', 'age_4050')?.until).toBe('2039-01-09');
    expect(codes(person({ birthDate: '1986-05-20' }), '2026-05-20')).toEqual([]);
  });

  it('counts a 29 February birthday as ageOn does: on 29 Feb in leap years, on 1 March otherwise', () => {
    const leapWoman = person({ birthDate: '2000-02-29', sex: 'female' });
    expect(codes(leapWoman, '2040-02-28')).toEqual([]);
    expect(codes(leapWoman, '2040-02-29')).toEqual(['age_4050']);
    const leapMan = person({ birthDate: '2000-02-29' });
    expect(codes(leapMan, '2050-02-28')).toEqual([]);
    expect(codes(leapMan, '2050-03-01')).toEqual(['age_4050']);
    // his retirement date (63 years) is clamped to 2063-02-28, so the tag ends on 2063-02-27
    expect(tag(leapMan, '2050-03-01', 'age_4050')?.until).toBe('2063-02-27');
  });
});

describe('near retirement', () => {
  // man born 1965-05-01: 60岁2个月 → retires 2025-07-01; the 5-year window opens 2020-07-01
  const man = person({ birthDate: '1965-05-01' });

  it('starts exactly 5 years before the retirement date', () => {
    expect(codes(man, '2020-06-30')).toEqual(['age_4050']);
    expect(tag(man, '2020-07-01', 'near_retirement')).toStrictEqual({
      code: 'near_retirement',
      label: '距法定退休年龄不足5年人员',
      rule: '距法定退休年龄不足5年：自退休日期前5年当日起，至退休日期前一日止（法定退休年龄60岁2个月，2025-07-01起退休）',
      asOf: '2020-07-01',
      until: '2025-06-30',
    });
  });

  it('ends, with 4050, on the retirement date', () => {
    expect(codes(man, '2025-06-30')).toEqual(['age_4050', 'near_retirement']);
    expect(codes(man, '2025-07-01')).toEqual([]);
  });

  it('uses the later schedule for a woman of unknown category', () => {
    // born 1975-01-01: worker50 retires 2025-02-01 (window from 2020-02-01); cadre55 retires 2031-05-01
    const woman = person({ birthDate: '1975-01-01', sex: 'female' });
    expect(codes({ ...woman, femaleRetirementCategory: 'worker50' }, '2024-06-01')).toEqual(['age_4050', 'near_retirement']);
    expect(codes(woman, '2024-06-01')).toEqual(['age_4050']);
    expect(codes(woman, '2026-04-30')).toEqual(['age_4050']);
    expect(tag(woman, '2026-05-01', 'near_retirement')?.until).toBe('2031-04-30');
  });

  it('is not given to someone already drawing a pension, whatever the age', () => {
    expect(codes({ ...man, employmentStatus: 'retired', householdType: 'rural' }, '2022-01-01')).toEqual([]);
  });
});

describe('rural labour', () => {
  it('needs a rural household and working age', () => {
    const teen = person({ birthDate: '2010-03-15', householdType: 'rural', employmentStatus: 'not_in_labour_force' });
    expect(codes(teen, '2026-03-14')).toEqual([]);
    // born 2010: capped at 63 → retires 2073-03-15
    expect(tag(teen, '2026-03-15', 'rural_labour')).toStrictEqual({
      code: 'rural_labour',
      label: '农村劳动力',
      rule: '农村户籍且处于劳动年龄（年满16周岁至法定退休年龄前一日；法定退休年龄63岁，2073-03-15起退休）',
      asOf: '2026-03-15',
      until: '2073-03-14',
    });
    expect(codes({ ...teen, householdType: 'urban' }, '2026-03-15')).toEqual([]);
    expect(codes({ ...teen, householdType: null }, '2026-03-15')).toEqual([]);
  });

  it('ends at retirement', () => {
    const farmer = person({ birthDate: '1965-05-01', householdType: 'rural' });
    expect(codes(farmer, '2025-06-30')).toEqual(['age_4050', 'near_retirement', 'rural_labour']);
    expect(codes(farmer, '2025-07-01')).toEqual([]);
  });
});

describe('graduates', () => {
  const graduate = person({
    birthDate: '2002-09-01',
    educationCode: '20',
    graduationDate: '2024-06-30',
    employmentStatus: 'unemployed_registered',
  });

  it('belongs to the graduating year for the whole calendar year, even before graduation day', () => {
    expect(tag(graduate, '2024-01-02', 'graduate_this_year')).toStrictEqual({
      code: 'graduate_this_year',
      label: '毕业年度高校毕业生',
      rule: '高校毕业年度：研究生、本科或专科学历，毕业日期在2024年内（毕业年度为自然年）',
      asOf: '2024-01-02',
      until: '2024-12-31',
    });
    expect(codes(graduate, '2023-12-31')).toEqual([]);
    expect(codes(graduate, '2024-12-31')).toEqual(['graduate_this_year', 'graduate_unemployed_2y']);
    expect(codes(graduate, '2025-01-01')).toEqual(['graduate_unemployed_2y']);
  });

  it('counts the 2 years from the day after graduation to the 2nd anniversary, inclusive', () => {
    expect(codes(graduate, '2024-06-30')).toEqual(['graduate_this_year']);
    expect(tag(graduate, '2024-07-01', 'graduate_unemployed_2y')).toStrictEqual({
      code: 'graduate_unemployed_2y',
      label: '离校2年内未就业高校毕业生',
      rule: '离校2年内未就业：研究生、本科或专科学历，自毕业次日起至毕业满2年当日（2026-06-30）止，且目前未就业',
      asOf: '2024-07-01',
      until: '2026-06-30',
    });
    expect(codes(graduate, '2026-06-30')).toEqual(['graduate_unemployed_2y']);
    expect(codes(graduate, '2026-07-01')).toEqual([]);
  });

  it('clamps a 29 February graduation to 28 February two years on', () => {
    const leap = { ...graduate, graduationDate: '2024-02-29' };
    expect(tag(leap, '2026-02-28', 'graduate_unemployed_2y')?.until).toBe('2026-02-28');
    expect(codes(leap, '2026-03-01')).toEqual([]);
  });

  it('drops the unemployed-graduate tag once employed, but not the graduating year', () => {
    const employed = { ...graduate, employmentStatus: 'employed' as const };
    expect(codes(employed, '2025-03-01')).toEqual([]);
    expect(codes(employed, '2024-09-01')).toEqual(['graduate_this_year']);
    expect(codes({ ...graduate, employmentStatus: 'not_in_labour_force' }, '2025-03-01')).toEqual(['graduate_unemployed_2y']);
    expect(codes({ ...graduate, employmentStatus: 'unemployed_unregistered' }, '2025-03-01')).toEqual(['graduate_unemployed_2y']);
  });

  it('only counts higher education', () => {
    expect(codes({ ...graduate, educationCode: '41' }, '2024-09-01')).toEqual([]);
    expect(codes({ ...graduate, educationCode: '60' }, '2024-09-01')).toEqual([]);
    expect(codes({ ...graduate, educationCode: null }, '2024-09-01')).toEqual([]);
    expect(codes({ ...graduate, graduationDate: null }, '2024-09-01')).toEqual([]);
    expect(codes({ ...graduate, educationCode: '10' }, '2024-09-01')).toEqual(['graduate_this_year', 'graduate_unemployed_2y']);
    expect(codes({ ...graduate, educationCode: '30' }, '2024-09-01')).toEqual(['graduate_this_year', 'graduate_unemployed_2y']);
    expect(['10', '14', '20', '21', '30', '31', '40', '47', '60', '90', '1', ''].map(isHigherEducation)).toEqual([
      true, true, true, true, true, true, false, false, false, false, false, false,
    ]);
  });
});

describe('status groups', () => {
  it('tags veterans, the disabled and low-income people from their records', () => {
    const facts = person({ isVeteran: true, disabilityGrade: '3', lowIncomeStatus: 'dibao' });
    expect(computeKeyGroups(facts, '2026-01-15')).toStrictEqual([
      { code: 'veteran', label: '退役军人', rule: '退役军人', asOf: '2026-01-15' },
      { code: 'disabled', label: '残疾人', rule: '持有残疾人证（3级）', asOf: '2026-01-15' },
      { code: 'low_income', label: '低保对象及低收入人口', rule: '最低生活保障对象（低保）', asOf: '2026-01-15' },
    ]);
    expect(tag(person({ lowIncomeStatus: 'low_income' }), '2026-01-15', 'low_income')?.rule).toBe('低收入人口');
    expect(codes(person({ disabilityGrade: '' }), '2026-01-15')).toEqual([]);
  });
});

describe('employment difficulty certification', () => {
  const cert: DifficultyCertification = { category: '4050人员', validFrom: '2025-01-01', validTo: '2026-12-31', endedOn: null };
  const certified = (...certifications: DifficultyCertification[]) => person({ certifications });

  it('holds from validFrom through validTo, both inclusive', () => {
    expect(codes(certified(cert), '2024-12-31')).toEqual([]);
    expect(computeKeyGroups(certified(cert), '2025-01-01')).toStrictEqual([
      {
        code: 'employment_difficulty',
        label: '就业困难人员',
        rule: '经认定的就业困难人员，认定在有效期内（起止日均含，退出当日起不再有效）；认定类别：4050人员',
        asOf: '2025-01-01',
        until: '2026-12-31',
      },
    ]);
    expect(codes(certified(cert), '2026-12-31')).toEqual(['employment_difficulty']);
    expect(codes(certified(cert), '2027-01-01')).toEqual([]);
  });

  it('stops on the exit day, and the day before becomes the last day', () => {
    const ended = { ...cert, endedOn: '2026-03-01' };
    expect(tag(certified(ended), '2026-02-28', 'employment_difficulty')?.until).toBe('2026-02-28');
    expect(codes(certified(ended), '2026-03-01')).toEqual([]);
  });

  it('has no end date when open-ended', () => {
    const open = { ...cert, validTo: null };
    const result = tag(certified(open), '2030-01-01', 'employment_difficulty');
    expect(result).toBeDefined();
    expect(result && 'until' in result).toBe(false);
  });

  it('combines several valid certifications and ignores expired ones', () => {
    const expired = { category: '零就业家庭', validFrom: '2023-01-01', validTo: '2024-12-31', endedOn: null };
    const later = { category: '低保家庭', validFrom: '2025-06-01', validTo: '2027-05-31', endedOn: null };
    expect(tag(certified(expired, cert, later), '2025-07-01', 'employment_difficulty')).toMatchObject({
      rule: '经认定的就业困难人员，认定在有效期内（起止日均含，退出当日起不再有效）；认定类别：4050人员、低保家庭',
      until: '2027-05-31',
    });
    const result = tag(certified(cert, { ...later, validTo: null }), '2025-07-01', 'employment_difficulty');
    expect(result && 'until' in result).toBe(false);
  });
});

describe('several groups at once', () => {
  it('lists tags in the fixed order', () => {
    const facts = person({
      birthDate: '1975-01-01',
      sex: 'female',
      femaleRetirementCategory: 'worker50',
      householdType: 'rural',
      employmentStatus: 'unemployed_registered',
      isVeteran: true,
      lowIncomeStatus: 'low_income',
      certifications: [{ category: '4050人员', validFrom: '2024-01-01', validTo: null, endedOn: null }],
    });
    expect(codes(facts, '2024-06-01')).toEqual([
      'age_4050',
      'near_retirement',
      'rural_labour',
      'veteran',
      'low_income',
      'employment_difficulty',
    ]);
    // on her retirement date (2025-02-01) the age-based tags go; the rest stay
    expect(codes(facts, '2025-02-01')).toEqual(['veteran', 'low_income', 'employment_difficulty']);
  });
});
