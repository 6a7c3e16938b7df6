/**
 * The migration drill: for every past schema version N (the committed
 * migrations 0…N−1 applied), a database filled with realistic rows — the
 * demo county (db/demo.ts), built at today's version, projected onto the
 * tables and columns that existed at N — is migrated to the current version.
 * Then every row that was there must still be there with the same values in
 * every column that still exists, foreign_key_check empty, integrity ok and
 * the audit chain intact. Nothing here names a migration or a table: a new
 * migration is drilled from every earlier version as soon as it is committed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../../db/audit';
import { Desk } from '../../db/desk';
import { buildDemo } from '../../db/demo';
import { demoPaths } from '../../db/demo-files';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { applyMigrations, loadMigrations, type Migration } from '../../db/migrate';
import { registerFunctions } from '../../db/open';
import { PATHS } from './drill-desk';

export interface SourceDatabase {
  path: string;
  key: Buffer;
}

/** The demo county, built once at the current version: the rows every version is filled from. */
export async function buildSource(dir: string): Promise<SourceDatabase> {
  const desk = new Desk({
    dbPath: join(dir, 'data', 'desk.db'),
    keys: keyProviderFrom({ keyFile: join(dir, 'keys', 'desk.key') }),
    migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-drill',
    demo: buildDemo,
    log: () => undefined,
  });
  try {
    const started = desk.call(null, 'setup.openDemo', {}).result;
    if (!started.ok) throw new Error(`demo: ${started.error.message}`);
    const done = await desk.jobs.settled((started.value as { id: string }).id);
    if (done.state !== 'done') throw new Error(`demo: ${done.state} ${done.error ?? ''}`);
  } finally {
    desk.close();
  }
  const paths = demoPaths(join(dir, 'data'));
  return { path: paths.dbPath, key: readKeyFile(paths.keyFile) };
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
}

/** Ordinary tables: not SQLite's own, not full-text indexes or their shadow tables (filled by triggers), not the migration log. */
function dataTables(db: Database.Database, schema = 'main'): string[] {
  const all = db.prepare(`select name, sql from ${schema}.sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => name !== 'schema_migrations' && !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

function columnsOf(db: Database.Database, table: string, schema = 'main'): Column[] {
  return db.prepare(`select name, type, "notnull", dflt_value from pragma_table_info(?, ?)`).all(table, schema) as Column[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A value for a required column without a default that the demo does not have (dropped or renamed since). */
function fillerFor(column: Column): string {
  return /INT|REAL|NUM/i.test(column.type) ? '0' : "''";
}

/**
 * A database at version `n`, filled from the source through ATTACH; rows the
 * older schema refuses (a CHECK, a missing parent) are left out. `rowsPerTable`
 * takes each table's first rows only (the suite's size); rows whose parents
 * were not taken go too.
 */
export function databaseAtVersion(path: string, migrations: Migration[], n: number, source: SourceDatabase, rowsPerTable?: number): Database.Database {
  const db = new Database(path);
  registerFunctions(db);
  applyMigrations(db, migrations.slice(0, n), new Date('2026-01-01T00:00:00Z'));
  db.prepare(`attach database ? as src key "x'${source.key.toString('hex')}'"`).run(source.path);
  db.pragma('foreign_keys = OFF');
  const sourceTables = new Set(dataTables(db, 'src'));
  db.transaction(() => {
    for (const table of dataTables(db)) {
      if (!sourceTables.has(table)) continue;
      const theirs = new Set(columnsOf(db, table, 'src').map((c) => c.name));
      // A column renamed since version n is read from the demo under its name of today.
      const source = (c: Column) => (theirs.has(c.name) ? c.name : theirs.has(renamedSince(migrations, n, table, c.name)) ? renamedSince(migrations, n, table, c.name) : null);
      // Columns the demo lacks take their default; only a required one without a default gets a filler.
      const ours = columnsOf(db, table).filter((c) => source(c) !== null || (c.notnull && c.dflt_value === null));
      const names = ours.map((c) => quote(c.name)).join(', ');
      const values = ours.map((c) => (source(c) !== null ? quote(source(c)!) : fillerFor(c))).join(', ');
      db.exec(`insert or ignore into main.${quote(table)} (${names}) select ${values} from src.${quote(table)}${rowsPerTable ? ` limit ${rowsPerTable}` : ''}`);
    }
  })();
  db.exec('detach database src');
  // Rows whose parent the older schema refused go too, until every reference holds.
  for (let round = 0; round < 20; round += 1) {
    const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
    if (orphans.length === 0) break;
    db.transaction(() => {
      for (const orphan of orphans) db.prepare(`delete from ${quote(orphan.table)} where rowid = ?`).run(orphan.rowid);
    })();
  }
  db.pragma('foreign_keys = ON');
  return db;
}

type Snapshot = Map<string, { columns: string[]; rows: Map<string, number> }>;

/** Every row of every table, as a multiset of its values by column (rebuilt tables may renumber rowids). */
function snapshot(db: Database.Database, only?: Snapshot, renamed: (table: string, column: string) => string = (_t, c) => c): Snapshot {
  const result: Snapshot = new Map();
  for (const table of dataTables(db)) {
    const columns = columnsOf(db, table).map((c) => c.name).filter((c) => !only || only.get(table)?.columns.some((then) => renamed(table, then) === c));
    if (only && !only.has(table)) continue;
    const rows = new Map<string, number>();
    if (columns.length > 0) {
      for (const row of db.prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)}`).raw().iterate() as Iterable<unknown[]>) {
        const key = JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
        rows.set(key, (rows.get(key) ?? 0) + 1);
      }
    }
    result.set(table, { columns, rows });
  }
  return result;
}

