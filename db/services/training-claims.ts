/**
 * 培训补贴申领 through case handling: the training institution (the
 * enterprise of the registry with the provider's credit code) claims for one
 * class; the claim is the class's qualified trainees not paid before × the
 * programme's 补贴标准 (shared/domain/training/claims.ts). Checked when the
 * draft is saved and at 受理; counted again at approval, whose effect writes
 * one line per paid trainee and one 应发记录 for 资金兑付.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ParsedInputOf, TrainingClaimPreview } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { monthOfDate } from '../../shared/domain/payments';
import { claimClassProblem, claimLines, emptyClaimProblem, type ClaimClass, type ClaimTraineeFacts } from '../../shared/domain/training/claims';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import {
  cases, enterprises, paymentEntitlements, persons, policyVersions, trainingCertificates, trainingClaimTrainees, trainingClasses, trainingEnrolments, trainingProgrammes, trainingProviders,
} from '../schema';
import { formOf, type CaseRow } from './case-view';
import { recordAccount, payeeKey, payeeRecords } from './payment-payees';
import { createdStamps } from './row-stamps';

/** The 补贴目录 item the claims are paid under (migration 0013). */
export const TRAINING_SUBSIDY_CODE = 'vocational_training';

interface ClassFacts extends ClaimClass {
  id: number;
  occupationCode: string;
  level: (typeof trainingProgrammes.$inferSelect)['level'];
  programmeName: string;
}

function classByNumber(ctx: ServiceContext, classNumber: string): ClassFacts | null {
  const row = ctx.database().db
    .select({ c: trainingClasses, p: trainingProgrammes, provider: trainingProviders })
    .from(trainingClasses)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingClasses.programmeId))
    .innerJoin(trainingProviders, eq(trainingProviders.id, trainingProgrammes.providerId))
    .where(eq(trainingClasses.classNumber, classNumber.trim()))
    .get();
  if (!row) return null;
  return {
    id: row.c.id, classNumber: row.c.classNumber, endDate: row.c.endDate, status: row.c.status, providerCreditCode: row.provider.creditCode, providerName: row.provider.name,
    subsidyPerPersonFen: row.p.subsidyPerPersonFen, occupationCode: row.p.occupationCode, level: row.p.level, programmeName: row.p.name,
  };
}

function creditCodeOf(ctx: ServiceContext, enterpriseId: number): string | null {
  return ctx.database().db.select({ creditCode: enterprises.creditCode }).from(enterprises).where(eq(enterprises.id, enterpriseId)).get()?.creditCode ?? null;
}

/** The trainees of the class with what decides their subsidy; `exceptCaseId`'s own lines do not count as "claimed before". */
function traineeFacts(ctx: ServiceContext, cls: ClassFacts, exceptCaseId: number | null): ClaimTraineeFacts[] {
  const { db } = ctx.database();
  const rows = db
    .select({ e: trainingEnrolments, name: persons.name, certificateNumber: trainingCertificates.certificateNumber, revokedOn: trainingCertificates.revokedOn })
    .from(trainingEnrolments)
    .innerJoin(persons, eq(persons.id, trainingEnrolments.personId))
    .leftJoin(trainingCertificates, eq(trainingCertificates.enrolmentId, trainingEnrolments.id))
    .where(eq(trainingEnrolments.classId, cls.id))
    .orderBy(trainingEnrolments.id)
    .all();
  if (rows.length === 0) return [];
  // Paid before: this enrolment, or the same person for the same occupation and level, in another approved claim.
  const claimed = db
    .select({ enrolmentId: trainingClaimTrainees.enrolmentId, personId: trainingClaimTrainees.personId, receiptNo: cases.receiptNo })
    .from(trainingClaimTrainees)
    .innerJoin(cases, eq(cases.id, trainingClaimTrainees.caseId))
    .where(and(
      inArray(trainingClaimTrainees.personId, rows.map((r) => r.e.personId)),
      sql`(${trainingClaimTrainees.enrolmentId} in (${sql.join(rows.map((r) => sql`${r.e.id}`), sql`, `)}) or (${trainingClaimTrainees.occupationCode} = ${cls.occupationCode} and ${trainingClaimTrainees.level} = ${cls.level}))`,
      exceptCaseId === null ? undefined : ne(trainingClaimTrainees.caseId, exceptCaseId),
    ))
    .all();
  return rows.map((r) => {
    const before = claimed.find((c) => c.enrolmentId === r.e.id || c.personId === r.e.personId);
    return {
      enrolmentId: r.e.id, personId: r.e.personId, personName: r.name, status: r.e.status, assessmentResult: r.e.assessmentResult,
      certificateNumber: r.certificateNumber, certificateRevoked: r.revokedOn !== null, claimedIn: before ? (before.receiptNo ?? '另一申领') : null,
    };
  });
}

/**
 * What is wrong with a claim for `classNumber` by the enterprise: an unknown class, another provider's class,
 * a class not yet ended; at 受理 (`complete`) also a class with nothing left to claim.
 */
