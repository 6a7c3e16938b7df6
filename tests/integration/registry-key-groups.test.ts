import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../shared/contract';
import { PASSWORD, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, keyGroupRows, namesFound, register, search, update } from './registry-helpers';

/**
 * 重点群体 are computed from the record, stored in person_key_groups for the
 * list filter, and recomputed live for the profile. Expected retirement dates
 * below were worked out by hand from the 2025 table (shared/domain/retirement.ts).
 */

function profile(ready: ReadyDesk, id: number): PersonView {
  return expectOk<PersonView>(ready.call('persons.get', { id }));
}

/** The next office day(s): the idle lock engaged meanwhile, so staff unlock first. */
function laterDays(ready: ReadyDesk, days: number): void {
  ready.clock.advanceMinutes(days * 24 * 60);
  expectOk(ready.call('auth.unlock', { password: PASSWORD }));
}

// A woman born 1981-03-10, category not recorded → original 55: cohort month
// (1981−1970)×12+2 = 134 → 134÷4 = 33, +1 = 34 extra months → 57岁10个月, from 2039-01-10.
const RURAL_WOMAN = { idNumber: idNumber('320506', '1981-03-10', '022'), name: '周桂兰', householdType: 'rural' };
const RURAL_WOMAN_RETIREMENT = '法定退休年龄57岁10个月，2039-01-10起退休；原退休年龄类别未登记，按原55周岁计算';

describe('key groups of a person', () => {
  it('stores age_4050 and rural_labour for a rural woman of 45 and shows them with their rules on the profile', () => {
    const ready = readyDesk();
    const person = register(ready, RURAL_WOMAN);
    expect(person.age).toBe(45);
    expect(keyGroupRows(ready, person.id)).toEqual([
      { code: 'age_4050', as_of: '2026-11-27', until: '2039-01-09' },
      { code: 'rural_labour', as_of: '2026-11-27', until: '2039-01-09' },
    ]);
    expect(profile(ready, person.id).keyGroups).toEqual([
      {
        code: 'age_4050',
        label: '“4050”人员',
        rule: `女性年满40周岁、男性年满50周岁（生日当天起），至法定退休年龄前一日止（${RURAL_WOMAN_RETIREMENT}）`,
        asOf: '2026-11-27',
        until: '2039-01-09',
      },
      {
        code: 'rural_labour',
        label: '农村劳动力',
        rule: `农村户籍且处于劳动年龄（年满16周岁至法定退休年龄前一日；${RURAL_WOMAN_RETIREMENT}）`,
        asOf: '2026-11-27',
        until: '2039-01-09',
      },
    ]);
    expect(profile(ready, person.id).retirement).toEqual({ label: '57岁10个月', date: '2039-01-10' });
    expect(search(ready, 'zgl').items[0]!.keyGroups).toEqual(['age_4050', 'rural_labour']);
    expect(namesFound(ready, '', { filters: { keyGroup: 'rural_labour' } })).toEqual(['周桂兰']);
  });

  it('drops rural_labour from the stored tags and the profile when the household is corrected to urban', () => {
    const ready = readyDesk();
    const person = register(ready, RURAL_WOMAN);
    const after = update(ready, person.id, 1, { householdType: 'urban' }, '户口迁入城镇');
    expect(after.keyGroups.map((g) => g.code)).toEqual(['age_4050']);
    expect(keyGroupRows(ready, person.id)).toEqual([{ code: 'age_4050', as_of: '2026-11-27', until: '2039-01-09' }]);
    expect(profile(ready, person.id).keyGroups.map((g) => g.code)).toEqual(['age_4050']);
    expect(namesFound(ready, '', { filters: { keyGroup: 'rural_labour' } })).toEqual([]);
    expect(namesFound(ready, '', { filters: { keyGroup: 'age_4050' } })).toEqual(['周桂兰']);
  });

  it('counts a 2025 bachelor still out of work as an unemployed graduate on 2026-11-27, until two years after leaving school', () => {
    const ready = readyDesk();
    const person = register(ready, {
      idNumber: idNumber('320506', '2003-04-05', '011'),
      name: '吴昊',
      educationCode: '20',
      graduationDate: '2025-06-30',
      employmentStatus: 'unemployed_registered',
    });
    expect(person.keyGroups).toEqual([
      {
        code: 'graduate_unemployed_2y',
        label: '离校2年内未就业高校毕业生',
        rule: '离校2年内未就业：研究生、本科或专科学历，自毕业次日起至毕业满2年当日（2027-06-30）止，且目前未就业',
        asOf: '2026-11-27',
        until: '2027-06-30',
      },
    ]);
    expect(keyGroupRows(ready, person.id)).toEqual([{ code: 'graduate_unemployed_2y', as_of: '2026-11-27', until: '2027-06-30' }]);
    expect(namesFound(ready, '', { filters: { keyGroup: 'graduate_unemployed_2y' } })).toEqual(['吴昊']);
    expect(namesFound(ready, '', { filters: { keyGroup: 'graduate_this_year' } })).toEqual([]);

    // Finding work ends it.
    update(ready, person.id, 1, { employmentStatus: 'employed' }, '已在园区企业就业');
    expect(keyGroupRows(ready, person.id)).toEqual([]);
    expect(namesFound(ready, '', { filters: { keyGroup: 'graduate_unemployed_2y' } })).toEqual([]);
  });

  it('shows the retirement of the 2025 table: a man born 1965-06-15 retires at 60岁2个月 on 2025-08-15 and is in no age group', () => {
    const ready = readyDesk();
    // Cohort month (1965−1965)×12+5 = 5 → 5÷4 = 1, +1 = 2 extra months.
    const person = register(ready, { idNumber: idNumber('320506', '1965-06-15', '015'), name: '孙建国', householdType: 'rural' });
    expect(person.retirement).toEqual({ label: '60岁2个月', date: '2025-08-15' });
    expect(person.keyGroups).toEqual([]);
    expect(keyGroupRows(ready, person.id)).toEqual([]);
  });

  it("follows a woman's recorded retirement category: worker50 moves her retirement and her groups", () => {
    const ready = readyDesk();
    // Born 1975-05-20. Assumed 55: cohort month 5×12+4 = 64 → 64÷4 = 16, +1 = 17 → 56岁5个月 from 2031-10-20,
    // so on 2026-11-27 she is within five years (window from 2026-10-20).
    const person = register(ready, { idNumber: idNumber('320506', '1975-05-20', '028'), name: '钱秀珍' });
    expect(person.retirement).toEqual({ label: '56岁5个月', date: '2031-10-20' });
    expect(person.keyGroups.map((g) => [g.code, g.until])).toEqual([
      ['age_4050', '2031-10-19'],
      ['near_retirement', '2031-10-19'],
    ]);
    // Worker 50: cohort month 0×12+4 = 4 → 4÷2 = 2, +1 = 3 → 50岁3个月 from 2025-08-20: already reached.
    const after = update(ready, person.id, 1, { femaleRetirementCategory: 'worker50' }, '核对原单位档案为工人岗位');
    expect(after.retirement).toEqual({ label: '50岁3个月', date: '2025-08-20' });
    expect(after.keyGroups).toEqual([]);
    expect(keyGroupRows(ready, person.id)).toEqual([]);
  });
});

