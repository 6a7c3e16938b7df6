import { describe, expect, it } from 'vitest';
import type { ExchangePackageView } from '../../shared/contract';
import { exchangeSchedulerTick } from '../../electron/exchange-scheduler';
import { expectError, expectOk, readyDesk } from './helpers';
import { ZHANG_SAN, register } from './registry-helpers';
import { connect } from './exchange-helpers';

describe('the scheduled export', () => {
  it('starts the export job when the set time passes, once, and says why when it cannot', async () => {
    const ready = readyDesk();
    const logs: string[] = [];
    const tick = (from: string, to: string) => exchangeSchedulerTick(ready.desk, new Date(from), new Date(to), (l) => logs.push(l));
    // No schedule yet: nothing to do.
    expect(tick('2026-11-27T10:29:00Z', '2026-11-27T10:30:00Z')).toEqual({ state: 'idle' });
    expectOk(ready.call('exchange.saveSettings', { outboxDir: '/tmp/never-used', schedule: { kind: 'daily', time: '18:30' } }));
    // 18:30 in the office is 10:30 UTC; without keys the run is refused, with the reason logged.
    expect(tick('2026-11-27T10:29:00Z', '2026-11-27T10:30:00Z')).toEqual({ state: 'blocked' });
    expect(logs).toEqual(['定时导出未执行：尚未生成本县交换密钥']);

    const { outbox } = connect(ready);
    expectOk(ready.call('exchange.saveSettings', { outboxDir: outbox, schedule: { kind: 'daily', time: '18:30' } }));
    register(ready, ZHANG_SAN);
    expect(tick('2026-11-27T10:28:00Z', '2026-11-27T10:29:00Z')).toEqual({ state: 'idle' });
    const run = tick('2026-11-27T10:29:00Z', '2026-11-27T10:30:00Z');
    if (run.state !== 'started') return expect.fail(`the scheduler started no export: ${run.state}`);
    expect(tick('2026-11-27T10:30:00Z', '2026-11-27T10:31:00Z')).toEqual({ state: 'idle' });
    expect((await ready.desk.jobs.settled(run.job.id)).state).toBe('done');
    expect(expectOk<ExchangePackageView[]>(ready.call('exchange.history', {})).map((p) => p.records)).toEqual([1]);
    const audit = ready.desk.database().sqlite.prepare("select actor_name as actor from audit_log where action = 'exchange.export'").all();
    expect(audit).toEqual([{ actor: '命令行（定时导出）' }]);
  });
});

describe('one export at a time', () => {
  it('refuses a second export while one is running, and the history stays one package per run', async () => {
    const ready = readyDesk();
    connect(ready);
    register(ready, ZHANG_SAN);
    const first = expectOk<{ id: string }>(ready.call('exchange.exportStart', {}));
    expect(expectError(ready.call('exchange.exportStart', {}), 'CONFLICT').message).toBe('已有一个导出正在进行，请等它完成后再试');
    expect((await ready.desk.jobs.settled(first.id)).state).toBe('done');
    expect(expectOk<ExchangePackageView[]>(ready.call('exchange.history', {})).map((p) => p.sequence)).toEqual([1]);
  });
});
