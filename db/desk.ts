import { dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { officeDate } from '../shared/domain/dates';
import type { RpcResult } from '../shared/rpc';
import { appendAuditEntries, type AuditInput } from './audit';
import type { Actor, DeskControl, ServiceContext, WorkstationRef } from './context';
import { loadDivisions } from './divisions';
import { AppError, storageFailureMessage } from './errors';
import { handlers } from './handlers';
import { DemoCounty } from './desk-demo';
import { JobThreads, type JobConnection } from './job-threads';
import { JobRunner } from './jobs';
import { LiveEvents, type LiveListener } from './live-events';
import type { DeskState, JobView } from '../shared/contract';
import { acquireDeskLock, type DeskLock } from './desk-lock';
import { formatRecoveryKey } from './keys';
import { openDatabase, type OpenedDatabase } from './open';
import { OfficeDoor, type OfficeVia } from './office-door';
import { changeStamp, commandLineActor, KeptRead, SessionStore, type ChangeStamp } from './sessions';
import { dispatch, type TransactionMode } from './router';
import { cachedStatement, readTransaction } from './statements';
import { UNNAMED_CLIENT, type CallOutcome, type DeskOptions, type SessionChange } from './desk-options';
import { ensureKeyGroupsCurrent } from './services/person-derived';
import { TrendsAhead } from './trends-ahead';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockMinutes } from './services/settings';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

export type { CallOutcome, DeskOptions, SessionChange } from './desk-options';
export { UNNAMED_CLIENT } from './desk-options';

/**
 * One county database and its sessions, hosted by Electron, the HTTP host or
 * the command line alike. Before first run it has no database and answers only
 * the setup methods; with a wrong key it stays unavailable and never creates a
 * fresh file over the real one.
 */
export class Desk implements DeskControl {
  readonly appVersion: string;
  private opened: OpenedDatabase | null = null;
  /** The open database's key, for the job threads' own connections; never logged. */
  private openedKey: Buffer | null = null;
  private unavailableReason: string | null = null;
  /** Another desk holds the database (db/desk-lock.ts): nothing is opened, and the message names it. */
  private inUseReason: string | null = null;
  private lock: DeskLock | null = null;
  private readonly sessions = new SessionStore();
  readonly jobs: JobRunner;
  /** Change announcements for open windows (shared/live.ts): topics only, never personal data. */
  private readonly live: LiveEvents;
  /** 演示县 (db/desk-demo.ts): while it is open, the desk's database is the demo's. */
  private readonly demo: DemoCounty;
  /** The office day whose key-group rechecks are done (keepDerivedCurrent). */
  private derivedCurrentOn: string | null = null;
  private readonly officeDoor = new OfficeDoor();
  private readonly trendsAhead: TrendsAhead;

