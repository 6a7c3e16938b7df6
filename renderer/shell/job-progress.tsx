import { Progress, Stack, Text, type MantineSpacing } from '@mantine/core';
import type { JobView } from '../../shared/contract';

/** A running job's phase, its count where it knows one, and a bar. */
export function JobProgress({ job, testId, mt }: { job: JobView; testId: string; mt?: MantineSpacing }) {
  return (
    <Stack gap={4} mt={mt}>
      <Text size="sm">{job.progress.phase}{job.progress.total ? `：${job.progress.done} / ${job.progress.total}` : '…'}</Text>
      <Progress data-testid={testId} value={job.progress.total ? (job.progress.done / job.progress.total) * 100 : 5} animated />
    </Stack>
  );
}
