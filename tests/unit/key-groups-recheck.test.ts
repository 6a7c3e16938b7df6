import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { computeKeyGroups, keyGroupsRecheckOn, NO_RECHECK, type KeyGroupFacts } from '../../shared/domain/key-groups';

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!;
}

function dateBetween(next: () => number, fromYear: number, toYear: number): string {
  const start = `${fromYear}-01-01`;
  const spanDays = (toYear - fromYear) * 365;
  return addDays(start, Math.floor(next() * spanDays));
}

function randomFacts(next: () => number): KeyGroupFacts {
  const birthDate = next() < 0.05 ? pick(next, ['1984-02-29', '1976-02-29', '2008-02-29']) : dateBetween(next, 1958, 2012);
  const graduated = next() < 0.4 ? dateBetween(next, 2020, 2028) : null;
  const certified = next() < 0.3;
  return {
    birthDate,
    sex: pick(next, ['male', 'female'] as const),
    ...(next() < 0.5 ? { femaleRetirementCategory: pick(next, ['worker50', 'cadre55'] as const) } : {}),
    householdType: pick(next, ['urban', 'rural', null] as const),
    educationCode: pick(next, ['10', '20', '30', '60', null] as const),
    graduationDate: graduated,
    employmentStatus: pick(next, ['employed', 'unemployed_registered', 'unemployed_unregistered', 'retired'] as const),
    isVeteran: next() < 0.1,
    disabilityGrade: next() < 0.1 ? '2' : null,
    lowIncomeStatus: null,
    certifications: certified
      ? [
          {
            category: '零就业家庭成员',
            validFrom: dateBetween(next, 2024, 2028),
            validTo: next() < 0.8 ? dateBetween(next, 2026, 2030) : null,
            endedOn: next() < 0.3 ? dateBetween(next, 2026, 2029) : null,
          },
        ]
      : [],
  };
}

const codes = (facts: KeyGroupFacts, asOf: string) => computeKeyGroups(facts, asOf).map((t) => t.code).join(',');

describe('key groups: the recheck date', () => {
  it('no day before the recheck date changes any group, for 400 random people', () => {
    const next = random(20261127);
    let sawChangeOnRecheckDay = 0;
    for (let i = 0; i < 400; i += 1) {
      const facts = randomFacts(next);
      const asOf = dateBetween(next, 2025, 2028);
      const recheck = keyGroupsRecheckOn(facts, asOf);
      expect(recheck > asOf).toBe(true);
      const expected = codes(facts, asOf);
      // Every day up to 3 years ahead (or to the recheck date) holds the same groups.
      for (let day = addDays(asOf, 1), n = 0; day < recheck && n < 1100; day = addDays(day, 1), n += 1) {
        if (codes(facts, day) !== expected) throw new Error(`${JSON.stringify(facts)} asOf ${asOf}: groups change on ${day}, recheck ${recheck}`);
      }
      if (recheck !== NO_RECHECK && codes(facts, recheck) !== expected) sawChangeOnRecheckDay += 1;
    }
    // The generator produces people whose groups do change: the test is not vacuous.
    expect(sawChangeOnRecheckDay).toBeGreaterThan(50);
  });

  it('a woman of 39 is rechecked on her 40th birthday', () => {
    const facts: KeyGroupFacts = {
      birthDate: '1987-03-10',
      sex: 'female',
      householdType: 'urban',
      educationCode: '60',
      graduationDate: null,
      employmentStatus: 'unemployed_registered',
      isVeteran: false,
      disabilityGrade: null,
      lowIncomeStatus: null,
      certifications: [],
    };
    expect(keyGroupsRecheckOn(facts, '2026-11-27')).toBe('2027-03-10');
    expect(codes(facts, '2027-03-10')).toContain('age_4050');
  });
});
