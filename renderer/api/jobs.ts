import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobView } from '../../shared/contract';
import { call, errorMessage } from './client';

/** Polls a job until it ends; the UI shows its progress bar from this. */
export function useJob(jobId: string | null): JobView | null {
  const [job, setJob] = useState<JobView | null>(null);
  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const view = await call('jobs.get', { id: jobId });
        if (stopped) return;
        setJob(view);
        if (view.state !== 'running') return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  return job;
}

/**
 * Starts a background job and follows it: `start` runs the call that returns
 * the job, `job` is its latest view. A refused start is shown as a notification
 * unless `onError` says otherwise.
 */
export function useJobMutation<I = void>(startJob: (input: I) => Promise<JobView>, onError?: (error: unknown) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const start = useMutation({
    mutationFn: startJob,
    onSuccess: (view) => setJobId(view.id),
    onError: onError ?? ((e) => notifications.show({ color: 'red', message: errorMessage(e) })),
  });
  return { start, job, jobId, forget: () => setJobId(null) };
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
