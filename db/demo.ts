/**
 * Builds the demo county (演示县) for the first-start screen's 打开演示县: the
 * seeder at demo scale into a build folder, then moved into place. Only the
 * shells that offer the demo (Electron, the browser host) import this and hand
 * it to the desk as its DemoBuilder; the desk itself never reaches the seeder.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { officeDate } from '../shared/domain/dates';
import type { BuildDemoOptions } from './demo-files';
import { createKeyFile, keyProviderFrom } from './keys';
import { makePrivateDir } from './private-files';
import { seedDatabase } from './seed/seed';

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
