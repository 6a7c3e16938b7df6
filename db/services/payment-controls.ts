/**
 * 拨付前核查: the facts shared/domain/payments/controls.ts judges a batch by —
 * the policies' exclusions, the persons' birth and death, other batches'
 * lines of the same payees, accounts other payees were paid to — read for the
 * batch's pending lines at once.
 */
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { ControlFindingView } from '../../shared/contract';
import { CONTROL_LABELS, findingKey, releaseControls, unresolvedFindings, type ControlFacts, type ControlLine, type EnterpriseFacts, type PersonFacts } from '../../shared/domain/payments';
import type { DrizzleDb } from '../open';
import { enterprises, paymentAcknowledgements, paymentBatches, paymentLines, personDeaths, persons, policyVersions, users } from '../schema';
import { definitionOf } from './policies';

type LineRow = typeof paymentLines.$inferSelect;

const controlLine = (l: LineRow): ControlLine => ({
  lineNo: l.lineNo,
  payee: { kind: l.payeeKind, id: l.payeeId },
  payeeName: l.payeeName,
  policyCode: l.policyCode,
  policyName: l.policyName,
  period: { from: l.periodFrom, to: l.periodTo },
  account: { accountNumber: l.accountNumber, bankName: l.bankName },
});

function controlFacts(db: DrizzleDb, batchId: number, lines: readonly LineRow[]): ControlFacts {
  const exclusions: Record<string, string[]> = {};
  for (const v of db.select().from(policyVersions).where(eq(policyVersions.status, 'active')).all()) {
    exclusions[v.code] = definitionOf(v).exclusions.map((e) => e.policyCode);
  }
  const personIds = [...new Set(lines.filter((l) => l.payeeKind === 'person').map((l) => l.payeeId))];
  const enterpriseIds = [...new Set(lines.filter((l) => l.payeeKind === 'enterprise').map((l) => l.payeeId))];
  const personMap = new Map<number, PersonFacts>();
  const enterpriseMap = new Map<number, EnterpriseFacts>();
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = personIds.slice(i, i + 500);
    const deaths = new Map(db.select({ personId: personDeaths.personId, diedOn: personDeaths.diedOn }).from(personDeaths).where(inArray(personDeaths.personId, ids)).all().map((d) => [d.personId, d.diedOn]));
    const columns = { id: persons.id, name: persons.name, idNumber: persons.idNumber, birthDate: persons.birthDate, sex: persons.sex, category: persons.femaleRetirementCategory };
    for (const p of db.select(columns).from(persons).where(inArray(persons.id, ids)).all()) {
      personMap.set(p.id, { name: p.name, idNumber: p.idNumber, birthDate: p.birthDate, sex: p.sex, ...(p.category ? { femaleCategory: p.category } : {}), deceasedOn: deaths.get(p.id) ?? null });
    }
  }
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    // The registry does not hold the 法定代表人's ID number yet (市场监管 data): unknown, so that check stays silent.
    for (const e of db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, enterpriseIds.slice(i, i + 500))).all()) {
      enterpriseMap.set(e.id, { name: e.name, legalRepresentativeIdNumber: null });
    }
  }
  const others = (kind: 'person' | 'enterprise', ids: number[]) =>
    ids.length === 0
      ? []
      : db
          .select({ line: paymentLines, number: paymentBatches.number })
          .from(paymentLines)
          .innerJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId))
          .where(and(ne(paymentLines.batchId, batchId), eq(paymentLines.payeeKind, kind), inArray(paymentLines.payeeId, ids), inArray(paymentLines.state, ['pending', 'paid'])))
          .all();
  const otherPayments = [...others('person', personIds), ...others('enterprise', enterpriseIds)].map(({ line, number }) => ({
    ref: `批次${number}第${line.lineNo}笔`,
    payee: { kind: line.payeeKind, id: line.payeeId },
    policyCode: line.policyCode,
    policyName: line.policyName,
    period: { from: line.periodFrom, to: line.periodTo },
  }));
  const accounts = [...new Set(lines.map((l) => l.accountNumber))];
  const knownAccounts = accounts.length === 0 ? [] : db
    .select({ accountNumber: paymentLines.accountNumber, payeeKind: paymentLines.payeeKind, payeeId: paymentLines.payeeId, payeeName: paymentLines.payeeName })
    .from(paymentLines)
    .where(and(ne(paymentLines.batchId, batchId), inArray(paymentLines.accountNumber, accounts), notInArray(paymentLines.state, ['cancelled'])))
    .all()
    .map((a) => ({ accountNumber: a.accountNumber, payee: { kind: a.payeeKind, id: a.payeeId }, payeeName: a.payeeName }));
  return { exclusions, persons: personMap, enterprises: enterpriseMap, otherPayments, knownAccounts };
}

/** Every finding on the batch's pending lines, with the acknowledgements of flags; and how many stop release. */
export function batchControls(db: DrizzleDb, batchId: number): { findings: ControlFindingView[]; unresolved: number } {
  const lines = db.select().from(paymentLines).where(and(eq(paymentLines.batchId, batchId), eq(paymentLines.state, 'pending'))).all();
  if (lines.length === 0) return { findings: [], unresolved: 0 };
  const findings = releaseControls(lines.map(controlLine), controlFacts(db, batchId, lines));
  const acks = new Map(
    db
      .select({ ack: paymentAcknowledgements, by: users.displayName })
      .from(paymentAcknowledgements)
      .leftJoin(users, eq(users.id, paymentAcknowledgements.by))
      .where(eq(paymentAcknowledgements.batchId, batchId))
      .all()
      .map(({ ack, by }) => [`${ack.lineNo}:${ack.code}`, { by: by ?? '', at: ack.at, note: ack.note }]),
  );
  const acknowledged = new Set([...acks.keys()]);
  return {
    findings: findings.map((f) => ({ ...f, label: CONTROL_LABELS[f.code], acknowledged: f.severity === 'flag' ? (acks.get(findingKey(f)) ?? null) : null })),
    unresolved: unresolvedFindings(findings, acknowledged).length,
  };
}
