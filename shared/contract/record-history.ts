/** Types only: how a record's history reads, the same for persons and enterprises. */

/** One field of a person's or an enterprise's record changed with a reason (更正). */
export interface FieldCorrection {
  id: number;
  field: string;
  /** Values as staff read them: names for codes, 元 for fen, masked phones (the stored values stay in the database). */
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  correctedBy: string | null;
  correctedAt: string;
}

/** One entry of a record's 服务记录 (timeline). */
export interface TimelineEvent {
  at: string;
  title: string;
  detail: string | null;
  actor: string | null;
}
