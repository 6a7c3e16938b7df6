import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../shared/domain/statistics';
import { trendPeriods, trendPoints } from '../../shared/domain/trends';

describe('the head\'s trend figures', () => {
  it('run over the 13 periods ending with the one asked for, across the year, oldest first', () => {
    expect(trendPeriods('2027-01').map((p) => p.code)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01',
    ]);
  });

  it('count a person registered until the instant a later 就业登记 is decided or the day of the 注销, each person once', () => {
    const [nov, dec] = [reportPeriod('2026-11'), reportPeriod('2026-12')];
    const points = trendPoints([nov, dec], {
      registrations: [
        // Employed at December's first instant: registered at November's end and as December opened (a jobseeker), not at its end.
        { personId: 1, decidedAt: '2026-11-01T02:00:00.000Z', employedAt: dec.startInstant, endedOn: null },
        // Registered twice in December: one person.
        { personId: 2, decidedAt: '2026-11-25T02:00:00.000Z', employedAt: null, endedOn: null },
        { personId: 2, decidedAt: '2026-12-01T02:00:00.000Z', employedAt: null, endedOn: null },
        // Cancelled on December's first day: a December jobseeker, not registered at its end.
        { personId: 3, decidedAt: '2026-10-01T02:00:00.000Z', employedAt: null, endedOn: dec.from },
      ],
      employments: [{ personId: 1, decidedAt: dec.startInstant }],
      subsidies: [{ personId: null, decidedAt: '2026-12-02T02:00:00.000Z' }, { personId: 2, decidedAt: '2026-12-03T02:00:00.000Z' }],
      vacancies: [{ validFrom: dec.to, openings: 3 }, { validFrom: nov.to, openings: 1 }],
    });
    expect(points).toEqual([
      { period: '2026-11', newUnemployment: 1, newEmployment: 0, registeredUnemployed: 2, jobseekers: 2, vacancyOpenings: 1, jobsToSeekersRatio: '0.50', subsidiesApproved: 0 },
      { period: '2026-12', newUnemployment: 1, newEmployment: 1, registeredUnemployed: 1, jobseekers: 3, vacancyOpenings: 3, jobsToSeekersRatio: '1.00', subsidiesApproved: 1 },
    ]);
  });
});
