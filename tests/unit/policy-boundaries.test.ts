import { describe, expect, it } from 'vitest';
import {
  STARTUP_ONE_TIME,
  VOCATIONAL_TRAINING,
  evaluatePolicy,
  explainVerdict,
  personDateFacts,
} from '../../shared/domain/policies';

/** Boundaries of age and date through the seeded policies: the facts a backend would compute on each day. */

const line = (v: ReturnType<typeof evaluatePolicy>, fact: string) => v.trace.find((l) => l.fact === fact);

describe('the trace of a seeded policy', () => {
  it('names the failing condition, and the explanation leads with it', () => {
    const facts = { deceased: false, foundedEnterprise: true, foundedEnterpriseMonths: 5, keyGroups: ['veteran'], entitlements: [], ...personDateFacts({ birthDate: '1990-01-01', sex: 'male' }, '2026-02-01') };
    const verdict = evaluatePolicy(STARTUP_ONE_TIME, facts, '2026-02-01', { confirmedChecklist: ['operating'] });
    expect(verdict.result).toBe('not_eligible');
    expect(verdict.trace.filter((l) => l.outcome === 'fail')).toEqual([
      expect.objectContaining({ fact: 'foundedEnterpriseMonths', label: '创办主体经营时长', seen: '5个月', rule: '不少于6个月（正常经营6个月以上）' }),
    ]);
    const explanation = explainVerdict(verdict);
    expect(explanation.headline).toBe('不符合「一次性创业补贴」，不满足的是：创办主体经营时长。');
    expect(explanation.lines).toEqual(['创办主体经营时长为5个月，不满足“不少于6个月（正常经营6个月以上）”。']);
  });
});

describe('a birthday that crosses an age limit', () => {
  const born = { birthDate: '2010-05-01', sex: 'female' } as const;
  const facts = (on: string) => ({ deceased: false, keyGroups: [], employmentStatus: 'unemployed_unregistered', certificateLevel: 'level4', certificateMonthsAgo: 2, enjoyedPolicies: [], entitlements: [], ...personDateFacts(born, on) });

  it('is 15 the day before the 16th birthday: not eligible, and the trace says why', () => {
    const verdict = evaluatePolicy(VOCATIONAL_TRAINING, facts('2026-04-30'), '2026-04-30', { confirmedChecklist: ['designated_provider'] });
    expect(verdict.result).toBe('not_eligible');
    expect(line(verdict, 'age')).toMatchObject({ seen: '15岁', rule: '不少于16岁（劳动年龄下限）', outcome: 'fail' });
  });

  it('is 16 on the birthday: eligible, paid by the certificate level table', () => {
    const verdict = evaluatePolicy(VOCATIONAL_TRAINING, facts('2026-05-01'), '2026-05-01', { confirmedChecklist: ['designated_provider'] });
    expect(verdict).toMatchObject({ result: 'eligible', amountFen: 150_000 });
    expect(verdict.trace.find((l) => l.kind === 'amount')!.seen).toBe('职业技能等级「四级/中级工」：¥1,500.00');
  });
});

describe('the 2025 retirement table', () => {
  // Born 1965-02-10: the first cohort of the table, retiring at 60岁1个月 on 2025-03-10.
  const born = { birthDate: '1965-02-10', sex: 'male' } as const;
  const facts = (on: string) => ({ deceased: false, foundedEnterprise: true, foundedEnterpriseMonths: 12, keyGroups: ['rural_labour'], entitlements: [], ...personDateFacts(born, on) });
  const verdict = (on: string) => evaluatePolicy(STARTUP_ONE_TIME, facts(on), on, { confirmedChecklist: ['operating'] });

  it('keeps a man of working age past his 60th birthday until his retirement date', () => {
    expect(verdict('2025-02-10').result).toBe('eligible');
    expect(verdict('2025-03-09').result).toBe('eligible');
    expect(line(verdict('2025-03-09'), 'monthsToRetirement')).toMatchObject({ seen: '1个月', outcome: 'pass' });
  });

  it('stops on the retirement date', () => {
    expect(verdict('2025-03-10').result).toBe('not_eligible');
    expect(line(verdict('2025-03-10'), 'monthsToRetirement')).toMatchObject({ seen: '0个月', rule: '不少于1个月（未达法定退休年龄）', outcome: 'fail' });
  });
});
