// Entry of a job thread when running from sources (the host, tests): tsx
// registers its TypeScript loader on the main thread only, so the thread
// registers it before loading the job. Electron runs the bundled
// dist/electron/job-thread.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread.ts');