describe('key groups as the days pass', () => {
  // A woman who turns 40 the day after she registers. The profile recomputes
  // her groups for today; the list filter reads person_key_groups, which is
  // only rewritten when her record is written. Staff filtering 4050 人员 the
  // next day must find the same people their profiles show.
  it('shows a woman in the 4050 group, in the list and in the filter, from her 40th birthday, as her profile does', () => {
    const ready = readyDesk();
    const person = register(ready, { idNumber: idNumber('320506', '1986-11-28', '042'), name: '郑丽娟', householdType: 'rural' });
    expect(person.keyGroups.map((g) => g.code)).toEqual(['rural_labour']);
    expect(namesFound(ready, '', { filters: { keyGroup: 'age_4050' } })).toEqual([]);

    laterDays(ready, 1);
    expect(profile(ready, person.id).keyGroups.map((g) => g.code)).toEqual(['age_4050', 'rural_labour']);
    expect(search(ready, 'zlj').items[0]!.keyGroups).toEqual(['age_4050', 'rural_labour']);
    expect(namesFound(ready, '', { filters: { keyGroup: 'age_4050' } })).toEqual(['郑丽娟']);
  });

  it('drops an unemployed graduate from the filter once the two years after school have run out', () => {
    const ready = readyDesk();
    const person = register(ready, {
      idNumber: idNumber('320506', '2003-04-05', '011'),
      name: '吴昊',
      educationCode: '20',
      graduationDate: '2025-06-30',
      employmentStatus: 'unemployed_registered',
    });
    // 2026-11-27 + 216 days = 2027-07-01, the day after the tag's last day.
    laterDays(ready, 216);
    expect(profile(ready, person.id).keyGroups).toEqual([]);
    expect(namesFound(ready, '', { filters: { keyGroup: 'graduate_unemployed_2y' } })).toEqual([]);
  });

  it('recomputes on a new day only the people whose recheck date has come', () => {
    const ready = readyDesk();
    const turning40 = register(ready, { idNumber: idNumber('320506', '1986-11-28', '042'), name: '郑丽娟', householdType: 'rural' });
    const settled = register(ready, RURAL_WOMAN);
    const { sqlite } = ready.desk.database();
    const recheckOn = (id: number) =>
      (sqlite.prepare('select recheck_on from person_key_group_schedule where person_id = ?').get(id) as { recheck_on: string }).recheck_on;
    expect(recheckOn(turning40.id)).toBe('2026-11-28');
    // 周桂兰 is 45: no rule moves before her 50th birthday (a threshold for men, checked generously).
    expect(recheckOn(settled.id)).toBe('2031-03-10');

    laterDays(ready, 1);
    expect(namesFound(ready, '', { filters: { keyGroup: 'age_4050' } })).toEqual(['郑丽娟', '周桂兰'].sort());
    const asOf = (id: number) => keyGroupRows(ready, id).map((g) => g.as_of);
    expect(asOf(turning40.id)).toEqual(['2026-11-28', '2026-11-28']);
    expect(asOf(settled.id)).toEqual(['2026-11-27', '2026-11-27']);
    expect(recheckOn(turning40.id)).toBe('2026-11-29');
  });
});
