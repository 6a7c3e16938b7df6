import { describe, expect, it } from 'vitest';
import type { FundSource } from '../../shared/domain/policies';
import {
  BANK_RESULT_COLUMNS,
  type BatchHeader,
  type BatchLine,
  type LedgerDimension,
  type LedgerState,
  type LedgerSubject,
  type PaymentEntitlement,
  type PaymentEvent,
  LINE_STATES_HOLDING_KEY,
  batchNumber,
  batchTransition,
  buildBatchLines,
  emptyLedger,
  eventRefusal,
  ledgerTotalsBy,
  lineClaim,
  lineTransition,
  monthFromIndex,
  monthIndex,
  paymentKeyString,
  paymentKeys,
  plainYuan,
  postEvent,
  readBankResult,
  sumLedger,
} from '../../shared/domain/payments';
import { type Random, random } from '../fixtures/seeded-random';

/**
 * Property: over random sequences of batch, bank result, re-batch, reversal,
 * recovery and repayment — driven only through the domain's functions, as the
 * services will drive them — the ledger's totals always equal the sum of its
 * lines (and of any grouping), no payee is ever paid twice for a policy and
 * month, no line pays more than its entitlement, and no recovery exceeds what
 * was paid net of reversals and earlier recoveries. The model keeps its own
 * running totals to compare the ledger with.
 */

