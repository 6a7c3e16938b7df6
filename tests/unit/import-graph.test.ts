import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Relative modules `file` imports at run time (`import type` and `export type` are erased and do not count). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), match[1]!);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/));
    if (target) found.push(target);
  }
  return found;
}

/** Every module reachable from `entry`, each with the chain of imports that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const paths = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of runtimeImports(file)) {
      if (paths.has(next)) continue;
      paths.set(next, [...paths.get(file)!, next]);
      queue.push(next);
    }
  }
  return paths;
}

const show = (chain: string[]) => chain.map((f) => relative(ROOT, f)).join(' → ');

describe('import graph', () => {
  it('the desk does not reach the seeder: the demo is handed to it by the shell that offers it', () => {
    const fromDesk = reachable(join(ROOT, 'db/desk.ts'));
    expect(fromDesk.size).toBeGreaterThan(20);
    const seeding = [...fromDesk.entries()].filter(([file]) => /[\\/]db[\\/](seed[\\/]|demo\.ts$)/.test(file)).map(([, chain]) => show(chain));
    expect(seeding).toEqual([]);
  });

  it('the desk thread the shells start, which offers 打开演示县, does reach it', () => {
    expect(reachable(join(ROOT, 'electron/desk-thread.ts')).has(join(ROOT, 'db/demo.ts'))).toBe(true);
  });

  it('Electron’s main process and the host’s HTTP thread run no SQL: they reach neither the desk nor the database', () => {
    for (const shell of ['electron/main.ts', 'electron/host.ts']) {
      const reached = reachable(join(ROOT, shell));
      const database = [...reached.entries()].filter(([file]) => /[\\/]db[\\/](desk|open|router)\.ts$/.test(file) || /better-sqlite3/.test(file)).map(([, chain]) => show(chain));
      expect(database, shell).toEqual([]);
    }
  });
});
