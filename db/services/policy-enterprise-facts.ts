/**
 * Fact snapshots of enterprises for the policy engine (政策找企): the
 * employer's insurance data (社保单位), the hires its 社保个人 rows show — each
 * hired person judged on the day of the hire (a graduate then, registered
 * unemployed and 16–24 then) — and the subsidies the desk approved for it.
 */
import { inArray } from 'drizzle-orm';
import { addMonths, wholeMonthsBetween } from '../../shared/domain/calendar';
import type { Entitlement, FactSnapshot } from '../../shared/domain/policies';
import type { DrizzleDb } from '../open';
import { approvedCasesOfEnterprises, employerInsuranceRows, foundingDates, hiresOf, latestImport, registryHeadcounts } from '../queries/policies';
import { enterprises } from '../schema';
import { connectionOf } from '../statements';
import { enjoyedIn, entitlementOf, personFacts } from './policy-facts';

const percent = (part: number, whole: number | null) => (whole ? Math.round((part / whole) * 10_000) / 100 : null);

interface HireCounts {
  keyGroup: number;
  graduate: number;
  youthUnemployed: number;
}

/** Hires from 1 January to `on` that the employer has paid for at least three months by `on`. */
function hireCounts(db: DrizzleDb, ids: number[], on: string): Map<number, HireCounts> | null {
  const sqlite = connectionOf(db);
  const importId = latestImport(sqlite, 'person_insurance', on);
  if (importId === null) return null;
  const hires = hiresOf(sqlite, importId, ids, `${on.slice(0, 4)}-01-01`, addMonths(on, -3));
  const counts = new Map<number, HireCounts>(ids.map((id) => [id, { keyGroup: 0, graduate: 0, youthUnemployed: 0 }]));
  const byDay = new Map<string, typeof hires>();
  for (const hire of hires) byDay.set(hire.since, [...(byDay.get(hire.since) ?? []), hire]);
  for (const [day, onDay] of byDay) {
    const facts = personFacts(db, onDay.map((h) => h.personId), day);
    for (const hire of onDay) {
      const person = facts.get(hire.personId);
      const count = counts.get(hire.enterpriseId);
      if (!person || !count) continue;
      const groups = (person.keyGroups ?? []) as readonly string[];
      if (person.certified === true || groups.includes('low_income')) count.keyGroup += 1;
      if (groups.includes('graduate_this_year') || groups.includes('graduate_unemployed_2y')) count.graduate += 1;
      const age = Number(person.age);
      if (age >= 16 && age <= 24 && Number(person.registeredUnemployedMonths) >= 0 && person.employmentStatus === 'registered_unemployed') count.youthUnemployed += 1;
    }
  }
  return counts;
}

export function enterpriseFacts(db: DrizzleDb, ids: number[], on: string): Map<number, FactSnapshot> {
  const result = new Map<number, FactSnapshot>();
  if (ids.length === 0) return result;
  const sqlite = connectionOf(db);
  const rows = db.select().from(enterprises).where(inArray(enterprises.id, ids)).all();
  const employerImport = latestImport(sqlite, 'employer_insurance', on);
  const insurance = new Map((employerImport === null ? [] : employerInsuranceRows(sqlite, employerImport, ids)).map((r) => [r.enterpriseId, r]));
  const headcounts = new Map(registryHeadcounts(sqlite, ids, on).map((h) => [h.enterpriseId, h.insuredCount]));
  const founded = new Map(foundingDates(sqlite, ids).map((f) => [f.enterpriseId, f.foundedOn]));
  const hires = hireCounts(db, ids, on);
  const cases = approvedCasesOfEnterprises(sqlite, ids);
  for (const row of rows) {
    const data = insurance.get(row.id);
    const entitlements = cases.filter((m) => m.enterpriseId === row.id).map(entitlementOf).filter((e): e is Entitlement => e !== null);
    const count = hires?.get(row.id);
    const foundedOn = founded.get(row.id);
    result.set(row.id, {
      insuredHeadcount: data?.insuredHeadcount ?? headcounts.get(row.id) ?? null,
      insuredHeadcountChangePct: data && data.headcountYearAgo !== null ? percent(data.insuredHeadcount - data.headcountYearAgo, data.headcountYearAgo) : null,
      layoffRatePct: data && data.reductionsLastYear !== null ? percent(data.reductionsLastYear, data.headcountStartLastYear) : null,
      unemploymentInsuranceContributionsLastYearFen: data?.uiPaidLastYearFen ?? null,
      contributionArrears: data ? data.arrears === 1 : null,
      keyGroupHiresInPeriod: count?.keyGroup ?? null,
      graduateHiresInPeriod: count?.graduate ?? null,
      youthUnemployedHiresInPeriod: count?.youthUnemployed ?? null,
      sizeClass: row.sizeClass,
      enterpriseAgeMonths: foundedOn ? wholeMonthsBetween(foundedOn, on) : null,
      enjoyedPolicies: enjoyedIn(entitlements, on),
      entitlements,
    });
  }
  return result;
}
