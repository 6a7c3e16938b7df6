/**
 * The crash drill: a child process (crash-worker.ts) writes to the desk and
 * is SIGKILLed at a random point; then the database is opened as the next
 * start would open it and held to what a crash must never cost:
 * - `integrity_check` ok and `foreign_key_check` empty;
 * - the audit chain intact (db/audit.ts verifyAuditChain);
 * - every write the child saw acknowledged is there;
 * - nothing half-written: every person has the audit entry of their
 *   registration, every case stands in the state of its last transition.
 * Used by tests/drills/crash.test.ts (20 kills) and scripts/drills/crash.ts (100).
 */
import { addDays } from '../../shared/domain/calendar';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { verifyAuditChain } from '../../db/audit';
import { readKeyFile } from '../../db/keys';
import { officeDate } from '../../shared/domain/dates';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { initialize, loginSession, openDrillDesk, REPO_ROOT, unwrap } from './drill-desk';
import { Rng } from './schema-values';

export const REVIEWER = 'lina';
export const REVIEWER_PASSWORD = 'Mine-2026-desk';

/** A valid GB 11643 number unique to (round, n): the birth date walks from 1975, the sequence digits carry the round. */
export function drillIdNumber(round: number, n: number): string {
  const birth = new Date(Date.UTC(1975, 0, 1) + (n % 9_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `320506${birth}${String(round % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export type Ack =
  | { op: 'register'; idNumber: string }
  | { op: 'correct'; id: number; version: number; phone: string }
  | { op: 'case'; id: number; state: string }
  | { op: 'checkin'; fairId: number; idNumber: string }
  | { op: 'import'; idNumbers: string[] };

/** The desk the children write to: first run, a reviewer for the cases, a fair open today. */
export function prepareCrashDesk(dir: string): { dbPath: string; keyFile: string } {
  const drill = openDrillDesk(dir, { now: () => new Date() });
  try {
    const admin = initialize(drill);
    const call = (session: string, method: string, input: unknown) => drill.desk.call(session, method, input).result;
    unwrap(call(admin, 'users.create', { username: REVIEWER, displayName: '李娜', roles: ['reviewer'], password: 'Start-2026-desk' }), 'create reviewer');
    const reviewer = loginSession(drill.desk, REVIEWER, 'Start-2026-desk', 'prepare');
    unwrap(call(reviewer, 'auth.changePassword', { currentPassword: 'Start-2026-desk', newPassword: REVIEWER_PASSWORD }), 'reviewer password');
    const today = officeDate(new Date());
    unwrap(
      call(admin, 'fairs.create', { name: '崩溃演练专场招聘会', campaign: 'assistance_month', targetGroup: 'difficulty', channel: 'on_site', startDate: today, endDate: addDays(today, 1), venue: '吴中区人力资源市场', organizer: '吴中区人力资源和社会保障局' }),
      'fair',
    );
    return { dbPath: drill.dbPath, keyFile: drill.keyFile };
  } finally {
    drill.desk.close();
  }
}

export interface WorkerRun {
  acks: Ack[];
  killed: boolean;
  /** Milliseconds the child wrote before the kill (from its READY). */
  ranMs: number;
}

/**
 * Where a child is killed: after its `afterAcks`-th acknowledged write, plus
 * `jitterMs` into whatever it does next. Counted in writes rather than time,
 * so that kills fall across the stream of writes however loaded the machine is.
 */
export interface KillPoint {
  afterAcks: number;
  jitterMs: number;
}

/**
 * The worker bundled once into one file (esbuild), so each of the many
 * children starts in a fraction of a second instead of compiling the
 * backend's TypeScript again under tsx. Packages stay external and resolve
 * from the repository's node_modules: the file lives in `.drills/` (git-ignored).
 */
export async function bundleWorker(): Promise<{ path: string; remove: () => void }> {
  const dir = join(REPO_ROOT, '.drills');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-worker-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(REPO_ROOT, 'tests', 'drills', 'crash-worker.ts')],
    outfile: path,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    define: { 'import.meta.dirname': JSON.stringify(join(REPO_ROOT, 'tests', 'drills')) },
  });
  return { path, remove: () => rmSync(path, { force: true }) };
}

/** One child: started, left to write until its kill point, then SIGKILLed. */
export function runWorker(worker: string, dir: string, round: number, kill: KillPoint, broken = false): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const args = [worker, dir, String(round), ...(broken ? ['--broken', 'autocommit'] : [])];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let pending = '';
    let stderr = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | null = null;
    const aim = () => {
      if (!timer && acks.length >= kill.afterAcks) timer = setTimeout(() => child.kill('SIGKILL'), kill.jitterMs);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') {
          readyAt = Date.now();
          aim();
        } else if (line.startsWith('{"ack"')) {
          acks.push((JSON.parse(line) as { ack: Ack }).ack);
          if (readyAt) aim();
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acks, killed: true, ranMs: readyAt ? Date.now() - readyAt : 0 });
      else reject(new Error(`crash worker exited ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Everything wrong with the database after a kill, in plain words; empty when it held. */
export function crashDamage(dbPath: string, keyFile: string, acks: readonly Ack[]): string[] {
  const sqlite = new Database(dbPath, { fileMustExist: true });
  const problems: string[] = [];
  try {
    sqlite.pragma(`key = "x'${readKeyFile(keyFile).toString('hex')}'"`);
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity).slice(0, 300)}`);
    const foreign = sqlite.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign).slice(0, 300)}`);
    const chain = verifyAuditChain(sqlite);
    if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenId}: ${chain.reason}`);
    problems.push(...missingAcks(sqlite, acks), ...halfWritten(sqlite));
  } finally {
    sqlite.close();
  }
  return problems;
}

const CASE_ORDER = ['draft', 'accepted', 'in_review', 'approved'];

function missingAcks(sqlite: Database.Database, acks: readonly Ack[]): string[] {
  const person = sqlite.prepare('select id, version, phone from persons where id_number = ?');
  const byId = sqlite.prepare('select version, phone from persons where id = ?');
  const caseState = sqlite.prepare('select state from cases where id = ?');
  const attendance = sqlite.prepare('select 1 from fair_attendances a join persons p on p.id = a.person_id where a.fair_id = ? and p.id_number = ?');
  const missing: string[] = [];
  for (const ack of acks) {
    if (ack.op === 'register' && !person.get(ack.idNumber)) missing.push(`acknowledged registration missing: ${ack.idNumber.slice(0, 6)}…`);
    if (ack.op === 'import') for (const id of ack.idNumbers) if (!person.get(id)) missing.push(`acknowledged import row missing: ${id.slice(0, 6)}…`);
    if (ack.op === 'correct') {
      const row = byId.get(ack.id) as { version: number; phone: string } | undefined;
      if (!row || row.version < ack.version) missing.push(`acknowledged correction of person ${ack.id} (version ${ack.version}) missing`);
    }
    if (ack.op === 'case') {
      const row = caseState.get(ack.id) as { state: string } | undefined;
      if (!row || CASE_ORDER.indexOf(row.state) < CASE_ORDER.indexOf(ack.state)) missing.push(`case ${ack.id} acknowledged ${ack.state}, found ${row?.state ?? 'nothing'}`);
    }
    if (ack.op === 'checkin' && !attendance.get(ack.fairId, ack.idNumber)) missing.push(`acknowledged check-in at fair ${ack.fairId} missing`);
  }
  return missing;
}

/** Rows whose companions are missing: a write that was not one transaction, cut by the kill. */
function halfWritten(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const unaudited = sqlite
    .prepare("select p.id from persons p where not exists (select 1 from audit_log a where a.entity_type = 'person' and a.entity_id = cast(p.id as text) and a.action = 'persons.register')")
    .all() as { id: number }[];
  if (unaudited.length > 0) problems.push(`persons without their registration's audit entry: ${unaudited.map((r) => r.id).join(', ')}`);
  const unexplained = sqlite
    .prepare(
      `select c.id, c.state, (select t.to_state from case_transitions t where t.case_id = c.id order by t.id desc limit 1) as last
       from cases c where c.state <> coalesce((select t.to_state from case_transitions t where t.case_id = c.id order by t.id desc limit 1), 'draft')`,
    )
    .all() as { id: number; state: string; last: string | null }[];
  for (const row of unexplained) problems.push(`case ${row.id} is ${row.state} but its last transition says ${row.last ?? 'none'}`);
  const auditedCases = sqlite
    .prepare("select count(*) as n from case_transitions t where not exists (select 1 from audit_log a where a.action = 'cases.transition' and a.entity_id = cast(t.case_id as text))")
    .get() as { n: number };
  if (auditedCases.n > 0) problems.push(`${auditedCases.n} case transitions without an audit entry`);
  return problems;
}

