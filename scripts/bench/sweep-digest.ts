/**
 * The sweep's verdicts as one digest, to prove a faster sweep judges exactly as
 * before: on a copy of a county database (a seeded demo county has every
 * department's data, cases and enterprises), marks everyone due, runs a full
 * sweep inline on a fixed day, then `--changed N` persons corrected and an
 * incremental sweep, and prints the SHA-256 of every finding (policy, subject,
 * result, amount, verdict with its trace, facts, status) and of every
 * subject's recheck day, with the sweeps' times. Nothing personal is printed.
 *
 *   tsx scripts/bench/sweep-digest.ts --db PATH --key-file FILE --user NAME --password PW [--on 2026-11-27] [--changed 50]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { Desk } from '../../db/desk';
import { keyProviderFrom } from '../../db/keys';
import { appPaths } from '../../electron/paths';
import type { JobView, SweepView } from '../../shared/contract';
import { loginAs, unwrap } from './build-persons';

const PATHS = appPaths(resolve(import.meta.dirname, '..', '..'));

function option(argv: string[], name: string, fallback?: string): string {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is needed`);
  return value;
}

/** SHA-256 of the live and gone findings (ids and sweep numbers left out) and of the recheck days. */
export function sweepDigest(sqlite: Database.Database): { findings: string; subjects: string; live: number; gone: number } {
  const findings = createHash('sha256');
  const rows = sqlite
    .prepare(`select policy_code, policy_version, subject_type, subject_id, result, amount_fen, verdict, facts, status, version from policy_findings order by policy_code, subject_type, subject_id, id`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  let live = 0;
  let gone = 0;
  for (const row of rows) {
    findings.update(`${JSON.stringify(row)}\n`);
    if (row[8] === 'gone') gone += 1;
    else live += 1;
  }
  const subjects = createHash('sha256');
  for (const row of sqlite.prepare('select subject_type, subject_id, recheck_on from policy_subjects order by subject_type, subject_id').raw().iterate() as IterableIterator<unknown[]>) subjects.update(`${JSON.stringify(row)}\n`);
  return { findings: findings.digest('hex'), subjects: subjects.digest('hex'), live, gone };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const on = option(argv, 'on', '2026-11-27');
  const changed = Number(option(argv, 'changed', '50'));
  const clock = () => new Date(`${on}T02:00:00.000Z`);
  const desk = new Desk({
    dbPath: resolve(option(argv, 'db')), keys: keyProviderFrom({ keyFile: resolve(option(argv, 'key-file')) }), migrationsDir: PATHS.migrationsDir,
    resourcesDir: PATHS.resourcesDir, appVersion: '0.0.0-bench', clock, log: (message, error) => console.error(`[desk] ${message}`, error),
  });
  try {
    const session = loginAs(desk, option(argv, 'user'), option(argv, 'password'));
    const { sqlite } = desk.database();
    const sweep = async (): Promise<{ seconds: number; sweep: SweepView }> => {
      const started = performance.now();
      const job = await desk.jobs.settled(unwrap<JobView>(desk.call(session, 'policies.sweepStart', {}).result, 'sweepStart').id);
      if (job.state !== 'done') throw new Error(`sweep ${job.state}: ${job.error}`);
      return { seconds: Math.round((performance.now() - started) / 10) / 100, sweep: job.result as SweepView };
    };
    sqlite.prepare("update policy_subjects set recheck_on = ''").run();
    const full = await sweep();
    const afterFull = sweepDigest(sqlite);
    const ids = sqlite.prepare("select subject_id from policy_subjects where subject_type = 'person' order by subject_id").pluck().all() as number[];
    const touched = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / changed)) === 0).slice(0, changed);
    const mark = sqlite.prepare("update policy_subjects set recheck_on = '' where subject_type = 'person' and subject_id = ?");
    sqlite.transaction(() => touched.forEach((id) => mark.run(id)))();
    const incremental = await sweep();
    const afterIncremental = sweepDigest(sqlite);
    process.stdout.write(
      `${JSON.stringify({ on, full: { seconds: full.seconds, evaluated: full.sweep.evaluated, found: full.sweep.found }, afterFull, incremental: { seconds: incremental.seconds, evaluated: incremental.sweep.evaluated, found: incremental.sweep.found }, afterIncremental }, null, 2)}\n`,
    );
  } finally {
    desk.close();
  }
}

await main();
