import { eq } from 'drizzle-orm';
import { pairingClient, workstationClient } from '../shared/domain/office';
import type { RpcError } from '../shared/rpc';
import type { WorkstationRef } from './context';
import type { DrizzleDb, OpenedDatabase } from './open';
import { workstations } from './schema';
import { officeModeOn, secretHash } from './services/office';
import { sameStamp, type ChangeStamp } from './sessions';

/** How a call reached the desk through the office host's TLS port. */
export interface OfficeVia {
  /** The workstation's credential (from pairing); null only for `office.pair`. */
  credential: string | null;
  /** The peer's address as the LAN saw it. */
  address: string;
}

export type DoorVerdict = { refused: RpcError } | { workstation: WorkstationRef | null; client: string };

/** Last-seen times are written at most this often per workstation: not one write per call. */
const LAST_SEEN_EVERY_MS = 5 * 60_000;

/** The database a door reads: its tables, and its connection for the change stamp the kept verdicts hold under. */
type DoorDatabase = Pick<OpenedDatabase, 'db' | 'sqlite'>;

/**
 * The office host's door, before the router: office mode must be on, and
 * every call but a pairing must carry the credential of a workstation that
 * is paired and not revoked — checked on every call, so a revoked workstation
 * is refused at its very next one, mid-session included.
 *
 * A workstation let in is let in again without reading the database until
 * anything is written (`stamp`, db/sessions.ts changeStamp): a revocation, a
 * re-pairing or office mode switched off is a write, so the very next call
 * reads again. Only admissions are kept (one per paired workstation, by the
 * credential's hash), so unknown credentials cannot grow the memory.
 */
export class OfficeDoor {
  private readonly lastSeenWritten = new Map<number, number>();
  private kept: { sqlite: DoorDatabase['sqlite']; stamp: ChangeStamp; admitted: Map<string, DoorVerdict> } | null = null;

  check(database: DoorDatabase, via: OfficeVia, method: string, stamp: ChangeStamp): DoorVerdict {
    if (via.credential === null) return this.read(database.db, via, method);
    const kept = this.kept?.sqlite === database.sqlite && sameStamp(this.kept.stamp, stamp) ? this.kept : (this.kept = { sqlite: database.sqlite, stamp, admitted: new Map() });
    const hash = secretHash(via.credential);
    const known = kept.admitted.get(hash);
    if (known) return known;
    const verdict = this.read(database.db, via, method, hash);
    if (!('refused' in verdict)) kept.admitted.set(hash, verdict);
    return verdict;
  }

  private read(db: DrizzleDb, via: OfficeVia, method: string, hash?: string): DoorVerdict {
    if (!officeModeOn(db)) {
      return refused('本机未开启办公室主机模式，工作站暂不能连接。请联系系统管理员。');
    }
    if (via.credential === null) {
      if (method !== 'office.pair') return refused('本工作站尚未与办公室主机配对，请先用配对码配对');
      return { workstation: null, client: pairingClient(via.address) };
    }
    const row = db.select().from(workstations).where(eq(workstations.credentialHash, hash ?? secretHash(via.credential))).get();
    if (!row) return refused('办公室主机不认识本工作站（配对已失效），请联系系统管理员重新配对');
    if (row.revokedAt) return refused(`本工作站「${row.name}」已被系统管理员撤销，不能再连接办公室主机。如需继续使用，请重新配对。`);
    return { workstation: { id: row.id, name: row.name }, client: workstationClient(row.id, row.name) };
  }

  /**
   * The workstation `via` names, while the door would let its calls in; null
   * once it is revoked, unknown, or office mode is off (its event stream then ends).
   */
  admits(database: DoorDatabase, via: OfficeVia, stamp: ChangeStamp): WorkstationRef | null {
    if (via.credential === null) return null;
    const verdict = this.check(database, via, 'office.events', stamp);
    return 'refused' in verdict ? null : verdict.workstation;
  }

  /** Whether this call should write the workstation's last-seen time (then `seen` is recorded). */
  dueLastSeen(workstationId: number, now: Date): boolean {
    const last = this.lastSeenWritten.get(workstationId) ?? 0;
    if (now.getTime() - last < LAST_SEEN_EVERY_MS) return false;
    this.lastSeenWritten.set(workstationId, now.getTime());
    return true;
  }

  writeLastSeen(db: DrizzleDb, workstationId: number, now: Date): void {
    db.update(workstations).set({ lastSeenAt: now.toISOString() }).where(eq(workstations.id, workstationId)).run();
  }
}

function refused(message: string): DoorVerdict {
  return { refused: { code: 'WORKSTATION_REFUSED', message } };
}
