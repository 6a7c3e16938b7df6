import { describe, expect, it } from 'vitest';
import {
  employmentRegistrationProposal, followUpDoneProblem, followUpStanding, manualFollowUpProblem, nextReferralStates, planItemChangeProblem,
  referralFollowUp, referralMoveProblem, sessionFollowUps, sessionProblems, vacancyReferralProblem, type SessionDraft,
} from '../../shared/domain/guidance';
import { buildWorkCalendar, PLAIN_WEEK_CALENDAR } from '../../shared/domain/working-days';

const TODAY = '2026-12-04';
const LIFE = { birthDate: '1990-03-07', deathDate: null };
const TOPICS = new Set(['job_search_skills', 'policy_advice']);
const SESSION: SessionDraft = {
  sessionDate: '2026-12-01',
  durationMinutes: 40,
  topics: ['job_search_skills'],
  assessment: { skills: '叉车', intendedOccupationCode: '6-31-01-03', expectedPayMinFen: 400000, expectedPayMaxFen: 600000, preferredPlace: '城关镇', barriers: ['care_duties'] },
  planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-12-08' }],
};

describe('a guidance session is checked against the person’s life and today', () => {
  it('accepts a session in the past with a plan item due after it', () => {
    expect(sessionProblems(SESSION, TODAY, LIFE, TOPICS)).toEqual({});
  });

  it('refuses a session in the future, before the birth, or after a recorded death', () => {
    expect(sessionProblems({ ...SESSION, sessionDate: '2026-12-05' }, TODAY, LIFE, TOPICS).sessionDate).toBe('指导日期不能晚于今天（2026-12-04）');
    expect(sessionProblems({ ...SESSION, sessionDate: '1989-01-01', planItems: [] }, TODAY, LIFE, TOPICS).sessionDate).toBe('指导日期不能早于本人出生日期（1990-03-07）');
    expect(sessionProblems(SESSION, TODAY, { ...LIFE, deathDate: '2026-11-30' }, TOPICS).sessionDate).toBe('指导日期不能晚于本人死亡日期（2026-11-30）');
  });

  it('refuses a plan item due before the session, or more than a year after it, naming the item', () => {
    const early = sessionProblems({ ...SESSION, planItems: [SESSION.planItems[0]!, { description: '参加招聘会', owner: 'counselor', dueOn: '2026-11-30' }] }, TODAY, LIFE, TOPICS);
    expect(early).toEqual({ 'planItems.1.dueOn': '完成期限不能早于指导日期（2026-12-01）' });
    expect(sessionProblems({ ...SESSION, planItems: [{ ...SESSION.planItems[0]!, dueOn: '2027-12-02' }] }, TODAY, LIFE, TOPICS)).toEqual({ 'planItems.0.dueOn': '完成期限不能晚于指导日期后1年' });
  });

  it('wants a topic from the active list, a sensible duration and a pay range the right way round', () => {
    const problems = sessionProblems({ ...SESSION, topics: ['astrology'], durationMinutes: 0, assessment: { ...SESSION.assessment, expectedPayMinFen: 700000 } }, TODAY, LIFE, TOPICS);
    expect(problems).toEqual({
      topics: '指导内容“astrology”不在指导内容代码表中（或已停用）',
      durationMinutes: '时长应为1–480分钟的整数',
      'assessment.expectedPayMaxFen': '期望月薪上限不能低于下限',
    });
    expect(sessionProblems({ ...SESSION, topics: [] }, TODAY, LIFE, TOPICS).topics).toBe('请至少选择一个指导内容');
  });

  it('closes a plan item only on a day between the session and today', () => {
    expect(planItemChangeProblem('done', '2026-12-03', '2026-12-01', TODAY)).toBeNull();
    expect(planItemChangeProblem('done', null, '2026-12-01', TODAY)).toBe('请填写完成日期');
    expect(planItemChangeProblem('done', '2026-11-30', '2026-12-01', TODAY)).toBe('完成日期不能早于指导日期（2026-12-01）');
    expect(planItemChangeProblem('done', '2026-12-05', '2026-12-01', TODAY)).toBe('完成日期不能晚于今天（2026-12-04）');
    expect(planItemChangeProblem('dropped', null, '2026-12-01', TODAY)).toBeNull();
  });
});

