import { describe, expect, it } from 'vitest';
import {
  type LedgerSubject,
  type PaymentEvent,
  budgetProblems,
  budgetUsage,
  buildLedger,
  emptyLedger,
  eventRefusal,
  ledgerFromLines,
  ledgerTotalsBy,
  netPaidOf,
  postEvent,
  sumLedger,
} from '../../shared/domain/payments';

function subject(lineRef: string, over: Partial<LedgerSubject> = {}): LedgerSubject {
  return {
    lineRef, payee: { kind: 'person', id: 1 }, payeeName: '张三', policyCode: 'public_welfare_post', period: { from: '2026-01', to: '2026-03' },
    fundSource: 'employment_subsidy_fund', townshipCode: '320102001', ...over,
  };
}
const a = subject('JY202604001#1');
const paid = (s: LedgerSubject, amountFen: number, on = '2026-04-10'): PaymentEvent => ({ kind: 'paid', on, subject: s, amountFen });

describe('the fund ledger (补贴发放台账)', () => {
  it('turns paid, failed, reversal, recovery and repayment into lines whose sums are the totals', () => {
    const b = subject('JY202604001#2', { payee: { kind: 'person', id: 2 }, townshipCode: '320102002' });
    const c = subject('SY202605001#1', { payee: { kind: 'enterprise', id: 9 }, policyCode: 'job_retention', fundSource: 'unemployment_insurance_fund', townshipCode: null });
    const { state, refused } = buildLedger([
      paid(a, 300_000),
      { kind: 'failed', on: '2026-04-10', subject: b, reason: '账户已销户' },
      paid(c, 1_000_000, '2026-05-08'),
      { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 100_000, reason: '3月未在岗' },
      { kind: 'repayment_received', on: '2026-06-20', subject: a, recoveryId: 'ZH1', amountFen: 60_000 },
      { kind: 'reversal', on: '2026-05-20', subject: c, amountFen: 1_000_000, reason: '银行退票' },
    ]);
    expect(refused).toEqual([]);
    expect(state.lines.map((l) => [l.seq, l.kind, l.month, l.netFen])).toEqual([
      [1, 'paid', '2026-04', 300_000], [2, 'failed', '2026-04', 0], [3, 'paid', '2026-05', 1_000_000],
      [4, 'recovery_ordered', '2026-06', 0], [5, 'repayment_received', '2026-06', -60_000], [6, 'reversal', '2026-05', -1_000_000],
    ]);
    expect(sumLedger(state.lines)).toEqual({
      lines: 6, paidFen: 1_300_000, reversedFen: 1_000_000, recoveryOrderedFen: 100_000, repaidFen: 60_000, outstandingRecoveryFen: 40_000, netFen: 240_000,
    });
    const byFund = ledgerTotalsBy(state.lines, ['fund']);
    expect(byFund.map((g) => [g.key[0], g.totals.netFen, g.lines.length])).toEqual([['employment_subsidy_fund', 240_000, 4], ['unemployment_insurance_fund', 0, 2]]);
    expect(ledgerTotalsBy(state.lines, ['township']).map((g) => [g.key[0], g.totals.paidFen])).toEqual([['320102001', 300_000], ['320102002', 0], ['unknown', 1_000_000]]);
    expect(ledgerTotalsBy(state.lines, ['policy', 'month']).map((g) => g.key.join('/'))).toEqual([
      'job_retention/2026-05', 'public_welfare_post/2026-04', 'public_welfare_post/2026-06',
    ]);
    // Whatever the grouping, the groups add up to the whole.
    for (const dims of [['fund'], ['policy'], ['township'], ['month'], ['fund', 'township', 'month']] as const) {
      expect(ledgerTotalsBy(state.lines, dims).reduce((s, g) => s + g.totals.netFen, 0)).toBe(sumLedger(state.lines).netFen);
    }
  });

  it('refuses a recovery larger than what was paid net of earlier recoveries', () => {
    const state = emptyLedger();
    postEvent(state, paid(a, 300_000));
    postEvent(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 200_000, reason: '虚报' });
    expect(netPaidOf(state, a.lineRef)).toBe(100_000);
    const tooMuch: PaymentEvent = { kind: 'recovery_ordered', on: '2026-06-02', subject: a, recoveryId: 'ZH2', amountFen: 100_001, reason: '虚报' };
    expect(eventRefusal(state, tooMuch)).toBe('追回金额1,000.01元超过JY202604001#1已发放净额1,000.00元');
    expect(() => postEvent(state, tooMuch)).toThrow('超过');
    expect(eventRefusal(state, { ...tooMuch, amountFen: 100_000 })).toBeNull();
  });

  it('refuses a recovery or reversal of a line not paid, and a duplicate recovery number', () => {
    const state = emptyLedger();
    expect(eventRefusal(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 1, reason: 'x' })).toBe('JY202604001#1未发放，不能追回');
    expect(eventRefusal(state, { kind: 'reversal', on: '2026-06-01', subject: a, amountFen: 1, reason: 'x' })).toBe('JY202604001#1未发放，不能退票');
    postEvent(state, paid(a, 300_000));
    postEvent(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 1, reason: 'x' });
    expect(eventRefusal(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 1, reason: 'x' })).toBe('追回编号ZH1已存在');
    expect(eventRefusal(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH2', amountFen: 1, reason: ' ' })).toContain('须说明原因');
  });

  it('refuses a repayment larger than what the recovery still owes, or of another line’s recovery', () => {
    const state = emptyLedger();
    postEvent(state, paid(a, 300_000));
    postEvent(state, { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 50_000, reason: 'x' });
    postEvent(state, { kind: 'repayment_received', on: '2026-06-05', subject: a, recoveryId: 'ZH1', amountFen: 30_000 });
    expect(eventRefusal(state, { kind: 'repayment_received', on: '2026-06-06', subject: a, recoveryId: 'ZH1', amountFen: 20_001 })).toBe('退款200.01元超过追回ZH1尚欠的200.00元');
    expect(eventRefusal(state, { kind: 'repayment_received', on: '2026-06-06', subject: subject('X#1'), recoveryId: 'ZH1', amountFen: 1 })).toBe('X#1没有追回编号ZH1');
  });

  it('never pays a line twice, nor a month of the same payee and policy while another line holds it; a whole reversal frees it', () => {
    const state = emptyLedger();
    postEvent(state, paid(a, 300_000));
    expect(eventRefusal(state, paid(a, 300_000))).toBe('JY202604001#1已发放，不能重复发放');
    const again = subject('JY202605001#7', { period: { from: '2026-03', to: '2026-05' } });
    expect(eventRefusal(state, paid(again, 300_000))).toBe('JY202605001#7重复发放：2026-03已由JY202604001#1发放');
    postEvent(state, { kind: 'reversal', on: '2026-04-20', subject: a, amountFen: 100_000, reason: '部分退回' });
    expect(eventRefusal(state, paid(again, 300_000))).not.toBeNull();
    postEvent(state, { kind: 'reversal', on: '2026-04-21', subject: a, amountFen: 200_000, reason: '退票' });
    expect(eventRefusal(state, paid(again, 300_000))).toBeNull();
  });

  it('refuses a paid result for a failed line, a failure for a paid line, and amounts that are not whole fen above 0', () => {
    const state = emptyLedger();
    postEvent(state, { kind: 'failed', on: '2026-04-10', subject: a, reason: '户名不符' });
    expect(eventRefusal(state, paid(a, 1))).toContain('须重新编批');
    const b = subject('JY202604001#2', { payee: { kind: 'person', id: 2 } });
    postEvent(state, paid(b, 1));
    expect(eventRefusal(state, { kind: 'failed', on: '2026-04-10', subject: b, reason: 'x' })).toContain('不能改为发放失败');
    for (const amountFen of [0, -1, 1.5]) expect(eventRefusal(state, paid(subject('C#1'), amountFen))).toContain('大于0的整数');
    expect(eventRefusal(state, paid(subject('C#1'), 1, '2026-02-30'))).toContain('日期');
  });
});