/** A plain throw: thousands of checks per run, too many for expect's bookkeeping. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

const FUNDS: FundSource[] = ['employment_subsidy_fund', 'unemployment_insurance_fund'];
const POLICIES = ['public_welfare_post', 'social_insurance', 'skill_upgrade'];

function entitlements(r: Random, n: number): PaymentEntitlement[] {
  return Array.from({ length: n }, (_, i) => {
    const from = monthIndex('2026-01') + r.int(0, 9);
    const amountFen = r.int(1, 500_000);
    return {
      id: i + 1,
      // Few payees and policies, so overlapping entitlements of one payee and policy are common.
      payee: { kind: r.chance(0.7) ? 'person' : 'enterprise', id: r.int(1, 4) },
      policyCode: r.pick(POLICIES),
      policyVersion: r.int(1, 2),
      period: { from: monthFromIndex(from), to: monthFromIndex(from + r.int(0, 3)) },
      amountFen,
      fundSource: r.pick(FUNDS),
      basis: { kind: 'engine', evaluatedOn: '2026-01-01', engineAmountFen: amountFen },
      townshipCode: r.pick(['320102001', '320102002', null]),
      approvedOn: '2026-01-01',
    } satisfies PaymentEntitlement;
  });
}

interface Batch { header: BatchHeader; lines: BatchLine[] }
interface Model {
  ents: Map<number, PaymentEntitlement>;
  batches: Batch[];
  ledger: LedgerState;
  expected: { paid: number; reversed: number; ordered: number; repaid: number; lines: number };
  recoveries: { id: string; lineRef: string; owed: number }[];
  day: number;
}

const ref = (b: Batch, l: BatchLine) => `${b.header.number}#${l.lineNo}`;
const allLines = (m: Model) => m.batches.flatMap((b) => b.lines.map((l) => ({ b, l })));
const today = (m: Model) => { m.day += 1; return `2026-${String(1 + Math.floor(m.day / 28) % 12).padStart(2, '0')}-${String(1 + (m.day % 28)).padStart(2, '0')}`; };
function subject(m: Model, b: Batch, l: BatchLine): LedgerSubject {
  const e = m.ents.get(l.entitlementId)!;
  return { lineRef: ref(b, l), payee: l.payee, payeeName: l.payeeName, policyCode: l.policyCode, period: l.period, fundSource: b.header.fundSource, townshipCode: e.townshipCode };
}
function post(m: Model, event: PaymentEvent): void {
  const refusal = eventRefusal(m.ledger, event);
  if (refusal) throw new Error(refusal);
  postEvent(m.ledger, event);
  m.expected.lines += 1;
}

function makeBatch(m: Model, r: Random): void {
  const fund = r.pick(FUNDS);
  const month = monthFromIndex(monthIndex('2026-03') + r.int(0, 10));
  const number = batchNumber(fund, month, m.batches.length + 1);
  const holdingLines = allLines(m).filter(({ l }) => LINE_STATES_HOLDING_KEY.includes(l.state));
  const toRebatch = allLines(m).filter(({ b, l }) => (l.state === 'failed' || l.state === 'reversed') && b.header.fundSource === fund && r.chance(0.7));
  const rebatch = new Map(toRebatch.map(({ b, l }) => [l.entitlementId, { batchNumber: b.header.number, lineNo: l.lineNo }]));
  const fresh = [...m.ents.values()].filter((e) => r.chance(0.5) && !rebatch.has(e.id));
  const { lines } = buildBatchLines({
    batchNumber: number, fund, month,
    entitlements: [...toRebatch.map(({ l }) => m.ents.get(l.entitlementId)!), ...fresh],
    details: (e) => ({ payeeName: `收款人${e.payee.kind}${e.payee.id}`, payeeIdNumber: 'x', account: { accountNumber: String(e.payee.id), bankName: 'b' }, policyName: e.policyCode }),
    holding: holdingLines.map(({ b, l }) => lineClaim(b.header.number, l)),
    paidOrPendingEntitlementIds: new Set(holdingLines.map(({ l }) => l.entitlementId)),
    rebatch,
  });
  if (lines.length === 0) return;
  for (const { l } of toRebatch) {
    if (!lines.some((n) => n.entitlementId === l.entitlementId)) continue;
    const moved = lineTransition(l, { kind: 'rebatched' });
    if (!moved.ok) throw new Error(moved.message);
    Object.assign(l, moved.line);
  }
  let header: BatchHeader = { number, fundSource: fund, month, state: 'prepared', preparedBy: 1, reviewedBy: null, releasedBy: null };
  const ctx = { pendingLines: lines.length, blockingFindings: 0 };
  check(!batchTransition(header, 'release', { userId: 3, role: 'head' }, ctx).ok, 'released before review');
  for (const [action, actor] of [['review', { userId: 2, role: 'reviewer' }], ['release', { userId: 3, role: 'head' }]] as const) {
    check(!batchTransition(header, action, { userId: 1, role: 'head' }, ctx).ok, `the preparer could ${action}`);
    const moved = batchTransition(header, action, actor, ctx);
    if (!moved.ok) throw new Error(moved.message);
    header = { ...header, state: moved.state, reviewedBy: moved.reviewedBy, releasedBy: moved.releasedBy };
  }
  m.batches.push({ header, lines });
}

function bankResult(m: Model, r: Random): void {
  const open = m.batches.filter((b) => b.header.state === 'released' && b.lines.some((l) => l.state === 'pending'));
  if (open.length === 0) return;
  const b = r.pick(open);
  const answered = b.lines.filter((l) => l.state === 'pending' && r.chance(0.8));
  const rows = answered.map((l) => {
    const failed = r.chance(0.25);
    return [String(l.lineNo), l.payeeName, l.account.accountNumber, plainYuan(l.amountFen), failed ? '失败' : '成功', failed ? '账户已冻结' : ''];
  });
  const total = plainYuan(answered.reduce((s, l) => s + l.amountFen, 0));
  const file = { batchNumber: b.header.number, declaredCount: String(rows.length), declaredTotal: total, header: [...BANK_RESULT_COLUMNS], rows };
  // A spoiled copy of the same file is refused whole.
  if (rows.length > 0 && r.chance(0.3)) {
    const spoiled = r.pick(['batch', 'amount', 'total'] as const);
    const bad = spoiled === 'batch' ? { ...file, batchNumber: 'JY209912999' }
      : spoiled === 'total' ? { ...file, declaredTotal: plainYuan(answered.reduce((s, l) => s + l.amountFen, 1)) }
        : { ...file, rows: rows.map((row, i) => (i === 0 ? [row[0]!, row[1]!, row[2]!, plainYuan(answered[0]!.amountFen + 1), row[4]!, row[5]!] : row)) };
    check(!readBankResult(b.header, b.lines, bad).ok, `a spoiled result (${spoiled}) was accepted`);
  }
  const reading = readBankResult(b.header, b.lines, file);
  if (!reading.ok) throw new Error(reading.problems.map((p) => p.message).join('；'));
  for (const o of reading.outcomes) {
    const l = b.lines.find((x) => x.lineNo === o.lineNo)!;
    const moved = lineTransition(l, o.result === 'paid' ? { kind: 'paid' } : { kind: 'failed', reason: o.reason! });
    if (!moved.ok) throw new Error(moved.message);
    Object.assign(l, moved.line);
    const on = today(m);
    if (o.result === 'paid') {
      post(m, { kind: 'paid', on, subject: subject(m, b, l), amountFen: l.amountFen });
      m.expected.paid += l.amountFen;
    } else {
      post(m, { kind: 'failed', on, subject: subject(m, b, l), reason: o.reason! });
    }
  }
  if (!b.lines.some((l) => l.state === 'pending')) {
    const locked = batchTransition(b.header, 'lock', { userId: 2, role: 'reviewer' }, { pendingLines: 0, blockingFindings: 0 });
    if (locked.ok) b.header = { ...b.header, state: locked.state };
  }
}

function reversal(m: Model, r: Random): void {
  // A 退票 returns the whole line; only lines without a recovery are reversed here.
  const paid = allLines(m).filter(({ b, l }) => l.state === 'paid' && !m.recoveries.some((x) => x.lineRef === ref(b, l)));
  if (paid.length === 0) return;
  const { b, l } = r.pick(paid);
  const tooMuch: PaymentEvent = { kind: 'reversal', on: today(m), subject: subject(m, b, l), amountFen: l.amountFen + 1, reason: '退票' };
  check(eventRefusal(m.ledger, tooMuch) !== null, 'a reversal beyond the paid amount was accepted');
  post(m, { ...tooMuch, amountFen: l.amountFen });
  m.expected.reversed += l.amountFen;
  const moved = lineTransition(l, { kind: 'reversed', reason: '退票' });
  if (!moved.ok) throw new Error(moved.message);
  Object.assign(l, moved.line);
}

function recovery(m: Model, r: Random): void {
  const paid = allLines(m).filter(({ l }) => l.state === 'paid');
  if (paid.length === 0) return;
  const { b, l } = r.pick(paid);
  const lineRef = ref(b, l);
  const net = l.amountFen - m.recoveries.filter((x) => x.lineRef === lineRef).reduce((s, x) => s + x.owed, 0) - m.ledger.lines.filter((x) => x.subject.lineRef === lineRef).reduce((s, x) => s + x.repaidFen, 0);
  const amountFen = r.int(1, Math.max(1, Math.ceil(net * 1.3)));
  const id = `ZH${m.recoveries.length + 1}`;
  const event: PaymentEvent = { kind: 'recovery_ordered', on: today(m), subject: subject(m, b, l), recoveryId: id, amountFen, reason: '抽查发现不符' };
  if (amountFen > net) {
    check(/超过.*已发放净额/.test(eventRefusal(m.ledger, event) ?? ''), `a recovery of ${amountFen} beyond the net ${net} was accepted`);
    return;
  }
  post(m, event);
  m.expected.ordered += amountFen;
  m.recoveries.push({ id, lineRef, owed: amountFen });
}

function repayment(m: Model, r: Random): void {
  const owing = m.recoveries.filter((x) => x.owed > 0);
  if (owing.length === 0) return;
  const rec = r.pick(owing);
  const [b, l] = (() => { const found = allLines(m).find(({ b: bb, l: ll }) => ref(bb, ll) === rec.lineRef)!; return [found.b, found.l]; })();
  const amountFen = r.int(1, Math.ceil(rec.owed * 1.2));
  const event: PaymentEvent = { kind: 'repayment_received', on: today(m), subject: subject(m, b, l), recoveryId: rec.id, amountFen };
  if (amountFen > rec.owed) {
    check((eventRefusal(m.ledger, event) ?? '').includes('尚欠'), 'a repayment beyond what is owed was accepted');
    return;
  }
  post(m, event);
  m.expected.repaid += amountFen;
  rec.owed -= amountFen;
}

function checkInvariants(m: Model, groupings: boolean): void {
  const lines = m.ledger.lines;
  const totals = sumLedger(lines);
  const e = m.expected;
  const want = {
    lines: e.lines, paidFen: e.paid, reversedFen: e.reversed, recoveryOrderedFen: e.ordered, repaidFen: e.repaid,
    outstandingRecoveryFen: e.ordered - e.repaid, netFen: e.paid - e.reversed - e.repaid,
  };
  check(JSON.stringify(totals) === JSON.stringify(want), `ledger totals ${JSON.stringify(totals)} ≠ model ${JSON.stringify(want)}`);
  for (const dims of (groupings ? [['fund'], ['policy'], ['township'], ['month'], ['fund', 'policy', 'township', 'month']] : []) as LedgerDimension[][]) {
    const groups = ledgerTotalsBy(lines, dims);
    check(groups.reduce((s, g) => s + g.lines.length, 0) === lines.length, `${dims}: lines of the groups`);
    for (const field of ['paidFen', 'reversedFen', 'recoveryOrderedFen', 'repaidFen', 'netFen'] as const) {
      check(groups.reduce((s, g) => s + g.totals[field], 0) === totals[field], `${dims}: ${field} of the groups`);
    }
  }
  // No payee paid twice for a policy and month: keys of lines paid and not reversed, from the ledger alone.
  const perLine = new Map<string, { subject: LedgerSubject; paid: number; reversed: number; ordered: number; repaid: number }>();
  for (const l of lines) {
    const p = perLine.get(l.subject.lineRef) ?? { subject: l.subject, paid: 0, reversed: 0, ordered: 0, repaid: 0 };
    p.paid += l.paidFen; p.reversed += l.reversedFen; p.ordered += l.recoveryOrderedFen; p.repaid += l.repaidFen;
    perLine.set(l.subject.lineRef, p);
  }
  const holders = new Map<string, string>();
  for (const [lineRef, p] of perLine) {
    // No recovery exceeds the net paid; no repayment exceeds the recovery.
    check(p.paid - p.reversed - p.ordered >= 0, `${lineRef}: recovered more than paid`);
    check(p.repaid <= p.ordered, `${lineRef}: repaid more than ordered`);
    if (p.paid === 0 || p.reversed === p.paid) continue;
    for (const k of paymentKeys(p.subject.payee, p.subject.policyCode, p.subject.period).map(paymentKeyString)) {
      check(!holders.has(k), `${k} paid by ${holders.get(k)} and ${lineRef}`);
      holders.set(k, lineRef);
    }
  }
  // The batches agree: pending and paid lines never share a key, and a line never pays more than its entitlement.
  const held = new Set<string>();
  for (const { l } of allLines(m)) {
    check(l.amountFen <= m.ents.get(l.entitlementId)!.amountFen, `line of entitlement ${l.entitlementId} pays more than it`);
    if (!LINE_STATES_HOLDING_KEY.includes(l.state)) continue;
    for (const k of paymentKeys(l.payee, l.policyCode, l.period).map(paymentKeyString)) {
      check(!held.has(k), `${k} held by two pending or paid lines`);
      held.add(k);
    }
  }
}

function run(seed: number, steps: number): Model {
  const r = random(seed);
  const m: Model = {
    ents: new Map(entitlements(r, r.int(5, 30)).map((e) => [e.id, e])),
    batches: [], ledger: emptyLedger(), expected: { paid: 0, reversed: 0, ordered: 0, repaid: 0, lines: 0 }, recoveries: [], day: 0,
  };
  const ops = [makeBatch, makeBatch, bankResult, bankResult, bankResult, reversal, recovery, recovery, repayment];
  for (let i = 0; i < steps && m.batches.length < 999; i += 1) {
    r.pick(ops)(m, r);
    // The groupings are checked every few steps and at the end: they only regroup the same lines.
    checkInvariants(m, i % 5 === 4 || i === steps - 1);
  }
  return m;
}

describe('property: the payment road never pays twice and its ledger always adds up', () => {
  it('holds over 150 random sequences of batch, result, re-batch, reversal, recovery and repayment', () => {
    let paidLines = 0;
    let rebatched = 0;
    let recoveries = 0;
    for (let seed = 1; seed <= 150; seed += 1) {
      const m = run(seed, 60);
      paidLines += m.ledger.lines.filter((l) => l.kind === 'paid').length;
      rebatched += allLines(m).filter(({ l }) => l.rebatchOf !== null).length;
      recoveries += m.recoveries.length;
    }
    // The sequences really exercise the road (a generator that never pays would prove nothing).
    expect(paidLines).toBeGreaterThan(500);
    expect(rebatched).toBeGreaterThan(50);
    expect(recoveries).toBeGreaterThan(50);
  });
});
