import type { Logger } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { CHANGQIAO, LI_XIUYING, SHAN_TIANFANG, ZENG_XIAOXIAN, ZHANG_LI, ZHANG_SAN, register, search } from './registry-helpers';

/**
 * The hot searches must stay index (or FTS) lookups as the county's registry
 * grows to hundreds of thousands of people: no full `SCAN persons`.
 *
 * Rather than re-typing the SQL of db/services/person-search.ts (which could
 * drift from what the service runs), the test captures the statements the
 * service really prepares, with their bound parameters, through the logger of
 * the desk's drizzle instance (`desk.database().db`; drizzle hands its
 * session's logger to every query it prepares, and db/statements.ts logs the
 * statements it keeps prepared through it too). Each captured statement that
 * reads `persons` is then run as EXPLAIN QUERY PLAN on a second, keyed raw
 * connection to the same encrypted file.
 */
interface Captured {
  sql: string;
  params: unknown[];
}

function captureStatements(ready: ReadyDesk): Captured[] {
  const captured: Captured[] = [];
  const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  const internals = ready.desk.database().db as unknown as { session: { logger: Logger } };
  expect(internals.session.logger, 'drizzle keeps its logger on the session').toBeDefined();
  internals.session.logger = logger;
  return captured;
}

interface Plan {
  /** The search, as staff typed it. */
  label: string;
  /** EXPLAIN QUERY PLAN lines of every statement that reads persons. */
  lines: string[];
}

