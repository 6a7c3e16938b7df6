import type { RpcError } from '../../shared/rpc';

/**
 * Two people edited the same record: she read version N, someone saved N+1
 * before her, and the router refused her save as stale (CONFLICT). These
 * helpers line up, field by field, what she read (`base`), what she typed
 * (`mine`) and what is saved now (`current`), each as staff read it — names,
 * not codes — so the conflict dialog can show both versions side by side.
 */
export interface ConflictField {
  key: string;
  /** The field's Chinese label, as on the form. */
  label: string;
}

/** Values as text for display ('' for empty), by field key. */
export type ShownValues = Readonly<Record<string, string>>;

export interface ConflictSides {
  base: ShownValues;
  mine: ShownValues;
  current: ShownValues;
}

/** Who changed a field since she read it: she, the other editor, or both (differently). */
export type ConflictChange = 'mine' | 'theirs' | 'both';

export interface ConflictRow extends ConflictField {
  mine: string;
  current: string;
  change: ConflictChange;
  /** What the field holds when her change is reapplied on top of the current version. */
  result: string;
}

/**
 * The fields either side changed since `base`, in form order. A field both
 * changed to the same value is no difference and is left out; a field both
 * changed differently is `both`, and reapplying keeps hers.
 */
export function conflictRows(fields: readonly ConflictField[], { base, mine, current }: ConflictSides): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of fields) {
    const b = base[field.key] ?? '';
    const m = mine[field.key] ?? '';
    const c = current[field.key] ?? '';
    const mineChanged = m !== b;
    const theirsChanged = c !== b;
    if (!mineChanged && !theirsChanged) continue;
    if (mineChanged && theirsChanged && m === c) continue;
    const change: ConflictChange = mineChanged && theirsChanged ? 'both' : mineChanged ? 'mine' : 'theirs';
    rows.push({ ...field, mine: m, current: c, change, result: change === 'theirs' ? c : m });
  }
  return rows;
}

/**
 * Her edits carried onto the current version: every field she changed since
 * `base` takes her value, every other field the current one. Works on the
 * form's own values, so the form can be reset to the result.
 */
export function reapply<T extends object>(base: T, mine: T, current: T): T {
  const result = { ...current };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) result[key] = mine[key];
  }
  return result;
}

/**
 * A save refused because the record changed since it was read (the version
 * check), as opposed to another CONFLICT (a case no longer editable, a
 * merged record): only the former is resolved by reapplying.
 */
export function isStaleSave(error: unknown): boolean {
  // Read as the RpcCallError's shape (renderer/api/client.ts), so this module stays free of the browser bridge.
  const refused = (error as { error?: RpcError } | null)?.error;
  return refused?.code === 'CONFLICT' && refused.details?.currentVersion !== undefined;
}

/** Shows a value for the dialog: blank as —. */
export function shown(value: string): string {
  return value === '' ? '—' : value;
}
