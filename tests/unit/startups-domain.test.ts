import { describe, expect, it } from 'vitest';
import { businessKindOfCreditCode, businessStartProblems, loanLastDay, loanProblems } from '../../shared/domain/startups';

const LOAN = { borrower: 'small_enterprise' as const, amountFen: 100_000_000, termMonths: 24, appliedOn: '2026-03-10', grantedOn: '2026-04-01', interestPeriods: [] };

describe('创业服务 rules', () => {
  it('a start on the 16th birthday is allowed, the day before is not', () => {
    expect(businessStartProblems({ birthDate: '2010-02-28' }, '2026-02-28', '2026-11-27')).toEqual({});
    expect(businessStartProblems({ birthDate: '2010-02-28' }, '2026-02-27', '2026-11-27')).toEqual({ startedOn: '创业日期不能早于本人年满16周岁之日（2026-02-28）' });
  });

  it('a 小微企业 loan may run 24 months and 400万元, not 25 months; a 31 January grant of 1 month falls due on the last day of February', () => {
    expect(loanProblems(LOAN, '2026-03-01', '2026-11-27')).toEqual({});
    expect(loanProblems({ ...LOAN, termMonths: 25 }, '2026-03-01', '2026-11-27')).toEqual({ termMonths: '贷款期限不能超过24个月（小微企业创业担保贷款的上限）' });
    expect(loanProblems({ ...LOAN, amountFen: 400_000_001 }, '2026-03-01', '2026-11-27')).toEqual({ amountFen: '贷款金额不能超过400万元（小微企业创业担保贷款的上限）' });
    expect(loanLastDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(loanProblems({ ...LOAN, grantedOn: null, interestPeriods: [{ periodFrom: '2026-04-01', periodTo: '2026-06-30', amountFen: 100 }] }, '2026-03-01', '2026-11-27'))
      .toEqual({ interestPeriods: '尚未放款的贷款不能登记贴息期' });
  });

  it('suggests the kind from the credit code’s entity type', () => {
    expect(['91320100MA1XY8129Y', '92320106MA1N2P3Q0A', '93320506MA1234567X', '320506000012342', null].map(businessKindOfCreditCode)).toEqual(['enterprise', 'sole_trader', 'farmers_coop', 'other', 'other']);
  });
});
