import Database from 'better-sqlite3';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../db/keys';
import { loadMigrations } from '../../db/migrate';
import { drillDir, openDrillDesk, PATHS } from './drill-desk';
import { buildSource, migrationDrill, type SourceDatabase } from './migration-drill';

const MIGRATIONS = loadMigrations(PATHS.migrationsDir);

/** The committed migrations and one more, as a later commit would add it. */
function migrationsPlus(dir: string, name: string, sql: string): string {
  const target = join(dir, `migrations-${name}`);
  cpSync(PATHS.migrationsDir, target, { recursive: true });
  const journalPath = join(target, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; tag: string; when: number }> };
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_${name}`;
  journal.entries.push({ ...journal.entries.at(-1)!, idx, tag, when: journal.entries.at(-1)!.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(join(target, `${tag}.sql`), sql);
  return target;
}

describe('migration drill: a database at every past schema version, filled with the demo county, migrates to today’s', () => {
  let dir: string;
  let source: SourceDatabase;
  beforeAll(async () => {
    dir = drillDir('desk-migrate-');
    source = await buildSource(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`from each of the ${MIGRATIONS.length - 1} past versions: every row kept with its values, foreign keys, integrity and the audit chain whole`, () => {
    // The whole demo county at every version: capped tables would drop most cases and contacts with their persons.
    const reports = migrationDrill(dir, source);
    expect(reports.map((r) => r.version)).toEqual(MIGRATIONS.slice(1).map((_, i) => i + 1));
    expect(reports.filter((r) => r.problems.length > 0).map((r) => [r.tag, r.problems])).toEqual([]);
    // Each version really held rows: the people, cases, enterprises… of its day.
    for (const report of reports) expect(report.rows, report.tag).toBeGreaterThan(5000);
    expect(reports.at(-1)!.tables).toBeGreaterThan(40);
  }, 300_000);

  it('catches a migration that loses a column’s data (a table rebuilt without copying one column)', () => {
    const broken = migrationsPlus(dir, 'drill_loses_household_type', [
      'ALTER TABLE `persons` RENAME COLUMN `household_type` TO `household_type_old`;',
      '--> statement-breakpoint',
      'ALTER TABLE `persons` ADD COLUMN `household_type` text;',
      '--> statement-breakpoint',
      'ALTER TABLE `persons` DROP COLUMN `household_type_old`;',
    ].join('\n'));
    const [report] = migrationDrill(dir, source, { migrationsDir: broken, versions: [MIGRATIONS.length] });
    expect(report!.problems).toEqual([expect.stringMatching(/^persons: \d+ row\(s\) lost or changed/)]);
  });

  it('a migration that fails is rolled back whole: the desk says so, the file stays at its version with its rows, and the backup taken before opens', () => {
    const failing = migrationsPlus(dir, 'drill_fails', 'UPDATE `persons` SET `name` = `name`;\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);');
    const deskDir = drillDir('desk-migrate-fail-');
    try {
      const first = openDrillDesk(deskDir);
      expect(first.desk.call(null, 'setup.initialize', { countyCode: '320506', adminUsername: 'wangfang', adminDisplayName: '王芳', password: 'Desk-2026-pass' }).result.ok).toBe(true);
      first.desk.close();
      const upgraded = openDrillDesk(deskDir, { migrationsDir: failing });
      const state = upgraded.desk.state();
      upgraded.desk.close();
      expect(state.state).toBe('unavailable');
      expect(state.message).toMatch(/^数据库无法打开/);
      // The previous version opens the very same file: nothing of the failed step stayed.
      const again = openDrillDesk(deskDir);
      expect(again.desk.state().state).toBe('ready');
      expect(again.desk.database().schemaVersion).toBe(MIGRATIONS.length);
      expect(again.desk.database().sqlite.prepare('select username from users').all()).toEqual([{ username: 'wangfang' }]);
      again.desk.close();
      const backups = readdirSync(join(deskDir, 'data')).filter((f) => /^desk\.before-v\d+-.*\.db$/.test(f));
      expect(backups).toHaveLength(1);
      const backup = new Database(join(deskDir, 'data', backups[0]!), { fileMustExist: true, readonly: true });
      try {
        backup.pragma(`key = "x'${readKeyFile(join(deskDir, 'keys', 'desk.key')).toString('hex')}'"`);
        expect(backup.prepare('select username from users').all()).toEqual([{ username: 'wangfang' }]);
      } finally {
        backup.close();
      }
    } finally {
      rmSync(deskDir, { recursive: true, force: true });
    }
  });
});
