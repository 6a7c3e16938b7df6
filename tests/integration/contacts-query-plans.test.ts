import type { Logger } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { colleagues, registerPerson } from './cases-helpers';
import { approve, contact } from './contacts-helpers';
import { expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { ZHANG_LI } from './registry-helpers';

/**
 * Contacts grow to hundreds of thousands of rows and approved matters to tens
 * of thousands: the lists of this feature must read them through indexes.
 * The statements the services really run are captured (drizzle's logger, and
 * the raw statements prepared on the connection) and explained on a second
 * keyed connection; a full table scan of person_contacts or cases fails.
 */
function capture(ready: ReadyDesk): Array<{ sql: string; params: unknown[] }> {
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

describe('query plans of contacts, follow-ups and proposals', () => {
  it('never scan person_contacts or cases in full', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const a = registerPerson(ready);
    const b = registerPerson(ready, ZHANG_LI);
    approve(ready, lina, a);
    approve(ready, lina, b);
    expectOk(contact(sunli.call, a));
    const captured = capture(ready);
    expectOk(sunli.call('contacts.listForPerson', { personId: a }));
    expectOk(sunli.call('contacts.followUpsDue', {}));
    expectOk(lina.call('registrations.noContactProposals', {}));
    expectOk(lina.call('certifications.reviewsDue', {}));
    const relevant = captured.filter((c) => /\b(person_contacts|cases)\b/.test(c.sql) && /^\s*select/i.test(c.sql));
    expect(relevant.length).toBeGreaterThanOrEqual(6);
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    const plans = relevant.map(({ sql, params }) => ({ sql, plan: (raw.prepare(`explain query plan ${sql}`).all(...(params as never[])) as { detail: string }[]).map((r) => r.detail) }));
    const fullScans = plans.flatMap(({ plan }) => plan.filter((d) => /^SCAN (person_contacts|cases|pc|c)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d)));
    expect(fullScans, plans.map((p) => `${p.sql}\n  ${p.plan.join('\n  ')}`).join('\n')).toEqual(process.env.SHOW_PLANS ? ['show'] : []);
  });
});
