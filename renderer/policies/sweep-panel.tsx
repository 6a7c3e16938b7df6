import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SweepView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { SWEEP_MODE_LABELS } from '../../shared/labels/policies';
import { call } from '../api/client';
import { useJobMutation } from '../api/jobs';
import { HeaderRow } from '../shell/header-row';
import { JobProgress } from '../shell/job-progress';
import { Loaded } from '../shell/loaded';

export const SWEEPS_KEY = ['policies.sweeps'] as const;
export const FINDINGS_KEY = ['policies.findings'] as const;

/**
 * 运行政策比对: a job in a thread of its own that judges the persons and
 * enterprises whose data changed since the last run (everyone after a new
 * version); the bar follows it, the list and the history refresh when it ends.
 */
export function SweepPanel() {
  const queryClient = useQueryClient();
  const sweeps = useQuery({ queryKey: SWEEPS_KEY, queryFn: () => call('policies.sweeps', {}) });
  const { start, job } = useJobMutation(() => call('policies.sweepStart', {}));
  const cancel = useMutation({ mutationFn: (id: string) => call('jobs.cancel', { id }) });
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') {
      const done = job.result as SweepView;
      notifications.show({ color: 'green', message: `政策比对完成：比对 ${done.evaluated} 个对象，疑似符合 ${done.found} 条` });
    }
    if (job.state === 'cancelled') notifications.show({ message: '已取消政策比对，已完成的部分保留' });
    void queryClient.invalidateQueries({ queryKey: SWEEPS_KEY });
    void queryClient.invalidateQueries({ queryKey: FINDINGS_KEY });
  }, [job, queryClient]);
  const running = job?.state === 'running';
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={4}>政策比对</Title>
            <Text size="sm" c="dimmed">按在用的政策版本，比对数据有变化的人员和企业（新版本启用后比对全部），找出疑似符合、尚未享受的对象。比对在后台进行，不影响其他工作。</Text>
          </div>
          <Group>
            {running && job && <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(job.id)}>取消比对</Button>}
            <Button onClick={() => start.mutate()} loading={start.isPending || running}>运行政策比对</Button>
          </Group>
        </Group>
        {running && job && <JobProgress job={job} testId="sweep-progress" />}
        {job?.state === 'failed' && <Alert color="red">政策比对失败：{job.error}</Alert>}
        <Loaded query={sweeps}>
          {(rows) => rows.length === 0 ? <Text size="sm" c="dimmed">尚未运行过政策比对。</Text> : (
            <Table withTableBorder fz="sm" data-testid="sweep-history">
              <HeaderRow labels={['开始时间', '方式', '比对对象', '疑似符合', '完成时间', '发起人']} />
              <Table.Tbody>
                {rows.slice(0, 5).map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatOfficeTimestamp(s.startedAt)}</Table.Td><Table.Td>{SWEEP_MODE_LABELS[s.mode]}</Table.Td>
                    <Table.Td>{s.evaluated}</Table.Td><Table.Td>{s.found}</Table.Td>
                    <Table.Td>{s.finishedAt ? formatOfficeTimestamp(s.finishedAt) : '进行中或已中断'}</Table.Td><Table.Td>{s.startedBy ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loaded>
      </Stack>
    </Paper>
  );
}
