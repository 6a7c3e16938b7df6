import { describe, expect, it } from 'vitest';
import type { RecoveryView, SpotCheckView } from '../../shared/contract';
import { expectError, expectOk, readyDesk } from './helpers';
import { approvedSubsidies, bankResultXlsx, flexibleForm, importResult, releasedBatch } from './payments-helpers';
import { rows } from './registry-helpers';

describe('抽查: re-review of approved applications by someone who handled none of them', () => {
  it('draws a share by a recorded seed, refuses the decider as checker and an early finish, and opens a recovery from an irregular finding', async () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [flexibleForm('6222020200011111111'), flexibleForm('6222020200022222222', '2026-07-01', '2026-09-30', '270000')]);
    const { lina, zhouqiang } = desk;
    const batch = releasedBatch(desk);
    expectOk(importResult(lina.call, batch.id, await bankResultXlsx(batch.number, batch.lines.map((l) => ({ lineNo: l.lineNo, name: l.payee.name, account: '', yuan: (l.amountFen / 100).toFixed(2), result: '成功' })))));

    expect(expectError(zhouqiang.call('spotChecks.create', { name: '空抽查', decidedFrom: '2026-01-01', decidedTo: '2026-06-30', sharePercent: 10 }), 'CONFLICT').message).toContain('没有已批准的补贴申请可供抽查');
    const check = expectOk<SpotCheckView>(zhouqiang.call('spotChecks.create', { name: '2026年第四季度抽查', decidedFrom: '2026-10-01', decidedTo: '2026-11-27', sharePercent: 100 }));
    expect(check).toMatchObject({ population: 2, sampled: 2, checked: 0, state: 'open' });
    expect(check.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(check.items.every((i) => i.paidLine?.batchId === batch.id)).toBe(true);

    // 李娜 decided both applications: she may not re-review them.
    expect(expectError(lina.call('spotChecks.record', { itemId: check.items[0]!.id, finding: 'confirmed', note: '无误' }), 'FORBIDDEN').message).toContain('不能抽查自己受理或审批的申请');
    expectOk(zhouqiang.call('spotChecks.record', { itemId: check.items[0]!.id, finding: 'confirmed', note: '材料齐全' }));
    expect(expectError(zhouqiang.call('spotChecks.finish', { id: check.id }), 'CONFLICT').message).toContain('还有1份抽中的申请未记录核查结论');
    const irregular = check.items[1]!;
    const recorded = expectOk<SpotCheckView>(zhouqiang.call('spotChecks.record', { itemId: irregular.id, finding: 'irregular', note: '享受期间已在企业参保' }));
    expect(recorded).toMatchObject({ checked: 2, irregular: 1 });

    // A recovery from the irregular finding links back to it; another applicant's payment is not its to recover.
    const otherLine = batch.lines.find((l) => l.lineNo !== irregular.paidLine!.lineNo)!.lineNo;
    expect(expectError(lina.call('payments.orderRecovery', { batchId: batch.id, lineNo: otherLine, amountFen: 100, on: '2026-11-27', reason: '抽查', spotCheckItemId: irregular.id }), 'BAD_INPUT').message).toContain('不是该抽查申请的发放');
    const recovery = expectOk<RecoveryView>(lina.call('payments.orderRecovery', { batchId: irregular.paidLine!.batchId, lineNo: irregular.paidLine!.lineNo, amountFen: 100000, on: '2026-11-27', reason: '抽查发现享受期间已就业', spotCheckItemId: irregular.id }));
    expect(recovery.spotCheckId).toBe(check.id);
    expect(expectError(lina.call('payments.orderRecovery', { batchId: batch.id, lineNo: 1, amountFen: 100, on: '2026-11-27', reason: '无', spotCheckItemId: check.items[0]!.id }), 'BAD_INPUT').message).toContain('有问题');
    const finished = expectOk<SpotCheckView>(zhouqiang.call('spotChecks.finish', { id: check.id }));
    expect(finished.state).toBe('finished');
    expect(finished.items.find((i) => i.id === irregular.id)!.recoveryNumber).toBe(recovery.number);
    expect(expectError(zhouqiang.call('spotChecks.record', { itemId: irregular.id, finding: 'confirmed', note: '改' }), 'CONFLICT').message).toContain('已结束');
    expect(rows(ready, "select count(*) as n from audit_log where action like 'spotChecks.%'")[0]!.n).toBeGreaterThanOrEqual(4);
  });
});
