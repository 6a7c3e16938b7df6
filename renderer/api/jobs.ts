import { useEffect, useState } from 'react';
import type { JobView } from '../../shared/contract';
import { call } from './client';

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

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
