/**
 * The three training rates the province evaluates (docs/training-rates.md):
 *
 * - 就业培训上岗率 (`employment`): of the trainees who completed 就业技能培训,
 *   the share employed from the class's first day up to EMPLOYMENT_WINDOW_DAYS
 *   after its last day, by a 就业登记's start date, a referral's 录用 day or
 *   the start of contributions by an employer.
 * - 创业培训合格率 (`entrepreneurship`): of those who completed 创业培训 and were
 *   assessed, the share assessed 合格 whose certificate was not revoked.
 * - 职工培训稳岗率 (`retention6`, `retention12`): of the employees who completed
 *   岗位技能提升培训, the share still contributed for by the same employer in the
 *   first contribution file dated on or after 6 (12) months from the class's end.
 *
 * Every trainee is decided once per enrolment (enrolmentOutcomes), then counted
 * once per person in each group (rateBreakdown): a person in two classes of a
 * programme counts once for the programme, as a success if either class was one.
 * A trainee whose window is still open is `pending`: shown, never in the rate.
 */
import { addDays, addMonths } from '../calendar';
import type { AssessmentResult, EnrolmentStatus, TrainingKind } from './catalogue';

/** "Within 6 months after the class ends", as a fixed count of days so it never depends on month lengths. */
export const EMPLOYMENT_WINDOW_DAYS = 180;
export const RETENTION_MONTHS = { retention6: 6, retention12: 12 } as const;

export const TRAINING_RATES = [
  ['employment', '就业培训上岗率'], ['entrepreneurship', '创业培训合格率'], ['retention6', '职工培训稳岗率（6个月）'], ['retention12', '职工培训稳岗率（12个月）'],
] as const;
export type TrainingRate = (typeof TRAINING_RATES)[number][0];

export const EVIDENCE_SOURCES = [
  ['employment_registration', '就业登记'], ['referral_hired', '推荐录用'], ['contribution', '社保缴费'], ['assessment', '考核结果'],
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number][0];

export const RATE_GROUPINGS = ['all', 'programme', 'provider', 'class'] as const;
export type RateGrouping = (typeof RATE_GROUPINGS)[number];

/** `yes` counts in numerator and denominator, `no` in the denominator only, `pending` in neither. */
export type RateOutcome = 'yes' | 'no' | 'pending';
export const RATE_MEMBERS = [['numerator', '分子'], ['denominator', '分母'], ['pending', '观察期未满']] as const;
export type RateMember = (typeof RATE_MEMBERS)[number][0];

export interface RateEnrolment {
  enrolmentId: number;
  personId: number;
  classId: number;
  programmeId: number;
  providerId: number;
  kind: TrainingKind;
  classStart: string;
  classEnd: string;
  status: EnrolmentStatus;
  assessmentResult: AssessmentResult | null;
  assessedOn: string | null;
  /** A certificate was issued for this enrolment and later revoked. */
  certificateRevoked: boolean;
  employerEnterpriseId: number | null;
}

export interface EmploymentEvidence {
  personId: number;
  on: string;
  source: EvidenceSource;
}

export interface ContributionImport {
  importId: number;
  asOf: string;
}

/** One person's employer in one contribution file. */
export interface ContributionRow {
  personId: number;
  importId: number;
  enterpriseId: number | null;
}

export interface RateFacts {
  enrolments: readonly RateEnrolment[];
  /** Any order; only a trainee's own evidence is looked at. */
  evidence: readonly EmploymentEvidence[];
  imports: readonly ContributionImport[];
  contributions: readonly ContributionRow[];
}

export interface EnrolmentOutcome {
  rate: TrainingRate;
  enrolment: RateEnrolment;
  outcome: RateOutcome;
  /** What decided a `yes` or a `no` (the day and its source); null while pending or with nothing found. */
  evidence: { on: string; source: EvidenceSource } | null;
  /** The last day of the window a `yes` had to fall in (上岗率) or the checkpoint (稳岗率). */
  windowEnd: string | null;
}

