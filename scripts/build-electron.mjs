// Bundles the Electron main process and preload into dist/electron/*.cjs.
// The preload runs sandboxed, so it must be one self-contained file.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // electron/paths.ts reads import.meta only when no root is given; main.ts always passes app.getAppPath().
  logOverride: { 'empty-import-meta': 'silent' },
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// The desk thread (electron/desk-thread.ts): the database, sessions and schedules, off the window's process.
await build({ ...common, entryPoints: ['electron/desk-thread.ts'], outfile: 'dist/electron/desk-thread.cjs' });
// A job's own thread (db/job-thread.ts): imports and other long work on a connection of their own.
await build({ ...common, entryPoints: ['db/job-thread.ts'], outfile: 'dist/electron/job-thread.cjs' });
// An export's sealing threads (db/exchange/seal-thread.ts), found beside job-thread.cjs (db/exchange/seal-pool.ts).
await build({ ...common, entryPoints: ['db/exchange/seal-thread.ts'], outfile: 'dist/electron/seal-thread.cjs' });
console.log('built dist/electron/main.cjs, preload.cjs, desk-thread.cjs, job-thread.cjs and seal-thread.cjs');
