import type Database from 'better-sqlite3';
import type { Logger } from 'drizzle-orm';
import type { PlanCase } from '../../db/statements';
import type { ReadyDesk } from './helpers';

/**
 * EXPLAIN QUERY PLAN of the statements the desk runs, on a second keyed
 * connection to the same encrypted file. No ANALYZE: on a handful of rows the
 * statistics would make a scan look cheapest; without them the planner assumes
 * big tables, as a county's database has.
 */

/** Tables that grow to hundreds of thousands of rows or more: never read end to end. */
export const BIG_TABLES = ['persons', 'cases', 'person_contacts', 'guidance_sessions', 'vacancies', 'enterprise_visits', 'fair_attendances', 'person_key_groups'];
const NOT_ALIASES = new Set(['where', 'join', 'left', 'inner', 'on', 'indexed', 'order', 'group', 'limit', 'using', 'set', 'values']);

export interface ExplainedPlan {
  sql: string;
  lines: string[];
}

export function explain(raw: Database.Database, sql: string, params: PlanCase['params']): ExplainedPlan {
  const statement = raw.prepare(`explain query plan ${sql}`);
  const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as Array<{ detail: string }>;
  return { sql, lines: rows.map((r) => r.detail) };
}

/** The names a statement gives the big tables: their own, and any alias (`from cases c`). */
function bigTableNames(sql: string): Set<string> {
  const names = new Set(BIG_TABLES);
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    if (BIG_TABLES.includes(m[1]!) && m[2] && !NOT_ALIASES.has(m[2].toLowerCase())) names.add(m[2]);
  }
  return names;
}

/**
 * Plan lines that read a big table from end to end: a bare `SCAN cases`, and
 * also a walk of one of its indexes from end to end (`SCAN cases USING INDEX …`),
 * which reads every row just the same. A hot statement only SEARCHes them.
 */
export function fullScans(plan: ExplainedPlan): string[] {
  const names = bigTableNames(plan.sql);
  return plan.lines.filter((line) => {
    const m = /^SCAN (\w+)\b/.exec(line);
    return m !== null && names.has(m[1]!);
  });
}

export function describePlan(plan: ExplainedPlan): string {
  return `${plan.sql}\n  ${plan.lines.join('\n  ')}`;
}

/**
 * Collects every statement the desk runs from now on, with its bound values:
 * drizzle's through its logger (db/statements.ts logs the statements it keeps
 * prepared through it too), the raw ones through the connection's `prepare`.
 */
export function captureStatements(ready: ReadyDesk): Array<{ sql: string; params: unknown[] }> {
  const captured: Array<{ sql: string; params: unknown[] }> = [];
  const internals = ready.desk.database().db as unknown as { session: { logger: Logger } };
  internals.session.logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  const sqlite = ready.desk.database().sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const run = (method: 'all' | 'get') => {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        captured.push({ sql: source, params: args });
        return original(...args);
      };
    };
    return Object.assign(statement, { all: run('all'), get: run('get') });
  }) as typeof sqlite.prepare;
  return captured;
}

/** The plans of the captured reads of big tables, each distinct statement once. */
export function plansOfReads(raw: Database.Database, captured: Array<{ sql: string; params: unknown[] }>): ExplainedPlan[] {
  const seen = new Set<string>();
  const plans: ExplainedPlan[] = [];
  for (const { sql, params } of captured) {
    if (!/^\s*select/i.test(sql) || !BIG_TABLES.some((t) => new RegExp(`\\b${t}\\b`).test(sql)) || seen.has(sql)) continue;
    seen.add(sql);
    const named = params.length === 1 && typeof params[0] === 'object' && params[0] !== null && !Array.isArray(params[0]);
    plans.push(explain(raw, sql, named ? (params[0] as Record<string, unknown>) : params));
  }
  if (process.env.SHOW_PLANS) console.log(plans.map(describePlan).join('\n'));
  return plans;
}
