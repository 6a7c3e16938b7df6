/**
 * 资金兑付 in the seed, as the office does it each month (about the 12th):
 * the reviewer registers the accounts of new payees and builds a batch per
 * fund from what was approved; the head clears the controls, reviews and
 * releases it; the bank file goes out and the bank's result comes back the
 * same afternoon — now and then with a failed line, whose account is
 * corrected and paid again the next month; the batch is locked the next day.
 * The head enters each year's budgets; one paid line is found irregular and
 * recovered; a spot check of the past year is run and finished near the end.
 */
import type Database from 'better-sqlite3';
import type { PaymentBatchView } from '../../shared/contract';
import { FUND_SOURCES } from '../../shared/domain/policies/definition';
import { plainYuan } from '../../shared/domain/payments';
import { writeXlsx } from '../xlsx';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

const REVIEWER = 'shenhe';
const HEAD = 'juzhang';
const BANKS = ['中国工商银行', '中国农业银行', '中国建设银行', '江苏银行', '苏州农村商业银行'];
const FAILURES = ['账户已销户', '户名与账号不符', '账户冻结'];

/** A stable, plausible 19-digit account for a payee (and a second one after a correction). */
const accountFor = (kind: string, id: number, attempt = 0) => `6222${kind === 'person' ? '02' : '08'}${String(id * 7919 + attempt * 104729).padStart(13, '0')}`;

function nextWorkday(day: string): string {
  let next = addDays(day, 1);
  while ([0, 6].includes(new Date(`${next}T00:00:00Z`).getUTCDay())) next = addDays(next, 1);
  return next;
}

