/**
 * Inputs for the contract fuzz, drawn from each method's JSON Schema (zod's
 * `toJSONSchema` of the contract's input): valid-looking values that reach the
 * services, and hostile ones that test the door. fast-check is not installed
 * (and no dependency may be added), so this walks the schema itself with the
 * seeded generator the property tests use, and a failing seed replays exactly.
 */
import { mulberry32 } from '../fixtures/seeded-random';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

/** Real-looking values for strings whose pattern or name asks for them (valid GB 11643 numbers, Jiangsu codes). */
const SAMPLES: readonly string[] = [
  '32050619920115004X', '321281198512310047', '320102199003071239', '320506196501011232', '11010519491231002X',
  '13912345678', '139 1234 5678', '0512-68001234', '张伟', '李秀英', '王芳', 'wangfang', 'zhaolei',
  '320506', '320506001', '320506001001', '91320506MA1XXXXX0X', '913205067205874410',
  '2026-11-27', '2026-01-01', '2025-12-31', '2026-11', '2026', '2026-11-27T02:00:00.000Z', '08:30',
  'Desk-2026-pass', 'Start-2026-desk', '数控车工', '苏州市吴中区', '10', '11', '20', '01', 'A', 'a', '1', '0',
];

/** Strings that break naive code: injections, traversal, control and surrogate characters, odd widths. */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\u0000', "'; DROP TABLE persons; --", '" OR 1=1 --', '../../../../etc/passwd', '..\\..\\windows\\win.ini',
  '/etc/shadow', 'C:\\Windows\\system32', '<script>alert(1)</script>', '${process.env}', '{{7*7}}', '%s%s%n', '\ud800', '\udfff\ud800',
  '\u202e123', '👩‍👩‍👧‍👦', 'Ａ１２', '３２０５０６', '\r\n\t', 'null', 'undefined', 'NaN', '-1', '1e999', '0x10', '__proto__', 'constructor',
  'toString', '*', '%', '_', '\\', 'x'.repeat(70_000), '张'.repeat(5000), '3'.repeat(18), '32050619920115004x',
];

const HOSTILE_SCALARS: readonly unknown[] = [
  null, undefined, true, false, 0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-300,
];

export interface ValueOptions {
  /** Probability of replacing a node with something hostile. */
  hostility: number;
}

export class SchemaValues {
  constructor(
    private readonly rng: Rng,
    private readonly root: JsonSchema,
    private readonly options: ValueOptions,
  ) {}

  value(schema: JsonSchema = this.root, depth = 0): unknown {
    if (this.rng.chance(this.options.hostility)) return this.hostile(depth);
    return this.valid(schema, depth);
  }

