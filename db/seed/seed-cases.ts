/**
 * The seed's cases (失业登记, 就业登记, 就业困难人员认定, 补贴申请) as timeline
 * steps. Each case follows a path of the workflow table to its final state —
 * draft, not accepted, accepted, in review, returned, approved, rejected or withdrawn — and
 * every step is a real `cases.transition` call by an account whose role the
 * rule names, so a state in the database was reached the legal way or not at all.
 */
import { ageOn } from '../../shared/domain/dates';
import { checkUnemploymentEligibility, type CaseTypeCode } from '../../shared/domain/case-types';
import type { CaseAction, CaseState } from '../../shared/domain/workflow';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';
import { Weighted } from './person-generator';
import type { SeededEnterprise } from './seed-enterprises';

export interface CandidatePerson {
  id: number;
  sex: 'male' | 'female';
  birthDate: string;
  employmentStatus: string;
  femaleRetirementCategory: 'worker50' | 'cadre55' | null;
  disabilityGrade: string | null;
  lowIncomeStatus: string | null;
  isVeteran: number;
  createdOn: string;
}

export interface CasePlanOptions {
  random: () => number;
  from: string;
  asOf: string;
  unemployment: number;
  employment: number;
  certifications: number;
  subsidies: number;
  enterprises: SeededEnterprise[];
}

/** Final states in realistic shares; open ones are recent, as a live desk's are. */
const FINAL = new Weighted<CaseState>([['approved', 58], ['rejected', 5], ['withdrawn', 6], ['not_accepted', 2], ['draft', 5], ['accepted', 8], ['in_review', 10], ['returned', 8]]);
const OPEN_STATES = new Set<CaseState>(['draft', 'accepted', 'in_review', 'returned']);
const PREPARERS = ['qiantai', 'qiantai2'];
const DECIDERS = ['shenhe', 'shenhe', 'shenhe', 'juzhang'];
// 失业原因 codes (UNEMPLOYMENT_CAUSES); the first four follow a job, the last does not.
const CAUSES = ['contract_expired', 'layoff', 'resigned', 'employer_closed', 'graduate_not_employed'];

interface SeedCase {
  type: CaseTypeCode;
  /** The applicant: a person, or an enterprise (its id is known once its registration step has run). */
  person?: CandidatePerson;
  enterprise?: SeededEnterprise;
  form: Record<string, string | null>;
  documents: string[];
}

/** The path of actions from draft to `final`; a fifth of approvals went through 退回补正 first. */
function pathTo(final: CaseState, r: () => number): CaseAction[] {
  switch (final) {
    case 'draft': return [];
    case 'accepted': return ['accept'];
    case 'in_review': return r() < 0.2 ? ['accept', 'return', 'resubmit', 'start_review'] : ['accept', 'start_review'];
    case 'returned': return r() < 0.5 ? ['accept', 'return'] : ['accept', 'start_review', 'return'];
    case 'approved': return r() < 0.2 ? ['accept', 'start_review', 'return', 'resubmit', 'start_review', 'approve'] : ['accept', 'start_review', 'approve'];
    case 'rejected': return ['accept', 'start_review', 'reject'];
    case 'withdrawn': return r() < 0.5 ? ['withdraw'] : ['accept', 'withdraw'];
    case 'not_accepted': return ['decline'];
  }
}

const COMMENTS: Partial<Record<CaseAction, string>> = {
  return: '材料不齐，请补充原单位解除劳动关系证明',
  reject: '经核查不符合办理条件',
  withdraw: '申请人主动撤回',
  decline: '申请事项不属于本机构职责范围，请向户籍地经办机构申请',
  approve: '材料齐全，符合条件',
};

function difficultyCategory(p: CandidatePerson, day: string): { category: string; documents: string[] } {
  if (p.disabilityGrade) return { category: 'disabled', documents: ['disability_certificate'] };
  if (p.lowIncomeStatus === 'dibao') return { category: 'dibao', documents: ['dibao_certificate'] };
  if (p.isVeteran) return { category: 'veteran', documents: ['veteran_certificate'] };
  if (ageOn(p.birthDate, day) >= (p.sex === 'female' ? 40 : 50)) return { category: 'age_4050', documents: [] };
  return { category: 'long_term_unemployed', documents: [] };
}

interface Registered {
  person: CandidatePerson;
  approvedOn: string;
}

/**
 * What the plans of the four kinds of case share: the one stream of draws,
 * the timeline being built and the count of cases on it. Each kind is
 * planned in turn, and the draws must stay in this order: the same seed gives
 * the same county only while nothing draws earlier or later than it did.
 */
class CasePlanner {
  readonly steps: Step[] = [];
  cases = 0;
  readonly r: () => number;
  private readonly span: number;

  constructor(
    private readonly driver: SeedDriver,
    readonly o: CasePlanOptions,
  ) {
    this.r = o.random;
    this.span = Math.round((Date.parse(o.asOf) - Date.parse(o.from)) / 86_400_000);
  }

  readonly pick = <T>(list: readonly T[]): T => list[Math.floor(this.r() * list.length)]!;

