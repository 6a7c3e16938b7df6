/**
 * The demo county beside the bureau's own database. It lives in its own
 * folder of the data folder (`<data>/demo/demo.db`, its key in
 * `<data>/demo/demo.key`: the data is synthetic, so its key may sit beside it),
 * is opened only while the bureau's own `desk.db` does not exist, and leaving
 * it deletes that folder and nothing else. The database itself carries the
 * `demo = true` setting, which the banner and every printout read.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { officeDate } from '../shared/domain/dates';
import type { JobContext } from './jobs';
import { createKeyFile, keyProviderFrom, readKeyFile } from './keys';
import { makePrivateDir } from './private-files';
import { seedDatabase } from './seed/seed';

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

/** Seeds the demo county (demo scale) into the build folder, then moves the finished file into place. */
export async function buildDemo(o: BuildDemoOptions): Promise<void> {
  const { paths } = o;
  rmSync(paths.dir, { recursive: true, force: true });
  makePrivateDir(paths.buildDir);
  const building = { dbPath: join(paths.buildDir, 'demo.db'), keyFile: join(paths.buildDir, 'demo.key') };
  try {
    createKeyFile(building.keyFile);
    const summary = await seedDatabase({
      dbPath: building.dbPath,
      keys: keyProviderFrom({ keyFile: building.keyFile }),
      migrationsDir: o.migrationsDir,
      resourcesDir: o.resourcesDir,
      appVersion: o.appVersion,
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
      scale: 'demo',
      seed: 1,
      asOf: officeDate(o.now),
      worker: false,
      digest: false,
      log: () => undefined,
      progress: async (phase, done, total) => {
        o.job.progress({ phase, done, total });
        await o.job.checkpoint();
      },
    });
    if (summary.refusals.length > 0) throw new Error(`demo seed refused: ${summary.refusals[0]}`);
    // The seed closed its connection after a TRUNCATE checkpoint: the main file holds everything.
    renameSync(building.keyFile, paths.keyFile);
    renameSync(building.dbPath, paths.dbPath);
  } catch (error) {
    rmSync(paths.dir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(paths.buildDir, { recursive: true, force: true });
  }
}

/** Leaving the demo: its folder goes; the bureau's own files are elsewhere and untouched. */
export function removeDemo(paths: DemoPaths): void {
  rmSync(paths.dir, { recursive: true, force: true });
}
