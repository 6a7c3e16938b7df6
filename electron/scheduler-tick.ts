import type { JobView } from '../shared/contract';

/**
 * What one check of a scheduler did: the job it started, which the caller
 * (or a test) can follow to its end, or why it started none — the desk is not
 * open, nothing is due, or the run was refused (the reason is in the log).
 */
export type SchedulerTick = { state: 'started'; job: JobView } | { state: 'not-ready' | 'idle' | 'blocked' };
