/**
 * Fact snapshots for the policy engine (shared/domain/policies): what the
 * desk knows of a person on a day — the registry, the cases decided for
 * them, and the other departments' latest data — read for a batch of persons
 * at once and frozen into plain objects. The engine never reads the database;
 * a decision stores the snapshot it was drawn from.
 *
 * Unknown stays null: a department's data counts only once a file of that
 * department has been imported (then someone not on its death list is not
 * dead); what the desk itself records (公益性岗位, 灵活就业 registrations, the
 * subsidies it approved) is known.
 */
import { addMonths, wholeMonthsBetween } from '../../shared/domain/calendar';
import { CERTIFICATE_LEVELS, personDateFacts, type BirthFacts, type Entitlement, type FactSnapshot } from '../../shared/domain/policies';
import { certificateLevelOf, higherCertificateLevel } from '../../shared/domain/certificate-levels';
import { isHigherEducation } from '../../shared/domain/key-groups';
import type { DrizzleDb } from '../open';
import { approvedCasesOfPersons, deathsOf, importedRows, latestImport, qualificationsOf, snapshotPersonsOf, type DepartmentTable, type ApprovedCaseRow, type SnapshotPerson } from '../queries/policies';
import { connectionOf } from '../statements';
import { certificationsOfMany, keyGroupsOf } from './person-derived';
import { entitlementsElsewhere } from './province-feed';

type Form = Record<string, unknown>;
const formOf = (m: ApprovedCaseRow): Form => JSON.parse(m.form) as Form;
const inForce = (m: ApprovedCaseRow, on: string) => (m.acceptedOn ?? '') <= on && (m.endedOn === null || m.endedOn > on);

/** What an approved subsidy application paid for, as the engine's limits and exclusions read it. */
export function entitlementOf(m: ApprovedCaseRow): Entitlement | null {
  if (m.caseType !== 'subsidy_application' || !m.itemCode) return null;
  const form = formOf(m);
  const decided = (m.decidedAt ?? m.acceptedOn ?? '').slice(0, 10);
  const from = typeof form.periodFrom === 'string' && form.periodFrom ? form.periodFrom : decided;
  const to = typeof form.periodTo === 'string' && form.periodTo ? form.periodTo : from;
  const months = to > from ? wholeMonthsBetween(from, addDaysSafe(to)) : 0;
  return { policyCode: m.itemCode, from, to, months, amountFen: Number(form.requestedAmountFen ?? 0) };
}

