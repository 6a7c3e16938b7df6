// Entry of the desk thread when running from sources (the host, tests): tsx
// registers its TypeScript loader on the main thread only, so the thread
// registers it before loading the desk. Electron runs the bundled
// dist/electron/desk-thread.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./desk-thread.ts');
