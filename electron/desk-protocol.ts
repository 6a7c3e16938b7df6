import type { CallOutcome } from '../db/desk';
import type { OfficeHostSetup } from '../db/office-host';
import type { OfficeVia } from '../db/office-door';
import type { DeskState } from '../shared/contract';
import type { LiveEvent } from '../shared/live';

/**
 * What crosses between a shell (Electron's main process, the browser host) and
 * the desk thread that owns the database: plain, cloneable messages. The
 * shell runs no SQL, so a long report or import never freezes a window.
 */

/** Where the desk thread gets the database key. */
export type DeskKeySource =
  /** The host and the command line: a key file or EMPLOYMENT_DESK_DB_KEY, read in the thread. */
  | { kind: 'files'; keyFile?: string; envKey?: string }
  /** Electron: main unwrapped (or made) the key with safeStorage, a main-process API, and hands it over. */
  | { kind: 'key'; key: Uint8Array | null; describe: string; problem?: string };

export interface DeskThreadOptions {
  dbPath: string;
  keySource: DeskKeySource;
  migrationsDir: string;
  resourcesDir: string;
  appVersion: string;
  nativeBinding?: string;
  /** Named in the database's lock file (db/desk-lock.ts). */
  lock: string;
  /** Offer 打开演示县 (the thread then loads the seeder). */
  offerDemo: boolean;
  /** The job thread's entry (an absolute path): imports run in threads of their own. */
  jobThreadEntry?: string;
  /** Run the export schedule and the daily backup in the desk thread. */
  /** dailyChecks: the 公益性岗位 每日核验 (electron/welfare-scheduler.ts); absent means off. */
  schedulers: { exchange: boolean; backups: boolean; dailyChecks?: boolean };
}

/**
 * Anything that answers RPC calls: a Desk in this thread (tests, CLI), a
 * DeskClient, or a workstation's client of the office host. `office`: the
 * call came through the office host's TLS port (db/office-door.ts).
 */
export interface DeskCaller {
  call(sessionId: string | null, method: string, input: unknown, client?: string, office?: OfficeVia): CallOutcome | Promise<CallOutcome>;
  /**
   * The same call, its outcome as the JSON text an HTTP answer carries,
   * written where the call was answered (the desk thread): the shell then
   * neither clones nor serialises a search page again. Absent: the server
   * serialises what `call` returns.
   */
  callJson?(sessionId: string | null, method: string, input: unknown, client?: string, office?: OfficeVia): Promise<string>;
  /** Hears each committed change's topic (shared/live.ts); returns the unsubscribe. */
  subscribe?(listener: (event: LiveEvent) => void): () => void;
  /** Whether the session still stands, without counting as activity (the idle lock must still come). */
  sessionAlive?(sessionId: string | null, office?: OfficeVia): boolean | Promise<boolean>;
}

export interface DeskStateView {
  state: DeskState;
  message?: string;
}

export type DeskRequest =
  /** `json`: answer the outcome as JSON text (DeskCaller.callJson). */
  | { seq: number; kind: 'call'; session: string | null; method: string; input: unknown; client: string; office?: OfficeVia; json?: true }
  /** Switch on 办公室主机 if it is off and hand over its certificate (db/office-host.ts). */
  | { seq: number; kind: 'officeHost'; names: string[]; osUser: string; switchOn: boolean }
  | { seq: number; kind: 'state' }
  | { seq: number; kind: 'alive'; session: string | null; office?: OfficeVia }
  | { seq: number; kind: 'close' };

export type { OfficeHostSetup, OfficeVia };

/** `event`: a change announcement, posted unasked to the shell, which passes it on to open windows. */
export type DeskReply = { kind: 'ready' } | { kind: 'reply'; seq: number; value: unknown } | { kind: 'event'; event: LiveEvent };
