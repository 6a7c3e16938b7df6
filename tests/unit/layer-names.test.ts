import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

/**
 * One name per use case, the same in every layer (issue 18): a method `D.verb` is declared in
 * shared/contract/D.ts (or a `<singular D>-<aspect>.ts` beside it), handled in db/handlers/D.ts,
 * served by db/services/D.ts or `<singular D>-*.ts`, and D is a word of docs/glossary.md.
 */

const CONTRACT = 'shared/contract';
const HANDLERS = 'db/handlers';

/** Plural prefixes name their sub-modules in the singular (cases → case-attachments.ts); the rest keep their form. */
const SINGULAR: Record<string, string> = {
  persons: 'person', enterprises: 'enterprise', cases: 'case', fairs: 'fair', vacancies: 'vacancy', contacts: 'contact',
  registrations: 'registration', certifications: 'certification', users: 'user', codes: 'code', backups: 'backup',
  reports: 'report', divisions: 'division', jobs: 'job', policies: 'policy', facts: 'fact', payments: 'payment', spotChecks: 'spot-check',
  startups: 'startup', stations: 'station',
};
/** A two-word domain (spotChecks) names its files in kebab case (spot-checks.ts). */
const fileOf = (domain: string) => domain.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const singular = (domain: string) => SINGULAR[domain] ?? fileOf(domain);

/** Does a module named `name` (no extension) belong to the domain: `D` itself or `<singular D>-<aspect>`? */
const belongsTo = (name: string, domain: string) => name === fileOf(domain) || name.startsWith(`${singular(domain)}-`);

const domains = [...new Set(Object.keys(contract).map((m) => m.split('.')[0]!))].sort();
const read = (path: string) => readFileSync(path, 'utf8');
const tsModules = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

/** The method names a contract module declares (`'D.verb': method<…>()`). */
function declaredMethods(module: string): string[] {
  return [...read(join(CONTRACT, `${module}.ts`)).matchAll(/^\s*'([a-z][A-Za-z]*\.[A-Za-z]+)':\s*method</gm)].map((m) => m[1]!);
}

/** The sibling modules a file imports or re-exports (`from './x'`). */
function siblingImports(path: string): string[] {
  return [...read(path).matchAll(/\bfrom\s+'\.\/([\w-]+)'/g)].map((m) => m[1]!);
}

describe('one name per use case, the same in every layer', () => {
  it('knows every domain of the contract', () => {
    expect(domains.length).toBeGreaterThan(10);
    for (const domain of domains) expect(domain).toMatch(/^[a-z]+([A-Z][a-z]+)?$/);
  });

  it.each(domains)('the %s domain has its contract module and its handler list', (domain) => {
    expect(existsSync(join(CONTRACT, `${fileOf(domain)}.ts`)), `${CONTRACT}/${fileOf(domain)}.ts`).toBe(true);
    expect(existsSync(join(HANDLERS, `${fileOf(domain)}.ts`)), `${HANDLERS}/${fileOf(domain)}.ts`).toBe(true);
  });

  it('declares each method in a module named after its domain, and only there', () => {
    const declared: string[] = [];
    const misplaced: string[] = [];
    for (const module of tsModules(CONTRACT)) {
      for (const method of declaredMethods(module)) {
        declared.push(method);
        const domain = method.split('.')[0]!;
        if (!belongsTo(module, domain)) misplaced.push(`${method} in ${module}.ts`);
      }
    }
    expect(misplaced, 'a method belongs in shared/contract/D.ts or <singular D>-*.ts').toEqual([]);
    // The scan reads every method the contract has, each once: nothing escapes the rule above.
    expect(declared.sort()).toEqual(Object.keys(contract).sort());
  });

  it('keeps one domain per contract module', () => {
    const mixed = tsModules(CONTRACT)
      .map((module) => ({ module, prefixes: [...new Set(declaredMethods(module).map((m) => m.split('.')[0]))] }))
      .filter((m) => m.prefixes.length > 1)
      .map((m) => `${m.module}.ts: ${m.prefixes.join(', ')}`);
    expect(mixed).toEqual([]);
  });

  it('has a handler list for each domain and nothing else in db/handlers', () => {
    expect(tsModules(HANDLERS).filter((m) => m !== 'index')).toEqual(domains.map(fileOf).sort());
  });

  it.each(domains)('the %s handlers call only the services of their domain', (domain) => {
    const imports = [...read(join(HANDLERS, `${fileOf(domain)}.ts`)).matchAll(/from\s+'\.\.\/services\/([\w-]+)'/g)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((service) => !belongsTo(service, domain)), `db/services/${fileOf(domain)}.ts or ${singular(domain)}-*.ts`).toEqual([]);
  });

  it.each(domains)('the glossary names the %s domain', (domain) => {
    expect(read('docs/glossary.md')).toContain(`\`${domain}.*\``);
  });

  it('names every renderer folder after a domain, or as the app’s own plumbing (api, app, shell)', () => {
    const folders = readdirSync('renderer', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !domains.includes(f) && !['api', 'app', 'shell'].includes(f))).toEqual([]);
  });

  it('has no import cycle among the contract modules', () => {
    const graph = new Map(tsModules(CONTRACT).map((m) => [m, siblingImports(join(CONTRACT, `${m}.ts`))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, path: string[]) => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...path.slice(path.indexOf(module)), module].join(' → '));
        return;
      }
      state.set(module, 'open');
      for (const next of graph.get(module) ?? []) visit(next, [...path, module]);
      state.set(module, 'done');
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });
});