describe('a referral is followed to its outcome', () => {
  const vacancyReferral = { kind: 'vacancy' as const, state: 'referred' as const, referredOn: '2026-12-01', lastMoveOn: '2026-12-01' };

  it('runs 推荐 → 面试 → 录用/未录用 for a vacancy, and 已参加/未参加 for the rest', () => {
    expect(nextReferralStates('vacancy', 'referred')).toEqual(['interview', 'hired', 'not_hired']);
    expect(nextReferralStates('vacancy', 'interview')).toEqual(['hired', 'not_hired']);
    expect(nextReferralStates('vacancy', 'hired')).toEqual([]);
    expect(nextReferralStates('training', 'referred')).toEqual(['taken_up', 'not_taken_up']);
  });

  it('refuses a move the kind does not have, a second outcome, or a date out of order', () => {
    expect(referralMoveProblem(vacancyReferral, 'interview', '2026-12-02', TODAY)).toBeNull();
    expect(referralMoveProblem(vacancyReferral, 'taken_up', '2026-12-02', TODAY)?.message).toBe('岗位推荐不能从“已推荐”改为“已参加/已申请”，可选：面试、录用、未录用');
    expect(referralMoveProblem({ ...vacancyReferral, state: 'hired' }, 'not_hired', '2026-12-02', TODAY)?.message).toBe('该推荐已有结果（录用），不能再更改；如结果有误，请重新推荐');
    expect(referralMoveProblem({ ...vacancyReferral, lastMoveOn: '2026-12-03' }, 'hired', '2026-12-02', TODAY)).toEqual({ field: 'onDate', message: '日期不能早于上一步的日期（2026-12-03）' });
    expect(referralMoveProblem(vacancyReferral, 'hired', '2026-12-05', TODAY)).toEqual({ field: 'onDate', message: '日期不能晚于今天（2026-12-04）' });
  });

  it('refers only to a vacancy that is open on the day', () => {
    const vacancy = { status: 'open' as const, validFrom: '2026-11-01', validTo: '2026-12-31', title: '叉车司机' };
    expect(vacancyReferralProblem(vacancy, '2026-12-01')).toBeNull();
    expect(vacancyReferralProblem({ ...vacancy, status: 'filled' }, '2026-12-01')).toBe('岗位“叉车司机”已招满，不能再推荐');
    expect(vacancyReferralProblem({ ...vacancy, validTo: '2026-11-30' }, '2026-12-01')).toBe('岗位“叉车司机”已于2026-11-30过期，不能再推荐');
    expect(vacancyReferralProblem(vacancy, '2026-10-31')).toBe('岗位“叉车司机”2026-11-01起才开始招聘');
  });

  it('proposes a 就业登记 with the employer and the day of hiring', () => {
    expect(employmentRegistrationProposal('2026-12-03', { name: '城关机械厂', creditCode: '91320100MA1XY8129Y' })).toEqual({
      channel: 'employer_job', employerName: '城关机械厂', employerCreditCode: '91320100MA1XY8129Y', startDate: '2026-12-03',
    });
  });
});

describe('follow-ups are scheduled in working days from the calendar', () => {
  // 2026: National Day holiday 10-01…10-07, with Sunday 09-27 and Saturday 10-10 worked.
  const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
  const cal = buildWorkCalendar(holidays, ['2026-09-27', '2026-10-10']);

  it('puts the session’s follow-up ten working days on, across a holiday', () => {
    // Plain weeks: Wednesday 09-30 + 10 working days = Wednesday 10-14.
    expect(sessionFollowUps('2026-09-30', [], PLAIN_WEEK_CALENDAR)).toEqual([{ reason: 'session', dueOn: '2026-10-14' }]);
    // With the holiday: 10-08, 09, 10(Sat worked), 12, 13, 14, 15, 16, 19, 20.
    expect(sessionFollowUps('2026-09-30', [], cal)).toEqual([{ reason: 'session', dueOn: '2026-10-20' }]);
  });

  it('follows up each plan item on its due date, moved off a holiday or weekend, once per day', () => {
    expect(sessionFollowUps('2026-09-28', ['2026-10-03', '2026-10-08', '2026-10-08'], cal)).toEqual([
      { reason: 'session', dueOn: '2026-10-16' },
      { reason: 'plan_item', dueOn: '2026-10-08', planItemIndex: 0 },
    ]);
  });

  it('calls back after a vacancy referral sooner than after other referrals', () => {
    expect(referralFollowUp('vacancy', '2026-12-01', PLAIN_WEEK_CALENDAR)).toEqual({ reason: 'referral', dueOn: '2026-12-08' });
    expect(referralFollowUp('training', '2026-12-01', PLAIN_WEEK_CALENDAR)).toEqual({ reason: 'referral', dueOn: '2026-12-15' });
  });

  it('refuses a follow-up before the session or in the past, and a second record of one', () => {
    expect(manualFollowUpProblem('2026-11-30', TODAY, '2026-12-01')).toBe('回访日期不能早于最近一次指导或推荐的日期（2026-12-01）');
    expect(manualFollowUpProblem('2026-12-03', TODAY, null)).toBe('回访日期不能早于今天（2026-12-04）');
    expect(manualFollowUpProblem('2026-12-10', TODAY, '2026-12-01')).toBeNull();
    expect(followUpDoneProblem('done', TODAY, '2026-12-01', TODAY)).toBe('该回访已经记录过');
    expect(followUpDoneProblem('due', '2026-12-05', '2026-12-01', TODAY)).toBe('回访日期不能晚于今天（2026-12-04）');
    expect(followUpStanding('2026-12-03', TODAY)).toBe('overdue');
    expect(followUpStanding(TODAY, TODAY)).toBe('today');
  });
});
