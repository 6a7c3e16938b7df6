import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { ROLE_PERMISSIONS, ROLES } from '../../shared/roles';
import { activeUser } from './accounts-helpers';
import { sampleInput } from './sample-inputs';
import { readyDesk } from './helpers';

const METHODS = Object.keys(contract) as MethodName[];

/** Every table's row count and the audit chain's length: "nothing written" made checkable. */
function snapshot(ready: ReturnType<typeof readyDesk>): Record<string, number> {
  const sqlite = ready.desk.database().sqlite;
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
}

describe('the router refuses every method a role lacks (generated from the contract)', () => {
  it('every method declares who may call it', () => {
    for (const method of METHODS) expect(['public', 'session', ...Object.values(ROLE_PERMISSIONS).flat()], method).toContain(contract[method].access);
  });

  for (const role of ROLES) {
    it(`${role}: each method needing a permission the role lacks is FORBIDDEN and writes nothing`, () => {
      const ready = readyDesk();
      const user = activeUser(ready, `only_${role}`, [role]);
      const lacking = METHODS.filter((m) => {
        const access = contract[m].access;
        return access !== 'public' && access !== 'session' && !ROLE_PERMISSIONS[role].includes(access);
      });
      expect(lacking.length).toBeGreaterThan(0);
      const before = snapshot(ready);
      for (const method of lacking) {
        const result = user.call(method, sampleInput(method));
        expect(result.ok, `${role} → ${method}`).toBe(false);
        if (!result.ok) expect(result.error.code, `${role} → ${method}`).toBe('FORBIDDEN');
      }
      expect(snapshot(ready)).toEqual(before);
    });
  }

  it('without a session, every method that is not public answers UNAUTHENTICATED and writes nothing', () => {
    const ready = readyDesk();
    const before = snapshot(ready);
    for (const method of METHODS.filter((m) => contract[m].access !== 'public')) {
      const result = ready.desk.call(null, method, sampleInput(method)).result;
      expect(result.ok ? 'ok' : result.error.code, method).toBe('UNAUTHENTICATED');
    }
    expect(snapshot(ready)).toEqual(before);
  });
});

describe('failed logins', () => {
  /**
   * Median of several attempts, so one slow run on a shared machine does not
   * decide; each from its own computer, so no attempt is merely told to wait.
   */
  function medianMs(attempt: (client: string) => void, runs = 7): number {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = process.hrtime.bigint();
      attempt(`10.0.1.${i}`);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  }

  it('take as long for an unknown user name as for a wrong password, so they do not reveal which accounts exist', () => {
    const ready = readyDesk();
    activeUser(ready, 'zhaolei', ['front_desk']);
    const unknown = medianMs((client) => ready.desk.call(null, 'auth.login', { username: 'nobody_here', password: 'Wrong-pass-1' }, client));
    const wrong = medianMs((client) => ready.desk.call(null, 'auth.login', { username: 'zhaolei', password: 'Wrong-pass-1' }, client));
    // Both pay one scrypt hash (~100 ms); without the dummy hash an unknown name answers in well under a millisecond.
    expect(unknown).toBeGreaterThan(wrong * 0.5);
    expect(unknown).toBeLessThan(wrong * 2);
  });

  it('answer empty, huge and look-alike user names with a clear message and no crash', () => {
    const ready = readyDesk();
    const cases = [
      { username: '', password: 'x', code: 'BAD_INPUT' },
      { username: 'a'.repeat(10_000), password: 'x', code: 'BAD_INPUT' },
      { username: 'wangfang', password: 'x'.repeat(100_000), code: 'BAD_INPUT' },
      // Cyrillic а in place of latin a: a different name, refused like any unknown user.
      { username: 'w\u0430ngfang', password: 'Desk-2026-pass', code: 'LOGIN_FAILED' },
      { username: 'ｗａｎｇｆａｎｇ', password: 'Desk-2026-pass', code: 'LOGIN_FAILED' },
    ];
    for (const c of cases) {
      const result = ready.desk.call(null, 'auth.login', { username: c.username, password: c.password }).result;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code, c.username.slice(0, 20)).toBe(c.code);
        expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
