/**
 * Policies (政策库) and the engine that finds who is entitled (政策找人/政策找企).
 * Pure: no database, no Node, no UI. The backend reads a person's or an
 * enterprise's facts into a frozen snapshot and asks the engine.
 *
 *   POLICY_FACTS                 the fact catalogue: name → { label, targets, type, meaning (口径) }
 *   policyDefinitionSchema       zod shape of one policy version (read a stored definition with it)
 *   validatePolicy(def: unknown): PolicyProblem[]
 *                                every problem in Chinese, naming the place (条件2 › 比较值); [] = sound.
 *                                Call before saving or activating a version.
 *   catalogueProblems(defs): string[]      versions of one code overlapping in time, duplicate versions
 *   evaluatePolicy(policy, facts, on: 'YYYY-MM-DD', { confirmedChecklist? }): Verdict
 *                                { result: eligible | not_eligible | needs_check, amountFen, trace, … }
 *   describeRule, describeFormula, describeLimit, describeValue   a condition, formula, limit, value in plain Chinese
 *   explainVerdict(verdict): Explanation   { title: 为什么符合/为什么不符合/为什么需要人工核查, headline, lines }
 *   runStoredCases(policy): StoredCaseFailure[]   the stored cases that fail, expected vs got; [] = all pass
 *   evaluateCase(policy, case), caseFacts(case)    one stored case's verdict and snapshot
 *   policyFactNames(policy): string[]      the facts a verdict may read (an incremental sweep watches these)
 *   storedVerdict(v), namedFacts(facts, names), verdictFromStored(stored, policy, facts)
 *                                a finding keeps the named facts and the verdict without its trace; the trace is derived again on reading
 *   compilePolicy(policy): CompiledPolicy  once per version for many subjects: rejects(facts, on) — certainly
 *                                not_eligible, no verdict built — and evaluate(facts, on) as evaluatePolicy
 *   personDateFacts(born, on)    age and monthsToRetirement on a date, as the backend must compute them
 *   snapshotProblems(target, facts)        a snapshot's facts of the wrong target or type (for backend tests)
 *   SEED_POLICIES                the DOMAIN.md subsidies, amounts 待核
 *   policyVersionChanges(before, after): string[]   what a version changes against the one in force, in Chinese
 *
 * Rules the backend relies on:
 * - A snapshot is a plain object fact name → value, for ONE target on the
 *   evaluation date; null or absent = unknown. Names outside the catalogue
 *   are ignored, and so is every fact the policy does not name.
 * - needs_check arises from an unknown fact the verdict depends on, an
 *   unticked checklist item, or an unknown entitlement history — and only
 *   when nothing fails (a failing condition always wins: not_eligible).
 * - The amount is integer fen: the formula (a share floored to the fen), then
 *   the limits — months left under maxMonths cap a monthly formula unless its
 *   waiver holds, maxAmount caps what is left to pay — never negative; 0 to
 *   pay is not_eligible. For needs_check it is the amount once the open
 *   points are confirmed (null when a fact of the formula itself is unknown);
 *   for not_eligible it is null. amountConfirmed false = 待核 parameters.
 * - Periods: enjoyedPolicies holds the codes enjoyed in the evaluation date's
 *   calendar year (exclusions read it); entitlements holds every approved
 *   record with its period, months and amount (limits read it); *InPeriod
 *   facts count from 1 January to the evaluation date.
 * - evaluatePolicy trusts a definition validatePolicy accepted; it throws
 *   only on an evaluation date that does not exist.
 * - A verdict names its policy code and version; store it with the snapshot,
 *   and a later version never changes a past decision.
 */
export { POLICY_FACTS, CERTIFICATE_LEVELS, KNOWN_POLICY_CODES, factSpec, factsFor, monthsToRetirement, personDateFacts, snapshotProblems } from './facts';
export type { BirthFacts, CodeTable, Entitlement, FactName, FactSnapshot, FactSpec, FactTarget, FactType, FactValue } from './facts';
export { FUND_SOURCES, OPERATORS, conditionNodeSchema, formulaSchema, policyDefinitionSchema } from './definition';
export type { AllOf, AnyOf, ChecklistItem, Condition, ConditionNode, ConditionValue, Exclusion, Formula, FundSource, Limit, Operator, PolicyDefinition, PolicyTestCase, VerdictResult } from './definition';
export { catalogueProblems, placeOf, validatePolicy } from './validate';
export type { PolicyProblem } from './validate';
export { describeLimit, evaluatePolicy, policyFactNames } from './engine';
export { compilePolicy } from './compiled';
export type { CompiledPolicy } from './compiled';
export type { EvaluateOptions, Outcome, TraceKind, TraceLine, Verdict } from './engine';
export { explainVerdict, traceSentence } from './explain';
export type { Explanation } from './explain';
export { caseFacts, evaluateCase, runStoredCases } from './stored-cases';
export { namedFacts, storedVerdict, verdictFromStored } from './stored-verdict';
export type { StoredVerdict } from './stored-verdict';
export type { StoredCaseFailure } from './stored-cases';
export { describeFormula } from './amounts';
export { describeRule, describeValue } from './conditions';
export { SEED_POLICIES } from './catalogue';
export { policyVersionChanges } from './version-changes';
export { FLEXIBLE_SOCIAL_INSURANCE, PUBLIC_WELFARE_POST, SOCIAL_INSURANCE } from './catalogue-monthly';
export { HIRING_ONE_TIME, JOB_EXPANSION, JOB_RETENTION } from './catalogue-enterprises';
export { SKILL_UPGRADE, STARTUP_ONE_TIME, VOCATIONAL_TRAINING } from './catalogue-one-off';
