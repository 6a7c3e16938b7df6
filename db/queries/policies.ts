/**
 * The reads a policy fact snapshot is built from (db/services/policy-facts.ts,
 * policy-enterprise-facts.ts), for a batch of persons or enterprises at once:
 * the sweep reads a county's million persons in slices, so each is one
 * statement over a JSON array of ids (json_each, which drizzle cannot write),
 * kept prepared per connection. Department data comes from the latest import
 * of each source whose 数据截止日期 is on or before the evaluation day.
 */
import type Database from 'better-sqlite3';
import type { KeyGroupRow } from '../services/person-derived';
import { cachedStatement, type PlanCase } from '../statements';

const IDS = 'in (select value from json_each(?))';

export const POLICIES_SQL = {
  approvedCases: `select person_id as personId, enterprise_id as enterpriseId, case_type as caseType, form, item_code as itemCode,
            accepted_on as acceptedOn, decided_at as decidedAt, ended_on as endedOn
     from cases where person_id ${IDS} and state = 'approved'
       and case_type in ('unemployment_registration', 'employment_registration', 'difficulty_certification', 'subsidy_application')
     order by id`,
  approvedEnterpriseCases: `select person_id as personId, enterprise_id as enterpriseId, case_type as caseType, form, item_code as itemCode,
            accepted_on as acceptedOn, decided_at as decidedAt, ended_on as endedOn
     from cases where enterprise_id ${IDS} and state = 'approved' and case_type = 'subsidy_application'
     order by id`,
  latestImport: 'select id from fact_imports where source = ? and as_of <= ? order by as_of desc, id desc limit 1',
  insurance: `select person_id, months_total, months_last12 from person_insurance where import_id = ? and person_id ${IDS}`,
  assistance: `select person_id, kind, from_date, to_date from person_assistance where import_id = ? and person_id ${IDS}`,
  businesses: `select person_id, founded_on, operating from person_businesses where import_id = ? and person_id ${IDS}`,
  disabilities: `select person_id, valid_to from person_disabilities where import_id = ? and person_id ${IDS}`,
  deaths: `select d.person_id as personId from person_deaths d join fact_imports i on i.id = d.import_id
     where d.person_id ${IDS} and i.as_of <= ? and d.died_on <= ?`,
  qualifications: `select person_id as personId, level, issued_on as issuedOn from person_qualifications where person_id ${IDS}`,
  employerInsurance: `select enterprise_id as enterpriseId, insured_headcount as insuredHeadcount, headcount_year_ago as headcountYearAgo,
            headcount_start_last_year as headcountStartLastYear, reductions_last_year as reductionsLastYear,
            ui_paid_last_year_fen as uiPaidLastYearFen, arrears
     from employer_insurance where import_id = ? and enterprise_id ${IDS}`,
  registryHeadcounts: `select h.enterprise_id as enterpriseId, h.insured_count as insuredCount from enterprise_headcounts h
     where h.enterprise_id ${IDS} and h.as_of <= ?
       and h.id = (select h2.id from enterprise_headcounts h2 where h2.enterprise_id = h.enterprise_id and h2.as_of <= ? order by h2.as_of desc, h2.id desc limit 1)`,
  hires: `select enterprise_id as enterpriseId, person_id as personId, employer_since as since from person_insurance
     where import_id = ? and enterprise_id ${IDS} and employer_since between ? and ?`,
  foundingDates: `select enterprise_id as enterpriseId, min(founded_on) as foundedOn from person_businesses where enterprise_id ${IDS} group by enterprise_id`,
  // A fact snapshot's person: only the columns the facts are made from (a sweep reads a county's million).
  snapshotPersons: `select id, id_number as idNumber, merged_into_id as mergedIntoId, birth_date as birthDate, sex, female_retirement_category as femaleRetirementCategory,
            household_type as householdType, education_code as educationCode, graduation_date as graduationDate, employment_status as employmentStatus,
            is_veteran as isVeteran, disability_grade as disabilityGrade, low_income_status as lowIncomeStatus
     from persons where id ${IDS}`,
  // The sweep's page (db/services/policy-sweep.ts): kept prepared, as it runs for every 500 of a county's persons.
  duePage: 'select subject_type as subjectType, subject_id as subjectId from policy_subjects where recheck_on <= ? order by recheck_on, subject_type, subject_id limit ?',
  liveFindings: `select id, policy_code as policyCode, subject_id as subjectId, policy_version as policyVersion, result, amount_fen as amountFen, verdict, facts
     from policy_findings where subject_type = ? and subject_id ${IDS} and status in ('open', 'contacted')`,
  insertFinding: `insert into policy_findings (policy_code, policy_version, subject_type, subject_id, result, amount_fen, verdict, facts, status, first_found_at, last_sweep_id, created_at, updated_at, created_by, updated_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
  refreshFinding: `update policy_findings set policy_version = ?, result = ?, amount_fen = ?, verdict = ?, facts = ?, last_sweep_id = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ?`,
  findingGone: `update policy_findings set status = 'gone', last_sweep_id = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ?`,
  recheck: 'update policy_subjects set recheck_on = ? where subject_type = ? and subject_id = ?',
  birthDates: `select id, birth_date as birthDate from persons where id ${IDS}`,
} as const;

const ONE = '[1]';
export const PLAN_CASES: Record<keyof typeof POLICIES_SQL, PlanCase> = {
  approvedCases: { sql: POLICIES_SQL.approvedCases, params: [ONE], uses: [/SEARCH cases USING INDEX cases_person/] },
  approvedEnterpriseCases: { sql: POLICIES_SQL.approvedEnterpriseCases, params: [ONE], uses: [/SEARCH cases USING INDEX (cases_enterprise|cases_type_state_decided)/] },
  latestImport: { sql: POLICIES_SQL.latestImport, params: ['person_insurance', '2026-12-01'], uses: [/fact_imports_source_as_of/] },
  insurance: { sql: POLICIES_SQL.insurance, params: [1, ONE], uses: [/person_insurance_person/] },
  assistance: { sql: POLICIES_SQL.assistance, params: [1, ONE], uses: [/person_assistance_person/] },
  businesses: { sql: POLICIES_SQL.businesses, params: [1, ONE], uses: [/person_businesses_person/] },
  disabilities: { sql: POLICIES_SQL.disabilities, params: [1, ONE], uses: [/person_disabilities_person/] },
  deaths: { sql: POLICIES_SQL.deaths, params: [ONE, '2026-12-01', '2026-12-01'], uses: [/person_deaths_person/] },
  qualifications: { sql: POLICIES_SQL.qualifications, params: [ONE] },
  employerInsurance: { sql: POLICIES_SQL.employerInsurance, params: [1, ONE], uses: [/employer_insurance_enterprise/] },
  registryHeadcounts: { sql: POLICIES_SQL.registryHeadcounts, params: [ONE, '2026-12-01', '2026-12-01'] },
  hires: { sql: POLICIES_SQL.hires, params: [1, ONE, '2026-01-01', '2026-09-01'], uses: [/person_insurance_enterprise/] },
  foundingDates: { sql: POLICIES_SQL.foundingDates, params: [ONE] },
  // From the index in its order, never a sort of everyone due: at a full sweep of a million that sort cost 0.26 s a page.
  duePage: { sql: POLICIES_SQL.duePage, params: ['2026-12-01', 500], uses: [/^(?![\s\S]*TEMP B-TREE)[\s\S]*COVERING INDEX policy_subjects_due/] },
  liveFindings: { sql: POLICIES_SQL.liveFindings, params: ['person', ONE], uses: [/policy_findings_subject|policy_findings_live/] },
  insertFinding: { sql: POLICIES_SQL.insertFinding, params: ['p', 1, 'person', 1, 'eligible', 0, '{}', '{}', '2026-12-01', null, '2026-12-01', '2026-12-01', null, null] },
  refreshFinding: { sql: POLICIES_SQL.refreshFinding, params: [1, 'eligible', 0, '{}', '{}', null, '2026-12-01', null, 1] },
  findingGone: { sql: POLICIES_SQL.findingGone, params: [null, '2026-12-01', null, 1] },
  recheck: { sql: POLICIES_SQL.recheck, params: ['2026-12-01', 'person', 1], uses: [/policy_subjects_subject/] },
  snapshotPersons: { sql: POLICIES_SQL.snapshotPersons, params: [ONE], uses: [/SEARCH persons USING INTEGER PRIMARY KEY/] },
  birthDates: { sql: POLICIES_SQL.birthDates, params: [ONE], uses: [/SEARCH persons USING INTEGER PRIMARY KEY/] },
};

export interface ApprovedCaseRow {
  personId: number | null;
  enterpriseId: number | null;
  caseType: string;
  form: string;
  itemCode: string | null;
  acceptedOn: string | null;
  decidedAt: string | null;
  endedOn: string | null;
}

const ids = (list: number[]) => JSON.stringify(list);

/** Approved cases of the persons: registrations, certifications and subsidies. */
export function approvedCasesOfPersons(sqlite: Database.Database, list: number[]): ApprovedCaseRow[] {
  return cachedStatement(sqlite, POLICIES_SQL.approvedCases).all(ids(list)) as ApprovedCaseRow[];
}

/** Approved subsidy applications of the enterprises. */
export function approvedCasesOfEnterprises(sqlite: Database.Database, list: number[]): ApprovedCaseRow[] {
  return cachedStatement(sqlite, POLICIES_SQL.approvedEnterpriseCases).all(ids(list)) as ApprovedCaseRow[];
}

/** The latest import of `source` describing a day on or before `on`; null when there is none. */
export function latestImport(sqlite: Database.Database, source: string, on: string): number | null {
  return (cachedStatement(sqlite, POLICIES_SQL.latestImport).get(source, on) as { id: number } | undefined)?.id ?? null;
}

export type DepartmentTable = 'insurance' | 'assistance' | 'businesses' | 'disabilities';

/** Rows of one department's import for the persons `list` (person_id first, then the table's own columns). */
export function importedRows<T>(sqlite: Database.Database, table: DepartmentTable, importId: number, list: number[]): T[] {
  return cachedStatement(sqlite, POLICIES_SQL[table]).all(importId, ids(list)) as T[];
}

/** Persons reported dead by any import up to `on` (a death is not taken back by a later list). */
export function deathsOf(sqlite: Database.Database, list: number[], on: string): number[] {
  return (cachedStatement(sqlite, POLICIES_SQL.deaths).all(ids(list), on, on) as Array<{ personId: number }>).map((d) => d.personId);
}

export type SnapshotPerson = KeyGroupRow & { id: number; idNumber: string; mergedIntoId: number | null };

/** The persons of a snapshot, with only the columns its facts read (is_veteran as SQLite's 0/1 made a boolean). */
export function snapshotPersonsOf(sqlite: Database.Database, list: number[]): SnapshotPerson[] {
  const rows = cachedStatement(sqlite, POLICIES_SQL.snapshotPersons).all(ids(list)) as Array<Omit<SnapshotPerson, 'isVeteran'> & { isVeteran: number | boolean }>;
  for (const row of rows) row.isVeteran = row.isVeteran === 1;
  return rows as SnapshotPerson[];
}

export function qualificationsOf(sqlite: Database.Database, list: number[]): Array<{ personId: number; level: string | null; issuedOn: string | null }> {
  return cachedStatement(sqlite, POLICIES_SQL.qualifications).all(ids(list)) as Array<{ personId: number; level: string | null; issuedOn: string | null }>;
}

export interface EmployerInsuranceRow {
  enterpriseId: number;
  insuredHeadcount: number;
  headcountYearAgo: number | null;
  headcountStartLastYear: number | null;
  reductionsLastYear: number | null;
  uiPaidLastYearFen: number | null;
  arrears: number;
}

export function employerInsuranceRows(sqlite: Database.Database, importId: number, list: number[]): EmployerInsuranceRow[] {
  return cachedStatement(sqlite, POLICIES_SQL.employerInsurance).all(importId, ids(list)) as EmployerInsuranceRow[];
}

/** The registry's own headcount history (visits, surveys, manual entries): the latest on or before `on`. */
export function registryHeadcounts(sqlite: Database.Database, list: number[], on: string): Array<{ enterpriseId: number; insuredCount: number }> {
  return cachedStatement(sqlite, POLICIES_SQL.registryHeadcounts).all(ids(list), on, on) as Array<{ enterpriseId: number; insuredCount: number }>;
}

/** Hires the employers made (from 社保个人: who they pay for, since when) between `from` and `to`, in import `importId`. */
export function hiresOf(sqlite: Database.Database, importId: number, list: number[], from: string, to: string): Array<{ enterpriseId: number; personId: number; since: string }> {
  return cachedStatement(sqlite, POLICIES_SQL.hires).all(importId, ids(list), from, to) as Array<{ enterpriseId: number; personId: number; since: string }>;
}

/** When the registry's businesses were founded, from 市场监管 data. */
export function foundingDates(sqlite: Database.Database, list: number[]): Array<{ enterpriseId: number; foundedOn: string }> {
  return cachedStatement(sqlite, POLICIES_SQL.foundingDates).all(ids(list)) as Array<{ enterpriseId: number; foundedOn: string }>;
}

export interface LiveFinding {
  id: number;
  policyCode: string;
  subjectId: number;
  policyVersion: number;
  result: string;
  amountFen: number | null;
  verdict: string;
  facts: string;
}

export interface SweepStatements {
  duePage(today: string, limit: number): Array<{ subjectType: 'person' | 'enterprise'; subjectId: number }>;
  liveFindings(subjectType: 'person' | 'enterprise', ids: number[]): LiveFinding[];
  insertFinding(values: unknown[]): void;
  refreshFinding(values: unknown[]): void;
  findingGone(values: unknown[]): void;
  recheck(on: string, subjectType: string, subjectId: number): void;
  birthDates(ids: number[]): Array<{ id: number; birthDate: string }>;
}

/** The sweep's statements on one connection (the job's own), prepared once. */
export function sweepStatements(sqlite: Database.Database): SweepStatements {
  return {
    duePage: (today, limit) => cachedStatement(sqlite, POLICIES_SQL.duePage).all(today, limit) as Array<{ subjectType: 'person' | 'enterprise'; subjectId: number }>,
    liveFindings: (subjectType, list) => cachedStatement(sqlite, POLICIES_SQL.liveFindings).all(subjectType, ids(list)) as LiveFinding[],
    insertFinding: (values) => void cachedStatement(sqlite, POLICIES_SQL.insertFinding).run(...values),
    refreshFinding: (values) => void cachedStatement(sqlite, POLICIES_SQL.refreshFinding).run(...values),
    findingGone: (values) => void cachedStatement(sqlite, POLICIES_SQL.findingGone).run(...values),
    recheck: (on, subjectType, subjectId) => void cachedStatement(sqlite, POLICIES_SQL.recheck).run(on, subjectType, subjectId),
    birthDates: (list) => cachedStatement(sqlite, POLICIES_SQL.birthDates).all(ids(list)) as Array<{ id: number; birthDate: string }>,
  };
}
