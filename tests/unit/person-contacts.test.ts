import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { CANCELLATION_REASONS, proposeCancellation } from '../../shared/domain/case-types';
import { cancellationExitsCertification, certificationPeriods, contactDateProblem, noContactCutoff, STATUS_AFTER_CANCELLATION } from '../../shared/domain/person-contacts';

describe('noContactCutoff', () => {
  it('agrees with proposeCancellation for every day of four years, month ends and leap days included', () => {
    for (let asOf = '2026-01-01'; asOf < '2030-01-01'; asOf = addDays(asOf, 1)) {
      const cutoff = noContactCutoff(asOf);
      expect(proposeCancellation(cutoff, asOf), asOf).toBe(true);
      expect(proposeCancellation(addDays(cutoff, 1), asOf), asOf).toBe(false);
    }
    // A contact on 08-31 is due on the last day of February.
    expect(noContactCutoff('2026-02-28')).toBe('2025-08-31');
    expect(noContactCutoff('2026-03-01')).toBe('2025-09-01');
  });
});

describe('certificationPeriods', () => {
  const cert = { category: 'dibao', validFrom: '2026-01-01', validTo: '2027-12-31' };
  it('cuts the validity by suspensions and ends it on exit', () => {
    expect(certificationPeriods(cert, [])).toEqual([{ ...cert, endedOn: null }]);
    expect(certificationPeriods(cert, [{ kind: 'suspend', onDate: '2026-03-01' }, { kind: 'resume', onDate: '2026-05-01' }, { kind: 'review', onDate: '2026-12-01' }, { kind: 'exit', onDate: '2027-02-01' }])).toEqual([
      { ...cert, endedOn: '2026-03-01' },
      { ...cert, validFrom: '2026-05-01', endedOn: '2027-02-01' },
    ]);
    // Suspended and never resumed: nothing after the suspension day.
    expect(certificationPeriods(cert, [{ kind: 'suspend', onDate: '2026-03-01' }, { kind: 'exit', onDate: '2026-04-01' }])).toEqual([{ ...cert, endedOn: '2026-03-01' }]);
  });
});

describe('注销 reasons', () => {
  it('give every reason a status, and exit a certification for every reason but work', () => {
    for (const r of CANCELLATION_REASONS) expect(STATUS_AFTER_CANCELLATION[r.code], r.code).toBeDefined();
    expect(CANCELLATION_REASONS.filter((r) => !cancellationExitsCertification(r.code)).map((r) => r.code)).toEqual(['employed', 'self_employed', 'stable_income']);
  });

  it('refuse contact dates in the future or before birth', () => {
    expect(contactDateProblem('2026-11-28', '2026-11-27', '1990-01-01')).toBe('联系日期不能晚于今天');
    expect(contactDateProblem('1989-12-31', '2026-11-27', '1990-01-01')).toBe('联系日期不能早于本人出生日期');
    expect(contactDateProblem('2026-11-27', '2026-11-27', '1990-01-01')).toBeNull();
  });
});
