/**
 * What an approval does beyond the case itself, by effect name: the case
 * types declare their effects as data (shared/domain/case-types.ts), the
 * pure workflow says when they apply (applyTransition), and this registry
 * carries them out in the decision's transaction. A new kind of case — a
 * policy's own effect — registers its handler here instead of adding a branch
 * to the case service; a test fails when a declared effect has no handler.
 */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { annualReviewDue, cancellationReasonForChannel, followUpDue, CASE_TYPES, type EffectCode, type EmploymentChannel, type CaseTypeCode } from '../../shared/domain/case-types';
import { cases, persons } from '../schema';
import { formOf, personIdOf, workCalendar, type CaseRow } from './case-view';
import { certifiedOn } from './certifications';
import { recordEntitlementOfCase } from './payment-entitlements';
import { refreshDerived } from './person-derived';
import { recordTrainingClaim } from './training-claims';
import { endUnemploymentRegistration, registrationInForce, setEmploymentStatus } from './registrations';

/** Carries out one effect of an approved case; `receiptNo` names the case in the records it writes. */
export type CaseEffect = (ctx: ServiceContext, row: CaseRow, receiptNo: string) => void;

const EFFECTS = new Map<string, CaseEffect>();

/** Adds the handler of an effect; naming an effect twice is a programming error. */
export function registerCaseEffect(name: string, effect: CaseEffect): void {
  if (EFFECTS.has(name)) throw new Error(`case effect ${name} is registered twice`);
  EFFECTS.set(name, effect);
}

export function hasCaseEffect(name: string): boolean {
  return EFFECTS.has(name);
}

/** Carries out `names` in order, in the caller's transaction; an unknown name fails the decision (nothing is written). */
export function applyCaseEffects(ctx: ServiceContext, row: CaseRow, receiptNo: string, names: readonly string[]): string[] {
  for (const name of names) {
    const effect = EFFECTS.get(name);
    if (!effect) throw new Error(`no handler for case effect ${name}`);
    effect(ctx, row, receiptNo);
  }
  return [...names];
}

const label = (row: CaseRow) => CASE_TYPES[row.caseType as CaseTypeCode].label;
const builtIn: Record<EffectCode, CaseEffect> = {
  set_status_unemployed_registered: (ctx, row, receiptNo) => setEmploymentStatus(ctx, personIdOf(row), 'unemployed_registered', `${label(row)}批准（${receiptNo}）`),
  set_status_employed: (ctx, row, receiptNo) => setEmploymentStatus(ctx, personIdOf(row), 'employed', `${label(row)}批准（${receiptNo}）`),
  // Due 5 working days from acceptance; the first contact on or after acceptance satisfies it.
  schedule_follow_up_contact: (ctx, row) => {
    ctx.database().db.update(cases).set({ followUpDue: followUpDue(row.acceptedOn ?? ctx.today, workCalendar(ctx)) }).where(eq(cases.id, row.id)).run();
  },
  close_open_unemployment_registration: (ctx, row, receiptNo) => {
    const open = registrationInForce(ctx, personIdOf(row));
    if (!open) return;
    const reason = cancellationReasonForChannel((formOf(row).channel ?? 'employer_job') as EmploymentChannel);
    endUnemploymentRegistration(ctx, open, reason, `${label(row)}批准（${receiptNo}）`, ctx.today, `${label(row)}批准（${receiptNo}）`);
  },
  // The certification is the approved case; the person's stored tags and recheck date follow it.
  grant_difficulty_certification: (ctx, row) => {
    const { db } = ctx.database();
    db.update(cases).set({ reviewDue: annualReviewDue(certifiedOn(row), null) }).where(eq(cases.id, row.id)).run();
    refreshDerived(db, db.select().from(persons).where(eq(persons.id, personIdOf(row))).get()!, ctx.today);
  },
  // The approved 补贴申请 is the 享受记录 the policy engine reads (policy-facts.ts entitlementOf), and becomes
  // the 应发记录 a payment batch pays (payment-entitlements.ts).
  record_subsidy_entitlement: recordEntitlementOfCase,
  // The provider's 培训补贴: one line per qualified trainee and one 应发记录 (training-claims.ts).
  record_training_claim: recordTrainingClaim,
};
for (const [name, effect] of Object.entries(builtIn)) registerCaseEffect(name, effect);
