import type Database from 'better-sqlite3';
import type { Logger } from 'drizzle-orm';
import type { Desk } from '../../db/desk';
import { COUNT_CAP } from '../../db/services/person-search';
import type { PersonSearchResult } from '../../shared/contract';
import { unwrap } from './build-persons';
import type { Case, Kind } from './search-kinds';

/**
 * The search benchmark's two ways of running one case (scripts/bench/run.ts):
 * the service through `desk.call`, and a hand-written SQL equivalent of its
 * two statements (the total counted up to COUNT_CAP, and the first page in
 * the service's order), prepared on the desk's own connection; and the query
 * plans of both.
 */
export interface RawStatements {
  count: Database.Statement;
  page: Database.Statement;
}

export function prepareRaw(sqlite: Database.Database, kind: Kind): RawStatements {
  const where = kind.idSet ? kind.where : `merged_into_id is null and ${kind.where}`;
  const order = kind.order === 'name' ? 'name, merged_into_id, id' : 'id desc';
  // The service counts up to COUNT_CAP + 1 matches and shows "more than COUNT_CAP".
  const counted = kind.idSet ? `select distinct * from (${kind.idSet})` : `select 1 from persons where ${where}`;
  return {
    count: sqlite.prepare(`select count(*) as n from (${counted} limit ${COUNT_CAP + 1})`),
    // One id set alone is paged in its own index, as the service does.
    page: kind.idSet
      ? sqlite.prepare(`select * from persons where id in (select distinct person_id from (${kind.idSet}) order by 1 desc limit ? offset ?) order by id desc`)
      : sqlite.prepare(`select * from persons where ${where} order by ${order} limit ? offset ?`),
  };
}

export function runRaw(raw: RawStatements, c: Case, pageSize: number): { total: number; capped: boolean; ids: number[] } {
  const counted = (raw.count.get(...c.params) as { n: number }).n;
  const rows = raw.page.all(...c.params, pageSize, 0) as Array<{ id: number }>;
  return { total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP, ids: rows.map((r) => r.id) };
}

export function runService(desk: Desk, session: string, c: Case, pageSize: number): PersonSearchResult {
  const input = { query: c.query, ...(c.filters ? { filters: c.filters } : {}), page: 1, pageSize };
  return unwrap<PersonSearchResult>(desk.call(session, 'persons.search', input).result, 'persons.search');
}

export interface Plans {
  service: string[];
  raw: string[];
  same: boolean;
}

/**
 * The statements the service really runs for one case, captured through the
 * drizzle logger (as tests/integration/registry-query-plans.test.ts does), and
 * EXPLAIN QUERY PLAN of them and of the raw statements.
 */
export function plansOf(desk: Desk, session: string, sqlite: Database.Database, raw: RawStatements, c: Case, pageSize: number): Plans {
  const internals = desk.database().db as unknown as { session: { logger: Logger } };
  const original = internals.session.logger;
  const captured: Array<{ sql: string; params: unknown[] }> = [];
  internals.session.logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  try {
    runService(desk, session, c, pageSize);
  } finally {
    internals.session.logger = original;
  }
  const explain = (sql: string, params: unknown[]) =>
    (sqlite.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  const service = captured
    .filter((s) => /^select count\(\*\) as n from \(select (1 from "persons"|distinct \* from)/.test(s.sql) || /^select .* from "persons" where .* order by .* limit \?/.test(s.sql))
    .flatMap((s) => [`-- ${s.sql.startsWith('select count') ? 'count' : 'page'}`, ...explain(s.sql, s.params)]);
  const rawPlan = [
    '-- count',
    ...explain(raw.count.source, c.params),
    '-- page',
    ...explain(raw.page.source, [...c.params, pageSize, 0]),
  ];
  return { service, raw: rawPlan, same: service.join('\n') === rawPlan.join('\n') };
}
