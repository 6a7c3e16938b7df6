/**
 * Builds (or reuses) the benchmark's encrypted county database: 吴中区 (320506)
 * with N synthetic persons, in `.bench/` (git-ignored), its key in `.bench/keys/`.
 *
 * The database is created through the real Desk (`setup.initialize`), so the
 * committed migrations build the schema; accounts are made through the
 * services too. Only the persons are written raw, by the seed command's bulk
 * loader (db/seed/load-persons.ts), together with what the services derive
 * from a person row: search keys, the reversed phone and the stored key groups.
 *
 *   tsx scripts/bench/build-persons.ts [--scale demo|county|city | --persons N] [--dir .bench] [--seed 20261127]
 *                                      [--batch 50000] [--force] [--analyze]
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { Desk } from '../../db/desk';
import { loadDivisions, townshipsOf, villagesOf } from '../../db/divisions';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { loadMigrations } from '../../db/migrate';
import { appPaths } from '../../electron/paths';
import { officeDate } from '../../shared/domain/dates';
import type { RpcResult } from '../../shared/rpc';
import { loadPersons } from '../../db/seed/load-persons';

export const BENCH_COUNTY = '320506';
export const BENCH_ADMIN = { username: 'benchadmin', displayName: '基准测试管理员', password: 'Bench-Admin-2026' } as const;
/** The account the searches run as: front desk only, as at the office window. */
export const BENCH_USER = { username: 'benchdesk', displayName: '基准测试窗口', password: 'Bench-Desk-2026-ok' } as const;
/** Bump when the generator changes, so an old database is rebuilt rather than reused. */
export const GENERATOR_VERSION = 2;
export const MARKER_KEY = 'bench_marker';
export const SCALES = { demo: 10_000, county: 300_000, city: 1_000_000 } as const;
export type Scale = keyof typeof SCALES;

export interface BenchPaths {
  dir: string;
  dbPath: string;
  keyFile: string;
}

export function benchPaths(dir: string): BenchPaths {
  const root = resolve(dir);
  return { dir: root, dbPath: join(root, 'desk.db'), keyFile: join(root, 'keys', 'desk.key') };
}

export interface BenchMarker {
  generatorVersion: number;
  persons: number;
  seed: number;
  /** Office date the key groups were computed for. */
  asOf: string;
  builtAt: string;
  buildSeconds: number;
  analyzed: boolean;
  userId: number;
}

const PATHS = appPaths(resolve(import.meta.dirname, '..', '..'));

/** `jobThreadEntry`: run long work in threads of its own, as the app and the host do. */
export function openBenchDesk(paths: BenchPaths, clock?: () => Date, jobThreadEntry?: string): Desk {
  return new Desk({
    dbPath: paths.dbPath,
    keys: keyProviderFrom({ keyFile: paths.keyFile }),
    migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-bench',
    ...(clock ? { clock } : {}),
    ...(jobThreadEntry ? { jobThreadEntry } : {}),
    log: (message, error) => console.error(`[desk] ${message}`, error),
  });
}

