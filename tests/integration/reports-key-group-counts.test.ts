import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../db/migrate';
import { registerFunctions } from '../../db/open';
import { loadPersons } from '../../db/seed/load-persons';
import { rosterPersons, rosterXlsx } from '../../db/seed/roster';
import type { DashboardCharts, ImportReport, JobView, PersonView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { KEY_GROUP_CODES } from '../../shared/domain/key-groups';
import { UNEMPLOYMENT_DOCS, UNEMPLOYMENT_FORM, registerPerson } from './cases-helpers';
import { expectOk, PATHS, tempDir, type ReadyDesk } from './helpers';
import { CHANGQIAO, idNumber } from './registry-helpers';
import { approved, clockTo, county } from './reports-helpers';

/**
 * The head's 工作台 counts key groups from person_key_group_counts, which
 * triggers on person_key_groups keep (the migration key_group_counts). After
 * any write of the stored tags — registering, editing, the daily recheck, a
 * merge, an import, a 注销, the bulk loader, a repair by hand — the counter is
 * what counting the tags afresh gives, and the dashboard shows it.
 */

type Counts = Record<string, number>;

/** Every code counted afresh from the stored tags. */
function freshCounts(sqlite: Database.Database): Counts {
  const rows = sqlite.prepare('select code, count(*) as n from person_key_groups group by code order by code').all() as Array<{ code: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

/** The kept counter, codes no longer held by anyone (a zero left behind) left out. */
function keptCounts(sqlite: Database.Database): Counts {
  const rows = sqlite.prepare('select code, persons as n from person_key_group_counts where persons <> 0 order by code').all() as Array<{ code: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

/** The counter equals a fresh count, and the head's chart shows it for every key group. */
function expectCountsExact(ready: ReadyDesk, head: (method: string, input?: unknown) => unknown, step: string): Counts {
  const { sqlite } = ready.desk.database();
  const fresh = freshCounts(sqlite);
  expect(keptCounts(sqlite), step).toEqual(fresh);
  const charts = expectOk<DashboardCharts>(head('reports.dashboardCharts', {}) as never);
  expect(Object.fromEntries(charts.keyGroups.map((g) => [g.code, g.persons])), step).toEqual(Object.fromEntries(KEY_GROUP_CODES.map((code) => [code, fresh[code] ?? 0])));
  return fresh;
}

const MIGRATIONS = loadMigrations(PATHS.migrationsDir);
const COUNTS_MIGRATION = MIGRATIONS.findIndex((m) => m.tag.endsWith('_key_group_counts'));

describe('key-group counts kept by the database', { timeout: 90_000 }, () => {
  it('stay equal to a fresh count through registrations, edits, the daily recheck, a merge, an import, a 注销 and repairs by hand', async () => {
    const c = county();
    const { ready, staff, persons } = c;
    const head = staff.zhouqiang.call;
    const start = expectCountsExact(ready, head, 'the small county');
    expect(Object.values(start).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // A rural woman of 45: counted at once in 4050 and rural labour.
    const wang = expectOk<PersonView>(ready.call('persons.register', { idNumber: idNumber('320506', '1981-06-01', '028'), name: '王秀兰', householdType: 'rural', residenceTownshipCode: CHANGQIAO.code }));
    const registered = expectCountsExact(ready, head, 'registered');
    expect(registered.rural_labour).toBe((start.rural_labour ?? 0) + 1);
    expect(registered.age_4050).toBe((start.age_4050 ?? 0) + 1);

    // Her household corrected to urban: rural labour loses her, 4050 keeps her.
    expectOk(ready.call('persons.update', { id: wang.id, version: wang.version, changes: { householdType: 'urban' }, reason: '户口迁入城镇' }));
    const edited = expectCountsExact(ready, head, 'edited');
    expect(edited.rural_labour ?? 0).toBe(start.rural_labour ?? 0);
    expect(edited.age_4050).toBe(registered.age_4050);

    // A rural woman who turns 40 in a few days: the daily recheck adds her to 4050.
    const turning40 = registerPerson(ready, { idNumber: idNumber('320506', '1986-12-24', '042'), name: '郑丽娟', householdType: 'rural' });
    expectCountsExact(ready, head, 'registered before her birthday');
    const beforeBirthday = freshCounts(ready.desk.database().sqlite);
    clockTo(ready, '2026-12-24T01:00:00Z', staff);
    const afterRecheck = expectCountsExact(ready, head, 'the daily recheck');
    expect(afterRecheck.age_4050).toBeGreaterThan(beforeBirthday.age_4050 ?? 0);

    // 郑丽娟's record merged into 王秀兰's: her tags go.
    expectOk(staff.lina.call('persons.merge', { keepId: wang.id, mergeId: turning40, reason: '同一人重复建档' }));
    const merged = expectCountsExact(ready, head, 'merged');
    expect(merged.age_4050).toBe(afterRecheck.age_4050! - 1);

    // 单田芳's 失业登记 (approved in the small county) cancelled: 注销 rewrites his tags.
    const registration = ready.desk.database().sqlite
      .prepare("select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved'")
      .get(persons.e) as { id: number; version: number };
    expectOk(staff.lina.call('registrations.cancel', { caseId: registration.id, version: registration.version, reason: 'stopped_seeking', onDate: '2026-12-24' }));
    expectCountsExact(ready, head, 'registration cancelled');

    // A new 失业登记 approved for a graduate.
    const graduate = registerPerson(ready, { idNumber: idNumber('320506', '2003-04-05', '011'), name: '吴昊', educationCode: '20', graduationDate: '2025-06-30' });
    approved(ready, staff, graduate, 'unemployment_registration', UNEMPLOYMENT_FORM, UNEMPLOYMENT_DOCS);
    expectCountsExact(ready, head, 'unemployment registration approved');

    // A roster of 300 imported in batches of multi-row statements.
    const roster = rosterPersons({ rows: 300, seed: 5, countyCode: '320506', resourcesDir: PATHS.resourcesDir, today: officeDate(ready.clock.read()) });
    const started = expectOk<JobView>(ready.call('persons.importStart', { fileName: '花名册.xlsx', base64: rosterXlsx(roster).toString('base64'), dryRun: false, allOrNothing: true }));
    const job = await ready.desk.jobs.settled(started.id);
    expect(job.result as ImportReport).toMatchObject({ created: 300 });
    const imported = expectCountsExact(ready, head, 'imported');
    expect(Object.values(imported).reduce((a, b) => a + b, 0)).toBeGreaterThan(Object.values(merged).reduce((a, b) => a + b, 0) + 100);

    // Repairs by hand: a tag renamed in place, one deleted.
    const { sqlite } = ready.desk.database();
    sqlite.prepare("update person_key_groups set code = 'rural_labour' where person_id = ? and code = 'age_4050'").run(wang.id);
    expectCountsExact(ready, head, 'a tag renamed by hand');
    sqlite.prepare('delete from person_key_groups where person_id = ?').run(wang.id);
    expectCountsExact(ready, head, 'tags deleted by hand');
  });

  it('stay exact through the bulk loader, which drops and rebuilds the indexes of the tags', async () => {
    const db = new Database(join(tempDir('desk-kg-load-'), 'desk.db'));
    try {
      registerFunctions(db);
      applyMigrations(db, MIGRATIONS, new Date('2026-11-27T00:00:00Z'));
      const { groups } = await loadPersons(db, {
        generator: { seed: 3, townships: [{ code: CHANGQIAO.code, villages: ['320506001012'] }], today: '2026-11-27' },
        persons: 1_200,
        batch: 500,
        worker: false,
        log: () => undefined,
      });
      expect(groups).toBeGreaterThan(500);
      expect(keptCounts(db)).toEqual(freshCounts(db));
    } finally {
      db.close();
    }
  });

  it('are counted from the tags already stored when a county upgrades, and kept from then on', () => {
    expect(COUNTS_MIGRATION).toBeGreaterThan(0);
    const db = new Database(join(tempDir('desk-kg-migrate-'), 'desk.db'));
    try {
      registerFunctions(db);
      applyMigrations(db, MIGRATIONS.slice(0, COUNTS_MIGRATION), new Date('2026-06-01T00:00:00Z'));
      const at = '2026-06-01T02:00:00.000Z';
      const person = db.prepare('insert into persons (id, id_number, name, sex, birth_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
      const tag = db.prepare("insert into person_key_groups (person_id, code, as_of) values (?, ?, '2026-06-01')");
      for (let id = 1; id <= 5; id += 1) {
        person.run(id, idNumber('320506', `198${id}-01-01`, `0${id}2`), `人员${id}`, 'female', `198${id}-01-01`, at, at);
        tag.run(id, 'age_4050');
        if (id % 2 === 1) tag.run(id, 'rural_labour');
      }
      applyMigrations(db, MIGRATIONS.slice(COUNTS_MIGRATION), new Date('2026-12-01T00:00:00Z'));
      expect(db.prepare('select code, persons from person_key_group_counts order by code').all()).toEqual([
        { code: 'age_4050', persons: 5 },
        { code: 'rural_labour', persons: 3 },
      ]);
      // From then on the triggers keep it, a code first seen included.
      tag.run(2, 'rural_labour');
      tag.run(1, 'low_income');
      db.prepare("delete from person_key_groups where person_id = 5 and code = 'age_4050'").run();
      expect(keptCounts(db)).toEqual({ age_4050: 4, low_income: 1, rural_labour: 4 });
      expect(keptCounts(db)).toEqual(freshCounts(db));
    } finally {
      db.close();
    }
  });
});
