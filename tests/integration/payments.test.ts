import { describe, expect, it } from 'vitest';
import type { LedgerLineView, LedgerView, PaymentBatchView, PayeePaymentView, RecoveryView } from '../../shared/contract';
import { approvedSubsidies, bankFileRowsOf, bankResultXlsx, entitlementsOf, flexibleForm, importResult, releasedBatch, SUBSIDY_DOCS } from './payments-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { actOk, createCase } from './cases-helpers';
import { idNumber, rows } from './registry-helpers';

const ACCOUNTS = ['6222 0202 0001 1111 111', '6222020200022222222', '6222020200033333333'];

describe('资金兑付: from approved applications to the bank and back', () => {
  it('pays approved entitlements through a batch released by a second person, a bank result with a failed line, a corrected re-batch, and a recovery — the ledger adding up to the fen', async () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [flexibleForm(ACCOUNTS[0]!), flexibleForm(ACCOUNTS[1]!, '2026-07-01', '2026-09-30', '270000')]);
    const { lina, zhouqiang } = desk;
    const owed = entitlementsOf(lina.call, 'unpaid');
    expect(owed.map((e) => [e.payee.name, e.amountFen, e.periodText, e.basis, e.account?.accountMasked])).toEqual([
      ['李秀英', 270000, '2026年7月—2026年9月', 'entered', '6222 **** 2222'],
      ['张三', 360000, '2026年7月—2026年9月', 'entered', '6222 **** 1111'],
    ]);
    // The screen shows the ID number masked.
    expect(owed[0]!.payee.keyMasked).toMatch(/^\d{6}\*+\d{4}$|\*/);

    // The preparer cannot release their own batch: separation of duties.
    const built = expectOk<{ batch: PaymentBatchView }>(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11' })).batch;
    expect(built).toMatchObject({ number: 'JY202611001', state: 'prepared', count: 2, totalFen: 630000, totalInCapitals: '陆仟叁佰元整' });
    expect(expectError(lina.call('payments.transition', { id: built.id, action: 'review' }), 'FORBIDDEN').message).toContain('编制人不能审核自己编制的批次');
    expectOk(zhouqiang.call('payments.transition', { id: built.id, action: 'review' }));
    const released = expectOk<PaymentBatchView>(zhouqiang.call('payments.transition', { id: built.id, action: 'release' }));
    expect(released.state).toBe('released');

    // The bank file carries the full ID numbers and accounts; its SM3 digest is kept with the batch.
    const { rows: sheet, sm3 } = bankFileRowsOf(lina.call, released.id);
    expect(sheet[0]).toEqual(['批次号', 'JY202611001']);
    expect(sheet[1]).toEqual(['合计笔数', '2', '合计金额(元)', '6300.00']);
    expect(sheet[3]!.slice(0, 6)).toEqual(['1', '张三', rows(ready, 'select id_number from persons where name = ?', '张三')[0]!.id_number, '6222020200011111111', '中国工商银行吴中支行', '3600.00']);
    expect(expectOk<PaymentBatchView>(lina.call('payments.batch', { id: released.id })).bankFile?.sm3).toBe(sm3);

    // A result for another batch, and a line whose amount differs, are refused whole.
    const otherBatch = expectError(importResult(lina.call, released.id, await bankResultXlsx('JY202610001', [{ lineNo: 1, name: '张三', account: ACCOUNTS[0]!, yuan: '3600.00', result: '成功' }])), 'BAD_INPUT');
    expect(otherBatch.message).toContain('不是本批次JY202611001的结果');
    const wrongAmount = expectError(importResult(lina.call, released.id, await bankResultXlsx('JY202611001', [{ lineNo: 1, name: '张三', account: ACCOUNTS[0]!, yuan: '3601.00', result: '成功' }])), 'BAD_INPUT');
    expect(wrongAmount.message).toContain('3,601.00与本批次第1笔的3,600.00不符');
    expect(rows(ready, 'select count(*) as n from payment_ledger')[0]!.n).toBe(0);

    // Line 1 paid, line 2 failed (account closed).
    const result = expectOk<{ paid: number; failed: number }>(importResult(lina.call, released.id, await bankResultXlsx('JY202611001', [
      { lineNo: 1, name: '张三', account: ACCOUNTS[0]!, yuan: '3600.00', result: '成功' },
      { lineNo: 2, name: '李秀英', account: ACCOUNTS[1]!, yuan: '2700.00', result: '失败', reason: '账户已销户' },
    ])));
    expect(result).toMatchObject({ paid: 1, failed: 1 });
    expectOk(zhouqiang.call('payments.transition', { id: released.id, action: 'lock' }));

    // The failed line's account is corrected and it is paid in the next batch.
    const failed = entitlementsOf(lina.call, 'failed');
    expect(failed.map((e) => e.payee.name)).toEqual(['李秀英']);
    expectOk(lina.call('payments.setAccount', { payeeKind: 'person', payeeId: failed[0]!.payee.id, accountNumber: '6217 0000 1234 5678', bankName: '中国建设银行' }));
    const second = releasedBatch(desk, '2026-11');
    expect(second.number).toBe('JY202611002');
    expect(second.lines.map((l) => [l.payee.name, l.rebatchOf, l.account.accountMasked])).toEqual([['李秀英', 'JY202611001#2', '6217 **** 5678']]);
    expectOk(importResult(lina.call, second.id, await bankResultXlsx('JY202611002', [{ lineNo: 1, name: '李秀英', account: '6217000012345678', yuan: '2700.00', result: '成功' }])));

    // A recovery larger than what was paid is refused; a smaller one is recorded and repaid.
    const tooMuch = expectError(lina.call('payments.orderRecovery', { batchId: released.id, lineNo: 1, amountFen: 360001, on: '2026-11-27', reason: '重复享受' }), 'CONFLICT');
    expect(tooMuch.message).toContain('超过JY202611001#1已发放净额3,600.00元');
    const recovery = expectOk<RecoveryView>(lina.call('payments.orderRecovery', { batchId: released.id, lineNo: 1, amountFen: 120000, on: '2026-11-27', reason: '9月已就业，不应享受' }));
    expect(recovery).toMatchObject({ number: 'ZH2026-0001', outstandingFen: 120000, state: 'open' });
    expect(expectError(lina.call('payments.recordRepayment', { recoveryId: recovery.id, amountFen: 120001, on: '2026-11-27' }), 'CONFLICT').message).toContain('超过追回ZH2026-0001尚欠的1,200.00');
    expect(expectOk<RecoveryView>(lina.call('payments.recordRepayment', { recoveryId: recovery.id, amountFen: 120000, on: '2026-11-27', note: '现金缴回' })).state).toBe('settled');

    // The ledger: its totals are the sum of its lines; net = paid − reversed − repaid.
    const ledger = expectOk<LedgerView>(zhouqiang.call('payments.ledger', { year: 2026, dimensions: ['fund', 'policy'] }));
    expect(ledger.totals).toMatchObject({ paidFen: 630000, recoveryOrderedFen: 120000, repaidFen: 120000, outstandingRecoveryFen: 0, netFen: 510000 });
    expect(ledger.netInCapitals).toBe('伍仟壹佰元整');
    const list = expectOk<{ items: LedgerLineView[]; total: number }>(zhouqiang.call('payments.ledgerLines', { year: 2026, pageSize: 200 }));
    expect(list.items.reduce((s, l) => s + l.netFen, 0)).toBe(ledger.totals.netFen);
    expect(list.items.map((l) => l.kind)).toEqual(['paid', 'failed', 'paid', 'recovery_ordered', 'repayment_received']);

    // The monthly report counts what left the fund in its period (2026-11-21 … 2026-12-20).
    expect(expectOk<{ subsidyPayments: unknown }>(zhouqiang.call('reports.monthly', { period: '2026-12' })).subsidyPayments).toEqual({ payees: 2, paidFen: 630000, returnedFen: 120000, netFen: 510000 });
    // The person's timeline shows the payment; the province receives the lines.
    const timeline = expectOk<PayeePaymentView[]>(ready.call('payments.forPayee', { payeeKind: 'person', payeeId: desk.personIds[0]! }));
    expect(timeline.map((p) => [p.kindLabel, p.amountFen])).toEqual([['已发放', 360000], ['追回', 120000], ['退款到账', 120000]]);
    const sections = expectOk<Array<{ kind: string; events: Array<{ title: string }> }>>(ready.call('persons.timeline', { id: desk.personIds[0]! }));
    const titles = sections.find((x) => x.kind === 'payments')!.events.map((e) => e.title);
    expect(titles).toHaveLength(3);
    expect(titles).toContain('灵活就业社会保险补贴 已发放 3,600.00元（2026年7月—2026年9月）');
    expect(rows(ready, "select count(distinct entity_id) as n from exchange_changes where entity = 'payment_lines'")[0]!.n).toBe(3);
    // The ledger is append-only: a money event is corrected by another event, never edited.
    expect(() => ready.desk.database().sqlite.prepare('update payment_ledger set paid_fen = 0').run()).toThrow(/append-only/);
    expect(() => ready.desk.database().sqlite.prepare('delete from payment_ledger').run()).toThrow(/append-only/);
  });

  it('refuses a budget of −1 元, a month paid twice, a payment in advance, and a payee without an account — writing nothing', () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [flexibleForm(ACCOUNTS[0]!), { ...flexibleForm(ACCOUNTS[1]!), bankAccount: null, bankName: null }]);
    const { lina, zhouqiang } = desk;
    const budget = expectError(zhouqiang.call('payments.setBudget', { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: -100 }), 'BAD_INPUT');
    expect(budget.message).toContain('预算额度');
    expect(budget.message).toContain('不能为负数');
    expect(rows(ready, 'select count(*) as n from payment_budgets')[0]!.n).toBe(0);
    expect(expectError(lina.call('payments.setBudget', { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 100 }), 'FORBIDDEN')).toBeTruthy();

    const advance = expectError(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-08' }), 'CONFLICT');
    expect(advance.message).toContain('不得预发');
    expect(rows(ready, 'select count(*) as n from payment_batches')[0]!.n).toBe(0);
    const result = expectOk<{ batch: PaymentBatchView; refused: Array<{ payeeName: string; message: string }> }>(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11' }));
    expect(result.refused).toEqual([{ entitlementId: expect.any(Number), payeeName: '李秀英', message: '没有收款账户，请先登记收款账号和开户银行' }]);
    expect(result.batch.count).toBe(1);

    // The same month can never be held by two lines: the unique index refuses it even without the service.
    const sqlite = ready.desk.database().sqlite;
    const held = sqlite.prepare('select * from payment_months limit 1').get() as Record<string, unknown>;
    expect(() => sqlite.prepare('insert into payment_months (line_id, payee_kind, payee_id, policy_code, month) values (?, ?, ?, ?, ?)').run(held.line_id, held.payee_kind, held.payee_id, held.policy_code, held.month)).toThrow(/UNIQUE constraint failed: payment_months/);
    // Nor can a line pay more than its entitlement.
    expect(() => sqlite.prepare('update payment_lines set amount_fen = amount_fen + 1').run()).toThrow(/above its entitlement/);
  });
});

