import { describe, expect, it } from 'vitest';
import {
  type BatchHeader,
  type BatchLine,
  type PaymentEntitlement,
  type PeriodClaim,
  batchNumber,
  batchTransition,
  buildBatchLines,
  controlTotals,
  entitlementProblems,
  findDoublePayments,
  lineClaim,
  lineTransition,
  paymentKeys,
  periodMonths,
  periodOverlap,
  toEnjoyedRecord,
} from '../../shared/domain/payments';

const alice = { kind: 'person', id: 1 } as const;
const firm = { kind: 'enterprise', id: 1 } as const;
const claim = (ref: string, from: string, to: string, over: Partial<PeriodClaim> = {}): PeriodClaim => ({
  ref, payee: alice, policyCode: 'public_welfare_post', period: { from, to }, ...over,
});

function entitlement(id: number, over: Partial<PaymentEntitlement> = {}): PaymentEntitlement {
  return {
    id, payee: alice, policyCode: 'public_welfare_post', policyVersion: 1, period: { from: '2026-01', to: '2026-03' },
    amountFen: 300_000, fundSource: 'employment_subsidy_fund', basis: { kind: 'engine', evaluatedOn: '2026-04-02', engineAmountFen: 300_000 },
    townshipCode: '320102001', approvedOn: '2026-04-03', ...over,
  };
}

