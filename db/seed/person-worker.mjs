// Entry of the build's worker thread: tsx registers its TypeScript loader on
// the main thread only, so the worker registers it before loading the worker code.
import { register } from 'tsx/esm/api';

register();
await import('./person-worker.ts');
