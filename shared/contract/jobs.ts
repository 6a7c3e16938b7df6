import { z } from 'zod';
import { method } from './define';

export interface JobView {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: { phase: string; done: number; total: number };
  /** The job's answer when done (an import report, a file …). */
  result: unknown;
  /** Why it failed, in Chinese. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const jobId = z.string().min(1).max(64);

export const jobsContract = {
  'jobs.get': method<JobView>()({
    input: z.strictObject({ id: jobId }),
    access: 'session',
    writes: false,
    title: '查看任务进度',
  }),
  'jobs.cancel': method<JobView>()({
    input: z.strictObject({ id: jobId }),
    access: 'session',
    writes: false,
    title: '取消任务',
  }),
};
