/**
 * The contract fuzz: every method of shared/contract, with inputs drawn from
 * its own JSON Schema (schema-values.ts), called as every role and as no one.
 * What it holds the desk to, call by call:
 * - nothing thrown out of `desk.call`, no INTERNAL answer, nothing logged
 *   (an error the services did not foresee), no job ending in the generic
 *   failure;
 * - no answer carrying a stack trace or a path of this machine;
 * - a refused call changes no row (table digests before and after), except the
 *   facts a refusal is meant to keep: a wrong password's count and its audit entry.
 * New methods are fuzzed as soon as they are in the contract: nothing here names them.
 */
import { homedir, tmpdir } from 'node:os';
import { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/roles';
import { ERROR_CODES, type RpcResult } from '../../shared/rpc';
import { verifyAuditChain } from '../../db/audit';
import { type Desk } from '../../db/desk';
import { changedTables, initialize, loginSession, REPO_ROOT, tableDigests, tableNames, unwrap, type DrillDesk } from './drill-desk';
import { Rng, SchemaValues, type JsonSchema } from './schema-values';

const OWN_PASSWORD = 'Mine-2026-desk';

export const METHODS = Object.keys(contract) as MethodName[];

/** Tables a refused call may change, and the audit actions it may append there (router.ts recordFacts). */
const REFUSAL_FACT_TABLES = new Set(['audit_log', 'login_throttles']);
const REFUSAL_FACT_ACTIONS = new Set(['auth.loginFailed', 'office.pairFailed']);

export interface Finding {
  kind: 'threw' | 'internal' | 'logged' | 'stack-or-path' | 'bad-error-shape' | 'refused-call-wrote' | 'job-failed' | 'database';
  method: string;
  principal: string;
  detail: string;
  input: string;
}

export interface FuzzReport {
  seed: number;
  calls: number;
  ok: number;
  refused: Record<string, number>;
  methodsCalled: number;
  findings: Finding[];
  repairs: number;
  ms: number;
}

interface Principal {
  name: string;
  role: Role | null;
  session: string | null;
  username?: string;
}

const INPUT_SCHEMAS = new Map<MethodName, JsonSchema>(
  METHODS.map((m) => [m, z.toJSONSchema(contract[m].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema]),
);

/** What, in an answer, would tell an attacker about this machine: a stack frame or one of its folders. */
function leakIn(text: string, deskDir: string | null): string | null {
  const needles = deskDir ? [REPO_ROOT, deskDir, tmpdir() + '/', homedir() + '/', 'node_modules', '/usr/lib/', 'file://'] : [REPO_ROOT, 'node_modules'];
  for (const needle of needles) if (needle.length > 1 && text.includes(needle)) return needle;
  const frame = /\n\s+at \S|\bat [\w.<>]+ \(|\.(?:ts|js|mjs|cjs):\d+:\d+/.exec(text);
  return frame ? frame[0] : null;
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return (text ?? String(input)).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

export class ContractFuzz {
  private readonly rng: Rng;
  private readonly principals: Principal[] = [];
  private readonly costMs = new Map<MethodName, number>();
  private readonly findings: Finding[] = [];
  private readonly refused: Record<string, number> = {};
  private readonly jobIds = new Set<string>();
  private readonly called = new Set<MethodName>();
  private digests: Map<string, string> = new Map();
  private tables: string[] = [];
  private totalChanges = 0;
  private lastAuditId = 0;
  private ok = 0;
  private calls = 0;
  private repairs = 0;
  private accounts = 0;

  constructor(
    private readonly drill: DrillDesk,
    readonly seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  private get desk(): Desk {
    return this.drill.desk;
  }

  /** The desk set up, one account per role logged in, and a few rows for ids to hit. */
  prepare(): void {
    const admin = initialize(this.drill);
    seedRows(this.desk, admin);
    this.principals.push({ name: 'no one', role: null, session: null }, { name: 'forged session', role: null, session: 'Zm9yZ2VkLXNlc3Npb24taWQtMTIz' });
    for (const role of ROLES) this.principals.push({ name: role, role, ...this.newAccount(role) });
    const sqlite = this.desk.database().sqlite;
    this.tables = tableNames(sqlite);
    this.resync();
  }

  /** An account holding only `role`, made with the database key (the command line), logged in, password changed. */
  private newAccount(role: Role): { session: string; username: string } {
    this.accounts += 1;
    const username = `fuzz_${role}_${this.accounts}`;
    unwrap(this.desk.callAsCommandLine('drill', 'users.create', { username, displayName: '测试员', roles: [role], password: 'Start-2026-desk' }), `create ${username}`);
    const session = loginSession(this.desk, username, 'Start-2026-desk', `repair-${this.accounts}`);
    unwrap(this.desk.call(session, 'auth.changePassword', { currentPassword: 'Start-2026-desk', newPassword: OWN_PASSWORD }).result, 'change password');
    return { session, username };
  }

  private fitFor(p: Principal): boolean {
    const view = p.session ? this.desk.call(p.session, 'auth.session', {}).result : null;
    const session = view?.ok ? (view.value as { roles: string[]; locked: boolean; mustChangePassword: boolean; username: string } | null) : null;
    return !!session && !session.locked && !session.mustChangePassword && session.roles.length === 1 && session.roles[0] === p.role && session.username === p.username;
  }

  private resync(): void {
    const sqlite = this.desk.database().sqlite;
    this.digests = tableDigests(sqlite, this.tables);
    this.totalChanges = (sqlite.prepare('select total_changes() as n').get() as { n: number }).n;
    this.lastAuditId = (sqlite.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;
  }

  /** The fuzz itself may log a role out, disable its account or lock it: such a principal gets a fresh account. */
  private repair(): void {
    for (const p of this.principals) {
      if (!p.role || this.fitFor(p)) continue;
      this.repairs += 1;
      // Mostly the fuzz logged it out: one login (one password hash) is cheaper than a new account (three).
      if (p.username) {
        this.accounts += 1;
        const again = this.desk.call(null, 'auth.login', { username: p.username, password: OWN_PASSWORD }, `repair-${this.accounts}`);
        p.session = again.result.ok && again.session && 'set' in again.session ? again.session.set : null;
        if (this.fitFor(p)) continue;
      }
      Object.assign(p, this.newAccount(p.role));
    }
    this.resync();
  }

  /** The first calls take every method as every principal once. */
  private inCoverage(): boolean {
    return this.calls < METHODS.length * this.principals.length;
  }

  /** The next method: each one first in turn, then weighted so that slow ones (a password hash) do not eat the budget. */
  private nextMethod(): MethodName {
    if (this.inCoverage()) return METHODS[this.calls % METHODS.length]!;
    const weights = METHODS.map((m) => Math.min(1, 4 / Math.max(1, this.costMs.get(m) ?? 1)));
    let roll = this.rng.float() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < METHODS.length; i += 1) {
      roll -= weights[i]!;
      if (roll <= 0) return METHODS[i]!;
    }
    return METHODS.at(-1)!;
  }

  async run(calls: number, onProgress?: (done: number) => void): Promise<FuzzReport> {
    const started = Date.now();
    for (let i = 0; i < calls; i += 1) {
      const method = this.nextMethod();
      const principal = this.inCoverage() ? this.principals[Math.floor(this.calls / METHODS.length)]! : this.rng.pick(this.rng.chance(0.15) ? this.principals.slice(0, 2) : this.principals.slice(2));
      const hostility = this.rng.pick([0, 0, 0.02, 0.1, 0.5]);
      const input = this.rng.chance(0.03) ? new SchemaValues(this.rng, {}, { hostility: 1 }).hostile(0) : new SchemaValues(this.rng, INPUT_SCHEMAS.get(method)!, { hostility }).value();
      this.callOnce(method, principal, input);
      // Jobs (imports, exports, backups) run between calls, as they would between clicks.
      // Their writes are theirs, not the next call's: the digests are taken again after.
      if (i % 50 === 49) {
        await new Promise((r) => setImmediate(r));
        this.resync();
      }
      if (i % 250 === 249) this.repair();
      if (onProgress && i % 1000 === 999) onProgress(i + 1);
    }
    await this.settleJobs();
    this.checkDatabase();
    return {
      seed: this.seed,
      calls: this.calls,
      ok: this.ok,
      refused: this.refused,
      methodsCalled: this.called.size,
      findings: this.findings,
      repairs: this.repairs,
      ms: Date.now() - started,
    };
  }

  /** One call by the principal named (`no one`, a role), with the findings it adds: for showing what the drill catches. */
  probe(method: MethodName, principalName: string, input: unknown): Finding[] {
    const principal = this.principals.find((p) => p.name === principalName);
    if (!principal) throw new Error(`no principal ${principalName}`);
    const before = this.findings.length;
    this.callOnce(method, principal, input);
    return this.findings.slice(before);
  }

  private callOnce(method: MethodName, principal: Principal, input: unknown): void {
    const logsBefore = this.drill.logs.length;
    const t0 = performance.now();
    let result: RpcResult<unknown>;
    const finding = (kind: Finding['kind'], detail: string) =>
      this.findings.push({ kind, method, principal: principal.name, detail: detail.slice(0, 400), input: describeInput(input) });
    this.calls += 1;
    this.called.add(method);
    try {
      const outcome = this.desk.call(principal.session, method, input, 'fuzz');
      result = outcome.result;
      if (outcome.session && 'set' in outcome.session) principal.session = outcome.session.set;
      if (outcome.session && 'clear' in outcome.session) principal.session = null;
    } catch (error) {
      finding('threw', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      this.resync();
      return;
    }
    const ms = performance.now() - t0;
    this.costMs.set(method, 0.7 * (this.costMs.get(method) ?? ms) + 0.3 * ms);
    for (const line of this.drill.logs.slice(logsBefore)) finding('logged', line);

    let text: string;
    try {
      text = JSON.stringify(result) ?? '';
    } catch (error) {
      text = '';
      finding('bad-error-shape', `answer cannot be serialised: ${String(error)}`);
    }
    // A success may name the desk's own folders to those allowed to see them (the backup folder, to the administrator).
    const leak = leakIn(text, result.ok ? null : this.drill.dir);
    if (leak) finding('stack-or-path', `${leak} in ${text.slice(0, 300)}`);

    if (result.ok) {
      this.ok += 1;
      const job = result.value as { id?: unknown; state?: unknown } | null;
      if (job && typeof job.id === 'string' && job.state === 'running') this.jobIds.add(job.id);
    } else {
      const { code, message } = result.error;
      this.refused[code] = (this.refused[code] ?? 0) + 1;
      if (code === 'INTERNAL') finding('internal', message);
      if (!(ERROR_CODES as readonly string[]).includes(code) || typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message) || message.length > 2000) {
        finding('bad-error-shape', `${code}: ${String(message).slice(0, 200)}`);
      }
    }
    this.checkWrites(result.ok, finding);
  }

  private checkWrites(ok: boolean, finding: (kind: Finding['kind'], detail: string) => void): void {
    const sqlite = this.desk.database().sqlite;
    const total = (sqlite.prepare('select total_changes() as n').get() as { n: number }).n;
    // total_changes counts rolled-back rows too: unchanged means nothing was written, changed means look closer.
    if (total === this.totalChanges) return;
    this.totalChanges = total;
    if (ok) {
      this.resync();
      return;
    }
    const after = tableDigests(sqlite, this.tables);
    const changed = changedTables(this.digests, after);
    const outside = changed.filter((t) => !REFUSAL_FACT_TABLES.has(t));
    if (outside.length > 0) finding('refused-call-wrote', `changed: ${outside.join(', ')}`);
    if (changed.includes('audit_log')) {
      const actions = (sqlite.prepare('select action from audit_log where id > ?').all(this.lastAuditId) as { action: string }[]).map((r) => r.action);
      const unexpected = actions.filter((a) => !REFUSAL_FACT_ACTIONS.has(a));
      if (unexpected.length > 0) finding('refused-call-wrote', `audit entries: ${unexpected.join(', ')}`);
    }
    this.resync();
  }

  /** After the storm: the file whole, no dangling reference, the audit chain unbroken. */
  private checkDatabase(): void {
    const sqlite = this.desk.database().sqlite;
    const problem = (detail: string) => this.findings.push({ kind: 'database', method: '-', principal: '-', detail, input: '' });
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity[0]?.integrity_check !== 'ok') problem(`integrity_check: ${JSON.stringify(integrity).slice(0, 300)}`);
    const foreign = sqlite.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problem(`foreign_key_check: ${JSON.stringify(foreign).slice(0, 300)}`);
    const chain = verifyAuditChain(sqlite);
    if (!chain.ok) problem(`audit chain broken at ${chain.brokenId}: ${chain.reason}`);
  }

  private async settleJobs(): Promise<void> {
    for (const id of this.jobIds) {
      const view = await this.desk.jobs.settled(id);
      if (view.state === 'failed' && /任务失败，数据未改动/.test(view.error ?? '')) {
        this.findings.push({ kind: 'job-failed', method: view.kind, principal: '-', detail: view.error ?? '', input: id });
      }
    }
  }
}

/** A few real rows (persons, an enterprise with a vacancy, a fair, a case) so that small ids reach records. */
function seedRows(desk: Desk, session: string): void {
  const call = (method: string, input: unknown) => desk.call(session, method, input).result;
  const persons = [
    { idNumber: '32050619920115004X', name: '李秀英', phone: '13912345678' },
    { idNumber: '321281198512310047', name: '张丽', phone: '13800001111' },
    { idNumber: '320102199003071239', name: '张伟' },
  ];
  for (const person of persons) unwrap(call('persons.register', person), 'seed person');
  const enterprise = unwrap<{ id: number }>(
    call('enterprises.register', { creditCode: '91320100MA1XY8129Y', name: '苏州吴中精工机械有限公司', industryDivision: '34', sizeClass: 'small', townshipCode: '320506103' }),
    'seed enterprise',
  );
  unwrap(call('vacancies.create', { enterpriseId: enterprise.id, source: 'fair', occupationCode: '6-18-01', title: '数控车工', openings: 3, salaryMinFen: 550_000, salaryMaxFen: 700_000 }), 'seed vacancy');
  unwrap(
    call('fairs.create', { name: '2026年就业援助月专场招聘会', campaign: 'assistance_month', targetGroup: 'difficulty', channel: 'on_site', startDate: '2026-11-27', venue: '吴中区人力资源市场', organizer: '吴中区人力资源和社会保障局' }),
    'seed fair',
  );
  unwrap(
    call('cases.create', { personId: 1, caseType: 'unemployment_registration', form: { unemployedSince: '2026-10-31', unemploymentCause: 'contract_expired', drawingUnemploymentInsurance: 'no' }, documents: ['id_card', 'self_declaration'] }),
    'seed case',
  );
}
