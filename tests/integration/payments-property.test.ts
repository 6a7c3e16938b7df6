import { describe, expect, it } from 'vitest';
import type { LedgerLineView, LedgerView, PaymentBatchView } from '../../shared/contract';
import { plainYuan } from '../../shared/domain/payments';
import { writeXlsx } from '../../db/xlsx';
import { mulberry32 } from '../fixtures/seeded-random';
import { actOk, createCase } from './cases-helpers';
import { readyDesk } from './helpers';
import { approvedSubsidies, flexibleForm, SUBSIDY_DOCS } from './payments-helpers';
import { rows } from './registry-helpers';

/**
 * Random sequences of batch, bank result, re-batch (after an account
 * correction), reversal, recovery and repayment on one real database: after
 * every step, whatever was refused, the ledger's totals are the sum of its
 * lines and no payee holds a paid month of a policy twice.
 */
describe('payments under random sequences', () => {
  it('keeps the ledger adding up and never pays a payee twice for a policy and month', () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [
      flexibleForm('6222020200011111111', '2026-01-01', '2026-03-31', '300000'),
      flexibleForm('6222020200022222222', '2026-02-01', '2026-02-28', '100000'),
      flexibleForm('6222020200033333333', '2026-03-01', '2026-06-30', '480000'),
    ]);
    // The first person applied again for a quarter overlapping the first: one of the two can never be paid.
    const again = actOk(ready.call, createCase(ready.call, desk.personIds[0]!, 'subsidy_application', flexibleForm('6222020200011111111', '2026-03-01', '2026-05-31', '300000'), SUBSIDY_DOCS), 'accept');
    actOk(desk.lina.call, actOk(desk.lina.call, again, 'start_review'), 'approve', '符合条件');
    const { lina, zhouqiang } = desk;
    const call = (who: typeof lina, method: string, input: unknown) => {
      const result = who.call(method, input);
      // A refusal is a sentence for staff, never a crash.
      if (!result.ok) expect(['BAD_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND'], `${method}: ${result.error.message}`).toContain(result.error.code);
      return result.ok ? result.value : null;
    };
    const random = mulberry32(20261206);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const lines = (state: string) => rows(ready, `select b.id as batchId, l.line_no as lineNo, l.amount_fen as amount from payment_lines l join payment_batches b on b.id = l.batch_id where l.state = '${state}'`) as Array<{ batchId: number; lineNo: number; amount: number }>;
    const operations: Record<string, () => void> = {
      batch: () => {
        const built = call(lina, 'payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11' }) as { batch: PaymentBatchView } | null;
        if (!built) return;
        call(zhouqiang, 'payments.transition', { id: built.batch.id, action: 'review' });
        if (random() < 0.15) call(zhouqiang, 'payments.transition', { id: built.batch.id, action: 'cancel', reason: '重新编制' });
        else call(zhouqiang, 'payments.transition', { id: built.batch.id, action: 'release' });
      },
      result: () => {
        const batch = pick(rows(ready, "select id, number from payment_batches where state = 'released'") as Array<{ id: number; number: string }>);
        if (!batch) return;
        const pending = rows(ready, "select line_no as lineNo, amount_fen as amount from payment_lines where batch_id = ? and state = 'pending'", batch.id) as Array<{ lineNo: number; amount: number }>;
        const answered = pending.filter(() => random() < 0.8);
        const outcome = answered.map(() => (random() < 0.3 ? ['失败', '账户已销户'] : ['成功', '']));
        const file = writeXlsx('回盘', ['批次号', batch.number], [
          ['合计笔数', String(answered.length), '合计金额(元)', plainYuan(answered.reduce((s, l) => s + l.amount, 0))],
          ['序号', '收款人名称', '账号', '金额(元)', '处理结果', '失败原因'],
          ...answered.map((l, i) => [String(l.lineNo), '', '', plainYuan(l.amount), outcome[i]![0]!, outcome[i]![1]!]),
        ]);
        call(lina, 'payments.bankResult', { id: batch.id, fileName: '回盘.xlsx', base64: file.toString('base64') });
      },
      correct: () => {
        const payee = pick(rows(ready, "select distinct payee_id as id from payment_lines where state = 'failed'") as Array<{ id: number }>);
        if (payee) call(lina, 'payments.setAccount', { payeeKind: 'person', payeeId: payee.id, accountNumber: `62170000${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, bankName: '中国建设银行' });
      },
      reverse: () => {
        const line = pick(lines('paid'));
        if (line) call(lina, 'payments.reverseLine', { batchId: line.batchId, lineNo: line.lineNo, on: '2026-11-27', reason: '银行退票' });
      },
      recover: () => {
        const line = pick(lines('paid'));
        if (line) call(lina, 'payments.orderRecovery', { batchId: line.batchId, lineNo: line.lineNo, amountFen: 1 + Math.floor(random() * line.amount * 1.1), on: '2026-11-27', reason: '核查追回' });
      },
      repay: () => {
        const recovery = pick(rows(ready, 'select id, amount_fen - repaid_fen as owed from payment_recoveries where repaid_fen < amount_fen') as Array<{ id: number; owed: number }>);
        if (recovery) call(lina, 'payments.recordRepayment', { recoveryId: recovery.id, amountFen: 1 + Math.floor(random() * recovery.owed * 1.2), on: '2026-11-27' });
      },
    };
    const names = Object.keys(operations);
    for (let step = 0; step < 90; step += 1) {
      operations[pick(names)!]!();
      const ledger = call(zhouqiang, 'payments.ledger', { year: 2026, dimensions: ['policy'] }) as LedgerView;
      const listed = call(zhouqiang, 'payments.ledgerLines', { year: 2026, pageSize: 200 }) as { items: LedgerLineView[] };
      const sum = (k: 'paidFen' | 'reversedFen' | 'recoveryOrderedFen' | 'repaidFen' | 'netFen') => listed.items.reduce((s, l) => s + l[k], 0);
      expect(ledger.totals).toMatchObject({ paidFen: sum('paidFen'), reversedFen: sum('reversedFen'), recoveryOrderedFen: sum('recoveryOrderedFen'), repaidFen: sum('repaidFen'), netFen: sum('netFen') });
      expect(ledger.groups.reduce((s, g) => s + g.totals.netFen, 0)).toBe(ledger.totals.netFen);
      // Paid and not returned, per payee, policy and month: at most one line.
      const doubles = rows(ready, `
        with recursive paid as (select id, payee_id, policy_code, period_from as month, period_to from payment_lines where state = 'paid'
          union all select id, payee_id, policy_code, strftime('%Y-%m', date(month || '-01', '+1 month')), period_to from paid where month < period_to)
        select payee_id, policy_code, month, count(*) as n from paid group by 1, 2, 3 having n > 1`);
      expect(doubles, `step ${step}`).toEqual([]);
      // No recovery above what its line paid net, no repayment above what it owes.
      expect(rows(ready, 'select count(*) as n from payment_recoveries where repaid_fen > amount_fen')[0]!.n).toBe(0);
    }
    // The sequence did reach every kind of money event.
    expect(rows(ready, 'select distinct kind from payment_ledger order by kind').map((r) => r.kind)).toEqual(expect.arrayContaining(['failed', 'paid', 'recovery_ordered', 'reversal']));
  }, 120_000);
});
