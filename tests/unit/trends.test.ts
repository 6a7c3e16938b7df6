import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../shared/domain/statistics';
import { personShare, sharesByPerson, trendFrame, trendPeriods, trendPoints, TrendTally, type PersonShare, type PersonTrendRows, type TrendFrame } from '../../shared/domain/trends';

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

  it('agree, period by period, with the monthly report\'s definitions counted one period at a time (random county of 600 spans)', () => {
    const periods = trendPeriods('2026-12');
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const instant = () => new Date(Date.UTC(2025, 0, 1) + random(760) * 86_400_000 + random(86_400) * 1000).toISOString();
    const day = () => instant().slice(0, 10);
    const registrations = Array.from({ length: 600 }, () => {
      const decidedAt = instant();
      const employedAt = random(3) === 0 ? null : instant();
      return { personId: random(250), decidedAt, employedAt: employedAt !== null && employedAt > decidedAt ? employedAt : null, endedOn: random(4) === 0 ? day() : null };
    });
    // Boundaries exactly: decided or employed at a period's first instant, cancelled on its first or last day.
    for (const p of periods) registrations.push({ personId: random(250), decidedAt: p.startInstant, employedAt: null, endedOn: p.to }, { personId: random(250), decidedAt: instant(), employedAt: p.startInstant, endedOn: p.from });
    const decided = () => Array.from({ length: 300 }, () => ({ personId: random(5) === 0 ? null : random(250), decidedAt: instant() }));
    const data = { registrations, employments: decided(), subsidies: decided(), vacancies: Array.from({ length: 200 }, () => ({ validFrom: day(), openings: 1 + random(5) })) };

    const still = (r: (typeof registrations)[number], at: string, onDay: string) => (r.employedAt === null || r.employedAt >= at) && (r.endedOn === null || r.endedOn >= onDay);
    const persons = (rows: Array<{ personId: number | null }>) => new Set(rows.filter((r) => r.personId !== null).map((r) => r.personId)).size;
    const expected = periods.map((p) => {
      const before = registrations.filter((r) => r.decidedAt < p.endInstant);
      const inPeriod = (r: { decidedAt: string }) => r.decidedAt >= p.startInstant && r.decidedAt < p.endInstant;
      const dayAfter = new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const openings = data.vacancies.filter((v) => v.validFrom >= p.from && v.validFrom <= p.to).reduce((n, v) => n + v.openings, 0);
      const jobseekers = persons(before.filter((r) => still(r, p.startInstant, p.from)));
      return {
        period: p.code,
        newUnemployment: persons(before.filter(inPeriod)),
        newEmployment: persons(data.employments.filter(inPeriod)),
        registeredUnemployed: persons(before.filter((r) => still(r, p.endInstant, dayAfter))),
        jobseekers,
        vacancyOpenings: openings,
        jobsToSeekersRatio: jobseekers === 0 ? null : (openings / jobseekers).toFixed(2),
        subsidiesApproved: persons(data.subsidies.filter(inPeriod)),
      };
    });
    const points = trendPoints(periods, data);
    expect(points.map((p) => ({ ...p, jobsToSeekersRatio: p.jobsToSeekersRatio === null ? null : Number(p.jobsToSeekersRatio).toFixed(2) }))).toEqual(expected);
    expect(points.some((p) => p.registeredUnemployed > 0 && p.newUnemployment > 0 && p.vacancyOpenings > 0)).toBe(true);
  });

  it('kept as a tally of persons\' shares: a person counted again after a write, even one dated back, gives the counts of a fresh count', () => {
    const periods = trendPeriods('2027-01');
    const [nov, dec, jan] = periods.slice(-3) as [ReturnType<typeof reportPeriod>, ReturnType<typeof reportPeriod>, ReturnType<typeof reportPeriod>];
    const rows = (personId: number, extra: Partial<PersonTrendRows> = {}): PersonTrendRows => ({
      registrations: [{ personId, decidedAt: nov.startInstant, employedAt: null, endedOn: null }], employments: [], subsidies: [], ...extra,
    });
    const before = new Map([[1, rows(1)], [2, rows(2)], [3, rows(3, { subsidies: [{ personId: 3, decidedAt: dec.startInstant }] })]]);
    const tally = new TrendTally(trendFrame(periods));
    for (const own of before.values()) tally.add(personShare(tally.frame, own));
    // Person 2's registration cancelled as of a day in November (a closed period), person 1 employed in January.
    const after = new Map(before);
    after.set(2, rows(2, { registrations: [{ personId: 2, decidedAt: nov.startInstant, employedAt: null, endedOn: nov.from }] }));
    after.set(1, rows(1, {
      registrations: [{ personId: 1, decidedAt: nov.startInstant, employedAt: jan.startInstant, endedOn: null }],
      employments: [{ personId: 1, decidedAt: jan.startInstant }],
    }));
    for (const id of [1, 2]) {
      tally.add(personShare(tally.frame, before.get(id)!), -1);
      tally.add(personShare(tally.frame, after.get(id)!));
    }
    const all = [...after.values()];
    const fresh = trendPoints(periods, { registrations: all.flatMap((r) => r.registrations), employments: all.flatMap((r) => r.employments), subsidies: all.flatMap((r) => r.subsidies), vacancies: [] });
    expect(tally.points([])).toEqual(fresh);
    expect(fresh.find((p) => p.period === nov.code)).toMatchObject({ registeredUnemployed: 2, jobseekers: 3 });
    expect(fresh.at(-1)).toMatchObject({ newEmployment: 1, registeredUnemployed: 1 });
    expect(() => trendFrame(trendPeriods('2027-01', 32))).toThrow();
  });

  it('counted in one pass over ungrouped rows, each person\'s share is the one their rows give counted person by person (random rows, period boundaries)', () => {
    const periods = trendPeriods('2026-12');
    const frame = trendFrame(periods);
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65_536) % n; // the high bits: a power-of-two modulus leaves the low ones short cycles
    };
    const edges = periods.flatMap((p) => [p.startInstant, p.endInstant]);
    const instant = () => (random(4) === 0 ? edges[random(edges.length)]! : new Date(Date.UTC(2025, 6, 1) + random(600) * 86_400_000 + random(86_400) * 1000).toISOString());
    const day = () => (random(3) === 0 ? periods[random(periods.length)]![random(2) ? 'from' : 'to'] : instant().slice(0, 10));
    const registrations = Array.from({ length: 800 }, () => ({ personId: random(400), decidedAt: instant(), employedAt: random(2) ? instant() : null, endedOn: random(3) ? null : day() }));
    const decided = () => Array.from({ length: 400 }, () => ({ personId: random(6) === 0 ? null : random(400), decidedAt: instant() }));
    const rows = { registrations, employments: decided(), subsidies: decided() };

    const seen: Array<[number, unknown]> = [];
    const shares = sharesByPerson(frame, rows, (personId, row) => seen.push([personId, row]));
    const grouped = new Map<number, { registrations: typeof registrations; employments: ReturnType<typeof decided>; subsidies: ReturnType<typeof decided> }>();
    const of = (id: number) => grouped.get(id) ?? grouped.set(id, { registrations: [], employments: [], subsidies: [] }).get(id)!;
    for (const r of registrations) of(r.personId).registrations.push(r);
    for (const c of rows.employments) if (c.personId !== null) of(c.personId).employments.push(c);
    for (const c of rows.subsidies) if (c.personId !== null) of(c.personId).subsidies.push(c);
    expect([...shares.keys()]).toEqual([...grouped.keys()]);
    for (const [id, own] of grouped) {
      expect(shares.get(id)).toEqual(shareRowByRowOfPeriods(frame, own));
      expect(shares.get(id)).toEqual(personShare(frame, own));
    }
    expect(seen).toEqual([...registrations, ...rows.employments, ...rows.subsidies].filter((r) => r.personId !== null).map((r) => [r.personId, r]));
    // The data reach every case: registered at an end, a jobseeker only (ended within a period), new in a period.
    const all = [...shares.values()];
    expect([all.some((s) => s.registeredUnemployed !== 0), all.some((s) => (s.jobseekers & ~s.registeredUnemployed) !== 0), all.some((s) => s.newUnemployment !== 0 && s.subsidiesApproved !== 0)]).toEqual([true, true, true]);
  });
});

