import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../shared/demo';
import { addDays, officeInstant, SeedClock, SeedDriver } from '../../db/seed/driver';
import { prng, PersonGenerator } from '../../db/seed/person-generator';
import { makeCreditCode, type SeededEnterprise } from '../../db/seed/seed-enterprises';
import { fairAttendeePool, planFairs } from '../../db/seed/seed-fairs';
import { deskFiles, openDesk, type TestClock } from './helpers';

const FROM = '2025-11-27';
const AS_OF = addDays(FROM, 400);

function login(driver: SeedDriver, username: string): void {
  const outcome = driver.desk.call(null, 'auth.login', { username, password: DEMO_PASSWORD });
  if (!outcome.session || !('set' in outcome.session)) throw new Error(`login ${username}`);
  driver.addSession(username, outcome.session.set);
}

/** A small county made the seed's way: accounts, people and enterprises through the router. */
function smallCounty() {
  const clock = new SeedClock(officeInstant(FROM, 8 * 60));
  const desk = openDesk(deskFiles(), { clock: { read: clock.now } as unknown as TestClock });
  const driver = new SeedDriver(desk, clock);
  expect(desk.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'admin', adminDisplayName: '管理员', password: DEMO_PASSWORD }).result.ok).toBe(true);
  const { sqlite } = desk.database();
  sqlite.prepare("insert into settings (key, value) values ('idle_lock_minutes', '10000000') on conflict(key) do update set value = excluded.value").run();
  login(driver, 'admin');
  for (const [username, roles] of [['zhidao', ['counselor']], ['qiantai', ['front_desk']], ['qiantai2', ['front_desk']]] as const) {
    expect(driver.call('admin', 'users.create', { username, displayName: username, roles, password: DEMO_PASSWORD }), driver.refusals.join('\n')).not.toBeNull();
  }
  sqlite.prepare('update users set must_change_password = 0').run();
  for (const username of ['zhidao', 'qiantai', 'qiantai2']) login(driver, username);
  const people = new PersonGenerator({ seed: 7, townships: [{ code: '320506001', villages: [] }], today: FROM });
  for (let i = 1; i <= 80; i += 1) {
    const p = people.next(i);
    driver.call('qiantai', 'persons.register', { idNumber: p.idNumber, name: p.name, confirmNotDuplicate: true });
  }
  const random = prng(11);
  const used = new Set<string>();
  const enterprises: SeededEnterprise[] = Array.from({ length: 10 }, (_, i) => ({ name: `苏州测试${i}机械有限公司`, creditCode: makeCreditCode(random, '320506', '1', used), registeredOn: FROM, id: null }));
  for (const e of enterprises) e.id = driver.call<{ id: number }>('qiantai', 'enterprises.register', { creditCode: e.creditCode, name: e.name })?.id ?? null;
  expect(driver.refusals).toEqual([]);
  return { driver, sqlite, enterprises, random };
}

describe('the seed’s fairs (db/seed/seed-fairs.ts)', () => {
  it('plans fairs, enterprises with vacancies, check-ins (some registered at the door), intentions and outcomes, all accepted by the router', async () => {
    const { driver, sqlite, enterprises, random } = smallCounty();
    const attendees = fairAttendeePool(sqlite, AS_OF, 1_000);
    expect(attendees.length).toBeGreaterThan(40);
    const { steps, fairs } = planFairs(driver, { random, countyCode: '320506', from: FROM, asOf: AS_OF, enterprises, attendees, fairs: 8, enterprisesPerFair: 3, checkInsPerFair: 15 });
    expect(fairs).toBeGreaterThan(0);
    await driver.runTimeline(steps, 200, async () => {});
    expect(driver.refusals).toEqual([]);
    const n = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
    expect(n('select count(*) as n from fairs')).toBe(fairs);
    expect(n("select count(*) as n from fairs where status = 'held'")).toBeGreaterThan(0);
    expect(n('select count(*) as n from fair_enterprises')).toBeGreaterThan(0);
    expect(n('select count(*) as n from fair_vacancies')).toBeGreaterThan(0);
    expect(n('select count(*) as n from fair_attendances')).toBeGreaterThan(20);
    expect(n('select count(*) as n from fair_attendances where registered_at_door = 1')).toBeGreaterThan(0);
    expect(n('select count(*) as n from fair_intentions')).toBeGreaterThan(0);
    expect(n("select count(*) as n from fair_intentions where outcome <> 'intention'")).toBeGreaterThan(0);
    expect(n('select count(*) as n from fair_attendances where registered_at_door = 0')).toBeGreaterThan(0);
    // Nobody checked in before the fair's day.
    expect(n("select count(*) as n from fair_attendances a join fairs f on f.id = a.fair_id where substr(datetime(a.checked_in_at, '+8 hours'), 1, 10) < f.start_date")).toBe(0);
    expect(sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
  });
});
