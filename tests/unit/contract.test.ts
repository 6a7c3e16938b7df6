import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../db/handlers';
import { contractEntries } from '../../electron/cli/commands';
import { contract, isMethodName } from '../../shared/contract';
import { PERMISSIONS } from '../../shared/roles';

const ACCESS_VALUES = new Set<string>(['public', 'session', ...PERMISSIONS]);
const methods = Object.keys(contract) as (keyof typeof contract)[];

describe('the RPC contract', () => {
  it('names every method domain.verb', () => {
    expect(methods.length).toBeGreaterThan(0);
    for (const name of methods) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });

  it.each(methods)('%s has a Chinese title, a known access rule and a writes flag', (name) => {
    const spec = contract[name];
    expect(spec.title).toMatch(/[\u4e00-\u9fff]/);
    expect(ACCESS_VALUES.has(spec.access)).toBe(true);
    expect(typeof spec.writes).toBe('boolean');
  });

  it('has a service behind every method and no service outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methods].sort());
  });

  it('lists every method with its input as JSON Schema', () => {
    const entries = contractEntries();
    expect(entries.map((e) => e.method)).toEqual(methods);
    for (const entry of entries) {
      expect(entry.title).toBe(contract[entry.method].title);
      expect(entry.permission).toBe(contract[entry.method].access);
      expect(entry.writes).toBe(contract[entry.method].writes);
      expect(entry.input).toMatchObject({ type: 'object' });
    }
  });

  it.each(methods)('%s converts to JSON Schema and refuses unknown fields', (name) => {
    const schema = z.toJSONSchema(contract[name].input, { io: 'input' }) as { type?: string; additionalProperties?: unknown };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('limits the length of every string field so oversized input is refused early', () => {
    const unbounded: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'string' && record.maxLength === undefined && record.enum === undefined && record.pattern === undefined && record.const === undefined) {
        unbounded.push(path);
      }
      for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`);
    };
    for (const entry of contractEntries()) visit(entry.input, entry.method);
    expect(unbounded, unbounded.join(", ")).toEqual([]);
  });

  it('marks the citizen-data methods with a permission, never public', () => {
    for (const name of methods.filter((m) => m.startsWith('persons.'))) {
      expect(contract[name].access).toMatch(/^persons\./);
    }
    expect(contract['persons.register']).toMatchObject({ access: 'persons.write', writes: true });
    expect(contract['persons.update']).toMatchObject({ access: 'persons.write', writes: true });
  });

  it('knows its own method names and nothing from Object.prototype', () => {
    expect(isMethodName('persons.register')).toBe(true);
    expect(isMethodName('persons.delete')).toBe(false);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });
});