/** The share by the definitions, period by period (no bisection, no early stop): what the one pass must give. */
function shareRowByRowOfPeriods({ periods, dayAfter }: TrendFrame, rows: PersonTrendRows): PersonShare {
  const share: PersonShare = { newUnemployment: 0, newEmployment: 0, registeredUnemployed: 0, jobseekers: 0, subsidiesApproved: 0 };
  const still = (r: PersonTrendRows['registrations'][number], at: string, onDay: string) => (r.employedAt === null || r.employedAt >= at) && (r.endedOn === null || r.endedOn >= onDay);
  periods.forEach((p, i) => {
    const inPeriod = (at: string) => at >= p.startInstant && at < p.endInstant;
    for (const r of rows.registrations) {
      if (inPeriod(r.decidedAt)) share.newUnemployment |= 1 << i;
      if (r.decidedAt < p.endInstant && still(r, p.startInstant, p.from)) share.jobseekers |= 1 << i;
      if (r.decidedAt < p.endInstant && still(r, p.endInstant, dayAfter[i]!)) share.registeredUnemployed |= 1 << i;
    }
    for (const c of rows.employments) if (inPeriod(c.decidedAt)) share.newEmployment |= 1 << i;
    for (const c of rows.subsidies) if (inPeriod(c.decidedAt)) share.subsidiesApproved |= 1 << i;
  });
  return share;
}