export function planPayments(driver: SeedDriver, sqlite: Database.Database, o: { random: () => number; from: string; asOf: string }): Step[] {
  const r = o.random;
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };
  const needingAccount = sqlite.prepare(`
    select distinct e.payee_kind as kind, e.payee_id as id from payment_entitlements e
    where not exists (select 1 from payee_accounts a where a.payee_kind = e.payee_kind and a.payee_id = e.payee_id)`);
  const failedPayees = sqlite.prepare(`
    select distinct l.payee_kind as kind, l.payee_id as id from payment_lines l where l.state = 'failed'`);
  const payable = sqlite.prepare(`
    select count(*) as n from payment_entitlements e where e.fund_source = ? and e.period_to <= ?
      and coalesce((select l.state from payment_lines l where l.entitlement_id = e.id and l.state <> 'cancelled' order by l.id desc limit 1), 'failed') in ('failed', 'reversed')`);
  let corrections = 0;
  let results = 0;
  let recoveryDone = false;

  for (let year = Number(o.from.slice(0, 4)); year <= Number(o.asOf.slice(0, 4)); year += 1) {
    at(weekdayOnOrBefore(`${year}-01-06`), 9 * 60, () => {
      for (const [fund] of FUND_SOURCES) driver.call(HEAD, 'payments.setBudget', { fundSource: fund, year, amountFen: fund === 'employment_subsidy_fund' ? 300_000_000 : 50_000_000 });
    });
  }

  for (let month = o.from.slice(0, 7); `${month}-12` <= o.asOf; month = addDays(`${month}-28`, 5).slice(0, 7)) {
    const day = weekdayOnOrBefore(`${month}-12`);
    const built: PaymentBatchView[] = [];
    at(day, 9 * 60 + 30, () => {
      for (const p of failedPayees.all() as Array<{ kind: string; id: number }>) {
        corrections += 1;
        driver.call(REVIEWER, 'payments.setAccount', { payeeKind: p.kind, payeeId: p.id, accountNumber: accountFor(p.kind, p.id, corrections), bankName: BANKS[(p.id + corrections) % BANKS.length], reason: '银行退回后申请人提供新账户' });
      }
      for (const p of needingAccount.all() as Array<{ kind: string; id: number }>) {
        driver.call(REVIEWER, 'payments.setAccount', { payeeKind: p.kind, payeeId: p.id, accountNumber: accountFor(p.kind, p.id), bankName: BANKS[p.id % BANKS.length] });
      }
      for (const [fund] of FUND_SOURCES) {
        if ((payable.get(fund, month) as { n: number }).n === 0) continue;
        const result = driver.call<{ batch: PaymentBatchView }>(REVIEWER, 'payments.buildBatch', { fundSource: fund, month });
        if (result) built.push(result.batch);
      }
    });
    at(day, 10 * 60 + 30, () => {
      for (const batch of built) {
        const view = driver.call<PaymentBatchView>(HEAD, 'payments.batch', { id: batch.id });
        for (const f of view?.controls ?? []) {
          if (f.severity === 'block') driver.call(REVIEWER, 'payments.removeLine', { batchId: batch.id, lineNo: f.lineNo, reason: `拨付前核查拦截：${f.label}` });
          else driver.call(HEAD, 'payments.acknowledge', { batchId: batch.id, lineNo: f.lineNo, code: f.code, note: '已电话核实，账户为本人（单位）所有' });
        }
        const left = driver.call<PaymentBatchView>(HEAD, 'payments.batch', { id: batch.id });
        if (!left || left.count === 0) continue;
        driver.call(HEAD, 'payments.transition', { id: batch.id, action: 'review' });
        driver.call(HEAD, 'payments.transition', { id: batch.id, action: 'release' });
      }
    });
    at(day, 11 * 60, () => {
      for (const batch of built) if (sqlite.prepare("select 1 from payment_batches where id = ? and state = 'released'").get(batch.id)) driver.call(REVIEWER, 'payments.bankFile', { id: batch.id });
    });
    at(day, 15 * 60 + 30, () => {
      for (const batch of built) {
        const view = driver.call<PaymentBatchView>(REVIEWER, 'payments.batch', { id: batch.id });
        if (!view || view.state !== 'released') continue;
        const pending = view.lines.filter((l) => l.state === 'pending');
        // About one batch in seven comes back with a failed line (the third one always: the demo shows a re-batch).
        results += 1;
        const failing = pending.length > 0 && (results === 3 || r() < 0.15) ? pending[Math.floor(r() * pending.length)]!.lineNo : null;
        const rows = pending.map((l) => [String(l.lineNo), l.payee.name, l.account.accountMasked, plainYuan(l.amountFen), l.lineNo === failing ? '失败' : '成功', l.lineNo === failing ? FAILURES[l.lineNo % FAILURES.length]! : '']);
        const total = pending.reduce((s, l) => s + l.amountFen, 0);
        const file = writeXlsx('回盘', ['批次号', view.number], [['合计笔数', String(pending.length), '合计金额(元)', plainYuan(total)], ['序号', '收款人名称', '账号', '金额(元)', '处理结果', '失败原因'], ...rows]);
        driver.call(REVIEWER, 'payments.bankResult', { id: batch.id, fileName: `${view.number}回盘.xlsx`, base64: file.toString('base64') });
      }
    });
    at(nextWorkday(day), 9 * 60 + 15, () => {
      for (const batch of built) if (sqlite.prepare("select 1 from payment_batches where id = ? and state = 'released'").get(batch.id)) driver.call(HEAD, 'payments.transition', { id: batch.id, action: 'lock' });
    });
    // Half a year before the end: a paid line found irregular (the person was employed during the period), recovered and repaid.
    if (!recoveryDone && month >= addDays(o.asOf, -190).slice(0, 7)) {
      recoveryDone = true;
      const decided = weekdayOnOrBefore(addDays(day, 14));
      const repaid = weekdayOnOrBefore(addDays(decided, 20));
      let recovery: { id: number; amountFen: number } | null = null;
      at(decided, 14 * 60, () => {
        const line = sqlite.prepare("select b.id as batchId, l.line_no as lineNo, l.amount_fen as amount from payment_lines l join payment_batches b on b.id = l.batch_id where l.state = 'paid' and l.payee_kind = 'person' order by l.id desc limit 1").get() as { batchId: number; lineNo: number; amount: number } | undefined;
        if (!line) return;
        const amountFen = Math.max(100, Math.floor(line.amount / 2 / 100) * 100);
        const ordered = driver.call<{ id: number }>(REVIEWER, 'payments.orderRecovery', { batchId: line.batchId, lineNo: line.lineNo, amountFen, on: decided, reason: '核查发现享受期间后半段已就业，追回多发部分' });
        if (ordered) recovery = { id: ordered.id, amountFen };
      });
      at(repaid, 10 * 60, () => {
        if (recovery) driver.call(REVIEWER, 'payments.recordRepayment', { recoveryId: recovery.id, amountFen: recovery.amountFen, on: repaid, note: '本人退回至财政专户' });
      });
    }
  }

  // A month before the end: the head spot-checks a tenth of the subsidies approved in the year before, and finishes it.
  const checkDay = weekdayOnOrBefore(addDays(o.asOf, -30));
  const checkFrom = addDays(checkDay, -365);
  let spotCheckId: number | null = null;
  at(checkDay, 9 * 60, () => {
    const handledBy = sqlite.prepare('select u.username from cases c join users u on u.id in (c.accepted_by, c.decided_by) where c.id = ?').pluck();
    const created = driver.call<{ id: number; items: Array<{ id: number; caseId: number }> }>(HEAD, 'spotChecks.create', { name: `${checkFrom.slice(0, 4)}—${checkDay.slice(0, 4)}年度补贴发放抽查`, decidedFrom: checkFrom, decidedTo: checkDay, sharePercent: 10 });
    if (!created) return;
    spotCheckId = created.id;
    created.items.forEach((item, i) => {
      // Re-reviewed by whoever of the two handled none of it.
      const handled = handledBy.all(item.caseId) as string[];
      const checker = [HEAD, REVIEWER].find((u) => !handled.includes(u)) ?? 'zhidao';
      driver.call(checker, 'spotChecks.record', { itemId: item.id, finding: 'confirmed', note: i === 0 ? '电话回访申请人，材料与实际一致' : '材料齐全，发放对象、金额与审批一致' });
    });
  });
  at(weekdayOnOrBefore(addDays(checkDay, 3)), 16 * 60, () => {
    if (spotCheckId !== null) driver.call(HEAD, 'spotChecks.finish', { id: spotCheckId });
  });
  return steps;
}
