// Entry of an export's sealing thread when running from sources (the host,
// tests, the bench): tsx registers its TypeScript loader on the main thread
// only. Electron runs the bundled dist/electron/seal-thread.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./seal-thread.ts');