describe('the double-payment key: payee, policy code and calendar month', () => {
  it('expands a period into its months, one key each, across a year end', () => {
    expect(periodMonths({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(paymentKeys(alice, 'p', { from: '2026-03', to: '2026-03' })).toEqual([{ payeeKind: 'person', payeeId: 1, policyCode: 'p', month: '2026-03' }]);
  });

  it('finds periods that overlap without being equal, and touching periods that do not', () => {
    expect(periodOverlap({ from: '2026-01', to: '2026-06' }, { from: '2026-04', to: '2026-09' })).toEqual({ from: '2026-04', to: '2026-06' });
    expect(periodOverlap({ from: '2026-01', to: '2026-03' }, { from: '2026-04', to: '2026-06' })).toBeNull();
    const found = findDoublePayments([claim('新', '2026-04', '2026-09')], [claim('旧', '2026-01', '2026-06')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ first: '旧', second: '新', months: { from: '2026-04', to: '2026-06' } });
    expect(found[0]!.message).toContain('2026年4月—2026年6月');
    expect(findDoublePayments([claim('新', '2026-07', '2026-09')], [claim('旧', '2026-01', '2026-06')])).toEqual([]);
  });

  it('keys the policy by code: another version of the same policy for the same month is a double payment', () => {
    expect(findDoublePayments([claim('a', '2026-03', '2026-03'), claim('b', '2026-01', '2026-12')])).toHaveLength(1);
  });

  it('lets another payee, another kind of payee with the same id, or another policy share the month', () => {
    expect(findDoublePayments([
      claim('a', '2026-01', '2026-06'),
      claim('b', '2026-01', '2026-06', { payee: { kind: 'person', id: 2 } }),
      claim('c', '2026-01', '2026-06', { payee: firm }),
      claim('d', '2026-01', '2026-06', { policyCode: 'social_insurance' }),
    ])).toEqual([]);
  });

  it('finds a long period that overlaps a later short one past a short one in between', () => {
    const found = findDoublePayments([claim('long', '2026-01', '2026-12'), claim('short', '2026-02', '2026-02'), claim('late', '2026-11', '2026-11')]);
    expect(found.map((d) => [d.first, d.second].sort().join('+')).sort()).toEqual(['late+long', 'long+short']);
  });

  it('does not report pairs among existing claims only, and refuses a malformed period', () => {
    expect(findDoublePayments([], [claim('a', '2026-01', '2026-06'), claim('b', '2026-02', '2026-02')])).toEqual([]);
    expect(() => findDoublePayments([claim('x', '2026-13', '2026-13')])).toThrow('x');
    expect(() => findDoublePayments([claim('x', '2026-05', '2026-04')])).toThrow('终止月份不能早于起始月份');
  });
});

describe('an entitlement (应发记录)', () => {
  it('is sound when the amount is the engine’s, or entered with a reason', () => {
    expect(entitlementProblems(entitlement(1))).toEqual([]);
    expect(entitlementProblems(entitlement(1, { amountFen: 250_000, basis: { kind: 'entered', reason: '按发票金额', enteredBy: 7 } }))).toEqual([]);
  });

  it('names the field of every problem', () => {
    const fields = (e: PaymentEntitlement) => entitlementProblems(e).map((p) => p.field);
    expect(fields(entitlement(1, { amountFen: 250_000 }))).toEqual(['amountFen']);
    expect(fields(entitlement(1, { amountFen: 0, basis: { kind: 'entered', reason: '', enteredBy: 7 } }))).toEqual(['amountFen', 'basis.reason']);
    expect(fields(entitlement(1, { amountFen: 10.5 }))).toEqual(['amountFen']);
    expect(fields(entitlement(1, { period: { from: '2026-04', to: '2026-01' } }))).toEqual(['period']);
    expect(fields(entitlement(1, { policyVersion: 0 }))).toEqual(['policyVersion']);
  });

  it('becomes the engine’s 享受记录: whole months of a monthly subsidy, the approval day of a one-off', () => {
    expect(toEnjoyedRecord(entitlement(1, { period: { from: '2024-01', to: '2024-02' } }), 'monthly')).toEqual({
      policyCode: 'public_welfare_post', from: '2024-01-01', to: '2024-02-29', months: 2, amountFen: 300_000,
    });
    expect(toEnjoyedRecord(entitlement(1), 'one_off')).toMatchObject({ from: '2026-04-03', to: '2026-04-03', months: 0 });
  });
});

const header = (over: Partial<BatchHeader> = {}): BatchHeader => ({
  number: 'JY202604001', fundSource: 'employment_subsidy_fund', month: '2026-04', state: 'prepared',
  preparedBy: 1, reviewedBy: null, releasedBy: null, ...over,
});
const reviewer = (userId: number) => ({ userId, role: 'reviewer' as const });
const ctx = { pendingLines: 0, blockingFindings: 0 };

describe('a payment batch moves prepared → reviewed → released → locked, by two people', () => {
  it('numbers batches by fund, month and sequence', () => {
    expect(batchNumber('employment_subsidy_fund', '2026-12', 1)).toBe('JY202612001');
    expect(batchNumber('unemployment_insurance_fund', '2026-01', 12)).toBe('SY202601012');
    expect(() => batchNumber('startup_loan_interest', '2026-1', 1)).toThrow(RangeError);
  });

  it('goes the whole road with a preparer and a second person', () => {
    const reviewed = batchTransition(header(), 'review', reviewer(2), ctx);
    expect(reviewed).toEqual({ ok: true, state: 'reviewed', reviewedBy: 2, releasedBy: null });
    const released = batchTransition(header({ state: 'reviewed', reviewedBy: 2 }), 'release', { userId: 2, role: 'head' }, ctx);
    expect(released).toEqual({ ok: true, state: 'released', reviewedBy: 2, releasedBy: 2 });
    expect(batchTransition(header({ state: 'released', reviewedBy: 2, releasedBy: 2 }), 'lock', reviewer(1), ctx)).toMatchObject({ ok: true, state: 'locked' });
  });

  it('never lets the preparer review or release their own batch', () => {
    expect(batchTransition(header(), 'review', reviewer(1), ctx)).toMatchObject({ ok: false, code: 'same_person' });
    expect(batchTransition(header({ state: 'reviewed', reviewedBy: 2 }), 'release', { userId: 1, role: 'head' }, ctx)).toMatchObject({ ok: false, code: 'same_person' });
  });

  it('lets only reviewers and heads move money', () => {
    for (const role of ['front_desk', 'counselor', 'admin'] as const) {
      expect(batchTransition(header(), 'review', { userId: 3, role }, ctx)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('refuses a skipped step, a release with blocking findings, a lock with pending lines, and a return or cancel without reason', () => {
    expect(batchTransition(header(), 'release', reviewer(2), ctx)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(batchTransition(header({ state: 'reviewed' }), 'release', reviewer(2), { ...ctx, blockingFindings: 1 })).toMatchObject({ ok: false, code: 'blocked' });
    expect(batchTransition(header({ state: 'released' }), 'lock', reviewer(2), { ...ctx, pendingLines: 3 })).toMatchObject({ ok: false, code: 'pending_lines', message: expect.stringContaining('3笔') });
    expect(batchTransition(header({ state: 'reviewed' }), 'return', reviewer(2), ctx)).toMatchObject({ ok: false, code: 'reason_required' });
    expect(batchTransition(header({ state: 'released' }), 'cancel', reviewer(2), { ...ctx, reason: '重复' })).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(batchTransition(header({ state: 'locked' }), 'review', reviewer(2), ctx)).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('a return clears the review, so the batch is reviewed again', () => {
    expect(batchTransition(header({ state: 'reviewed', reviewedBy: 2 }), 'return', reviewer(2), { ...ctx, reason: '金额有误' })).toEqual({
      ok: true, state: 'prepared', reviewedBy: null, releasedBy: null,
    });
  });
});

const details = () => ({ payeeName: '张三', payeeIdNumber: '320102199003071239', account: { accountNumber: '6222020200001', bankName: '工商银行玄武支行' }, policyName: '公益性岗位补贴' });

describe('building a batch from entitlements', () => {
  const base = { batchNumber: 'JY202604001', fund: 'employment_subsidy_fund' as const, month: '2026-04', details, holding: [], paidOrPendingEntitlementIds: new Set<number>() };

  it('numbers lines from 1 and carries the entitlement’s amount, period and version', () => {
    const { lines, refused } = buildBatchLines({ ...base, entitlements: [entitlement(1), entitlement(2, { payee: { kind: 'person', id: 2 } })] });
    expect(refused).toEqual([]);
    expect(lines.map((l) => [l.lineNo, l.entitlementId, l.amountFen, l.state])).toEqual([[1, 1, 300_000, 'pending'], [2, 2, 300_000, 'pending']]);
    expect(controlTotals(lines)).toEqual({ count: 2, totalFen: 600_000 });
  });

  it('refuses another fund, a payment in advance, an entitlement already in a batch, and overlapping months', () => {
    const holding = [lineClaim('JY202603001', { lineNo: 4, payee: alice, policyCode: 'social_insurance', period: { from: '2026-02', to: '2026-02' } })];
    const { lines, refused } = buildBatchLines({
      ...base,
      holding,
      paidOrPendingEntitlementIds: new Set([3]),
      entitlements: [
        entitlement(1, { fundSource: 'unemployment_insurance_fund' }),
        entitlement(2, { period: { from: '2026-04', to: '2026-05' } }),
        entitlement(3, { payee: { kind: 'person', id: 3 } }),
        entitlement(4, { policyCode: 'social_insurance' }),
        entitlement(5),
        entitlement(6, { period: { from: '2026-03', to: '2026-04' } }),
      ],
    });
    expect(lines.map((l) => l.entitlementId)).toEqual([5]);
    expect(refused.map((r) => r.entitlementId)).toEqual([1, 2, 3, 4, 6]);
    expect(refused[0]!.message).toContain('失业保险基金');
    expect(refused[1]!.message).toContain('不得预发');
    expect(refused[3]!.message).toContain('批次JY202603001第4笔');
    expect(refused[4]!.message).toContain('2026年3月');
  });

  it('marks a line that pays a failed line again', () => {
    const { lines } = buildBatchLines({ ...base, entitlements: [entitlement(1)], rebatch: new Map([[1, { batchNumber: 'JY202603001', lineNo: 2 }]]) });
    expect(lines[0]!.rebatchOf).toEqual({ batchNumber: 'JY202603001', lineNo: 2 });
  });
});

describe('a batch line: pending → paid | failed; paid → reversed; failed | reversed → rebatched', () => {
  const line = (state: BatchLine['state']): BatchLine => ({
    lineNo: 2, entitlementId: 1, payee: alice, payeeName: '张三', payeeIdNumber: 'x', account: { accountNumber: '1', bankName: 'b' },
    policyCode: 'p', policyName: 'P', policyVersion: 1, period: { from: '2026-01', to: '2026-01' }, amountFen: 1, state, reason: null, rebatchOf: null,
  });

  it('allows the road and keeps the bank’s reason', () => {
    expect(lineTransition(line('pending'), { kind: 'failed', reason: ' 账户已销户 ' })).toMatchObject({ ok: true, line: { state: 'failed', reason: '账户已销户' } });
    expect(lineTransition(line('paid'), { kind: 'reversed', reason: '退票' })).toMatchObject({ ok: true, line: { state: 'reversed' } });
    expect(lineTransition(line('failed'), { kind: 'rebatched' })).toMatchObject({ ok: true, line: { state: 'rebatched' } });
  });

  it('refuses paying a line twice, re-batching a paid line, and a failure without reason', () => {
    expect(lineTransition(line('paid'), { kind: 'paid' })).toMatchObject({ ok: false, message: '第2笔已发放，不能改为已发放' });
    expect(lineTransition(line('paid'), { kind: 'rebatched' })).toMatchObject({ ok: false });
    expect(lineTransition(line('rebatched'), { kind: 'paid' })).toMatchObject({ ok: false });
    expect(lineTransition(line('pending'), { kind: 'failed', reason: ' ' })).toMatchObject({ ok: false, message: '第2笔发放失败须有原因' });
  });
});