describe('拨付前核查: the controls before money leaves', () => {
  it('blocks a payee past retirement age until the line leaves the batch, and holds release until the releaser acknowledges a shared account', () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [flexibleForm(ACCOUNTS[0]!), flexibleForm(ACCOUNTS[0]!, '2026-07-01', '2026-09-30', '270000')]);
    const { lina, zhouqiang } = desk;
    // A man born in 1960 reached the statutory retirement age in 2020: no subsidy for 2026.
    const retired = expectOk<{ id: number }>(ready.call('persons.register', { idNumber: idNumber('320506', '1960-03-01', '015'), name: '王建国', phone: '13951009999' }));
    const accepted = actOk(ready.call, createCase(ready.call, retired.id, 'subsidy_application', flexibleForm(ACCOUNTS[2]!), SUBSIDY_DOCS), 'accept');
    actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '符合条件');

    const batch = expectOk<{ batch: PaymentBatchView }>(lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11' })).batch;
    const byCode = (view: PaymentBatchView) => view.controls.map((c) => [c.lineNo, c.code, c.severity]);
    const retiredLine = batch.lines.find((l) => l.payee.name === '王建国')!.lineNo;
    expect(byCode(batch)).toEqual(expect.arrayContaining([[retiredLine, 'past_retirement', 'block'], [1, 'shared_account', 'flag'], [2, 'shared_account', 'flag']]));
    expectOk(zhouqiang.call('payments.transition', { id: batch.id, action: 'review' }));
    expect(expectError(zhouqiang.call('payments.transition', { id: batch.id, action: 'release' }), 'CONFLICT').message).toMatch(/批次有\d+条拦截的核查结果/);
    // The shared account is named masked, never whole.
    const shared = batch.controls.find((c) => c.code === 'shared_account')!.message;
    expect(shared).toContain('6222 **** 1111');
    expect(shared).not.toContain('6222020200011111111');
    expect(expectError(zhouqiang.call('payments.acknowledge', { batchId: batch.id, lineNo: retiredLine, code: 'past_retirement', note: '已核实' }), 'CONFLICT').message).toContain('拦截项');

    // The blocked line leaves the batch (its entitlement is free again); the batch must be reviewed again.
    const removed = expectOk<PaymentBatchView>(lina.call('payments.removeLine', { batchId: batch.id, lineNo: retiredLine, reason: '已达法定退休年龄，不予发放' }));
    expect(removed.state).toBe('prepared');
    for (const f of removed.controls.filter((c) => c.severity === 'flag')) {
      expectOk(zhouqiang.call('payments.acknowledge', { batchId: batch.id, lineNo: f.lineNo, code: f.code, note: '夫妻共用一张社保卡金融账户，已核实' }));
    }
    expectOk(zhouqiang.call('payments.transition', { id: batch.id, action: 'review' }));
    const released = expectOk<PaymentBatchView>(zhouqiang.call('payments.transition', { id: batch.id, action: 'release' }));
    expect(released).toMatchObject({ state: 'released', count: 2, unresolvedControls: 0 });
    expect(entitlementsOf(lina.call, 'unpaid').map((e) => e.payee.name)).toEqual(['王建国']);
  });
});