/**
 * Rows a migration changes on purpose, each with its reason: the drill lets
 * exactly these through when that migration is among those it applies. Any
 * other row lost or changed is a finding.
 */
export const DELIBERATE_CHANGES: ReadonlyArray<{ migration: string; table: string; row: (row: Record<string, unknown>) => boolean; why: string }> = [
  {
    migration: '0006_key_group_schedule',
    table: 'settings',
    row: (row) => row.key === 'key_groups_as_of',
    why: 'the marker of the stored key groups is removed, so that they are recomputed in full once and fill the new recheck schedule',
  },
];

/** Columns a migration drops on purpose, with why; any other column dropped with its data is a finding. */
export const DELIBERATE_DROPS: ReadonlyArray<{ migration: string; table: string; columns: string[]; why: string }> = [
  {
    migration: '0014_login_throttles',
    table: 'users',
    columns: ['failed_logins', 'locked_until'],
    why: 'the per-account lockout gave way to login_throttles, counted per account and computer',
  },
];

/** Columns a migration renames (its tag without the number): their values must come through under the new name. */
export const DELIBERATE_RENAMES: ReadonlyArray<{ migration: string; table: string; from: string; to: string; why: string }> = [
  { migration: 'case_type', table: 'cases', from: 'matter_type', to: 'case_type', why: 'one English word for 业务: case (docs/glossary.md)' }, // old name kept
];

/** The name a column of version `n` has today, through the renames of the migrations after `n`. */
function renamedSince(migrations: Migration[], n: number, table: string, column: string): string {
  let name = column;
  for (const rename of DELIBERATE_RENAMES) {
    const at = migrations.findIndex((m) => m.tag.replace(/^\d+_/, '') === rename.migration);
    if (at >= n && rename.table === table && rename.from === name) name = rename.to;
  }
  return name;
}

export interface VersionReport {
  version: number;
  /** The last migration applied at that version. */
  tag: string;
  tables: number;
  rows: number;
  problems: string[];
}

