import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readKeyFile } from '../../db/keys';
import { actOk, createCase } from './cases-helpers';
import { expectError, readyDesk } from './helpers';
import { approvedSubsidies, entitlementsOf, flexibleForm, SUBSIDY_DOCS } from './payments-helpers';
import { rows } from './registry-helpers';

/**
 * A second connection — another process on the same database file — pays the
 * same payee, policy and months while the desk builds its batch. Exactly one
 * commits; the other is told why, in Chinese.
 */
const SECOND_CONNECTION = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.dbPath, { fileMustExist: true });
db.pragma("key = \\"x'" + workerData.keyHex + "'\\"");
db.pragma('busy_timeout = 5000');
const e = db.prepare('select * from payment_entitlements where id = ?').get(workerData.entitlementId);
const p = db.prepare('select name, id_number from persons where id = ?').get(e.payee_id);
const at = new Date().toISOString();
db.exec('begin immediate');
const batch = db.prepare("insert into payment_batches (number, fund_source, month, sequence, state, prepared_by, created_at, updated_at) values ('JY202611099', ?, '2026-11', 99, 'prepared', ?, ?, ?)").run(e.fund_source, workerData.userId, at, at).lastInsertRowid;
const line = db.prepare("insert into payment_lines (batch_id, line_no, entitlement_id, payee_kind, payee_id, payee_name, payee_id_number, account_number, bank_name, policy_code, policy_name, period_from, period_to, amount_fen, state) values (?, 1, ?, 'person', ?, ?, ?, '6222020200011111111', '工行', ?, '灵活就业社会保险补贴', ?, ?, ?, 'pending')").run(batch, e.id, e.payee_id, p.name, p.id_number, e.policy_code, e.period_from, e.period_to, e.amount_fen).lastInsertRowid;
for (const month of ['2026-07', '2026-08', '2026-09']) db.prepare("insert into payment_months (line_id, payee_kind, payee_id, policy_code, month) values (?, 'person', ?, ?, ?)").run(line, e.payee_id, e.policy_code, month);
parentPort.postMessage('holding');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
db.exec('commit');
db.close();
parentPort.postMessage('committed');
`;

describe('no double payment, by construction', () => {
  it('two connections paying the same payee, policy and months at once: exactly one commits, the other gets a clear message', async () => {
    const ready = readyDesk();
    const desk = approvedSubsidies(ready, [flexibleForm('6222020200011111111')]);
    // A second application of the same subsidy for the same quarter, approved too (e.g. filed again by mistake).
    const again = actOk(ready.call, createCase(ready.call, desk.personIds[0]!, 'subsidy_application', flexibleForm('6222020200011111111'), SUBSIDY_DOCS), 'accept');
    actOk(desk.lina.call, actOk(desk.lina.call, again, 'start_review'), 'approve', '符合条件');
    const [second, first] = entitlementsOf(desk.lina.call, 'unpaid');
    const worker = new Worker(SECOND_CONNECTION, {
      eval: true,
      workerData: { dbPath: ready.dbPath, keyHex: readKeyFile(ready.keyFile).toString('hex'), entitlementId: second!.id, userId: desk.lina.user.id },
    });
    const messages: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: string) => messages.push(m));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    // The other connection holds the months and has not committed: the desk's write waits for it, then sees them taken.
    const refused = expectError(desk.lina.call('payments.buildBatch', { fundSource: 'employment_subsidy_fund', month: '2026-11', entitlementIds: [first!.id] }), 'CONFLICT');
    await done;
    expect(messages).toEqual(['holding', 'committed']);
    expect(refused.message).toContain('重复发放');
    expect(refused.message).toContain('2026年7月');
    expect(rows(ready, 'select b.number, count(*) as months from payment_months m join payment_lines l on l.id = m.line_id join payment_batches b on b.id = l.batch_id group by b.number')).toEqual([{ number: 'JY202611099', months: 3 }]);
  });
});
