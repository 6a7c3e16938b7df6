/**
 * 收款对象 (payees) for payments: who a person or an enterprise is (name, the
 * full key for the bank file, the masked key for screens, the township the
 * ledger counts them in) and their account on record (收款账户).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AccountView, ParsedInputOf, PayeeRef } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { accountNumberProblem, maskAccount, normalizeAccount, type Payee, type PayeeKind } from '../../shared/domain/payments';

import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import type { DrizzleDb } from '../open';
import { enterprises, payeeAccounts, persons } from '../schema';
import { createdStamps, updatedStamps } from './row-stamps';

export interface PayeeRecord {
  ref: PayeeRef;
  /** Full ID number or credit code: the bank file only. */
  key: string;
  townshipCode: string | null;
}

export const payeeKey = (p: { kind: string; id: number }) => `${p.kind}:${p.id}`;

/** Payees by `kind:id`; an unknown one is absent. */
export function payeeRecords(db: DrizzleDb, payees: readonly Payee[]): Map<string, PayeeRecord> {
  const out = new Map<string, PayeeRecord>();
  const personIds = [...new Set(payees.filter((p) => p.kind === 'person').map((p) => p.id))];
  const enterpriseIds = [...new Set(payees.filter((p) => p.kind === 'enterprise').map((p) => p.id))];
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, township: persons.residenceTownshipCode }).from(persons).where(inArray(persons.id, personIds.slice(i, i + 500))).all();
    for (const p of rows) out.set(`person:${p.id}`, { ref: { kind: 'person', id: p.id, name: p.name, keyMasked: maskIdNumber(p.idNumber) }, key: p.idNumber, townshipCode: p.township });
  }
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    const rows = db
      .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, registrationNumber: enterprises.registrationNumber, township: enterprises.townshipCode })
      .from(enterprises)
      .where(inArray(enterprises.id, enterpriseIds.slice(i, i + 500)))
      .all();
    for (const e of rows) {
      const key = e.creditCode ?? e.registrationNumber ?? '';
      // A credit code is public (营业执照): shown whole, as on the enterprise's own pages.
      out.set(`enterprise:${e.id}`, { ref: { kind: 'enterprise', id: e.id, name: e.name, keyMasked: key }, key, townshipCode: e.township });
    }
  }
  return out;
}

export function requirePayee(db: DrizzleDb, payee: Payee): PayeeRecord {
  const found = payeeRecords(db, [payee]).get(payeeKey(payee));
  if (!found) throw new AppError('NOT_FOUND', payee.kind === 'person' ? `没有编号为 ${payee.id} 的人员档案` : `没有编号为 ${payee.id} 的单位`);
  return found;
}

export interface AccountRecord {
  accountNumber: string;
  bankName: string;
}

export function accountsOf(db: DrizzleDb, payees: readonly Payee[]): Map<string, AccountRecord> {
  const out = new Map<string, AccountRecord>();
  for (const kind of ['person', 'enterprise'] as const) {
    const ids = [...new Set(payees.filter((p) => p.kind === kind).map((p) => p.id))];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = db.select().from(payeeAccounts).where(and(eq(payeeAccounts.payeeKind, kind), inArray(payeeAccounts.payeeId, ids.slice(i, i + 500)))).all();
      for (const a of rows) out.set(`${kind}:${a.payeeId}`, { accountNumber: a.accountNumber, bankName: a.bankName });
    }
  }
  return out;
}

export const accountView = (a: AccountRecord): AccountView => ({ accountMasked: maskAccount(a.accountNumber), bankName: a.bankName });

/**
 * Records (or corrects) where a payee is paid. Returns whether it changed; the
 * old account is kept in the audit entry's detail, masked.
 */
export function recordAccount(ctx: ServiceContext, payee: Payee, accountNumber: string, bankName: string): boolean {
  const { db } = ctx.database();
  const problem = accountNumberProblem(accountNumber);
  if (problem) throw fieldError('accountNumber', problem, '收款账号');
  const number = normalizeAccount(accountNumber);
  const bank = bankName.trim();
  if (!bank) throw fieldError('bankName', '必填', '开户银行');
  const existing = db.select().from(payeeAccounts).where(and(eq(payeeAccounts.payeeKind, payee.kind), eq(payeeAccounts.payeeId, payee.id))).get();
  if (existing && existing.accountNumber === number && existing.bankName === bank) return false;
  if (existing) {
    db.update(payeeAccounts).set({ accountNumber: number, bankName: bank, ...updatedStamps(ctx, existing) }).where(and(eq(payeeAccounts.payeeKind, payee.kind), eq(payeeAccounts.payeeId, payee.id))).run();
  } else {
    db.insert(payeeAccounts).values({ payeeKind: payee.kind, payeeId: payee.id, accountNumber: number, bankName: bank, ...createdStamps(ctx) }).run();
  }
  ctx.audit({
    action: 'payments.setAccount',
    entityType: payee.kind,
    entityId: payee.id,
    detail: { account: maskAccount(number), bankName: bank, ...(existing ? { previous: maskAccount(existing.accountNumber) } : {}) },
  });
  return true;
}

export function setAccount(ctx: ServiceContext, input: ParsedInputOf<'payments.setAccount'>): { payee: PayeeRef; account: AccountView } {
  const { db } = ctx.database();
  const payee = { kind: input.payeeKind as PayeeKind, id: input.payeeId };
  const record = requirePayee(db, payee);
  recordAccount(ctx, payee, input.accountNumber, input.bankName);
  return { payee: record.ref, account: accountView(accountsOf(db, [payee]).get(payeeKey(payee))!) };
}
