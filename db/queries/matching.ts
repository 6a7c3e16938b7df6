import type { PlanCase } from '../statements';
/**
 * 人岗匹配's SQL: the candidates of a ranking, chosen by index before any
 * scoring (README, Benchmark: top 20 among 50,000 open vacancies or 1,000,000
 * persons under 200 ms p95).
 *
 * - Vacancies for a person: open on the day, read from the index alone (vacancies_match),
 *   within the person's intended occupation group when there is one, in the same two
 *   tiers as persons for a vacancy.
 * - Persons for a vacancy: jobseekers (失业 registered or not, not merged)
 *   whose registered intention falls in the vacancy's occupation group, in
 *   two tiers by the intention's range (persons_intention): the vacancy's own
 *   中类 first, the rest of the group only when the first tier cannot fill the
 *   list with scores the second could not beat. Education codes the vacancy's
 *   requirement removes are excluded in SQL and counted apart.
 *
 * Every statement binds its code ranges as `>= from and < to` (codes are
 * X-XX-XX-XX text, so a prefix is a range of the index).
 */
export const JOBSEEKER_STATUSES = ['unemployed_registered', 'unemployed_unregistered'] as const;

const SEEKING = `p.employment_status in ('unemployed_registered', 'unemployed_unregistered') and p.merged_into_id is null`;

/** What the score reads of a vacancy: all in vacancies_match, and the employer's township. */
const SCORED_COLUMNS = `v.id, v.occupation_code as occupationCode, v.salary_min_fen as salaryMinFen, v.salary_max_fen as salaryMaxFen,
  v.education_code as educationCode, v.work_place as workPlace, v.valid_to as validTo, v.enterprise_id as enterpriseId, e.township_code as townshipCode`;

const VACANCY_COLUMNS = `${SCORED_COLUMNS}, v.title, e.name as enterpriseName`;

export const MATCHING_SQL = {
  /** One tier of candidates; the last parameter is a JSON array of the requirements (education codes) the person falls below. */
  vacanciesInRange: `select ${SCORED_COLUMNS} from vacancies v indexed by vacancies_match join enterprises e on e.id = v.enterprise_id
     where v.status = 'open' and v.occupation_code >= ? and v.occupation_code < ? and v.valid_to >= ? and v.valid_from <= ?
       and (v.education_code is null or v.education_code not in (select value from json_each(?)))`,
  removedVacancies: `select count(*) as n from vacancies v indexed by vacancies_match
     where v.status = 'open' and v.occupation_code >= ? and v.occupation_code < ? and v.valid_to >= ? and v.valid_from <= ?
       and v.education_code in (select value from json_each(?))`,
  removedVacancyNames: `select v.title, e.name as enterpriseName, v.education_code as educationCode from vacancies v indexed by vacancies_match join enterprises e on e.id = v.enterprise_id
     where v.status = 'open' and v.occupation_code >= ? and v.occupation_code < ? and v.valid_to >= ? and v.valid_from <= ?
       and v.education_code in (select value from json_each(?)) order by v.id limit ?`,
  /** The shown ones' titles and employers, by a JSON array of ids. */
  vacancyNames: `select v.id, v.title, e.name as enterpriseName from vacancies v join enterprises e on e.id = v.enterprise_id where v.id in (select value from json_each(?))`,
  vacancy: `select ${VACANCY_COLUMNS}, v.status, v.valid_from as validFrom from vacancies v join enterprises e on e.id = v.enterprise_id where v.id = ?`,
  person: `select id, name, residence_township_code as townshipCode, intended_occupation_code as occupationCode, intended_place as intendedPlace,
     intended_salary_min_fen as payMinFen, intended_salary_max_fen as payMaxFen, education_code as educationCode, merged_into_id as mergedIntoId
     from persons where id = ?`,
  /** One tier of candidates; the last parameter is a JSON array of the education codes the requirement removes. */
  seekersInRange: `select p.id, p.residence_township_code as townshipCode, p.intended_occupation_code as occupationCode,
     p.intended_place as intendedPlace, p.intended_salary_min_fen as payMinFen, p.intended_salary_max_fen as payMaxFen, p.education_code as educationCode
     from persons p indexed by persons_intention
     where p.intended_occupation_code >= ? and p.intended_occupation_code < ? and ${SEEKING}
       and (p.education_code is null or p.education_code not in (select value from json_each(?)))`,
  /** The shown ones' names and phones, by a JSON array of ids. */
  seekerNames: 'select id, name, phone from persons where id in (select value from json_each(?))',
  removedSeekers: `select count(*) as n from persons p indexed by persons_intention
     where p.intended_occupation_code >= ? and p.intended_occupation_code < ? and ${SEEKING}
       and p.education_code in (select value from json_each(?))`,
  removedSeekerNames: `select p.name from persons p indexed by persons_intention
     where p.intended_occupation_code >= ? and p.intended_occupation_code < ? and ${SEEKING}
       and p.education_code in (select value from json_each(?)) order by p.id limit ?`,
} as const;

/** The codes starting with `prefix` as an index range [from, to): '4-02' → ['4-02', '4-03'), '4' → ['4', '5'). */
export function prefixRange(prefix: string): [string, string] {
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`];
}

const DAY = '2026-11-27';
const FAILING = '["70","80"]';
const IDS = '[1,2]';

/** Each statement as it runs, for tests/integration/query-plans.test.ts: none reads persons or vacancies in full. */
export const PLAN_CASES: Record<keyof typeof MATCHING_SQL, PlanCase> = {
  vacanciesInRange: { sql: MATCHING_SQL.vacanciesInRange, params: ['4-02', '4-03', DAY, DAY, FAILING], uses: [/SEARCH v USING COVERING INDEX vacancies_match/] },
  removedVacancies: { sql: MATCHING_SQL.removedVacancies, params: ['4', '5', DAY, DAY, FAILING], uses: [/SEARCH v USING COVERING INDEX vacancies_match/] },
  // Reads the rows it names (at most ten), for their titles.
  removedVacancyNames: { sql: MATCHING_SQL.removedVacancyNames, params: ['4', '5', DAY, DAY, FAILING, 10], uses: [/SEARCH v USING INDEX vacancies_match/] },
  vacancyNames: { sql: MATCHING_SQL.vacancyNames, params: [IDS], uses: [/SEARCH v USING INTEGER PRIMARY KEY/] },
  vacancy: { sql: MATCHING_SQL.vacancy, params: [1], uses: [/SEARCH v USING INTEGER PRIMARY KEY/] },
  person: { sql: MATCHING_SQL.person, params: [1], uses: [/SEARCH persons USING INTEGER PRIMARY KEY/] },
  seekersInRange: { sql: MATCHING_SQL.seekersInRange, params: ['4-02', '4-03', FAILING], uses: [/SEARCH p USING COVERING INDEX persons_intention/] },
  seekerNames: { sql: MATCHING_SQL.seekerNames, params: [IDS], uses: [/SEARCH persons USING INTEGER PRIMARY KEY/] },
  removedSeekers: { sql: MATCHING_SQL.removedSeekers, params: ['4', '5', FAILING], uses: [/SEARCH p USING COVERING INDEX persons_intention/] },
  removedSeekerNames: { sql: MATCHING_SQL.removedSeekerNames, params: ['4', '5', FAILING, 10], uses: [/SEARCH p USING INDEX persons_intention/] },
};