  /** The folder of the open database's own files (exchange packages …): the demo's folder while the demo is open. */
  get dataDir(): string {
    return this.demo.isOpen() ? this.demo.dir() : dirname(this.options.dbPath);
  }
  private readonly clock: () => Date;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: DeskOptions) {
    this.appVersion = options.appVersion;
    this.clock = options.clock ?? (() => new Date());
    // Errors are logged by kind only: messages may quote input, which can hold personal data.
    this.log = options.log ?? ((message, error) => console.error(message, (error as Error | undefined)?.name ?? ''));
    this.live = new LiveEvents(this.clock);
    this.trendsAhead = new TrendsAhead((work) => this.transaction(work, 'read'), this.clock, this.log);
    this.jobs = new JobRunner(options.jobThreadEntry ? new JobThreads(options.jobThreadEntry, () => this.jobConnection()) : null, (kind) => this.live.committed(kind));
    this.demo = new DemoCounty({
      options,
      jobs: this.jobs,
      clock: this.clock,
      log: this.log,
      native: () => this.native(),
      inUseReason: () => this.inUseReason,
      state: () => this.state(),
      hasOpenDatabase: () => this.opened !== null,
      adopt: (opened, key) => {
        this.opened = opened;
        this.openedKey = key;
      },
      closeDatabase: () => this.closeDatabase(),
    });
    if (options.lock !== false) {
      try {
        this.lock = acquireDeskLock(options.dbPath, options.lock ?? '工作台', this.clock());
      } catch (error) {
        // A read-only folder cannot take the lock file: say so, rather than fail to start at all.
        const storage = storageFailureMessage(error);
        if (storage) {
          this.unavailableReason = `数据库无法打开：${storage}`;
          return;
        }
        if (!(error instanceof AppError)) throw error;
        this.inUseReason = error.message;
        return;
      }
    }
    this.tryOpen();
  }

  private tryOpen(): void {
    if (!existsSync(this.options.dbPath)) {
      this.demo.reopen();
      return;
    }
    try {
      const key = this.options.keys.load();
      if (!key) {
        throw new AppError('DATABASE_UNAVAILABLE', `数据库已存在，但找不到它的密钥（${this.options.keys.describe()}）。请使用恢复密钥。`);
      }
      this.opened = openDatabase({ path: this.options.dbPath, key, migrationsDir: this.options.migrationsDir, now: this.clock(), ...this.native() });
      this.openedKey = key;
      this.countTrendsSoon();
    } catch (error) {
      this.unavailableReason = error instanceof AppError ? error.message : `数据库无法打开：${storageFailureMessage(error) ?? (error as Error).message}`;
    }
  }

  /** True while the open database is the demo county's file. */
  isDemoOpen(): boolean {
    return this.demo.isOpen();
  }

  openDemo(): JobView {
    return this.demo.start();
  }

  demoJob(): JobView | null {
    return this.demo.job();
  }

  leaveDemo(): void {
    this.demo.leave();
  }

  /** Closes the open database (the demo's, when it is left) and ends every session. */
  private closeDatabase(): void {
    this.derivedCurrentOn = null;
    this.trendsAhead.cancel();
    this.jobs.releaseThreads();
    this.opened?.close();
    this.opened = null;
    this.openedKey = null;
    this.sessions.clear();
  }

  /**
   * Stored key-group tags hold until each person's recheck date
   * (person-derived.ts): on the first call of an office day the people due are
   * recomputed, in a write transaction of their own, so the searches that
   * filter by them stay pure reads.
   */
  private keepDerivedCurrent(): void {
    if (!this.opened) return;
    const today = officeDate(this.clock());
    if (this.derivedCurrentOn === today) return;
    try {
      this.transaction(() => ensureKeyGroupsCurrent(this.database().db, today), 'write');
      // A new day may start a new report period: its trends are counted after this call, not in the head's load.
      if (this.derivedCurrentOn !== null) this.countTrendsSoon();
      this.derivedCurrentOn = today;
    } catch (error) {
      // The call itself goes on; the next one tries again.
      this.log(CONSOLE_LINES.keyGroupsNotUpdated, error);
    }
  }

  /** The head's 工作台 trends counted ahead (db/trends-ahead.ts), unless the demo is open. */
  private countTrendsSoon(): void {
    this.trendsAhead.soon(() => (this.opened && !this.demo.isOpen() ? this.opened : null));
  }

  /** Where a job thread opens the database the desk has open (the demo's while the demo is open). */
  private jobConnection(): JobConnection {
    const opened = this.database();
    if (!this.openedKey) throw new AppError('DATABASE_UNAVAILABLE', '数据库未打开');
    return {
      dbPath: opened.path,
      key: Uint8Array.from(this.openedKey),
      migrationsDir: this.options.migrationsDir,
      resourcesDir: this.options.resourcesDir,
      appVersion: this.options.appVersion,
      dataDir: this.dataDir,
      ...this.native(),
    };
  }

  private native() {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  state(): { state: DeskState; message?: string } {
    if (this.inUseReason) return { state: 'in_use', message: this.inUseReason };
    if (this.opened) return { state: 'ready' };
    if (this.unavailableReason) return { state: 'unavailable', message: this.unavailableReason };
    return { state: 'uninitialized' };
  }

  createDatabase(seed: (opened: OpenedDatabase) => void): string {
    if (this.inUseReason) throw new AppError('CONFLICT', this.inUseReason);
    if (this.state().state !== 'uninitialized' || existsSync(this.options.dbPath)) {
      throw new AppError('ALREADY_INITIALIZED', '本机已经建立了数据库，不能重复初始化');
    }
    const key = this.options.keys.load() ?? this.options.keys.create();
    const opened = openDatabase({ path: this.options.dbPath, key, migrationsDir: this.options.migrationsDir, create: true, now: this.clock(), ...this.native() });
    try {
      opened.sqlite.transaction(() => seed(opened))();
    } catch (error) {
      opened.close();
      throw error;
    }
    this.opened = opened;
    this.openedKey = key;
    return formatRecoveryKey(key);
  }

  /** The open database, for the command line and tests; throws before first run. */
  database(): OpenedDatabase {
    if (this.opened) return this.opened;
    const { state, message } = this.state();
    if (state === 'unavailable' || state === 'in_use') throw new AppError('DATABASE_UNAVAILABLE', message ?? '数据库无法打开');
    throw new AppError('NOT_INITIALIZED', '尚未建立本县数据库，请先完成首次设置');
  }

  /**
   * Answers one RPC call for the holder of `sessionId` (a cookie, a window, a
   * CLI run), coming from `client` (the caller's address or 本机窗口) — or,
   * with `office`, from a workstation through the office host's TLS port
   * (db/office-door.ts): then the workstation is the client.
   */
  call(sessionId: string | null, method: string, input: unknown, client: string = UNNAMED_CLIENT, office?: OfficeVia): CallOutcome {
    this.keepDerivedCurrent();
    let workstation: WorkstationRef | null = null;
    // What the door and the session keep holds until anything is written: one stamp for both.
    let stamp = this.opened ? changeStamp(this.opened.sqlite) : null;
    if (office) {
      if (!this.opened || !stamp || this.demo.isOpen()) return { result: { ok: false, error: { code: 'WORKSTATION_REFUSED', message: '办公室主机的数据库尚未就绪，请稍后再试或联系系统管理员' } }, session: null };
      const verdict = this.officeDoor.check(this.opened, office, method, stamp);
      if ('refused' in verdict) return { result: { ok: false, error: verdict.refused }, session: null };
      ({ workstation, client } = verdict);
      if (workstation && this.officeDoor.dueLastSeen(workstation.id, this.clock())) {
        const seen = workstation.id;
        this.transaction(() => this.officeDoor.writeLastSeen(this.database().db, seen, this.clock()));
        stamp = null;
      }
    }
    const via = office ? { workstation, address: office.address } : undefined;
    // A last-seen write above moved the stamp (then null): the session reads it afresh.
    const outcome = this.dispatchAs(this.actorFor(sessionId, workstation?.id ?? null, stamp), sessionId, method, input, client, via);
    if (this.demo.finishLeaving()) return { ...outcome, session: { clear: true } };
    return outcome;
  }

  /**
   * The administrator's command line acts with the database key rather than an
   * account: it gets the administrator's permissions (never citizens' data) and
   * the audit names it as the command line run by this OS user.
   */
  callAsCommandLine(osUser: string, method: string, input: unknown): RpcResult<unknown> {
    const actor = commandLineActor(osUser);
    return this.dispatchAs(actor, null, method, input, actor.displayName).result;
  }

  private dispatchAs(actor: Actor | null, sessionId: string | null, method: string, input: unknown, client: string, office?: ServiceContext['office']): CallOutcome {
    const workstation = office?.workstation ?? null;
    let session: SessionChange = null;
    const now = this.clock();
    // First run opens the database during the call; its service audits itself inside its own transaction.
    const wasOpen = this.opened !== null;
    const sessionHooks = {
      startSession: (userId: number) => {
        session = { set: this.sessions.start(userId, now, sessionId, workstation?.id ?? null) };
      },
      endSession: () => {
        this.sessions.end(sessionId);
        session = { clear: true };
      },
      unlockSession: () => this.sessions.unlock(sessionId, now),
    };
    const result = this.jobs.duringCall(() => dispatch(
      handlers,
      {
        inTransaction: (work, mode) => (this.opened ? this.transaction(work, mode) : work()),
        flushAudit: (entries) => {
          if (this.opened && wasOpen) this.appendEntries(actor, now, entries, workstation?.id ?? null);
        },
        log: this.log,
        committed: (name) => this.live.committed(name),
      },
      (collect) => this.contextFor(actor, client, now, collect, sessionHooks, office),
      method,
      input,
    ));
    return { result, session };
  }

  private contextFor(
    actor: Actor | null,
    client: string,
    now: Date,
    collect: (entry: AuditInput) => void,
    sessionHooks: Pick<ServiceContext, 'startSession' | 'endSession' | 'unlockSession'>,
    office?: ServiceContext['office'],
  ): ServiceContext {
    return {
      now,
      today: officeDate(now),
      actor,
      client,
      ...(office ? { office } : {}),
      database: () => this.database(),
      divisions: () => loadDivisions(this.options.resourcesDir),
      audit: collect,
      ...sessionHooks,
      desk: this,
      jobs: this.jobs,
      later: (work) => this.transactAs(actor, work),
    };
  }

  /**
   * Writes: BEGIN IMMEDIATE, since the audit chain reads its last entry and
   * appends in the same transaction, so the write lock must be held from the
   * start. Reads: a deferred snapshot with query_only on, so a read never
   * waits for a job committing on its own connection, and a read that tries
   * to write fails loudly instead of racing that job.
   */
  private transaction<T>(work: () => T, mode: TransactionMode = 'write'): T {
    const { sqlite } = this.database();
    if (mode === 'write') return sqlite.transaction(work).immediate();
    cachedStatement(sqlite, 'pragma query_only = on').run();
    try {
      return sqlite.inTransaction ? sqlite.transaction(work).deferred() : readTransaction(sqlite, work);
    } finally {
      cachedStatement(sqlite, 'pragma query_only = off').run();
    }
  }

  private appendEntries(actor: Actor | null, now: Date, entries: AuditInput[], workstationId: number | null = null): void {
    const sqlite = this.database().sqlite;
    appendAuditEntries(sqlite, { userId: actor?.userId ?? null, name: actor?.displayName ?? null, workstationId }, now, entries);
  }

  /** A job's final write: one transaction, as the actor who started the job, with its audit entries. */
  private transactAs<T>(actor: Actor | null, work: (ctx: ServiceContext) => T): T {
    const now = this.clock();
    const entries: AuditInput[] = [];
    const noSession = { startSession: () => undefined, endSession: () => undefined, unlockSession: () => undefined };
    return this.transaction(() => {
      const value = work(this.contextFor(actor, actor?.displayName ?? UNNAMED_CLIENT, now, (e) => entries.push(e), noSession));
      this.appendEntries(actor, now, entries);
      return value;
    });
  }

  /** Hears every committed change's topic (shared/live.ts); returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void {
    return this.live.subscribe(listener);
  }

  /**
   * Whether `sessionId` is still signed in, without counting as activity (the
   * event stream's heartbeat). With `office`, asked for a workstation through
   * the office port: the workstation must still be let in (db/office-door.ts),
   * and a session, when named, must be one held at that workstation; a null
   * session asks about the workstation alone (its event stream).
   */
  sessionAlive(sessionId: string | null, office?: OfficeVia): boolean {
    if (!this.opened) return false;
    if (!office) return this.sessions.has(sessionId);
    const workstation = this.officeDoor.admits(this.opened, office, changeStamp(this.opened.sqlite));
    return workstation !== null && (sessionId === null || this.sessions.has(sessionId, workstation.id));
  }

  /** `known`: the change stamp read at the start of this call, when nothing was written since. */
  private actorFor(sessionId: string | null, workstationId: number | null, known?: ChangeStamp | null): Actor | null {
    if (!this.opened || sessionId === null) return null;
    const stamp = known ?? changeStamp(this.opened.sqlite);
    return this.sessions.actor(sessionId, this.opened.sqlite, this.clock(), () => this.idleLockMinutes(stamp), stamp, workstationId);
  }

  workstationSessions(): Map<number, number> {
    return this.sessions.countByWorkstation();
  }

  endWorkstationSessions(workstationId: number): void {
    this.sessions.endWorkstation(workstationId);
  }

  /** The idle lock's minutes, read again after any write. */
  private readonly idleMinutes = new KeptRead<number>();

  private idleLockMinutes(stamp: ChangeStamp): number {
    const opened = this.opened;
    return opened ? this.idleMinutes.get(opened.sqlite, stamp, () => idleLockMinutes(opened.db)) : DEFAULT_IDLE_LOCK_MINUTES;
  }

  close(): void {
    this.closeDatabase();
    this.demo.closed();
    this.lock?.release();
    this.lock = null;
  }
}