  /** Schedules one case to `final`; returns the day its last step happens, or null when it does not fit before asOf. */
  schedule(m: SeedCase, start: string, final: CaseState): string | null {
    const { r, driver } = this;
    const actions = pathTo(final, r);
    const days: string[] = [];
    let day = start;
    for (const action of ['create' as const, ...actions]) {
      day = action === 'create' || action === 'accept' ? day : weekdayOnOrBefore(addDays(day, action === 'resubmit' ? 3 + Math.floor(r() * 5) : 1 + Math.floor(r() * 2)));
      if (day < start) day = start;
      days.push(day);
    }
    if (days[days.length - 1]! > this.o.asOf) return null;
    const preparer = this.pick(PREPARERS);
    const decider = this.pick(DECIDERS);
    const held: { id: number; version: number } = { id: 0, version: 0 };
    const minute = 8 * 60 + 45 + Math.floor(r() * 400);
    this.cases += 1;
    this.steps.push({ at: officeInstant(days[0]!, minute), run: () => {
      const applicant = m.enterprise ? (m.enterprise.id === null ? null : { enterpriseId: m.enterprise.id }) : { personId: m.person!.id };
      if (!applicant) return;
      const made = driver.call<{ id: number; version: number }>(preparer, 'cases.create', { ...applicant, caseType: m.type, form: m.form, documents: m.documents });
      if (made) Object.assign(held, { id: made.id, version: made.version });
    } });
    actions.forEach((action, i) => {
      const actor = action === 'accept' || action === 'decline' || action === 'resubmit' || action === 'withdraw' ? preparer : decider;
      this.steps.push({ at: officeInstant(days[i + 1]!, minute + 10 * (i + 1)), run: () => {
        if (held.id === 0) return;
        const after = driver.call<{ version: number }>(actor, 'cases.transition', { id: held.id, version: held.version, action, comment: COMMENTS[action] ?? null });
        if (after) held.version = after.version;
      } });
    });
    return days[days.length - 1]!;
  }

  /** The day a person's case starts, no earlier than `earliest`, the record or the period. */
  startDay(p: CandidatePerson, final: CaseState, earliest = this.o.from): string {
    const from = [earliest, p.createdOn, this.o.from].sort().at(-1)!;
    return weekdayOnOrBefore(addDays(from, Math.min(this.offset(from, final), this.span)));
  }

  /** Days after `from` a case starts: open cases are recent; finished ones spread over the period. */
  offset(from: string, final: CaseState): number {
    const room = Math.max(1, Math.round((Date.parse(this.o.asOf) - Date.parse(from)) / 86_400_000) - 8);
    return OPEN_STATES.has(final) ? room - Math.floor(this.r() * Math.min(room, 20)) : Math.floor(this.r() * room);
  }

  employmentForm(day: string): { form: Record<string, string | null>; documents: string[] } {
    const { r, o } = this;
    const channel = new Weighted<string>([['employer_job', 75], ['self_employed', 8], ['flexible', 14], ['public_welfare_post', 3]]).pick(r);
    const employer = o.enterprises.length > 0 ? this.pick(o.enterprises) : null;
    if (channel === 'employer_job' || channel === 'public_welfare_post') {
      return {
        form: { channel, employerName: channel === 'public_welfare_post' ? '吴中区公益性岗位开发中心' : employer?.name ?? '苏州市吴中区某公司', employerCreditCode: channel === 'employer_job' ? employer?.creditCode ?? null : null, startDate: day, contractType: r() < 0.8 ? 'fixed_term' : 'open_ended', contractEndDate: addDays(day, 365 * 3) },
        documents: ['id_card', 'labour_contract'],
      };
    }
    if (channel === 'self_employed') return { form: { channel, businessName: '个体经营（餐饮）', startDate: day }, documents: ['id_card', 'business_license'] };
    return { form: { channel, startDate: day }, documents: ['id_card', 'flexible_declaration'] };
  }
}

/** 失业登记: working-age people without work, eligible on the day they apply. Returns those approved, with the day. */
function planUnemployment(plan: CasePlanner, candidates: CandidatePerson[]): Registered[] {
  const { r, o, pick } = plan;
  const unemployed = candidates.filter((p) => p.employmentStatus === 'unemployed_unregistered');
  const registered: Registered[] = [];
  for (const person of unemployed.slice(0, o.unemployment)) {
    const final = FINAL.pick(r);
    const start = plan.startDay(person, final);
    const facts = { birthDate: person.birthDate, sex: person.sex, employmentStatus: 'unemployed_unregistered' as const, ...(person.femaleRetirementCategory ? { femaleRetirementCategory: person.femaleRetirementCategory } : {}) };
    if (checkUnemploymentEligibility(facts, start).length > 0 || checkUnemploymentEligibility(facts, addDays(start, 20)).length > 0) continue;
    const since = addDays(start, -10 - Math.floor(r() * 60));
    const employer = o.enterprises.length > 0 && r() < 0.7 ? pick(o.enterprises).name : null;
    const complete = final !== 'draft' || r() < 0.5;
    const end = plan.schedule({
      type: 'unemployment_registration', person,
      form: { unemployedSince: since, unemploymentCause: employer ? pick(CAUSES.slice(0, 4)) : pick(CAUSES), lastEmployer: employer, drawingUnemploymentInsurance: employer && r() < 0.4 ? 'yes' : 'no', jobWanted: r() < 0.6 ? pick(['普工', '仓库管理', '文员', '电工', '销售', '保洁']) : null, trainingWanted: r() < 0.2 ? '电工证培训' : null },
      documents: complete ? ['id_card', 'self_declaration'] : ['id_card'],
    }, start, final);
    if (end && final === 'approved') registered.push({ person, approvedOn: end });
  }
  return registered;
}

