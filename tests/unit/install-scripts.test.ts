import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  name?: string;
  version?: string;
  hasInstallScript?: boolean;
}

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, LockEntry> };

/** The package's registry name: an alias (better-sqlite3 → the cipher build) records it in the lock entry. */
function registryName(path: string, entry: LockEntry): string {
  return entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('install scripts (npm allowScripts)', () => {
  it('every dependency with an install script is approved by name in package.json, so an npm that blocks unapproved scripts still builds the desk', () => {
    const allowed = manifest.allowScripts ?? {};
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path, entry]) => ({ name: registryName(path, entry), version: entry.version }));
    expect(withScripts.map((p) => p.name)).toContain('better-sqlite3-multiple-ciphers');
    const unreviewed = withScripts.filter((p) => allowed[p.name] !== true && allowed[`${p.name}@${p.version}`] !== true);
    expect(unreviewed).toEqual([]);
  });
});
