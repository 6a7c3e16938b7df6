import type { ParsedInputOf, TrainingRateList, TrainingRateRow, TrainingRatesReport } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import {
  EVIDENCE_SOURCES, RATE_GROUPINGS, RATE_MEMBERS, TRAINING_RATES, enrolmentOutcomes, rateBreakdown, rateMembers, trainingLabel,
  type ContributionImport, type ContributionRow, type EmploymentEvidence, type RateEnrolment, type RateFacts, type RateGrouping, type TrainingKind, type TrainingRate,
} from '../../shared/domain/training';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { cachedStatement } from '../statements';

/**
 * The facts of the three training rates (shared/domain/training/rates.ts) for
 * the classes that ended in a period, read in a handful of whole-set queries:
 * the trainees of those classes drive every look-up through a CTE, so a year
 * of a city-scale county never passes tens of thousands of ids as parameters.
 */

const TRAINEES = `
  with period_enrolments as (
    select e.id, e.person_id, e.class_id, c.programme_id, p.provider_id, p.kind, c.start_date, c.end_date, e.status,
           e.assessment_result, e.assessed_on, e.employer_enterprise_id
      from training_classes c
      join training_programmes p on p.id = c.programme_id
      join training_enrolments e on e.class_id = c.id
     where c.end_date between @from and @to and e.status = 'completed' and p.kind in (select value from json_each(@kinds))
  )`;

/** The kind of programme each rate reads: a named list of one rate reads only its kind's trainees. */
const RATE_KINDS: Record<TrainingRate, TrainingKind> = {
  employment: 'employment_skills', entrepreneurship: 'entrepreneurship', retention6: 'employee_upskilling', retention12: 'employee_upskilling',
};

function readFacts(ctx: ServiceContext, from: string, to: string, wanted: ReadonlySet<TrainingRate>): RateFacts {
  const { sqlite } = ctx.database();
  const params = { from, to, kinds: JSON.stringify([...new Set([...wanted].map((rate) => RATE_KINDS[rate]))]) };
  const enrolments = (
    cachedStatement(sqlite, `${TRAINEES}
      select pe.*, exists (select 1 from training_certificates t where t.enrolment_id = pe.id and t.revoked_on is not null) as revoked
        from period_enrolments pe`).all(params) as Array<Record<string, unknown>>
  ).map(
    (r): RateEnrolment => ({
      enrolmentId: r.id as number, personId: r.person_id as number, classId: r.class_id as number, programmeId: r.programme_id as number,
      providerId: r.provider_id as number, kind: r.kind as RateEnrolment['kind'], classStart: r.start_date as string, classEnd: r.end_date as string,
      status: r.status as RateEnrolment['status'], assessmentResult: (r.assessment_result as RateEnrolment['assessmentResult']) ?? null,
      assessedOn: (r.assessed_on as string | null) ?? null, certificateRevoked: r.revoked === 1, employerEnterpriseId: (r.employer_enterprise_id as number | null) ?? null,
    }),
  );
  const evidence: EmploymentEvidence[] = [];
  if (wanted.has('employment')) {
    const trainees = `${TRAINEES}, trainees as (select distinct person_id from period_enrolments where kind = 'employment_skills')`;
    const registrations = cachedStatement(sqlite, `${trainees}
      select k.person_id as personId, json_extract(k.form, '$.startDate') as "on" from trainees t
        join cases k on k.person_id = t.person_id and k.case_type = 'employment_registration' and k.state = 'approved'`).all(params) as Array<{ personId: number; on: string | null }>;
    for (const r of registrations) if (r.on) evidence.push({ personId: r.personId, on: r.on, source: 'employment_registration' });
    const hired = cachedStatement(sqlite, `${trainees}
      select g.person_id as personId, g.state_on as "on" from trainees t
        join guidance_referrals g on g.person_id = t.person_id and g.state = 'hired'`).all(params) as Array<{ personId: number; on: string }>;
    for (const r of hired) evidence.push({ personId: r.personId, on: r.on, source: 'referral_hired' });
    const insured = cachedStatement(sqlite, `${trainees}
      select distinct i.person_id as personId, i.employer_since as "on" from trainees t
        join person_insurance i on i.person_id = t.person_id where i.employer_since is not null`).all(params) as Array<{ personId: number; on: string }>;
    for (const r of insured) evidence.push({ personId: r.personId, on: r.on, source: 'contribution' });
  }
  let imports: ContributionImport[] = [];
  let contributions: ContributionRow[] = [];
  if (wanted.has('retention6') || wanted.has('retention12')) {
    imports = cachedStatement(sqlite, "select id as importId, as_of as asOf from fact_imports where source = 'person_insurance' order by as_of").all() as ContributionImport[];
    contributions = cachedStatement(sqlite, `${TRAINEES}, trainees as (select distinct person_id from period_enrolments where kind = 'employee_upskilling')
      select i.person_id as personId, i.import_id as importId, i.enterprise_id as enterpriseId from trainees t
        join person_insurance i on i.person_id = t.person_id`).all(params) as ContributionRow[];
  }
  return { enrolments, evidence, imports, contributions };
}

