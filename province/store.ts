/**
 * What a province receiving store does, whatever the database: the receive
 * pipeline (receive.ts) decides everything and a store only keeps it. The
 * SQLite store (sqlite-store.ts) and the PostgreSQL one (pg/store.ts) must
 * leave the same rows behind for the same packages (a test compares them).
 */
import type { ChainPosition } from '../shared/exchange/chain';
import type { ReceivedLine } from './record-checks';

export interface ReceiptLine {
  entity: string;
  id: number;
  changeSeq: number;
  status: 'accepted' | 'rejected';
  reason?: string;
}

/** The content of a receipt (a signed document of kind `receipt`, docs/exchange-format.md §9). */
export interface ReceiptContent {
  sender: string;
  sequence: number;
  packageHash: string;
  accepted: number;
  rejected: number;
  records: ReceiptLine[];
}

export interface RejectedLine {
  entity: string;
  id: number;
  changeSeq: number;
  reason: string;
}

export interface ReceivedPackage {
  sender: string;
  sequence: number;
  packageHash: string;
  receivedAt: Date;
  records: number;
  accepted: number;
  rejected: number;
}

/** Writes of one package, all inside one transaction of the store. */
export interface ReceiverWriter {
  /**
   * Keeps each record keyed by (sender, entity, id) unless the store already
   * holds a change of it at least as new; a correction that is kept has its
   * reasons kept too.
   */
  applyRecords(sender: string, packageSequence: number, lines: readonly ReceivedLine[]): Promise<void>;
  rejectRecords(sender: string, packageSequence: number, lines: readonly RejectedLine[]): Promise<void>;
  /** Keeps the package's receipt, so the county's feed can carry it back (docs/exchange-format.md §11). */
  keepReceipt(content: ReceiptContent): Promise<void>;
  /**
   * Records the package and moves the sender's position to it. Throws REPLAY
   * when the position moved since the chain was checked (another receiver got
   * there first), so the whole transaction is undone.
   */
  finishPackage(pkg: ReceivedPackage, previousSequence: number): Promise<void>;
}

export interface ReceiverStore {
  readonly kind: 'sqlite' | 'postgresql';
  chainPosition(sender: string): Promise<ChainPosition | null>;
  packageHashAt(sender: string, sequence: number): Promise<string | undefined>;
  /** Runs `work` in one transaction: everything it wrote is kept, or (it threw) nothing. */
  transaction<T>(work: (writer: ReceiverWriter) => Promise<T>): Promise<T>;
  /** Every county's person records with this ID number: the province-wide look-up. */
  personsByIdNumber(idNumber: string): Promise<Array<{ sender: string; id: number; record: Record<string, unknown> }>>;
  /** Every received sequence of a sender, ascending. */
  receivedSequences(sender: string): Promise<number[]>;
  close(): Promise<void>;
}