const RATE_KIND: Record<TrainingRate, TrainingKind> = {
  employment: 'employment_skills', entrepreneurship: 'entrepreneurship', retention6: 'employee_upskilling', retention12: 'employee_upskilling',
};

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Each completed enrolment of the rate's kind, decided as of `asOf` (the day the figures are drawn). */
export function enrolmentOutcomes(facts: RateFacts, rate: TrainingRate, asOf: string): EnrolmentOutcome[] {
  const completed = facts.enrolments.filter((e) => e.kind === RATE_KIND[rate] && e.status === 'completed');
  if (rate === 'employment') {
    const evidenceOf = groupBy(facts.evidence, (e) => e.personId);
    for (const list of evidenceOf.values()) list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    return completed.map((enrolment) => {
      const windowEnd = addDays(enrolment.classEnd, EMPLOYMENT_WINDOW_DAYS);
      const hit = evidenceOf.get(enrolment.personId)?.find((e) => e.on >= enrolment.classStart && e.on <= windowEnd);
      if (hit && hit.on <= asOf) return { rate, enrolment, outcome: 'yes', evidence: { on: hit.on, source: hit.source }, windowEnd };
      return { rate, enrolment, outcome: asOf > windowEnd ? 'no' : 'pending', evidence: null, windowEnd };
    });
  }
  if (rate === 'entrepreneurship') {
    return completed.map((enrolment) => {
      if (enrolment.assessmentResult === null || enrolment.assessedOn === null || enrolment.assessedOn > asOf) return { rate, enrolment, outcome: 'pending', evidence: null, windowEnd: null };
      const passed = enrolment.assessmentResult === 'passed' && !enrolment.certificateRevoked;
      return { rate, enrolment, outcome: passed ? 'yes' : 'no', evidence: { on: enrolment.assessedOn, source: 'assessment' }, windowEnd: null };
    });
  }
  const months = RETENTION_MONTHS[rate];
  const imports = [...facts.imports].filter((i) => i.asOf <= asOf).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.importId - b.importId));
  // Keyed by a number (file × 2³² + person): a city's year is hundreds of thousands of rows.
  const key = (importId: number, personId: number) => importId * 4_294_967_296 + personId;
  const employerIn = new Map<number, number | null>();
  for (const row of facts.contributions) employerIn.set(key(row.importId, row.personId), row.enterpriseId);
  return completed
    .filter((e) => e.employerEnterpriseId !== null)
    .map((enrolment) => {
      const checkpoint = addMonths(enrolment.classEnd, months);
      const file = imports.find((i) => i.asOf >= checkpoint);
      if (!file) return { rate, enrolment, outcome: 'pending', evidence: null, windowEnd: checkpoint };
      const stayed = employerIn.get(key(file.importId, enrolment.personId)) === enrolment.employerEnterpriseId;
      return { rate, enrolment, outcome: stayed ? 'yes' : 'no', evidence: { on: file.asOf, source: 'contribution' }, windowEnd: checkpoint };
    });
}

export interface RateFigure {
  numerator: number;
  denominator: number;
  pending: number;
  /** numerator ÷ denominator in percent, one decimal; null with an empty denominator. */
  percent: number | null;
}

const RANK: Record<RateOutcome, number> = { yes: 2, no: 1, pending: 0 };

function groupIdOf(grouping: RateGrouping, e: RateEnrolment): number {
  return grouping === 'all' ? 0 : grouping === 'programme' ? e.programmeId : grouping === 'provider' ? e.providerId : e.classId;
}

/**
 * One outcome per person in each group: the best of the person's enrolments
 * there (yes over no over pending), so a person in two classes counts once.
 */
export function personOutcomes(outcomes: readonly EnrolmentOutcome[], grouping: RateGrouping): Map<number, Map<number, EnrolmentOutcome>> {
  const groups = new Map<number, Map<number, EnrolmentOutcome>>();
  for (const o of outcomes) {
    const id = groupIdOf(grouping, o.enrolment);
    let persons = groups.get(id);
    if (!persons) groups.set(id, (persons = new Map()));
    const held = persons.get(o.enrolment.personId);
    if (!held || RANK[o.outcome] > RANK[held.outcome]) persons.set(o.enrolment.personId, o);
  }
  return groups;
}

export function figureOf(persons: Iterable<EnrolmentOutcome>): RateFigure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  for (const o of persons) {
    if (o.outcome === 'yes') numerator += 1;
    if (o.outcome === 'pending') pending += 1;
    else denominator += 1;
  }
  return { numerator, denominator, pending, percent: denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10 };
}

export type RateBreakdown = Record<RateGrouping, Map<number, RateFigure>>;

export function rateBreakdown(outcomes: readonly EnrolmentOutcome[]): RateBreakdown {
  const result = {} as RateBreakdown;
  for (const grouping of RATE_GROUPINGS) {
    const figures = new Map<number, RateFigure>();
    for (const [id, persons] of personOutcomes(outcomes, grouping)) figures.set(id, figureOf(persons.values()));
    result[grouping] = figures;
  }
  return result;
}

/** The persons behind one number: the group's outcome per person, filtered to the member asked for. */
export function rateMembers(outcomes: readonly EnrolmentOutcome[], grouping: RateGrouping, groupId: number, member: RateMember): EnrolmentOutcome[] {
  const persons = personOutcomes(outcomes, grouping).get(grouping === 'all' ? 0 : groupId);
  if (!persons) return [];
  const wanted = (o: EnrolmentOutcome) => (member === 'numerator' ? o.outcome === 'yes' : member === 'pending' ? o.outcome === 'pending' : o.outcome !== 'pending');
  return [...persons.values()].filter(wanted);
}