function periodOf(ctx: ServiceContext, input: { from: string; to: string; asOf?: string | undefined }): { from: string; to: string; asOf: string } {
  if (input.to < input.from) throw new AppError('BAD_INPUT', `期次结束日期止：不能早于起始日期（${input.from}）`, { fields: { to: `不能早于起始日期（${input.from}）` } });
  const asOf = input.asOf ?? ctx.today;
  if (asOf > ctx.today) throw new AppError('BAD_INPUT', `统计日：不能晚于今天（${ctx.today}）`, { fields: { asOf: `不能晚于今天（${ctx.today}）` } });
  return { from: input.from, to: input.to, asOf };
}

function groupNames(ctx: ServiceContext): Record<Exclude<RateGrouping, 'all'>, Map<number, string>> {
  const { sqlite } = ctx.database();
  const pairs = (sql: string) => new Map((cachedStatement(sqlite, sql).all() as Array<{ id: number; name: string }>).map((r) => [r.id, r.name]));
  return {
    programme: pairs('select id, name from training_programmes'),
    provider: pairs('select id, name from training_providers'),
    class: pairs("select c.id, c.class_number || '（' || p.name || '）' as name from training_classes c join training_programmes p on p.id = c.programme_id"),
  };
}

// One collator for the whole sort: localeCompare builds one per call, seconds for a city's 2,000 classes.
const BY_NAME = new Intl.Collator('zh-CN');

/** The rates for classes that ended in [from, to], as of `asOf`: the whole period, then per provider, programme and class. */
export function rates(ctx: ServiceContext, input: ParsedInputOf<'training.rates'>): TrainingRatesReport {
  const period = periodOf(ctx, input);
  const codes = TRAINING_RATES.map(([code]) => code);
  const facts = readFacts(ctx, period.from, period.to, new Set(codes));
  const breakdowns = new Map(codes.map((rate) => [rate, rateBreakdown(enrolmentOutcomes(facts, rate, period.asOf))]));
  const names = groupNames(ctx);
  const rows: TrainingRateRow[] = [];
  for (const grouping of (['all', 'provider', 'programme', 'class'] as const).filter((g) => RATE_GROUPINGS.includes(g))) {
    const ids = new Set<number>();
    for (const b of breakdowns.values()) for (const id of b[grouping].keys()) ids.add(id);
    if (grouping === 'all') ids.add(0);
    const named = [...ids].map((id) => ({ id, name: grouping === 'all' ? '全部期次' : (names[grouping].get(id) ?? '') })).sort((a, b) => BY_NAME.compare(a.name, b.name));
    for (const { id, name } of named) {
      const figures = Object.fromEntries(codes.map((rate) => [rate, breakdowns.get(rate)![grouping].get(id) ?? null])) as TrainingRateRow['figures'];
      rows.push({ grouping, groupId: id, name, figures });
    }
  }
  return { ...period, rows };
}

const LIST_LIMIT = 2000;

/** The persons behind one number of the rates, each with what decided it. */
export function rateList(ctx: ServiceContext, input: ParsedInputOf<'training.rateList'>): TrainingRateList {
  const period = periodOf(ctx, input);
  const facts = readFacts(ctx, period.from, period.to, new Set([input.rate]));
  const members = rateMembers(enrolmentOutcomes(facts, input.rate, period.asOf), input.grouping, input.groupId, input.member);
  const { sqlite } = ctx.database();
  const shown = members.slice(0, LIST_LIMIT);
  const personStatement = cachedStatement(sqlite, 'select id, name, id_number from persons where id = ?');
  const classStatement = cachedStatement(sqlite, 'select class_number from training_classes where id = ?');
  const groupName = input.grouping === 'all' ? '全部期次' : (groupNames(ctx)[input.grouping].get(input.groupId) ?? '');
  const outcomeLabel = { yes: input.rate === 'entrepreneurship' ? '合格' : input.rate === 'employment' ? '已就业' : '仍在原单位', no: input.rate === 'entrepreneurship' ? '不合格或证书已撤销' : input.rate === 'employment' ? '期内未就业' : '已离开原单位', pending: '观察期未满' };
  return {
    title: `${trainingLabel(TRAINING_RATES, input.rate)} · ${groupName} · ${trainingLabel(RATE_MEMBERS, input.member)}（期次结束于 ${period.from} 至 ${period.to}，统计日 ${period.asOf}）`,
    total: members.length,
    items: shown.map((o) => {
      const person = personStatement.get(o.enrolment.personId) as { id: number; name: string; id_number: string };
      const cls = classStatement.get(o.enrolment.classId) as { class_number: string };
      return {
        personId: person.id, personName: person.name, idNumberMasked: maskIdNumber(person.id_number), classNumber: cls.class_number, classEnd: o.enrolment.classEnd,
        outcome: o.outcome, outcomeLabel: outcomeLabel[o.outcome],
        evidence: o.evidence ? `${trainingLabel(EVIDENCE_SOURCES, o.evidence.source)} ${o.evidence.on}` : '', evidenceSource: o.evidence?.source ?? null, windowEnd: o.windowEnd,
      };
    }),
  };
}
