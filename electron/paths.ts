import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project (or unpacked app) root: the folder above `electron/`. Computed on
 * demand because the Electron bundle is CommonJS, where import.meta is empty;
 * Electron passes `app.getAppPath()` instead.
 */
function sourceRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}

export function appPaths(root: string = sourceRoot()) {
  return {
    root,
    migrationsDir: join(root, 'db', 'migrations'),
    resourcesDir: join(root, 'resources'),
    rendererDir: join(root, 'dist', 'renderer'),
  };
}

export function appVersion(root: string = sourceRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