export function trainingClaimProblems(ctx: ServiceContext, enterpriseId: number, form: Record<string, string | null>, complete: boolean, exceptCaseId: number | null = null): string[] {
  const classNumber = (form.classNumber ?? '').trim();
  if (classNumber === '') return [];
  const cls = classByNumber(ctx, classNumber);
  const problem = claimClassProblem(cls, classNumber, creditCodeOf(ctx, enterpriseId), ctx.today);
  if (problem) return [problem];
  if (!complete) return [];
  const { lines } = claimLines(traineeFacts(ctx, cls!, exceptCaseId), cls!.subsidyPerPersonFen);
  const empty = emptyClaimProblem(cls!.classNumber, lines, cls!.subsidyPerPersonFen);
  return empty ? [empty] : [];
}

/** 培训补贴测算: the class's claim as it would be decided today, for the class page and the case page. */
export function claimPreview(ctx: ServiceContext, input: ParsedInputOf<'training.claimPreview'>): TrainingClaimPreview {
  const { db } = ctx.database();
  const row = db.select({ classNumber: trainingClasses.classNumber }).from(trainingClasses).where(eq(trainingClasses.id, input.classId)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.classId} 的培训期次`);
  const cls = classByNumber(ctx, row.classNumber)!;
  const facts = traineeFacts(ctx, cls, null);
  const { lines, totalFen, paidCount } = claimLines(facts, cls.subsidyPerPersonFen);
  const ids = new Map(db.select({ id: persons.id, idNumber: persons.idNumber }).from(persons).where(inArray(persons.id, lines.length ? lines.map((l) => l.personId) : [-1])).all().map((p) => [p.id, p.idNumber]));
  const claimant = db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.creditCode, cls.providerCreditCode)).get() ?? null;
  const claims = db.select({ caseId: cases.id, receiptNo: cases.receiptNo, state: cases.state }).from(cases)
    .where(and(eq(cases.caseType, 'training_subsidy_claim'), eq(cases.itemCode, cls.classNumber))).orderBy(cases.id).all();
  return {
    classNumber: cls.classNumber, subsidyPerPersonFen: cls.subsidyPerPersonFen, providerName: cls.providerName, providerCreditCode: cls.providerCreditCode,
    claimantEnterpriseId: claimant?.id ?? null,
    problem: claimClassProblem(cls, cls.classNumber, cls.providerCreditCode, ctx.today) ?? emptyClaimProblem(cls.classNumber, lines, cls.subsidyPerPersonFen),
    lines: lines.map((l) => ({ ...l, idNumberMasked: maskIdNumber(ids.get(l.personId) ?? '') })),
    totalFen, paidCount, claims,
  };
}

/**
 * Carries out `record_training_claim`: counted again on the day of approval (a certificate revoked meanwhile
 * drops out), one line per paid trainee, and the claim's 应发记录 for the provider.
 */
export function recordTrainingClaim(ctx: ServiceContext, row: CaseRow, receiptNo: string): void {
  const { db } = ctx.database();
  const form = formOf(row);
  const enterpriseId = row.enterpriseId!;
  const problems = trainingClaimProblems(ctx, enterpriseId, form, true, row.id);
  if (problems.length) throw new AppError('CONFLICT', `不能批准：${problems.join('；')}`);
  const cls = classByNumber(ctx, form.classNumber!)!;
  const { lines, totalFen, paidCount } = claimLines(traineeFacts(ctx, cls, row.id), cls.subsidyPerPersonFen);
  for (const line of lines.filter((l) => l.refusal === null)) {
    db.insert(trainingClaimTrainees).values({ caseId: row.id, enrolmentId: line.enrolmentId, personId: line.personId, occupationCode: cls.occupationCode, level: cls.level, amountFen: line.amountFen, ...createdStamps(ctx) }).run();
  }
  const payee = { kind: 'enterprise' as const, id: enterpriseId };
  const active = db.select({ version: policyVersions.policyVersion }).from(policyVersions).where(and(eq(policyVersions.code, TRAINING_SUBSIDY_CODE), eq(policyVersions.status, 'active'))).get();
  const month = monthOfDate(ctx.today);
  const created = db.insert(paymentEntitlements).values({
    payeeKind: 'enterprise', payeeId: enterpriseId, beneficiaryPersonId: null, policyCode: TRAINING_SUBSIDY_CODE, policyVersion: active?.version ?? null,
    periodFrom: month, periodTo: month, amountFen: totalFen, fundSource: 'employment_subsidy_fund', basis: 'entered',
    basisReason: `培训期次${cls.classNumber}合格学员${paidCount}人 × 补贴标准${cls.subsidyPerPersonFen / 100}元（${receiptNo}）`,
    engineAmountFen: null, caseId: row.id, townshipCode: payeeRecords(db, [payee]).get(payeeKey(payee))?.townshipCode ?? null, approvedOn: ctx.today, ...createdStamps(ctx),
  }).returning({ id: paymentEntitlements.id }).get();
  ctx.audit({ action: 'payments.entitlement', entityType: 'payment_entitlement', entityId: created.id, detail: { caseId: row.id, policyCode: TRAINING_SUBSIDY_CODE, amountFen: totalFen, periodFrom: month, periodTo: month } });
  if (form.bankAccount && form.bankName) recordAccount(ctx, payee, form.bankAccount, form.bankName);
}