export function unwrap<T>(result: RpcResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Logs in through the service; returns the session id. */
export function loginAs(desk: Desk, username: string, password: string): string {
  const outcome = desk.call(null, 'auth.login', { username, password });
  unwrap(outcome.result, `login ${username}`);
  if (!outcome.session || !('set' in outcome.session)) throw new Error(`login ${username} started no session`);
  return outcome.session.set;
}

export function readMarker(sqlite: Database.Database): BenchMarker | null {
  const row = sqlite.prepare('select value from settings where key = ?').get(MARKER_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as BenchMarker) : null;
}

export function rssMb(): number {
  return Math.round(process.memoryUsage.rss() / 1048576);
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export interface BuildOptions {
  dir: string;
  persons: number;
  seed: number;
  /** Rows per transaction. */
  batch: number;
  force: boolean;
  /** Run ANALYZE after the load (planner statistics); the app itself never does. */
  analyze: boolean;
  log: (line: string) => void;
}

export interface BuildOutcome {
  paths: BenchPaths;
  persons: number;
  reused: boolean;
  /** Time spent by this call (checking the marker when reused). */
  seconds: number;
  /** Time the database took to build, when it was built. */
  buildSeconds: number;
  marker: BenchMarker;
  phases: Record<string, number>;
}

/** Removes the benchmark database, its WAL files, backups and key; only inside the bench folder. */
function removeBenchDatabase(paths: BenchPaths): void {
  for (const file of readdirSync(paths.dir)) {
    if (file === 'desk.db' || file.startsWith('desk.db-') || file.startsWith('desk.before-')) rmSync(join(paths.dir, file), { force: true });
  }
  rmSync(paths.keyFile, { force: true });
}

/** user_version of the file on disk, read without migrating it (opening a Desk would migrate and back it up). */
function schemaVersionOnDisk(paths: BenchPaths): number | null {
  const sqlite = new Database(paths.dbPath, { fileMustExist: true });
  try {
    sqlite.pragma(`key = "x'${readKeyFile(paths.keyFile).toString('hex')}'"`);
    return sqlite.pragma('user_version', { simple: true }) as number;
  } catch {
    return null;
  } finally {
    sqlite.close();
  }
}

/**
 * The reusable database, when the marker says it holds the same persons from
 * the same generator and its schema is the app's current one (a database from
 * before a new migration is rebuilt, not migrated with a backup copy).
 */
function reusable(paths: BenchPaths, options: BuildOptions): BenchMarker | null {
  if (!existsSync(paths.dbPath) || !existsSync(paths.keyFile)) return null;
  const version = schemaVersionOnDisk(paths);
  if (version !== loadMigrations(PATHS.migrationsDir).length) {
    options.log(`${paths.dbPath} has schema version ${version}; the app is at ${loadMigrations(PATHS.migrationsDir).length}: rebuilding`);
    return null;
  }
  const desk = openBenchDesk(paths);
  try {
    if (desk.state().state !== 'ready') return null;
    const sqlite = desk.database().sqlite;
    const marker = readMarker(sqlite);
    if (!marker || marker.generatorVersion !== GENERATOR_VERSION || marker.persons !== options.persons || marker.seed !== options.seed || marker.analyzed !== options.analyze) return null;
    const count = (sqlite.prepare('select count(*) as n from persons').get() as { n: number }).n;
    return count === options.persons ? marker : null;
  } finally {
    desk.close();
  }
}

export async function buildPersons(options: BuildOptions): Promise<BuildOutcome> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const paths = benchPaths(options.dir);
  const existing = options.force ? null : reusable(paths, options);
  if (existing) {
    options.log(`reusing ${paths.dbPath}: ${existing.persons} persons (built ${existing.builtAt} in ${existing.buildSeconds} s)`);
    return { paths, persons: existing.persons, reused: true, seconds: seconds(), buildSeconds: existing.buildSeconds, marker: existing, phases: {} };
  }
  if (existsSync(paths.dir)) removeBenchDatabase(paths);
  const phases: Record<string, number> = {};
  let phaseStart = seconds();
  const phase = (name: string) => {
    const now = seconds();
    phases[name] = Math.round((now - phaseStart) * 10) / 10;
    phaseStart = now;
  };

  // First run through the real services: database, migrations, county, administrator.
  const now = new Date();
  const asOf = officeDate(now);
  const desk = openBenchDesk(paths);
  try {
    unwrap(
      desk.call(null, 'setup.initialize', {
        countyCode: BENCH_COUNTY,
        adminUsername: BENCH_ADMIN.username,
        adminDisplayName: BENCH_ADMIN.displayName,
        password: BENCH_ADMIN.password,
        alsoFrontDesk: false,
      }).result,
      'setup.initialize',
    );
    const admin = loginAs(desk, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const initial = `${BENCH_USER.password}-initial`;
    const user = unwrap<{ id: number }>(
      desk.call(admin, 'users.create', { username: BENCH_USER.username, displayName: BENCH_USER.displayName, roles: ['front_desk'], password: initial }).result,
      'users.create',
    );
    // A new account must replace the password the administrator chose.
    const first = loginAs(desk, BENCH_USER.username, initial);
    unwrap(desk.call(first, 'auth.changePassword', { currentPassword: initial, newPassword: BENCH_USER.password }).result, 'auth.changePassword');
    phase('setup');

    const sqlite = desk.database().sqlite;
    await insertPersons(sqlite, options, asOf, phase);

    const marker: BenchMarker = {
      generatorVersion: GENERATOR_VERSION,
      persons: options.persons,
      seed: options.seed,
      asOf,
      builtAt: now.toISOString(),
      buildSeconds: Math.round(seconds() * 10) / 10,
      analyzed: options.analyze,
      userId: user.id,
    };
    const upsert = sqlite.prepare('insert into settings(key, value) values (?, ?) on conflict(key) do update set value = excluded.value');
    sqlite.transaction(() => {
      upsert.run(MARKER_KEY, JSON.stringify(marker));
      // The stored key groups hold for today: the first filter of the day need not recompute them.
      upsert.run('key_groups_as_of', asOf);
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    phase('checkpoint');
    options.log(`built ${options.persons} persons in ${marker.buildSeconds} s (${JSON.stringify(phases)}), peak RSS ${peakRssMb()} MB`);
    return { paths, persons: options.persons, reused: false, seconds: seconds(), buildSeconds: marker.buildSeconds, marker, phases };
  } finally {
    desk.close();
  }
}

async function insertPersons(sqlite: Database.Database, options: BuildOptions, asOf: string, phase: (name: string) => void): Promise<void> {
  const divisions = loadDivisions(PATHS.resourcesDir);
  const townships = townshipsOf(divisions, BENCH_COUNTY).map((t) => ({ code: t.code, villages: villagesOf(divisions, t.code).map((v) => v.code) }));

  // A bulk load of a throw-away database: no fsync per commit, a large page cache.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -131072');
  // The generator and the loader are the seed command's (db/seed), so bench and seed build the same registry.
  await loadPersons(sqlite, { generator: { seed: options.seed, townships, today: asOf }, persons: options.persons, batch: options.batch, worker: true, log: options.log });
  phase('persons+indexes');
  if (options.analyze) {
    sqlite.exec('analyze');
    phase('analyze');
  }
  sqlite.pragma('synchronous = FULL');
}

export interface BenchArgs {
  dir: string;
  persons: number;
  seed: number;
  batch: number;
  force: boolean;
  analyze: boolean;
  scale: Scale | null;
  rest: Map<string, string>;
}

/** --scale demo|county|city (10k / 300k / 1M), --persons N (default: city), --dir, --seed, --batch, --force. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const rest = new Map<string, string>();
  let force = false;
  let analyze = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flag === 'force' || flag === 'analyze') {
      if (flag === 'force') force = true;
      else analyze = true;
      continue;
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    rest.set(flag, value);
  }
  const scaleText = rest.get('scale');
  if (scaleText !== undefined && !(scaleText in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const scale = (scaleText as Scale | undefined) ?? null;
  const persons = rest.has('persons') ? Number(rest.get('persons')) : SCALES[scale ?? 'city'];
  if (!Number.isInteger(persons) || persons < 100 || persons > 50_000_000) throw new Error('--persons must be an integer from 100 to 50,000,000');
  const seed = Number(rest.get('seed') ?? 20261127);
  const batch = Number(rest.get('batch') ?? 50_000);
  for (const k of ['scale', 'persons', 'seed', 'batch']) rest.delete(k);
  const dir = rest.get('dir') ?? '.bench';
  rest.delete('dir');
  return { dir, persons, seed, batch, force, analyze, scale, rest };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.rest.size > 0) throw new Error(`unknown option --${[...args.rest.keys()][0]}`);
  const outcome = await buildPersons({ ...args, log: (line) => console.error(line) });
  process.stdout.write(`${JSON.stringify({ dbPath: outcome.paths.dbPath, persons: outcome.persons, reused: outcome.reused, seconds: outcome.seconds, buildSeconds: outcome.buildSeconds, phases: outcome.phases }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
