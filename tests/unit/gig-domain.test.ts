import { describe, expect, it } from 'vitest';
import { dayPartsOf, demandProblems, dispatchProblem, overlaps, payText, weekdayOf } from '../../shared/domain/gig';
import { rankGigWorkers, type GigMatchDemand, type GigMatchWorker } from '../../shared/domain/gig-matching';

const DEMAND: GigMatchDemand = {
  task: '小区绿化修剪', skills: ['园艺'], occupationCode: null, townshipCode: '320506001', townshipName: '长桥街道', workDate: '2026-11-28', startTime: '13:00', endTime: '19:00',
};
const worker = (workerId: number, over: Partial<GigMatchWorker> = {}): GigMatchWorker => ({
  workerId, skills: ['园艺'], occupationCode: null, townshipCode: '320506001', townshipName: '长桥街道', availableDays: [6, 7], dayParts: ['afternoon', 'evening'], busy: [], ...over,
});

describe('零工匹配 (shared/domain/gig-matching.ts)', () => {
  it('reads the weekday and the parts of the day a job touches', () => {
    expect([weekdayOf('2026-11-27'), weekdayOf('2026-11-29'), weekdayOf('2026-11-30')]).toEqual([5, 7, 1]);
    expect(dayPartsOf('08:00', '12:00')).toEqual(['morning']);
    expect(dayPartsOf('13:00', '19:00')).toEqual(['afternoon', 'evening']);
    expect(dayPartsOf('09:00', '17:00')).toEqual(['morning', 'afternoon']);
    expect(dayPartsOf('18:00', '21:00')).toEqual(['evening']);
    expect(payText(3050, 'hour')).toBe('30.50元/小时');
  });

  it('counts two jobs as overlapping only on the same day with shared minutes (back to back is fine)', () => {
    const a = { workDate: '2026-11-28', startTime: '08:00', endTime: '12:00' };
    expect(overlaps(a, { ...a, startTime: '11:30', endTime: '13:00' })).toBe(true);
    expect(overlaps(a, { ...a, startTime: '12:00', endTime: '13:00' })).toBe(false);
    expect(overlaps(a, { ...a, workDate: '2026-11-29' })).toBe(false);
  });

  it('ranks skill before area before availability, with a reason for each, and leaves out those busy or off that weekday', () => {
    const result = rankGigWorkers(DEMAND, [
      worker(1, { townshipCode: '320506003', townshipName: '越溪街道' }),
      worker(2),
      worker(3, { skills: ['搬运'], dayParts: ['afternoon'] }),
      worker(4, { availableDays: [1, 2, 3, 4, 5] }),
      worker(5, { busy: [{ workDate: '2026-11-28', startTime: '18:00', endTime: '20:00', task: '搬家' }] }),
      worker(6, { skills: ['绿化'], occupationCode: null }),
    ]);
    expect(result.ranked.map((m) => [m.workerId, m.score])).toEqual([[2, 100], [6, 80], [1, 70], [3, 40]]);
    expect(result.ranked.find((m) => m.workerId === 3)!.reasons).toEqual(['技能不符（需要园艺）', '同在长桥街道', '只有下午有空（需要下午、晚上）']);
    // No asked skill shared, but the worker's tag is in the task's words: 30 of 50 for skill.
    expect(result.ranked.find((m) => m.workerId === 6)!.reasons[0]).toBe('技能与任务相关：绿化');
    expect(result.excluded).toEqual([{ workerId: 4, reason: '周六不接零工' }, { workerId: 5, reason: '已派往“搬家”（18:00–20:00），时间重叠' }]);
  });

  it('never lets sex, age, ethnicity or marital status move a rank, even when a caller passes them', () => {
    const plain = rankGigWorkers(DEMAND, [worker(1), worker(2)]);
    const loaded = rankGigWorkers(DEMAND, [
      { ...worker(1), sex: 'female', age: 58, ethnicity: '回族', maritalStatus: 'divorced' } as GigMatchWorker,
      { ...worker(2), sex: 'male', age: 25, ethnicity: '汉族', maritalStatus: 'married' } as GigMatchWorker,
    ]);
    expect(loaded).toEqual(plain);
  });

  it('matches an occupation code by prefix when the skills are not written the same way', () => {
    const result = rankGigWorkers({ ...DEMAND, skills: ['修剪'], occupationCode: '4-09-10' }, [worker(1, { skills: ['剪枝'], occupationCode: '4-09-10-02' })]);
    expect(result.ranked[0]!.reasons[0]).toBe('职业相符（4-09-10-02）');
  });

  it('refuses a demand and a dispatch with reasons per field', () => {
    expect(demandProblems({ workDate: '2026-11-27', startTime: '08:00', endTime: '12:00', payFen: 100, peopleNeeded: 1, source: 'enterprise', enterpriseId: null }, '2026-11-27'))
      .toEqual({ enterpriseId: '企业发布的需求请从企业名录中选择企业' });
    const when = { workDate: '2026-11-28', startTime: '08:00', endTime: '12:00' };
    expect(dispatchProblem({ ...when, peopleNeeded: 2, dispatched: 2, cancelled: false }, [])).toEqual({ field: 'demandId', message: '该需求只需要2人，已全部派出' });
    expect(dispatchProblem({ ...when, peopleNeeded: 2, dispatched: 1, cancelled: false }, [{ ...when, startTime: '07:00', endTime: '09:00', task: '送货' }])!.field).toBe('workerId');
    expect(dispatchProblem({ ...when, peopleNeeded: 2, dispatched: 1, cancelled: false }, [])).toBeNull();
  });
});
