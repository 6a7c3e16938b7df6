import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { permissionsOf } from '../shared/roles';
import type { Actor } from './context';
import { signedInUser, type SignedInUser } from './queries/users';
import { cachedStatement } from './statements';

interface SessionRecord {
  userId: number;
  startedAt: string;
  /** Last call that was not refused; the idle lock counts from here. */
  lastSeen: number;
  locked: boolean;
  /** The workstation (办公室模式) it was started at: it is valid from there only. Null on the host itself. */
  workstationId: number | null;
  /** The account as last read, the connection it was read from and its change stamp then (changeStamp). */
  user?: { sqlite: Database.Database; stamp: ChangeStamp; value: SignedInUser };
}

/**
 * Whether anything was written since: the rows this connection changed
 * (`total_changes()`, any statement, in or out of the desk's transactions) and
 * the commits of other connections (`data_version`: job threads). Equal stamps
 * mean the database holds what it held, so what was read from it still holds.
 */
export interface ChangeStamp {
  changes: number;
  version: number;
}

export function changeStamp(sqlite: Database.Database): ChangeStamp {
  // Two kept statements: faster than one reading the pragma as a table (measured).
  const { changes } = cachedStatement(sqlite, 'select total_changes() as changes').get() as { changes: number };
  const { data_version: version } = cachedStatement(sqlite, 'pragma data_version').get() as { data_version: number };
  return { changes, version };
}

export function sameStamp(a: ChangeStamp, b: ChangeStamp): boolean {
  return a.changes === b.changes && a.version === b.version;
}

/** A value read from the database, kept until anything is written (changeStamp) on the connection it was read from. */
export class KeptRead<T> {
  private kept: { sqlite: Database.Database; stamp: ChangeStamp; value: T } | null = null;

  get(sqlite: Database.Database, stamp: ChangeStamp, read: () => T): T {
    const kept = this.kept;
    if (kept?.sqlite === sqlite && sameStamp(kept.stamp, stamp)) return kept.value;
    const value = read();
    this.kept = { sqlite, stamp, value };
    return value;
  }
}

/**
 * The desk's sessions: who holds each id (a cookie, a window, a CLI run) and
 * whether it sits idle-locked. Kept in memory only — a restart logs everyone
 * out. The account and its roles are read again whenever anything was written
 * since they were last read (changeStamp), so a disabled account, a role
 * change or a password reset takes effect at the session's very next call;
 * calls in between (a search per keystroke) read neither.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  /** A new session for `userId`, replacing `previous` (no session fixation); returns its id. */
  start(userId: number, now: Date, previous: string | null, workstationId: number | null = null): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, startedAt: now.toISOString(), lastSeen: now.getTime(), locked: false, workstationId });
    if (previous) this.sessions.delete(previous);
    return id;
  }

  end(id: string | null): void {
    if (id) this.sessions.delete(id);
  }

  /** After the password was checked again at the idle lock. */
  unlock(id: string | null, now: Date): void {
    const record = id ? this.sessions.get(id) : undefined;
    if (record) {
      record.locked = false;
      record.lastSeen = now.getTime();
    }
  }

  /**
   * The caller behind `id` at `now`, locking the session when it sat idle past
   * `idleMinutes`; null for no session, or one whose account is gone or disabled.
   * `stamp`: the database's changeStamp now.
   */
  actor(id: string | null, sqlite: Database.Database, now: Date, idleMinutes: () => number, stamp: ChangeStamp, workstationId: number | null = null): Actor | null {
    if (!id) return null;
    const record = this.sessions.get(id);
    // A session id carried to another workstation (or to the host) is no session there.
    if (!record || record.workstationId !== workstationId) return null;
    const at = now.getTime();
    if (!record.locked && at - record.lastSeen > idleMinutes() * 60_000) record.locked = true;
    if (!record.locked) record.lastSeen = at;
    // Another connection (a database switched or restored) starts its own count: its stamp says nothing of this one's.
    const kept = record.user;
    const user = kept && kept.sqlite === sqlite && sameStamp(kept.stamp, stamp) ? kept.value : signedInUser(sqlite, record.userId);
    if (!user) {
      this.sessions.delete(id);
      return null;
    }
    record.user = { sqlite, stamp, value: user };
    return { ...user, locked: record.locked };
  }

  /**
   * Whether `id` is still a session, without counting as activity: an open
   * event stream asks this on every heartbeat, and must not keep an
   * unattended screen from locking. With `workstationId`, also held at that workstation.
   */
  has(id: string | null, workstationId?: number): boolean {
    const record = id === null ? undefined : this.sessions.get(id);
    return record !== undefined && (workstationId === undefined || record.workstationId === workstationId);
  }

  clear(): void {
    this.sessions.clear();
  }

  /** Staff signed in now, per workstation. */
  countByWorkstation(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const { workstationId } of this.sessions.values()) {
      if (workstationId !== null) counts.set(workstationId, (counts.get(workstationId) ?? 0) + 1);
    }
    return counts;
  }

  /** A revoked workstation's sessions end at once. */
  endWorkstation(workstationId: number): void {
    for (const [id, record] of this.sessions) if (record.workstationId === workstationId) this.sessions.delete(id);
  }
}

/**
 * The administrator's command line acts with the database key rather than an
 * account: the administrator's permissions (never citizens' data) plus the
 * roster and enterprise-list imports administrators script; the audit names it
 * as the command line run by this OS user.
 */
export function commandLineActor(osUser: string): Actor {
  return {
    userId: null,
    username: '',
    displayName: `命令行（${osUser}）`,
    roles: ['admin'],
    // The import reports problems; it reveals no record. The daily check of 公益性岗位 is the desk's scheduler's (electron/welfare-scheduler.ts).
    permissions: [...permissionsOf(['admin']), 'persons.import', 'enterprises.import', 'welfarePosts.dailyCheck'],
    mustChangePassword: false,
  };
}
