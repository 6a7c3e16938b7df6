import { describe, expect, it } from 'vitest';
import { educationCodesMeeting, failsEducation, matchScore, topRanked, type MatchSeeker, type MatchVacancy } from '../../shared/domain/matching';

const SEEKER: MatchSeeker = { occupationCode: '6-18-01', townshipCode: '320506103', intendedPlace: null, payMinFen: 400000, payMaxFen: null, educationCode: '41' };
const VACANCY: MatchVacancy = { occupationCode: '6-18-01-02', townshipCode: '320506103', townshipName: '木渎镇', workPlace: null, salaryMinFen: 450000, salaryMaxFen: 500000, educationCode: '60' };

describe('人岗匹配 scoring', () => {
  it('gives the full score to a vacancy of the intended occupation, in the home township, paying enough, whose education the person meets', () => {
    expect(matchScore(SEEKER, VACANCY)).toEqual({
      score: 100,
      reasons: ['职业与求职意向一致（6-18-01-02）（40分）', '工作地点在本人居住的乡镇（木渎镇）（25分）', '月薪（4500元–5000元）达到期望（4000元起）（20分）', '学历（中等专科）符合岗位要求（普通高中及以上）（15分）'],
    });
  });

  it('ranks the intention’s 中类 over its group over another group, and never lets a lower score pass a higher one', () => {
    const score = (occupationCode: string) => matchScore(SEEKER, { ...VACANCY, occupationCode }).score;
    expect([score('6-18-01'), score('6-18-05'), score('6-02-01'), score('4-02-06')]).toEqual([100, 90, 75, 60]);
  });

  it('treats 中职 and 普通高中 as one stage and an unknown education as kept, to be checked', () => {
    expect(failsEducation('60', '41')).toBe(false);
    expect(failsEducation('70', '60')).toBe(true);
    expect(failsEducation(null, '20')).toBe(false);
    expect(failsEducation('90', '20')).toBe(false);
    expect(educationCodesMeeting(null)).toBeNull();
    expect(educationCodesMeeting('30')).toEqual(['10', '20', '30']);
  });

  it('keeps the best twenty of many, ties to the older id, whatever order they come in', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: 500 - i, points: (i * 37) % 101 }));
    const top = topRanked(items, (x) => x.points, (x) => ({ score: x.points, reasons: [] }), (x) => x.id, 20);
    const expected = [...items].sort((a, b) => b.points - a.points || a.id - b.id).slice(0, 20);
    expect(top.map((t) => t.item.id)).toEqual(expected.map((e) => e.id));
  });
});