export interface CrashDrillReport {
  kills: number;
  acknowledged: number;
  damage: Array<{ round: number; kill: KillPoint; problems: string[] }>;
}

/** `kills` children, each killed at a random point of its stream of writes; the database checked after each. */
export async function crashDrill(dir: string, kills: number, seed: number, options: { broken?: boolean } = {}): Promise<CrashDrillReport> {
  const { dbPath, keyFile } = prepareCrashDesk(dir);
  const rng = new Rng(seed);
  const report: CrashDrillReport = { kills: 0, acknowledged: 0, damage: [] };
  const all: Ack[] = [];
  const worker = await bundleWorker();
  try {
    for (let round = 1; round <= kills; round += 1) {
      const kill = { afterAcks: rng.int(0, 14), jitterMs: rng.int(0, 40) };
      const run = await runWorker(worker.path, dir, round, kill, options.broken);
      report.kills += 1;
      all.push(...run.acks);
      report.acknowledged += run.acks.length;
      // Every acknowledged write of every earlier round too: a later start must not lose them either.
      const problems = crashDamage(dbPath, keyFile, all);
      if (problems.length > 0) report.damage.push({ round, kill, problems });
      if (options.broken && problems.length > 0) break;
    }
  } finally {
    worker.remove();
  }
  return report;
}