/** The day after `to`: a period 2026-01-01 … 2026-06-30 is six whole months. */
function addDaysSafe(to: string): string {
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Policy codes of entitlements whose period meets the calendar year of `on`. */
export function enjoyedIn(entitlements: readonly Entitlement[], on: string): string[] {
  const year = on.slice(0, 4);
  return [...new Set(entitlements.filter((e) => e.from.slice(0, 4) <= year && e.to.slice(0, 4) >= year).map((e) => e.policyCode))];
}

function group<T>(rows: T[], key: (row: T) => number | null): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

/** Months of [on − 12 months, on] covered by cases in force at some time in it. */
function monthsLast12(cases: ApprovedCaseRow[], on: string): number {
  if (cases.length === 0) return 0;
  const windowStart = addMonths(on, -12);
  let months = 0;
  for (const m of cases) {
    const from = [m.acceptedOn ?? on, windowStart].sort().at(-1)!;
    const to = [m.endedOn ?? on, on].sort()[0]!;
    months += wholeMonthsBetween(from, to);
  }
  return Math.min(12, months);
}

/**
 * Age and months to retirement depend on the birth alone (and the day): a
 * county of a million has some 70,000 births (date, sex, retirement category),
 * so a sweep works each out once. personDateFacts is pure; the memo only
 * saves time, and is dropped when the day changes or it grows large.
 */
const dateFacts = { on: '', byBirth: new Map<string, ReturnType<typeof personDateFacts>>() };
function dateFactsOf(born: BirthFacts, on: string): ReturnType<typeof personDateFacts> {
  if (dateFacts.on !== on || dateFacts.byBirth.size >= 200_000) {
    dateFacts.on = on;
    dateFacts.byBirth.clear();
  }
  const key = `${born.birthDate}|${born.sex}|${born.femaleRetirementCategory ?? ''}`;
  let facts = dateFacts.byBirth.get(key);
  if (facts === undefined) {
    facts = personDateFacts(born, on);
    dateFacts.byBirth.set(key, facts);
  }
  return facts;
}

type Keyed<T> = T & { person_id: number };
interface DepartmentRows {
  insurance: Map<number, Keyed<{ months_total: number; months_last12: number }>[]> | null;
  assistance: Map<number, Keyed<{ kind: string; from_date: string | null; to_date: string | null }>[]> | null;
  businesses: Map<number, Keyed<{ founded_on: string; operating: number }>[]> | null;
  disabilities: Map<number, Keyed<{ valid_to: string | null }>[]> | null;
  deaths: Set<number> | null;
}

function departmentRows(db: DrizzleDb, ids: number[], on: string): DepartmentRows {
  const sqlite = connectionOf(db);
  const latest = <T extends { person_id: number }>(source: string, table: DepartmentTable) => {
    const importId = latestImport(sqlite, source, on);
    return importId === null ? null : group(importedRows<T>(sqlite, table, importId, ids), (r) => r.person_id);
  };
  const anyDeathList = latestImport(sqlite, 'deaths', on) !== null;
  return {
    insurance: latest<Keyed<{ months_total: number; months_last12: number }>>('person_insurance', 'insurance'),
    assistance: latest<Keyed<{ kind: string; from_date: string | null; to_date: string | null }>>('assistance', 'assistance'),
    businesses: latest<Keyed<{ founded_on: string; operating: number }>>('business_registrations', 'businesses'),
    disabilities: latest<Keyed<{ valid_to: string | null }>>('disability_certificates', 'disabilities'),
    deaths: anyDeathList ? new Set(deathsOf(sqlite, ids, on)) : null,
  };
}

/** The snapshots of `ids` on `on` (merged records are left out: their facts live on the record they went into). */
export function personFacts(db: DrizzleDb, ids: number[], on: string): Map<number, FactSnapshot> {
  const result = new Map<number, FactSnapshot>();
  if (ids.length === 0) return result;
  const sqlite = connectionOf(db);
  // One kept statement over a JSON array of ids, only the columns the facts read.
  const rows = snapshotPersonsOf(sqlite, ids);
  const certifications = certificationsOfMany(db, ids);
  const cases = group(approvedCasesOfPersons(sqlite, ids), (m) => m.personId);
  const qualifications = group(qualificationsOf(sqlite, ids), (q) => q.personId);
  const department = departmentRows(db, ids, on);
  const elsewhere = entitlementsElsewhere(db, rows.map((r) => r.idNumber));
  for (const row of rows) {
    if (row.mergedIntoId !== null) continue;
    result.set(row.id, snapshotOf(row, on, {
      elsewhere: elsewhere.get(row.idNumber) ?? [],
      certifications: certifications.get(row.id) ?? [],
      cases: cases.get(row.id) ?? [],
      qualifications: qualifications.get(row.id) ?? [],
      department,
    }));
  }
  return result;
}

function snapshotOf(
  row: SnapshotPerson,
  on: string,
  known: { elsewhere: Entitlement[]; certifications: ReturnType<typeof certificationsOfMany> extends Map<number, infer C> ? C : never; cases: ApprovedCaseRow[]; qualifications: Array<{ level: string | null; issuedOn: string | null }>; department: DepartmentRows },
): FactSnapshot {
  const { cases, department } = known;
  const born = { birthDate: row.birthDate, sex: row.sex, femaleRetirementCategory: row.femaleRetirementCategory ?? undefined };
  const certification = known.certifications.find((c) => c.validFrom <= on && (c.validTo === null || c.validTo >= on) && (c.endedOn === null || c.endedOn > on));
  const certificationCase = certification ? cases.find((m) => m.caseType === 'difficulty_certification' && formOf(m).validFrom === certification.validFrom) : undefined;
  const registration = cases.find((m) => m.caseType === 'unemployment_registration' && inForce(m, on));
  const employment = cases.filter((m) => m.caseType === 'employment_registration');
  const welfarePosts = employment.filter((m) => formOf(m).channel === 'public_welfare_post');
  const higher = isHigherEducation(row.educationCode);
  // Subsidies paid in other counties (the province's feed) count as this person's own for limits and exclusions.
  const entitlements = [...cases.map(entitlementOf).filter((e): e is Entitlement => e !== null), ...known.elsewhere];
  const insurance = department.insurance?.get(row.id)?.[0];
  const assistance = department.assistance?.get(row.id)?.find((a) => (a.from_date ?? '') <= on && (a.to_date === null || a.to_date >= on));
  const business = department.businesses?.get(row.id)?.filter((b) => b.operating === 1).sort((a, b) => a.founded_on.localeCompare(b.founded_on))[0];
  const certificate = known.qualifications.reduce<{ level: string; issuedOn: string | null }>(
    (best, q) => {
      const level = certificateLevelOf(q.level);
      return higherCertificateLevel(CERTIFICATE_LEVELS, level, best.level) === level && level !== best.level ? { level, issuedOn: q.issuedOn } : best;
    },
    { level: 'none', issuedOn: null },
  );
  // One literal with every property named (no spread): V8 builds it in one step instead of growing it.
  const { age, monthsToRetirement } = dateFactsOf(born, on);
  return {
    age,
    monthsToRetirement,
    sex: row.sex,
    householdType: row.householdType,
    keyGroups: keyGroupsOf(row, on, known.certifications).map((t) => t.code),
    certified: certification !== undefined,
    certificationCategory: certification ? ((certificationCase ? (formOf(certificationCase).category as string | undefined) : undefined) ?? null) : 'none',
    employmentStatus: row.employmentStatus,
    registeredUnemployedMonths: registration ? wholeMonthsBetween(registration.acceptedOn ?? on, on) : 0,
    higherEducation: higher,
    graduationDate: row.graduationDate,
    monthsSinceGraduation: higher && row.graduationDate ? wholeMonthsBetween(row.graduationDate, on) : null,
    graduatedThisYear: higher && row.graduationDate !== null && row.graduationDate.slice(0, 4) === on.slice(0, 4),
    contributionMonths: insurance?.months_total ?? null,
    contributionMonthsLast12: insurance?.months_last12 ?? null,
    onPublicWelfarePost: welfarePosts.some((m) => inForce(m, on)),
    publicWelfarePostMonthsLast12: monthsLast12(welfarePosts, on),
    lowIncomeStatus: department.assistance ? (assistance?.kind ?? 'none') : row.lowIncomeStatus,
    disabled: row.disabilityGrade !== null || (department.disabilities?.get(row.id)?.some((d) => d.valid_to === null || d.valid_to >= on) ?? (department.disabilities ? false : null)),
    deceased: department.deaths ? department.deaths.has(row.id) : null,
    foundedEnterprise: department.businesses ? business !== undefined : null,
    foundedEnterpriseMonths: business ? wholeMonthsBetween(business.founded_on, on) : null,
    certificateLevel: certificate.level,
    certificateMonthsAgo: certificate.issuedOn ? wholeMonthsBetween(certificate.issuedOn, on) : null,
    flexibleEmployment: employment.some((m) => formOf(m).channel === 'flexible' && inForce(m, on)),
    enjoyedPolicies: enjoyedIn(entitlements, on),
    entitlements,
  };
}