/** Migrates the database at version `n` to the last of `migrations` and says what did not come through. */
export function drillVersion(dir: string, migrations: Migration[], n: number, source: SourceDatabase, rowsPerTable?: number): VersionReport {
  const db = databaseAtVersion(join(dir, `at-${n}.db`), migrations, n, source, rowsPerTable);
  const problems: string[] = [];
  try {
    const before = snapshot(db);
    const rows = [...before.values()].reduce((sum, t) => sum + [...t.rows.values()].reduce((a, b) => a + b, 0), 0);
    try {
      applyMigrations(db, migrations.slice(n), new Date('2026-12-01T00:00:00Z'));
    } catch (error) {
      problems.push(`migrating failed: ${(error as Error).message}`);
      return { version: n, tag: migrations[n - 1]!.tag, tables: before.size, rows, problems };
    }
    const after = snapshot(db, before, (table, column) => renamedSince(migrations, n, table, column));
    for (const [table, { columns: columnsThen, rows: was }] of before) {
      // Compared under today's names: a renamed column's values must be there under its new name.
      const columns = columnsThen.map((c) => renamedSince(migrations, n, table, c));
      const now = after.get(table);
      if (!now) {
        if (was.size > 0) problems.push(`table ${table} (${was.size} rows) is gone`);
        continue;
      }
      const kept = now.columns;
      const dropped = columns.filter((c) => !kept.includes(c));
      // A column dropped on purpose is a decision a reviewer sees in the migration; its data is reported, not judged.
      const project = (key: string, from: string[]) => {
        const values = JSON.parse(key) as unknown[];
        return JSON.stringify(kept.map((c) => values[from.indexOf(c)]));
      };
      const sameOrder = kept.length === columns.length && kept.every((c, i) => c === columns[i]);
      const expected = new Map<string, number>();
      for (const [key, count] of was) {
        // Projected onto today's columns in today's order (a rebuilt table may order them differently).
        const projected = sameOrder ? key : project(key, columns);
        expected.set(projected, (expected.get(projected) ?? 0) + count);
      }
      const deliberate = DELIBERATE_CHANGES.filter((d) => d.table === table && migrations.findIndex((m) => m.tag === d.migration) >= n);
      let lost = 0;
      let sample = '';
      for (const [key, count] of expected) {
        const found = now.rows.get(key) ?? 0;
        if (found < count && deliberate.length > 0) {
          const values = JSON.parse(key) as unknown[];
          const row = Object.fromEntries(kept.map((c, i) => [c, values[i]]));
          if (deliberate.some((d) => d.row(row))) continue;
        }
        if (found < count) {
          lost += count - found;
          sample ||= key.slice(0, 200);
        }
      }
      if (lost > 0) problems.push(`${table}: ${lost} row(s) lost or changed, e.g. ${sample}`);
      const droppedOnPurpose = new Set(DELIBERATE_DROPS.filter((d) => d.table === table && migrations.findIndex((m) => m.tag === d.migration) >= n).flatMap((d) => d.columns));
      const unexplained = dropped.filter((c) => !droppedOnPurpose.has(c));
      if (unexplained.length > 0 && was.size > 0) problems.push(`${table}: column(s) ${unexplained.join(', ')} dropped with their data`);
    }
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${foreign.length} dangling reference(s)`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenId}: ${chain.reason}`);
    return { version: n, tag: migrations[n - 1]!.tag, tables: before.size, rows, problems };
  } finally {
    db.close();
    rmSync(join(dir, `at-${n}.db`), { force: true });
  }
}

export interface DrillOptions {
  migrationsDir?: string;
  /** Only these versions (default: every past one). */
  versions?: number[];
  /** Each table's first rows only (default: all of the demo county). */
  rowsPerTable?: number;
}

/** Every past version (1 … current−1) of the migrations, each migrated to the current one. */
export function migrationDrill(dir: string, source: SourceDatabase, options: DrillOptions = {}): VersionReport[] {
  const migrations = loadMigrations(options.migrationsDir ?? PATHS.migrationsDir);
  const past = options.versions ?? Array.from({ length: migrations.length - 1 }, (_, i) => i + 1);
  return past.map((n) => drillVersion(dir, migrations, n, source, options.rowsPerTable));
}