describe('a service checks a new event against the stored lines of its batch line', () => {
  it('replays stored lines into the same state, and refuses a damaged ledger', () => {
    const { state } = buildLedger([
      paid(a, 300_000),
      { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 100_000, reason: '3月未在岗' },
      { kind: 'repayment_received', on: '2026-06-20', subject: a, recoveryId: 'ZH1', amountFen: 60_000 },
    ]);
    const replayed = ledgerFromLines([...state.lines].reverse());
    expect(replayed.lines).toEqual(state.lines);
    expect(netPaidOf(replayed, a.lineRef)).toBe(200_000);
    expect(eventRefusal(replayed, { kind: 'recovery_ordered', on: '2026-07-01', subject: a, recoveryId: 'ZH2', amountFen: 200_001, reason: 'x' })).toContain('超过');
    const damaged = state.lines.map((l) => (l.kind === 'recovery_ordered' ? { ...l, recoveryOrderedFen: 400_000 } : l));
    expect(() => ledgerFromLines(damaged)).toThrow('超过');
  });
});

describe('the budget (预算额度) per fund and year', () => {
  it('refuses a negative budget, a fraction of a fen and an impossible year, naming the field', () => {
    expect(budgetProblems({ fundSource: 'employment_subsidy_fund', year: 2026, amountFen: -100 })).toEqual([{ field: 'amountFen', message: '预算额度不能为负数' }]);
    expect(budgetProblems({ fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 0.5 })[0]!.field).toBe('amountFen');
    expect(budgetProblems({ fundSource: 'employment_subsidy_fund', year: 26, amountFen: 0 })[0]!.field).toBe('year');
    expect(budgetProblems({ fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 0 })).toEqual([]);
  });

  it('shows what remains of each year’s budget, over budget as a negative remainder, and spending without a budget', () => {
    const { state, refused } = buildLedger([
      paid(a, 300_000, '2026-04-10'),
      paid(subject('JY202512001#1', { period: { from: '2025-12', to: '2025-12' } }), 80_000, '2025-12-20'),
      paid(subject('SY202601001#1', { fundSource: 'unemployment_insurance_fund', policyCode: 'job_retention' }), 50_000, '2026-01-15'),
      { kind: 'recovery_ordered', on: '2026-06-01', subject: a, recoveryId: 'ZH1', amountFen: 100_000, reason: 'x' },
      { kind: 'repayment_received', on: '2026-06-02', subject: a, recoveryId: 'ZH1', amountFen: 100_000 },
    ]);
    expect(refused).toEqual([]);
    const usage = budgetUsage([
      { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 150_000 },
      { fundSource: 'employment_subsidy_fund', year: 2025, amountFen: 100_000 },
      { fundSource: 'startup_loan_interest', year: 2026, amountFen: 0 },
    ], state.lines);
    expect(usage.map((u) => [u.fundSource, u.year, u.budgetFen, u.spentFen, u.remainingFen, u.overBudget])).toEqual([
      ['employment_subsidy_fund', 2025, 100_000, 80_000, 20_000, false],
      ['employment_subsidy_fund', 2026, 150_000, 200_000, -50_000, true],
      ['startup_loan_interest', 2026, 0, 0, 0, false],
      ['unemployment_insurance_fund', 2026, null, 50_000, null, false],
    ]);
    expect(() => budgetUsage([{ fundSource: 'employment_subsidy_fund', year: 2026, amountFen: -1 }], [])).toThrow('预算额度不能为负数');
    expect(() => budgetUsage([
      { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 1 }, { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 2 },
    ], [])).toThrow('重复');
  });
});
