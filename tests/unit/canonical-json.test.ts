import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json';

/**
 * The canonical JSON every stored audit hash and exchange signature was made
 * with, verbatim: JSON.stringify of a copy with keys sorted at every depth.
 * The faster writer must give the same bytes for every value, or existing
 * audit chains and signed packages would no longer verify.
 */
function originalCanonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
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

const personRow = {
  id: 17, name: '欧阳秀英', idNumber: '32050619900307123X', sex: 'female', birthDate: '1990-03-07', phone: null, phoneReversed: undefined,
  isVeteran: false, intendedSalaryMinFen: 350000, mergedIntoId: null, version: 1, createdAt: '2026-11-27T02:00:00.000Z', note: '住址：木渎镇"香溪"路\n2号\u2028',
};

const VALUES: Array<[string, unknown]> = [
  ['a person row', personRow],
  ['the same row with keys in another order', Object.fromEntries(Object.entries(personRow).reverse())],
  ['nested objects and arrays', { b: 1, a: { d: [{ z: 1, y: { n: 2, m: 1 } }], c: null }, e: [[], {}, [[1, [2, { q: 'x' }]]]] }],
  ['arrays holding undefined, holes, nulls and nested undefined members', { list: [1, undefined, null, { gone: undefined, kept: 0 }], holes: [1, , 3] }], // eslint-disable-line no-sparse-arrays
  ['unicode keys and values, escapes and lone surrogates', { 张三: '身份证号', 'é': 'e\u0301', '😀': '\ud83d', '"quoted"': '\\back\\slash\t', '\u0000': '\u001f' }],
  ['numbers of every kind', { int: 42, neg: -7, negZero: -0, float: 0.1 + 0.2, big: 1e21, small: 5e-324, max: Number.MAX_SAFE_INTEGER, nan: NaN, inf: Infinity, ninf: -Infinity }],
  ['null, undefined and booleans', { n: null, u: undefined, t: true, f: false, nested: { u: undefined } }],
  ['array-index keys (which JavaScript orders numerically)', { b: 1, 10: 'ten', 9: 'nine', a: 2, 0: 'zero', '01': 'not an index' }],
  ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "a": 1}')],
  ['dates, maps and sets (no own keys)', { at: new Date('2026-11-27T02:00:00Z'), m: new Map([[1, 2]]), s: new Set([1]) }],
  ['a buffer and a typed array', { b: Buffer.from('abc'), t: new Uint8Array([1, 2, 3]) }],
  ['functions and symbols as members', { f: () => 1, s: Symbol('x'), list: [() => 1, Symbol('y')], kept: 1 }],
  ['an own toJSON', { inner: { toJSON: () => ({ replaced: true }), x: 1 } }],
  ['boxed primitives', { s: new String('ab'), n: new Number(5), b: new Boolean(false) }],
  ['a class instance with a prototype getter', new (class { a = 1; get b() { return 2; } })()],
  ['a plain string', '张三'],
  ['a number', 12],
  ['null', null],
  ['an empty object', {}],
  ['an empty array', []],
  ['a boolean', true],
];

/** Random JSON-like values, with a fixed seed so a failure repeats. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 9));
  const text = () => String.fromCharCode(...Array.from({ length: Math.floor(next() * 6) }, () => [97 + Math.floor(next() * 26), 0x4e00 + Math.floor(next() * 500), 34, 92, 10, 48 + Math.floor(next() * 10)][Math.floor(next() * 6)]!));
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return next() < 0.5;
    case 3: return Math.floor(next() * 2e6) - 1e6;
    case 4: return next() * 1000;
    case 5: return text();
    case 6: return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 6) }, () => [next() < 0.1 ? String(Math.floor(next() * 20)) : text(), randomValue(next, depth + 1)]));
  }
}

describe('the faster canonical JSON', () => {
  it.each(VALUES)('writes %s exactly as the original', (_what, value) => {
    expect(canonicalJson(value)).toBe(originalCanonicalJson(value));
  });

  it('writes a top-level undefined as the original (no text), and refuses a bigint as it did', () => {
    expect(canonicalJson(undefined)).toBe(originalCanonicalJson(undefined));
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });

  it('writes two thousand random values exactly as the original, shapes seen again included', () => {
    let seed = 20261207;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 2000; i += 1) {
      const value = randomValue(next, 0);
      expect(canonicalJson(value), JSON.stringify(value)).toBe(originalCanonicalJson(value));
      // The same shape again, now from the remembered key order.
      expect(canonicalJson(value)).toBe(originalCanonicalJson(value));
    }
  });
});
