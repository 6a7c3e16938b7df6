import type { FemaleRetirementCategory } from '../retirement';
import { statutoryRetirement } from '../retirement';
import { formatChineseDate } from '../dates';
import type { Sex } from '../id-number';
import type { BankAccount } from './batches';
import { type MonthPeriod, type Payee, formatPeriod, periodOverlap } from './periods';

/**
 * 拨付前核查 (controls before release): pure checks of a batch's lines over
 * facts the backend reads (persons, enterprises, department data, other
 * payments). Each finding is a BLOCK (拦截: the line must leave the batch
 * before release) or a FLAG (提示: the releaser acknowledges it with a note).
 *
 *   exclusive_overlap   排斥政策期间重叠   block: the same person/enterprise enjoys, for a shared month,
 *                                         a policy this one excludes (either side's exclusions)
 *   past_retirement     超过法定退休年龄   block when the statutory retirement date is on or before the
 *                                         period's first day; flag when it falls inside the period, or when
 *                                         a woman of unknown category is past the 50-year schedule only
 *   deceased            已登记死亡         block when death is before the period; flag when during or after it
 *   legal_representative 法定代表人         block: an enterprise is paid for hiring its own legal representative;
 *                                         flag: a person paid as an employee of an enterprise they represent
 *   shared_account      账号共用           flag: one bank account for different payees (this batch or known accounts)
 */

export type Severity = 'block' | 'flag';
export type ControlCode = 'exclusive_overlap' | 'past_retirement' | 'deceased' | 'legal_representative' | 'shared_account';
export const CONTROL_LABELS: Record<ControlCode, string> = {
  exclusive_overlap: '排斥政策期间重叠', past_retirement: '超过法定退休年龄', deceased: '已登记死亡',
  legal_representative: '法定代表人', shared_account: '账号共用',
};

export interface ControlFinding {
  lineNo: number;
  code: ControlCode;
  severity: Severity;
  message: string;
}

/** A batch line as the controls see it. */
export interface ControlLine {
  lineNo: number;
  payee: Payee;
  payeeName: string;
  policyCode: string;
  policyName: string;
  period: MonthPeriod;
  account: BankAccount;
  /** The person an enterprise is paid for (社会保险补贴 of a hire, 吸纳就业补贴). */
  beneficiaryPersonId?: number | null;
  /** The enterprise a person is paid as an employee of (公益性岗位补贴 paid to the person), when known. */
  employerEnterpriseId?: number | null;
}

export interface PersonFacts {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  /** A woman's original retirement category; absent = not on record. */
  femaleCategory?: FemaleRetirementCategory;
  /** 死亡日期 from department data (公安/卫健), or null. */
  deceasedOn: string | null;
}

export interface EnterpriseFacts {
  name: string;
  /** 法定代表人 ID number (市场监管 data), or null when unknown. */
  legalRepresentativeIdNumber: string | null;
}

/** A payment outside this batch: a paid or pending line of another batch. */
export interface OtherPayment {
  ref: string;
  payee: Payee;
  beneficiaryPersonId?: number | null;
  policyCode: string;
  policyName: string;
  period: MonthPeriod;
}

export interface ControlFacts {
  /** policy code → codes it excludes (PolicyDefinition.exclusions); read both ways. */
  exclusions: Readonly<Record<string, readonly string[]>>;
  persons: ReadonlyMap<number, PersonFacts>;
  enterprises: ReadonlyMap<number, EnterpriseFacts>;
  otherPayments: readonly OtherPayment[];
  /** Accounts other payees were paid to before. */
  knownAccounts?: readonly { accountNumber: string; payee: Payee; payeeName: string }[];
}

/** Digits and letters only: `6222 0202-0001` and `622202020001` are one account. */
export function normalizeAccount(accountNumber: string): string {
  return accountNumber.replace(/[\s-]/g, '').toUpperCase();
}

/** 6222 **** 1234: an account as screens and messages show it (first and last four digits). */
export function maskAccount(accountNumber: string): string {
  const digits = normalizeAccount(accountNumber);
  return digits.length <= 8 ? `${digits.slice(0, 2)}****` : `${digits.slice(0, 4)} **** ${digits.slice(-4)}`;
}

/** Why a bank account number cannot be paid to, in Chinese (after the field's label); null when it can. */
export function accountNumberProblem(accountNumber: string): string | null {
  const digits = normalizeAccount(accountNumber);
  if (!/^\d+$/.test(digits)) return '只能包含数字（可用空格或短横线分隔）';
  if (digits.length < 8 || digits.length > 34) return `应为8–34位数字，现为${digits.length}位`;
  return null;
}

const samePayee = (a: Payee, b: Payee) => a.kind === b.kind && a.id === b.id;
/** The person a payment is about: the person paid, or the person an enterprise is paid for. */
const personOf = (p: { payee: Payee; beneficiaryPersonId?: number | null }) =>
  p.payee.kind === 'person' ? p.payee.id : p.beneficiaryPersonId ?? null;
const sameSubject = (a: { payee: Payee; beneficiaryPersonId?: number | null }, b: { payee: Payee; beneficiaryPersonId?: number | null }) =>
  samePayee(a.payee, b.payee) || (personOf(a) !== null && personOf(a) === personOf(b));

