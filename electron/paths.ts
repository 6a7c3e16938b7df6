import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project (or unpacked app) root: the folder above `electron/`. */
export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function appPaths(root: string = APP_ROOT) {
  return {
    root,
    migrationsDir: join(root, 'db', 'migrations'),
    resourcesDir: join(root, 'resources'),
    rendererDir: join(root, 'dist', 'renderer'),
  };
}

export function appVersion(root: string = APP_ROOT): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
