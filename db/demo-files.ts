/**
 * The demo county's files beside the bureau's own database. It lives in its
 * own folder of the data folder (`<data>/demo/demo.db`, its key in
 * `<data>/demo/demo.key`: the data is synthetic, so its key may sit beside it),
 * is opened only while the bureau's own `desk.db` does not exist, and leaving
 * it deletes that folder and nothing else. The database itself carries the
 * `demo = true` setting, which the banner and every printout read.
 *
 * Building it (db/demo.ts) needs the seeder; the desk does not import that:
 * the shell that offers the demo hands the desk a DemoBuilder.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JobContext } from './jobs';
import { readKeyFile } from './keys';

export interface DemoPaths {
  dir: string;
  dbPath: string;
  keyFile: string;
  /** Where a demo is built before it is moved into place, so a half-built one is never opened. */
  buildDir: string;
}

export function demoPaths(dataDir: string): DemoPaths {
  const dir = join(dataDir, 'demo');
  return { dir, dbPath: join(dir, 'demo.db'), keyFile: join(dir, 'demo.key'), buildDir: join(dir, 'building') };
}

/** The demo's key when a complete demo is in place, else null. */
export function demoKey(paths: DemoPaths): Buffer | null {
  return existsSync(paths.dbPath) && existsSync(paths.keyFile) ? readKeyFile(paths.keyFile) : null;
}

export interface BuildDemoOptions {
  paths: DemoPaths;
  migrationsDir: string;
  resourcesDir: string;
  appVersion: string;
  nativeBinding?: string;
  now: Date;
  job: JobContext;
}

/** Builds the demo county into `paths` (db/demo.ts `buildDemo`), reporting progress to the job. */
export type DemoBuilder = (options: BuildDemoOptions) => Promise<void>;

/** Leaving the demo: its folder goes; the bureau's own files are elsewhere and untouched. */
export function removeDemo(paths: DemoPaths): void {
  rmSync(paths.dir, { recursive: true, force: true });
}
