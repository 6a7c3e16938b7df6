import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as personsQueries from '../../db/queries/persons';
import * as settingsQueries from '../../db/queries/settings';
import type { PlanCase } from '../../db/statements';
import { contract } from '../../shared/contract';
import { keyedConnection, readyDesk } from './helpers';

/**
 * The raw SQL that stays (db/queries/<domain>.ts: what drizzle cannot say, or a
 * statement kept prepared because it was measured) is explained statement by
 * statement on a real migrated database. No ANALYZE: on a handful of rows the
 * statistics would make a scan look cheapest; without them the planner assumes
 * big tables, as a county's database has.
 */
const QUERY_MODULES: Record<string, Record<string, unknown>> = {
  persons: personsQueries,
  settings: settingsQueries,
};

/** Tables that grow to hundreds of thousands of rows or more: never read end to end without an index. */
const BIG_TABLES = ['persons', 'cases', 'person_contacts', 'vacancies', 'enterprise_visits', 'fair_attendances'];
const NOT_ALIASES = new Set(['where', 'join', 'left', 'inner', 'on', 'indexed', 'order', 'group', 'limit', 'using', 'set', 'values']);

/** The names a statement gives the big tables (their own, and any alias: `from cases c`). */
function bigTableNames(sql: string): Set<string> {
  const names = new Set(BIG_TABLES);
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    if (BIG_TABLES.includes(m[1]!) && m[2] && !NOT_ALIASES.has(m[2].toLowerCase())) names.add(m[2]);
  }
  return names;
}

interface ExplainedPlan {
  sql: string;
  lines: string[];
}

function explain(raw: Database.Database, sql: string, params: PlanCase['params']): ExplainedPlan {
  const statement = raw.prepare(`explain query plan ${sql}`);
  const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as Array<{ detail: string }>;
  return { sql, lines: rows.map((r) => r.detail) };
}

/** Plan lines that read a big table row by row from end to end, with no index at all. */
function fullScans(plan: ExplainedPlan): string[] {
  const names = bigTableNames(plan.sql);
  return plan.lines.filter((line) => {
    const m = /^SCAN (\w+)(.*)$/.exec(line);
    return m !== null && names.has(m[1]!) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(m[2]!);
  });
}

function describePlan(plan: ExplainedPlan): string {
  return `${plan.sql}\n  ${plan.lines.join('\n  ')}`;
}

const casesOf = (module: Record<string, unknown>) => module.PLAN_CASES as Record<string, PlanCase>;

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
    const failures: string[] = [];
    for (const [domain, module] of Object.entries(QUERY_MODULES)) {
      for (const [name, planCase] of Object.entries(casesOf(module))) {
        const plan = explain(raw, planCase.sql, planCase.params);
        const text = plan.lines.join('\n');
        if (fullScans(plan).length) failures.push(`${domain}.${name} scans: ${describePlan(plan)}`);
        for (const pattern of planCase.uses ?? []) if (!pattern.test(text)) failures.push(`${domain}.${name} does not use ${pattern}: ${describePlan(plan)}`);
      }
    }
    expect(failures).toEqual([]);
    // The check is not blind: a search of matters by their form text reads them all.
    expect(fullScans(explain(raw, "select id from cases c where c.form like ?", ['%x%']))).toEqual(['SCAN c']);
    expect(fullScans(explain(raw, 'select count(*) from "person_contacts" where "person_contacts"."content" = ?', ['x']))).toHaveLength(1);
  });
});