function excludes(facts: ControlFacts, a: string, b: string): boolean {
  return (facts.exclusions[a] ?? []).includes(b) || (facts.exclusions[b] ?? []).includes(a);
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function personChecks(line: ControlLine, person: PersonFacts, out: ControlFinding[]): void {
  const first = `${line.period.from}-01`;
  const last = lastDayOf(line.period.to);
  const who = line.payee.kind === 'person' ? '收款人' : `所涉人员${person.name}`;
  const add = (code: ControlCode, severity: Severity, message: string) => out.push({ lineNo: line.lineNo, code, severity, message });
  const retirement = statutoryRetirement(person.birthDate, person.sex, person.femaleCategory).retirementDate;
  if (retirement <= first) {
    add('past_retirement', 'block', `${who}已于${formatChineseDate(retirement)}达到法定退休年龄，早于享受期间${formatPeriod(line.period)}`);
  } else if (retirement <= last) {
    add('past_retirement', 'flag', `${who}于${formatChineseDate(retirement)}达到法定退休年龄，在享受期间${formatPeriod(line.period)}之内：退休后的月份不应发放`);
  } else if (person.sex === 'female' && !person.femaleCategory) {
    const as50 = statutoryRetirement(person.birthDate, 'female', 'worker50').retirementDate;
    if (as50 <= last) add('past_retirement', 'flag', `${who}的退休类别未登记；若原为50岁退休岗位，已于${formatChineseDate(as50)}达到法定退休年龄，请核实`);
  }
  if (person.deceasedOn) {
    if (person.deceasedOn < first) add('deceased', 'block', `${who}已登记死亡（${formatChineseDate(person.deceasedOn)}），早于享受期间${formatPeriod(line.period)}`);
    else if (person.deceasedOn <= last) add('deceased', 'flag', `${who}于${formatChineseDate(person.deceasedOn)}登记死亡，在享受期间之内：死亡后的月份不应发放`);
    else add('deceased', 'flag', `${who}已登记死亡（${formatChineseDate(person.deceasedOn)}），发放前须核实收款账户与继承人`);
  }
}

/** Every finding on the lines of one batch, in line order. */
export function releaseControls(lines: readonly ControlLine[], facts: ControlFacts): ControlFinding[] {
  const out: ControlFinding[] = [];
  const add = (lineNo: number, code: ControlCode, severity: Severity, message: string) => out.push({ lineNo, code, severity, message });
  const accounts = new Map<string, { payee: Payee; label: string }[]>();
  for (const a of facts.knownAccounts ?? []) {
    const k = normalizeAccount(a.accountNumber);
    accounts.set(k, [...(accounts.get(k) ?? []), { payee: a.payee, label: `${a.payeeName}（以往发放）` }]);
  }
  for (const l of lines) {
    const k = normalizeAccount(l.account.accountNumber);
    accounts.set(k, [...(accounts.get(k) ?? []), { payee: l.payee, label: `${l.payeeName}（第${l.lineNo}笔）` }]);
  }

  for (const line of lines) {
    // 1. Exclusive policies sharing a month, against other lines of this batch and other payments.
    const others: OtherPayment[] = [
      ...lines.filter((o) => o.lineNo !== line.lineNo).map((o) => ({ ...o, ref: `本批次第${o.lineNo}笔` })),
      ...facts.otherPayments,
    ];
    for (const o of others) {
      if (!sameSubject(line, o) || !excludes(facts, line.policyCode, o.policyCode)) continue;
      const months = periodOverlap(line.period, o.period);
      if (months) add(line.lineNo, 'exclusive_overlap', 'block', `${line.policyName}与${o.policyName}（${o.ref}）不能同时享受，${formatPeriod(months)}重叠`);
    }
    // 2–3. Retirement and death of the person the payment is about.
    const personId = personOf(line);
    const person = personId === null ? undefined : facts.persons.get(personId);
    if (person) personChecks(line, person, out);
    // 4. An enterprise and its own legal representative.
    if (line.payee.kind === 'enterprise' && person) {
      const e = facts.enterprises.get(line.payee.id);
      if (e?.legalRepresentativeIdNumber && e.legalRepresentativeIdNumber.toUpperCase() === person.idNumber.toUpperCase()) {
        add(line.lineNo, 'legal_representative', 'block', `${e.name}为其法定代表人${person.name}申领${line.policyName}`);
      }
    }
    if (line.payee.kind === 'person' && person && line.employerEnterpriseId != null) {
      const e = facts.enterprises.get(line.employerEnterpriseId);
      if (e?.legalRepresentativeIdNumber && e.legalRepresentativeIdNumber.toUpperCase() === person.idNumber.toUpperCase()) {
        add(line.lineNo, 'legal_representative', 'flag', `收款人${person.name}是其用人单位${e.name}的法定代表人`);
      }
    }
    // 5. One account, different payees.
    const users = accounts.get(normalizeAccount(line.account.accountNumber)) ?? [];
    const strangers = users.filter((u) => !samePayee(u.payee, line.payee));
    if (strangers.length > 0) {
      add(line.lineNo, 'shared_account', 'flag', `账号${maskAccount(line.account.accountNumber)}同时是${strangers.map((s) => s.label).join('、')}的收款账号`);
    }
  }
  return out.sort((a, b) => a.lineNo - b.lineNo);
}

/** `3:shared_account`: how a releaser's acknowledgement of a flag is keyed. */
export const findingKey = (f: Pick<ControlFinding, 'lineNo' | 'code'>) => `${f.lineNo}:${f.code}`;

/** What stops release: every block, and every flag not acknowledged (batchTransition's blockingFindings). */
export function unresolvedFindings(findings: readonly ControlFinding[], acknowledged: ReadonlySet<string>): ControlFinding[] {
  return findings.filter((f) => f.severity === 'block' || !acknowledged.has(findingKey(f)));
}
