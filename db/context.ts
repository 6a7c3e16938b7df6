import type { DeskState, JobView } from '../shared/contract';
import type { Permission, Role } from '../shared/roles';
import type { AuditInput } from './audit';
import type { Division } from './divisions';
import { AppError } from './errors';
import type { JobRunner } from './jobs';
import type { OpenedDatabase } from './open';

export interface Actor {
  /** null for the administrator's command line, which acts with the database key, not an account. */
  userId: number | null;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  mustChangePassword: boolean;
  /** The session sat idle past the configured minutes: only unlocking or leaving is allowed. */
  locked?: boolean;
}

/** The caller's account, stamped on what it writes; null for the command line and before login. */
export function actorUserId(ctx: Pick<ServiceContext, 'actor'>): number | null {
  return ctx.actor?.userId ?? null;
}

/**
 * The caller, for acts a person must answer for by name (a case, a contact,
 * a 注销): the command line has no account and is refused with `message`.
 */
export function requireAccount(ctx: Pick<ServiceContext, 'actor'>, message = '此操作需要以个人账号登录'): Actor & { userId: number } {
  const actor = ctx.actor;
  if (actor?.userId == null) throw new AppError('FORBIDDEN', message);
  return actor as Actor & { userId: number };
}

/** Refuses a caller without `permission`, for methods whose permission depends on their input. */
export function requirePermission(ctx: Pick<ServiceContext, 'actor'>, permission: Permission): void {
  if (!ctx.actor?.permissions.includes(permission)) throw new AppError('FORBIDDEN', '没有查看此记录的权限');
}

/** What a service may use: the open database, the clock, the caller, audit and session control. */
export interface ServiceContext {
  readonly now: Date;
  /** The office's calendar date (Asia/Shanghai), YYYY-MM-DD. */
  readonly today: string;
  readonly actor: Actor | null;
  /**
   * The computer the call came from (an address, 本机窗口, 命令行（user）):
   * wrong passwords are counted per account and computer.
   */
  readonly client: string;
  /**
   * The call came through the office host's TLS door (办公室模式); `workstation`
   * is the paired workstation it came from (null for a pairing attempt).
   * Absent for the host's own window, the command line and jobs.
   */
  readonly office?: { workstation: WorkstationRef | null; address: string };
  /** The open database; throws NOT_INITIALIZED before first run. */
  database(): OpenedDatabase;
  divisions(): Division[];
  audit(entry: AuditInput): void;
  startSession(userId: number): void;
  endSession(): void;
  /** Clears the idle lock of the calling session after its password was checked. */
  unlockSession(): void;
  desk: DeskControl;
  jobs: JobRunner;
  /** For a job's final write: runs `work` in a new transaction, as this caller, with audit. */
  later<T>(work: (ctx: ServiceContext) => T): T;
}

/** What the setup service needs from the desk that owns the database. */
export interface DeskControl {
  readonly appVersion: string;
  /** The folder holding the database: the desk's own files (exchange packages …) live beside it. */
  readonly dataDir: string;
  state(): { state: DeskState; message?: string };
  /** Creates the database, runs `seed` inside its first transaction, returns the recovery key. */
  createDatabase(seed: (opened: OpenedDatabase) => void): string;
  /** The demo county (db/demo.ts): open it as a job, follow the job, leave it. */
  isDemoOpen(): boolean;
  openDemo(): JobView;
  demoJob(): JobView | null;
  leaveDemo(): void;
  /** 办公室模式: staff signed in per workstation now, and ending a revoked workstation's sessions. */
  workstationSessions?(): Map<number, number>;
  endWorkstationSessions?(workstationId: number): void;
}

/** A paired workstation, as a call from it is stamped (sessions, audit, login limits). */
export interface WorkstationRef {
  id: number;
  name: string;
}
