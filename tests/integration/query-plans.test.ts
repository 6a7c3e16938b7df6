import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as matchingQueries from '../../db/queries/matching';
import * as personsQueries from '../../db/queries/persons';
import * as policiesQueries from '../../db/queries/policies';
import * as reportsQueries from '../../db/queries/reports';
import * as settingsQueries from '../../db/queries/settings';
import * as usersQueries from '../../db/queries/users';
import type { PlanCase } from '../../db/statements';
import { contract } from '../../shared/contract';
import { activeUser } from './accounts-helpers';
import { colleagues, createCase, registerPerson } from './cases-helpers';
import { approve, contact } from './contacts-helpers';
import { recordVisit } from './enterprise-helpers';
import { checkIn, fairWithEnterprises } from './fairs-helpers';
import { expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { captureStatements, describePlan, explain, fullScans, plansOfReads, type ExplainedPlan } from './plan-helpers';
import { PERSON_A } from './persons-data';
import { ZHANG_LI } from './registry-helpers';
import { county } from './reports-helpers';

/**
 * Query plans on a real migrated database (tests/integration/plan-helpers.ts):
 * the SQL kept in db/queries/<domain>.ts statement by statement, and the lists
 * the services build with drizzle as they really run them. None may read a big
 * table from end to end; where a statement was written for an index, it uses it.
 */
const QUERY_MODULES: Record<string, Record<string, unknown>> = {
  matching: matchingQueries,
  persons: personsQueries,
  policies: policiesQueries,
  reports: reportsQueries,
  settings: settingsQueries,
  users: usersQueries,
};

const casesOf = (module: Record<string, unknown>) => module.PLAN_CASES as Record<string, PlanCase>;

/** Each plan's full scans, and the patterns it was expected to show but does not. */
function failures(plans: Array<{ name: string; plan: ExplainedPlan; uses?: RegExp[] }>): string[] {
  return plans.flatMap(({ name, plan, uses }) => [
    ...(fullScans(plan).length ? [`${name} reads a big table in full: ${describePlan(plan)}`] : []),
    ...(uses ?? []).filter((pattern) => !pattern.test(plan.lines.join('\n'))).map((pattern) => `${name} does not use ${pattern}: ${describePlan(plan)}`),
  ]);
}

/** The reads a piece of work runs, explained; `expected` pairs a statement (by its text) with what its plan must show. */
function plansOfWork(ready: ReadyDesk, work: () => void, expected: Array<[RegExp, RegExp]> = []): string[] {
  const captured = captureStatements(ready);
  work();
  const plans = plansOfReads(keyedConnection(ready.dbPath, ready.keyFile), captured);
  const problems = expected.filter(([statement]) => !plans.some((p) => statement.test(p.sql))).map(([statement]) => `no statement ${statement} ran`);
  return [...problems, ...failures(plans.map((plan) => ({ name: plan.sql.slice(0, 60), plan, uses: expected.filter(([statement]) => statement.test(plan.sql)).map(([, uses]) => uses) })))];
}

describe('query plans of the statements kept as SQL', () => {
  it('has a query module only for a domain, and explains every one', () => {
    const domains = new Set(Object.keys(contract).map((m) => m.split('.')[0]!));
    const modules = readdirSync('db/queries').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    expect(modules.filter((m) => !domains.has(m)), 'db/queries/<domain>.ts').toEqual([]);
    expect(Object.keys(QUERY_MODULES).sort()).toEqual(modules);
  });

  it.each(Object.keys(QUERY_MODULES))('gives every statement of db/queries/%s.ts a plan case', (domain) => {
    const module = QUERY_MODULES[domain]!;
    const cases = casesOf(module);
    // Each text of an exported `*_SQL` record is explained as it is written.
    for (const [name, record] of Object.entries(module).filter(([key]) => key.endsWith('_SQL'))) {
      for (const [key, text] of Object.entries(record as Record<string, string>)) expect(cases[key]?.sql, `${name}.${key}`).toBe(text);
    }
    // And nothing runs SQL but from those records (or a drizzle fragment the module builds).
    const source = readFileSync(`db/queries/${domain}.ts`, 'utf8');
    for (const call of source.matchAll(/(?:cachedStatement\(\s*[\w().]+,|\.prepare\()\s*([^)\s,]+)/g)) expect(call[1], call[0]).toMatch(/^[A-Z_]+_SQL(\.\w+|\[\w+\])$/);
  });

  it('reads no big table in full, and uses the indexes the statements were written for', () => {
    const ready = readyDesk();
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    const plans = Object.entries(QUERY_MODULES).flatMap(([domain, module]) =>
      Object.entries(casesOf(module)).map(([name, c]) => ({ name: `${domain}.${name}`, plan: explain(raw, c.sql, c.params), ...(c.uses ? { uses: c.uses } : {}) })),
    );
    expect(failures(plans)).toEqual([]);
    // The check is not blind: a search of cases by their form text reads them all, and so does a walk of an index.
    expect(fullScans(explain(raw, 'select id from cases c where c.form like ?', ['%x%']))).toEqual(['SCAN c']);
    expect(fullScans(explain(raw, 'select id from persons order by name', []))).toHaveLength(1);
  });
});

// Each builds a small county through the router: generous on a shared machine.
describe('query plans of the lists the services build', { timeout: 60_000 }, () => {
  it('reads the follow-up, six-month and review lists and a person’s contacts through indexes', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const a = registerPerson(ready);
    const b = registerPerson(ready, ZHANG_LI);
    approve(ready, lina, a);
    approve(ready, lina, b);
    expectOk(contact(sunli.call, a));
    const problems = plansOfWork(
      ready,
      () => {
        expectOk(sunli.call('contacts.listForPerson', { personId: a }));
        expectOk(sunli.call('contacts.followUpsDue', {}));
        expectOk(lina.call('registrations.noContactProposals', {}));
        expectOk(lina.call('certifications.reviewsDue', { withinDays: 366 }));
        expectOk(lina.call('registrations.forPerson', { personId: a }));
      },
      [
        [/"cases"\."follow_up_due"|"follow_up_due" < \?/, /SEARCH cases USING INDEX cases_(in_force|type_state_decided)/],
        [/not exists \(select 1 from "person_contacts"/, /SEARCH person_contacts USING COVERING INDEX person_contacts_person_date \(person_id=\? AND contact_date>\?\)/],
        [/not exists \(select 1 from "guidance_sessions"/, /SEARCH guidance_sessions USING COVERING INDEX guidance_sessions_person_date \(person_id=\? AND session_date>\?\)/],
        [/as "last_contact"/, /SEARCH pc USING COVERING INDEX person_contacts_person_date \(person_id=\?\)/],
        [/as "last_contact"/, /SEARCH gs USING COVERING INDEX guidance_sessions_person_date \(person_id=\?\)/],
        [/min\("contact_date"\)/, /SEARCH person_contacts USING COVERING INDEX person_contacts_person_date/],
      ],
    );
    expect(problems).toEqual([]);
  });

  it('counts the dashboard and lists the staff table and its queues through indexes', () => {
    const { ready, staff, persons } = county();
    createCase(ready.call, persons.b, 'difficulty_certification', { category: 'age_4050' }, ['id_card']);
    const problems = plansOfWork(
      ready,
      () => {
        expectOk(staff.zhouqiang.call('reports.dashboard', {}));
        const table = expectOk<Array<{ staffUserId: number }>>(staff.zhouqiang.call('reports.casesByStaff', {}));
        expectOk(staff.zhouqiang.call('reports.caseQueue', { staffUserId: table[0]!.staffUserId, caseType: 'unemployment_registration', overdueOnly: true }));
        expectOk(staff.zhouqiang.call('reports.caseQueue', {}));
        expectOk(staff.zhouqiang.call('reports.dashboardCharts', {}));
      },
      [
        [/^select count\(\*\) from "cases" where \("cases"\."state" in \(\?, \?\) and "cases"\."due_date" < \?\)$/, /SEARCH cases USING (COVERING )?INDEX cases_state_due/],
        [/from "vacancies" where/, /SEARCH vacancies USING INDEX vacancies_status_valid_to/],
        [/group by coalesce/, /SEARCH cases USING COVERING INDEX cases_open_staff/],
        [/from "cases" where "cases"\."state" in \(\?, \?, \?, \?\) group by "cases"\."state"/, /SEARCH cases USING COVERING INDEX cases_state_due/],
        [/from "vacancies" where .* group by substr/, /SEARCH vacancies USING INDEX vacancies_status_valid_to/],
        [/order by "cases"\."due_date" is null/, /SEARCH cases USING (COVERING )?INDEX cases_state_due/],
      ],
    );
    expect(problems).toEqual([]);
  });

  it('reads the enterprise reports, the employer’s timeline and the fairs through indexes', () => {
    const ready = readyDesk();
    const head = activeUser(ready, 'zhangju', ['head'], '张局长');
    const { fair, a } = fairWithEnterprises(ready);
    recordVisit(ready, a.id, { difficulties: [{ code: 'recruitment' }], hiringPlan: [{ occupationCode: '6-18-01', title: '数控车工', quarter: '2027Q1', openings: 2 }] });
    registerPerson(ready, PERSON_A);
    checkIn(ready, fair.id, PERSON_A.idNumber);
    const problems = plansOfWork(
      ready,
      () => {
        expectOk(head.call('enterprises.timeline', { id: a.id }));
        expectOk(head.call('enterprises.notVisited', { months: 6 }));
        expectOk(head.call('enterprises.notVisited', { months: 6, townshipCode: '320506103' }));
        expectOk(head.call('enterprises.visitsByStaff', { from: '2026-01-01', to: '2026-12-31' }));
        expectOk(head.call('enterprises.hiringDemand', {}));
        expectOk(head.call('enterprises.difficultyTally', { from: '2026-01-01', to: '2026-12-31' }));
        expectOk(ready.call('fairs.list', {}));
        expectOk(ready.call('fairs.get', { id: fair.id }));
      },
      [
        [/"persons"\."id_number".* from "cases"/, /SEARCH cases USING INDEX cases_type_state_decided \(case_type=\? AND state=\?\)/],
        [/"cases"\."enterprise_id" = \?/, /SEARCH cases USING INDEX cases_enterprise \(enterprise_id=\?\)/],
        [/from "vacancies" inner join "guidance_referrals"/, /SEARCH guidance_referrals USING INDEX guidance_referrals_vacancy \(vacancy_id=\?\)/],
        [/as "lastVisitDate"/, /SEARCH enterprise_visits USING INDEX enterprise_visits_enterprise \(enterprise_id=\?\)/],
        [/as "month"/, /SEARCH enterprise_visits USING INDEX enterprise_visits_date/],
        [/from "vacancies" where .* group by "g"/, /SEARCH vacancies USING INDEX vacancies_status_valid_to/],
        [/from "fair_attendances" where "fair_attendances"\."fair_id" = "fairs"\."id"/, /SEARCH fair_attendances USING COVERING INDEX fair_attendances_fair_person \(fair_id=\?\)/],
      ],
    );
    expect(problems).toEqual([]);
  });

  it('counts the head’s 服务站 page through indexes: cases, persons, guidance sessions and contacts in the period', () => {
    const ready = readyDesk();
    const head = activeUser(ready, 'zhangju', ['head'], '张局长');
    const problems = plansOfWork(
      ready,
      () => expectOk(head.call('stations.summary', { from: '2026-10-21', to: '2026-11-20' })),
      [
        [/from "cases" where .*"accepted_on"/, /SEARCH cases USING COVERING INDEX cases_accepted_station \(accepted_on>\? AND accepted_on<\?\)/],
        [/from "persons" left join "users"/, /SEARCH persons USING COVERING INDEX persons_created \(created_at>\? AND created_at<\?\)/],
        [/from "guidance_sessions" where/, /SEARCH guidance_sessions USING COVERING INDEX guidance_sessions_date_station \(session_date>\? AND session_date<\?\)/],
        [/from "person_contacts" where/, /SEARCH person_contacts USING (COVERING )?INDEX person_contacts_date \(contact_date>\? AND contact_date<\?\)/],
      ],
    );
    expect(problems).toEqual([]);
  });
});