  private resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    return this.root.$defs?.[name] ?? {};
  }

  private valid(raw: JsonSchema, depth: number): unknown {
    const schema = this.resolve(raw);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return this.rng.pick(schema.enum);
    const options = schema.anyOf ?? schema.oneOf;
    if (options && options.length > 0) return this.value(this.rng.pick(options), depth + 1);
    if (schema.allOf && schema.allOf.length > 0) return this.value(schema.allOf[0]!, depth + 1);
    const type = Array.isArray(schema.type) ? this.rng.pick(schema.type) : schema.type;
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return this.array(schema, depth);
      case 'string':
        return this.string(schema);
      case 'integer':
        return this.number(schema, true);
      case 'number':
        return this.number(schema, false);
      case 'boolean':
        return this.rng.chance(0.5);
      case 'null':
        return null;
      default:
        return this.rng.chance(0.5) ? this.string({}) : this.number({}, true);
    }
  }

  private object(schema: JsonSchema, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      // Required fields mostly present; optional ones about half the time.
      if (required.has(key) ? this.rng.chance(0.97) : this.rng.chance(0.5)) {
        if (depth > 6) continue;
        out[key] = this.value(prop, depth + 1);
      }
    }
    if (typeof schema.additionalProperties === 'object' && this.rng.chance(0.5)) {
      for (let i = this.rng.int(0, 3); i > 0; i -= 1) out[this.string({ maxLength: 12 })] = this.value(schema.additionalProperties, depth + 1);
    }
    return out;
  }

  private array(schema: JsonSchema, depth: number): unknown[] {
    if (schema.prefixItems) return schema.prefixItems.map((item) => this.value(item, depth + 1));
    const min = schema.minItems ?? 0;
    const max = Math.min(schema.maxItems ?? min + 4, min + 4);
    const length = depth > 6 ? min : this.rng.int(min, max);
    return Array.from({ length }, () => this.value(schema.items ?? {}, depth + 1));
  }

  private string(schema: JsonSchema): string {
    if (schema.format === 'date') return this.rng.pick(['2026-11-27', '2026-02-29', '1990-03-07', '2027-01-01']);
    if (schema.format === 'date-time') return this.rng.pick(['2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00Z']);
    if (schema.pattern) {
      const fits = fittingSamples(schema.pattern);
      if (fits.length > 0 && this.rng.chance(0.9)) return this.rng.pick(fits);
      const digits = /^\^\\d\{(\d+)\}\$$/.exec(schema.pattern);
      if (digits) return Array.from({ length: Number(digits[1]) }, () => String(this.rng.int(0, 9))).join('');
    }
    const max = Math.min(schema.maxLength ?? 40, 40);
    const min = Math.min(schema.minLength ?? 0, max);
    if (this.rng.chance(0.6)) {
      const sample = this.rng.pick(SAMPLES);
      if (sample.length >= min && sample.length <= (schema.maxLength ?? Infinity)) return sample;
    }
    const length = this.rng.int(min, Math.max(min, Math.min(max, 12)));
    const alphabet = this.rng.pick(['0123456789', 'abcdefghijklmnopqrstuvwxyz', '张王李赵刘陈杨黄周吴徐孙', 'ABCDEFGHJKLMNPQRTUWXY0123456789']);
    return Array.from({ length }, () => alphabet[this.rng.int(0, alphabet.length - 1)]).join('');
  }

  private number(schema: JsonSchema, integer: boolean): number {
    const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
    const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : lo + 30);
    // Ids and versions: small numbers hit the rows that exist.
    const top = Math.min(hi, lo + (this.rng.chance(0.8) ? 12 : 1_000_000));
    const n = lo + this.rng.float() * Math.max(0, top - lo);
    return integer ? Math.round(Math.max(lo, Math.min(top, n))) : n;
  }

  /** Something the schema does not allow, or that a careless handler mishandles. */
  hostile(depth: number): unknown {
    switch (this.rng.int(0, 9)) {
      case 0:
      case 1:
      case 2:
        return this.rng.pick(HOSTILE_STRINGS);
      case 3:
      case 4:
        return this.rng.pick(HOSTILE_SCALARS);
      case 5:
        return depth > 3 ? [] : [this.hostile(depth + 1), this.rng.pick(SAMPLES)];
      case 6:
        return JSON.parse('{"__proto__":{"admin":true,"permissions":["users.manage"]},"constructor":{"prototype":{"x":1}}}');
      case 7:
        return nested(this.rng.int(50, 3000));
      case 8:
        return this.rng.pick([new Date('invalid'), new Map([['a', 1]]), 10n ** 30n, new Uint8Array(4), Symbol.iterator, () => 1]);
      default:
        return Array.from({ length: this.rng.pick([0, 1, 1000, 20_000]) }, (_, i) => i);
    }
  }
}

function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

const fitCache = new Map<string, string[]>();
function fittingSamples(pattern: string): string[] {
  let fits = fitCache.get(pattern);
  if (!fits) {
    let regex: RegExp | null = null;
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    fits = regex ? SAMPLES.filter((s) => regex.test(s)) : [];
    fitCache.set(pattern, fits);
  }
  return fits;
}