/** 就业登记: some registered unemployed find work; employers file for people already at work. Returns the ids of those hired. */
function planEmployment(plan: CasePlanner, candidates: CandidatePerson[], registered: Registered[]): Set<number> {
  const { r, o } = plan;
  const employedPeople = candidates.filter((p) => p.employmentStatus === 'employed');
  const hires = [...registered.filter(() => r() < 0.45).map((x) => ({ person: x.person, after: addDays(x.approvedOn, 20 + Math.floor(r() * 150)) })), ...employedPeople.slice(0, o.employment).map((person) => ({ person, after: o.from }))].slice(0, o.employment);
  for (const { person, after } of hires) {
    if (after >= o.asOf) continue;
    const final = FINAL.pick(r);
    const start = plan.startDay(person, final, after);
    const { form, documents } = plan.employmentForm(start);
    plan.schedule({ type: 'employment_registration', person, form, documents }, start, final);
  }
  return new Set(hires.map((h) => h.person.id));
}

/** 就业困难人员认定 for registered unemployed people not hired, and 补贴申请 after it. */
function planCertificationsAndSubsidies(plan: CasePlanner, stillRegistered: Registered[]): void {
  const { r, o } = plan;
  for (const { person, approvedOn } of stillRegistered.slice(0, o.certifications)) {
    const final = FINAL.pick(r);
    const start = plan.startDay(person, final, addDays(approvedOn, 5));
    const { category, documents } = difficultyCategory(person, start);
    const end = plan.schedule({ type: 'difficulty_certification', person, form: { category, validFrom: start, validTo: null, evidenceNote: null }, documents: ['id_card', 'difficulty_application', ...documents] }, start, final);
    if (end && final === 'approved' && r() < Math.min(1, o.subsidies / Math.max(1, o.certifications) * 1.6)) {
      const subsidyFinal = FINAL.pick(r);
      const subsidyStart = plan.startDay(person, subsidyFinal, addDays(end, 10));
      // 灵活就业社保补贴 for half a year: about two thirds of the contributions, in whole yuan.
      const amountFen = String((3_000 + Math.floor(r() * 4_000)) * 100);
      plan.schedule({ type: 'subsidy_application', person, form: { subsidyCode: 'flexible_social_insurance', periodFrom: subsidyStart.slice(0, 8) + '01', periodTo: null, requestedAmountFen: amountFen }, documents: ['id_card', 'subsidy_application_form', 'bank_account'] }, subsidyStart, subsidyFinal);
    }
  }
}

/** Employers' subsidies: 社会保险补贴, 一次性吸纳就业补贴 and 一次性扩岗补助, a few hundred applications a county. */
function planEmployerSubsidies(plan: CasePlanner): void {
  const { r, o, pick } = plan;
  const employers = o.enterprises.filter(() => r() < 0.04).slice(0, Math.ceil(o.subsidies / 2));
  for (const enterprise of employers) {
    const final = FINAL.pick(r);
    const earliest = addDays(enterprise.registeredOn, 30);
    if (earliest >= o.asOf) continue;
    const start = weekdayOnOrBefore(addDays(earliest, plan.offset(earliest, final)));
    const [subsidyCode, perHireYuan] = pick([['social_insurance', 2_400], ['hiring_one_time', 1_000], ['job_expansion', 1_500]] as const);
    const hires = 1 + Math.floor(r() * 12);
    plan.schedule({
      type: 'subsidy_application', enterprise,
      form: { subsidyCode, periodFrom: start.slice(0, 8) + '01', periodTo: null, requestedAmountFen: String(hires * perHireYuan * 100) },
      documents: ['business_license', 'subsidy_application_form', 'roster', 'bank_account'],
    }, start, final);
  }
}

export function planCases(driver: SeedDriver, candidates: CandidatePerson[], o: CasePlanOptions): { steps: Step[]; cases: number; registered: Array<{ personId: number; approvedOn: string }> } {
  const plan = new CasePlanner(driver, o);
  const registered = planUnemployment(plan, candidates);
  const hired = planEmployment(plan, candidates, registered);
  planCertificationsAndSubsidies(plan, registered.filter((x) => !hired.has(x.person.id)));
  planEmployerSubsidies(plan);
  return { steps: plan.steps, cases: plan.cases, registered: registered.map((x) => ({ personId: x.person.id, approvedOn: x.approvedOn })) };
}
