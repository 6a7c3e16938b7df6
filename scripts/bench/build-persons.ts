/**
 * Builds (or reuses) the benchmark's encrypted county database: 吴中区 (320506)
 * with N synthetic persons, in `.bench/` (git-ignored), its key in `.bench/keys/`.
 *
 * The database is created through the real Desk (`setup.initialize`), so the
 * committed migrations build the schema; accounts are made through the
 * services too. Only the persons are written raw, with prepared statements in
 * large transactions, together with what the services derive from a person
 * row: search keys (nameSearchKeys), the reversed phone (reversedPhone) and the
 * stored key groups (keyGroupsOf). The trigram FTS table fills itself through
 * the insert trigger of migration 0003.
 *
 *   tsx scripts/bench/build-persons.ts [--scale demo|county|city | --persons N] [--dir .bench] [--seed 20261127]
 *                                      [--batch 50000] [--force] [--analyze]
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Desk } from '../../db/desk';
import { loadDivisions, townshipsOf, villagesOf } from '../../db/divisions';
import { keyProviderFrom, readKeyFile } from '../../db/keys';
import { loadMigrations } from '../../db/migrate';
import { appPaths } from '../../electron/paths';
import { officeDate } from '../../shared/domain/dates';
import type { RpcResult } from '../../shared/rpc';
import { PERSON_COLUMNS, type GeneratorOptions } from './generate';
import type { PersonBatch } from './person-batches';

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

export function openBenchDesk(paths: BenchPaths, clock?: () => Date): Desk {
  return new Desk({
    dbPath: paths.dbPath,
    keys: keyProviderFrom({ keyFile: paths.keyFile }),
    migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir,
    appVersion: '0.0.0-bench',
    ...(clock ? { clock } : {}),
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

/** Asks the worker for batches one ahead: it makes batch k + 1 while this thread writes batch k. */
class BatchSource {
  private readonly worker: Worker;
  private pending: Promise<PersonBatch> | null = null;
  private next: number;

  constructor(options: GeneratorOptions, private readonly total: number, private readonly size: number) {
    // person-worker.mjs registers tsx in the worker, then loads person-worker.ts.
    this.worker = new Worker(new URL('./person-worker.mjs', import.meta.url), {
      workerData: options,
      // The worker holds a batch and the pinyin memo; let it collect early rather than grow.
      resourceLimits: { maxOldGenerationSizeMb: 384 },
    });
    this.next = 1;
    this.request();
  }

  private request(): void {
    if (this.next > this.total) {
      this.pending = null;
      return;
    }
    const from = this.next;
    const to = Math.min(this.total, from + this.size - 1);
    this.next = to + 1;
    this.pending = new Promise((resolvePromise, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (batch: PersonBatch) => {
        this.worker.off('error', onError);
        resolvePromise(batch);
      });
      this.worker.postMessage({ from, to });
    });
  }

  async take(): Promise<PersonBatch | null> {
    if (!this.pending) return null;
    const batch = await this.pending;
    this.request();
    return batch;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

async function insertPersons(sqlite: Database.Database, options: BuildOptions, asOf: string, phase: (name: string) => void): Promise<void> {
  const divisions = loadDivisions(PATHS.resourcesDir);
  const townships = townshipsOf(divisions, BENCH_COUNTY).map((t) => ({ code: t.code, villages: villagesOf(divisions, t.code).map((v) => v.code) }));

  // A bulk load of a throw-away database: no fsync per commit, a large page cache.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -131072');

  // Secondary indexes are built once at the end (a sort) instead of row by row
  // (random b-tree inserts). Their DDL is read back from the migrated schema and
  // replayed unchanged, so the result is the schema the migrations made.
  const deferred = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('persons', 'person_search_keys', 'person_key_groups', 'person_key_group_schedule') order by name",
    )
    .all() as { name: string; sql: string }[];
  for (const index of deferred) sqlite.exec(`drop index "${index.name}"`);

  // Rows are staged in a temp table and moved with one INSERT … SELECT per batch:
  // the FTS insert trigger then runs inside one statement instead of one per
  // row (FTS5 flushes its pending terms at every statement savepoint, which
  // makes row-by-row inserts through the trigger about ten times slower).
  sqlite.exec('create temp table bench_persons as select * from persons where 0');
  const columns = PERSON_COLUMNS.join(', ');
  const stagePerson = sqlite.prepare(`insert into temp.bench_persons (${columns}) values (${PERSON_COLUMNS.map(() => '?').join(', ')})`);
  const movePersons = sqlite.prepare(`insert into main.persons (${columns}) select ${columns} from temp.bench_persons order by id`);
  const clearStage = sqlite.prepare('delete from temp.bench_persons');
  const insertKey = sqlite.prepare('insert into main.person_search_keys (key, person_id) values (?, ?)');
  const insertGroup = sqlite.prepare('insert into main.person_key_groups (person_id, code, as_of, until) values (?, ?, ?, ?)');
  const insertRecheck = sqlite.prepare('insert into main.person_key_group_schedule (person_id, recheck_on) values (?, ?)');

  let keyRows = 0;
  let groupRows = 0;
  let makeMs = 0;
  let writeMs = 0;
  let memoHits = 0;
  // Persons first, then their search keys and key groups (foreign keys), one transaction per batch.
  const writeBatch = sqlite.transaction((batch: PersonBatch) => {
    for (const row of batch.rows) stagePerson.run(row);
    movePersons.run();
    clearStage.run();
    for (const [key, id] of batch.keys) insertKey.run(key, id);
    for (const [id, code, until] of batch.groups) insertGroup.run(id, code, asOf, until);
    for (const [id, recheckOn] of batch.schedule) insertRecheck.run(id, recheckOn);
  });

  const source = new BatchSource({ seed: options.seed, townships, today: asOf }, options.persons, options.batch);
  const loadStart = Date.now();
  try {
    for (let batch = await source.take(); batch; batch = await source.take()) {
      const t = performance.now();
      writeBatch(batch);
      writeMs += performance.now() - t;
      makeMs += batch.ms;
      keyRows += batch.keys.length;
      groupRows += batch.groups.length;
      memoHits = batch.memoHits;
      const elapsed = (Date.now() - loadStart) / 1000;
      options.log(
        `  persons ${batch.to}/${options.persons}  ${Math.round(batch.to / elapsed)}/s  ${elapsed.toFixed(1)} s (worker ${(makeMs / 1000).toFixed(1)} s, sqlite ${(writeMs / 1000).toFixed(1)} s)  rss ${rssMb()} MB`,
      );
    }
  } finally {
    await source.close();
  }
  sqlite.exec('drop table temp.bench_persons');
  options.log(`  search keys ${keyRows} (pinyin memo hits ${memoHits}), key groups ${groupRows}`);
  phase('persons');

  for (const index of deferred) {
    const t = Date.now();
    sqlite.exec(index.sql);
    options.log(`  index ${index.name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  phase('indexes');
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
