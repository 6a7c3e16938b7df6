// Entry of the office bench's workstations thread when running from sources: tsx registers its loader
// on the main thread only, so this thread registers it before loading the workstations.
import { register } from 'tsx/esm/api';

register();
await import('./office-stations.ts');
