/**
 * Canonical JSON: object keys sorted at every depth, no whitespace. Used for
 * hashes and signatures, where two equal values must give the same bytes.
 * (A key-array replacer in JSON.stringify silently drops nested keys.)
 *
 * The audit chain digests every row a roster import writes (two canonical
 * texts per person), so the usual values — plain objects, arrays, strings,
 * numbers, booleans, null — are written directly, with the sorted key order
 * of each object shape remembered. Anything else (array-index or `__proto__`
 * keys, functions, symbols, bigints, a top-level undefined) takes the
 * original path, `JSON.stringify` of a key-sorted copy, so the bytes are
 * always exactly that path's (tests/unit/canonical-json.test.ts compares them).
 */
export function canonicalJson(value: unknown): string {
  const direct = write(value);
  return direct ?? JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** An object shape's keys in sorted order, each with its JSON text and `"…":` prefix. */
interface SortedShape {
  keys: string[];
  prefixes: string[];
}

const SHAPE_LIMIT = 2_000;
let shapes = new Map<string, SortedShape | null>();
/** Keys JSON.stringify of a sorted copy would not write in sorted order (array indexes) or at all (`__proto__`). */
const UNUSUAL_KEY = /^(?:0|[1-9]\d*|__proto__)$/;

/**
 * The shapes met last, with their keys as Object.keys gave them: an import
 * digests the same few shapes in turn (the person row, the detail, the audit
 * entry), so these are compared key by key before any look-up.
 */
const RECENT = 4;
const recentKeys: string[][] = [];
const recentShapes: Array<SortedShape | null> = [];
let nextRecent = 0;

/** The sorted shape of these keys, or null when the original path must write the object. */
function shapeOf(keys: string[]): SortedShape | null {
  for (let i = 0; i < recentKeys.length; i += 1) if (sameKeys(keys, recentKeys[i]!)) return recentShapes[i]!;
  const id = JSON.stringify(keys);
  const known = shapes.get(id);
  if (known !== undefined) return remember(keys, known);
  const sorted = keys.some((k) => UNUSUAL_KEY.test(k)) ? null : [...keys].sort();
  const shape = sorted && { keys: sorted, prefixes: sorted.map((k) => `${JSON.stringify(k)}:`) };
  if (shapes.size >= SHAPE_LIMIT) shapes = new Map();
  shapes.set(id, shape);
  return remember(keys, shape);
}

function remember(keys: string[], shape: SortedShape | null): SortedShape | null {
  recentKeys[nextRecent] = keys;
  recentShapes[nextRecent] = shape;
  nextRecent = (nextRecent + 1) % RECENT;
  return shape;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The canonical text of `value`, or null where only the original path is sure to match. */
function write(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      // undefined at the top, functions, symbols, bigints.
      return null;
  }
}

function writeArray(list: unknown[]): string | null {
  let out = '[';
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i];
    const text = item === undefined ? 'null' : write(item);
    if (text === null) return null;
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>): string | null {
  const shape = shapeOf(Object.keys(object));
  if (!shape) return null;
  let out = '{';
  let first = true;
  for (let i = 0; i < shape.keys.length; i += 1) {
    const v = object[shape.keys[i]!];
    if (v === undefined) continue;
    const text = write(v);
    if (text === null) return null;
    out += first ? shape.prefixes[i]! + text : `,${shape.prefixes[i]!}${text}`;
    first = false;
  }
  return `${out}}`;
}