function withSix(): { ready: ReadyDesk; plansOf: (query: string, filters?: Record<string, unknown>) => Plan } {
  const ready = readyDesk();
  for (const person of [ZHANG_SAN, ZHANG_LI, LI_XIUYING, ZENG_XIAOXIAN, SHAN_TIANFANG]) {
    register(ready, { ...person, residenceTownshipCode: CHANGQIAO.code });
  }
  register(ready, { idNumber: '321281198512310047', name: '赵敏', phone: '13800001111' });
  const captured = captureStatements(ready);
  const raw = keyedConnection(ready.dbPath, ready.keyFile);
  const plansOf = (query: string, filters?: Record<string, unknown>): Plan => {
    captured.length = 0;
    // Pages of one: a full first page, so the total is counted too (a short first page is its own count).
    const result = search(ready, query, { pageSize: 1, ...(filters ? { filters } : {}) });
    expect(result.total, `${query} found someone`).toBeGreaterThan(0);
    // The search's own two statements: the total and the page (other work done on the way,
    // such as a once-a-day refresh of stored tags, is not a search). A search by search keys or
    // a key group alone is counted in that table's own index.
    // The page is read in its index's order (names by name, everything else newest first).
    const onPersons = captured.filter(
      (c) =>
        /^select count\(\*\) as n from \(select (1 from "persons"|distinct \* from \(select "person_(search_keys|key_groups)"\."person_id")/.test(c.sql) ||
        /from "persons" where .* order by ("persons"\."name", "persons"\."merged_into_id", "persons"\."id"|"persons"\."id" desc) limit \? offset \?$/.test(c.sql),
    );
    expect(onPersons, `statements captured for "${query}"`).toHaveLength(2);
    const lines = onPersons.flatMap((c) =>
      (raw.prepare(`explain query plan ${c.sql}`).all(...(c.params as never[])) as Array<{ detail: string }>).map((r) => r.detail),
    );
    return { label: query || JSON.stringify(filters), lines };
  };
  return { ready, plansOf };
}

/**
 * Plan lines that walk all of persons: a bare `SCAN persons`, and also a scan
 * of one of its indexes from end to end (`SCAN persons USING INDEX …`), which
 * reads every row just the same. A hot search has only SEARCH lines on persons.
 */
function fullScans(plan: Plan): string[] {
  return plan.lines.filter((line) => /^SCAN persons\b/.test(line));
}

function expectIndexed(plan: Plan, ...expected: RegExp[]): void {
  const text = plan.lines.join('\n');
  for (const pattern of expected) expect(text, `${plan.label}:\n${text}`).toMatch(pattern);
  expect(fullScans(plan), `${plan.label}:\n${text}`).toEqual([]);
}

describe('query plans of the hot searches', () => {
  it('looks up an exact ID number through persons_id_number', () => {
    const { plansOf } = withSix();
    const plan = plansOf(ZHANG_SAN.idNumber);
    expectIndexed(plan, /SEARCH persons USING INDEX persons_id_number \(id_number=\?\)/);
    // The 15-digit card is the same lookup once normalised.
    expectIndexed(plansOf('320506920115004'), /SEARCH persons USING INDEX persons_id_number \(id_number=\?\)/);
  });

  it('looks up a full mobile number through persons_phone', () => {
    const { plansOf } = withSix();
    expectIndexed(plansOf('+86 139 5100 1234'), /SEARCH persons USING INDEX persons_phone \(phone=\?\)/);
  });

  it('looks up a phone tail as a range of persons_phone_reversed only: four digits are no ID fragment', () => {
    const { plansOf } = withSix();
    const plan = plansOf('1234');
    expectIndexed(plan, /SEARCH persons USING INDEX persons_phone_reversed \(phone_reversed>\? AND phone_reversed<\?\)/);
    // "0506" is in most ID numbers of the county: trying it in the trigram index read the whole county.
    expect(plan.lines.join('\n')).not.toMatch(/person_id_fts/);
  });

  it('tries six digits both as a phone tail and in the ID trigram index', () => {
    const { plansOf } = withSix();
    expectIndexed(
      plansOf('001234'),
      /MULTI-INDEX OR/,
      /SEARCH persons USING INDEX persons_phone_reversed \(phone_reversed>\? AND phone_reversed<\?\)/,
      /SCAN person_id_fts VIRTUAL TABLE INDEX \d+:M/,
    );
  });

  it('looks up an ID fragment through the FTS5 trigram table', () => {
    const { plansOf } = withSix();
    expectIndexed(plansOf('920115'), /SCAN person_id_fts VIRTUAL TABLE INDEX \d+:M/, /SEARCH persons USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it('looks up pinyin as a key range of the person_search_keys primary key', () => {
    const { plansOf } = withSix();
    for (const query of ['zs', 'zhangs', 'cxx']) {
      expectIndexed(
        plansOf(query),
        /SEARCH person_search_keys USING COVERING INDEX sqlite_autoindex_person_search_keys_1 \(key>\? AND key<\?\)/,
        /SEARCH persons USING INTEGER PRIMARY KEY \(rowid=\?\)/,
      );
    }
  });

  it('looks up a name prefix through persons_name and the given name through the search keys', () => {
    const { plansOf } = withSix();
    for (const query of ['张三', '秀英']) {
      expectIndexed(
        plansOf(query),
        /SEARCH persons USING INDEX persons_name_active \(name>\? AND name<\?\)/,
        /SEARCH person_search_keys USING COVERING INDEX sqlite_autoindex_person_search_keys_1 \(key>\? AND key<\?\)/,
      );
    }
  });

  it('reads a one-character surname straight from the name index, in its order, without sorting the matches', () => {
    const { plansOf } = withSix();
    const plan = plansOf('张');
    expectIndexed(plan, /SEARCH persons USING (COVERING )?INDEX persons_name_active \(name>\? AND name<\?\)/);
    // Only ties of the same name are ordered by id (an incremental sort); the matches are never sorted as a whole.
    expect(plan.lines.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('filters a key group through the person_key_groups primary key', () => {
    const { plansOf } = withSix();
    expectIndexed(
      plansOf('', { keyGroup: 'age_4050' }),
      /SEARCH person_key_groups USING COVERING INDEX sqlite_autoindex_person_key_groups_1 \(code=\?\)/,
      /SEARCH persons USING INTEGER PRIMARY KEY \(rowid=\?\)/,
    );
  });

  it('filters a township, status and age band from persons_township_status_birth alone when counting', () => {
    const { plansOf } = withSix();
    const plan = plansOf('', { residenceTownshipCode: CHANGQIAO.code, employmentStatus: 'unemployed_unregistered', ageMin: 25, ageMax: 45 });
    expectIndexed(
      plan,
      /SEARCH persons USING COVERING INDEX persons_township_status_birth \(residence_township_code=\? AND employment_status=\? AND birth_date>\? AND birth_date<\?\)/,
    );
  });

  it('would notice a full scan: the unfiltered list is one, and the check says so', () => {
    const { plansOf } = withSix();
    const plan = plansOf('');
    // Listing everyone reads every row; this proves fullScans() is not blind.
    expect(fullScans(plan).length).toBeGreaterThan(0);
  });
});
