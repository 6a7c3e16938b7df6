import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Architecture\n'), readme.indexOf('\n## ', readme.indexOf('## Architecture\n') + 5));
const IGNORED = new Set(['node_modules', 'dist', 'build', 'release', 'test-results', 'playwright-report']);

describe('README architecture: a picture that stays true', () => {
  it('names every top-level folder', () => {
    const folders = readdirSync('.', { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.') && !IGNORED.has(e.name)).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((f) => !section.includes(`\`${f}/\``))).toEqual([]);
  });

  it('names every domain of the contract', () => {
    const domains = [...new Set(Object.keys(contract).map((m) => m.split('.')[0]!))];
    expect(domains.filter((d) => !section.includes(`\`${d}\``))).toEqual([]);
  });

  it('points only at files that exist on the newcomer’s path', () => {
    const path = section.slice(section.indexOf('**A newcomer'), section.indexOf('**The call.**'));
    const files = [...path.matchAll(/`((?:shared|db|electron|renderer)\/[\w/.-]+\.ts)`/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(8);
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
  });
});
