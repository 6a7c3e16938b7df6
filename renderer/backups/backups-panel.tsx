import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BackupCreated, BackupSummary, BackupVerdict } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { useJobMutation } from '../api/jobs';
import { formatSize } from '../shell/format';
import { JobProgress } from '../shell/job-progress';
import { HeaderRow } from '../shell/header-row';

const BACKUPS_KEY = ['backups.list'] as const;

function useBackups() {
  return useQuery({ queryKey: BACKUPS_KEY, queryFn: () => call('backups.list', {}) });
}

/** On top of the admin page: the last backup is older than 7 days, or there is none. */
export function BackupOverdueAlert() {
  const backups = useBackups();
  if (!backups.data?.overdue) return null;
  const last = backups.data.lastBackupAt;
  return (
    <Alert color="orange" title="请及时备份数据" data-testid="backup-overdue">
      {last ? `上次备份在 ${formatOfficeTimestamp(last)}，已超过 7 天。` : '本系统尚未备份过。'}请在“数据备份”中点“立即备份”，并把备份文件夹复制到其他存储设备保存。
    </Alert>
  );
}

function VerifyCell({ entry }: { entry: BackupSummary }) {
  const { start, job } = useJobMutation(() => call('backups.verify', { folder: entry.folder }));
  const verdict = job?.state === 'done' ? (job.result as BackupVerdict) : null;
  return (
    <Stack gap={4}>
      <Group gap={6} align="center" wrap="nowrap">
        <Button size="compact-xs" variant="light" onClick={() => start.mutate()} loading={start.isPending || job?.state === 'running'}>
          校验
        </Button>
        {verdict?.ok && <Badge color="green" variant="light">完好</Badge>}
        {verdict && !verdict.ok && <Badge color="red" variant="light">有问题</Badge>}
      </Group>
      {verdict && !verdict.ok && (
        <List size="xs" c="red">
          {verdict.problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
      {job?.state === 'failed' && <Text size="xs" c="red">{job.error}</Text>}
    </Stack>
  );
}

/** 数据备份: back up now (a job with progress), the backups found in the backup folder, and a check of each. */
export function BackupsPanel() {
  const queryClient = useQueryClient();
  const backups = useBackups();
  const { start, job, jobId } = useJobMutation(() => call('backups.start', {}));
  const cancel = useMutation({ mutationFn: (id: string) => call('jobs.cancel', { id }) });
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') {
      const created = job.result as BackupCreated;
      notifications.show({ color: 'green', message: `已备份：${created.name}（${created.files} 个文件，${formatSize(created.size)}）` });
    }
    if (job.state === 'cancelled') notifications.show({ message: '已取消备份，没有留下未完成的备份' });
    void queryClient.invalidateQueries({ queryKey: BACKUPS_KEY });
  }, [job, queryClient]);
  if (backups.isError) return <Alert color="red">{errorMessage(backups.error)}</Alert>;
  const data = backups.data;
  const running = job?.state === 'running';
  return (
    <Stack>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Group justify="space-between">
            <div>
              <Text fw={500}>上次备份：{data?.lastBackupAt ? formatOfficeTimestamp(data.lastBackupAt) : '从未备份'}</Text>
              <Text size="sm" c="dimmed">
                备份文件夹：<Code>{data?.dir ?? ''}</Code>
              </Text>
            </div>
            <Group>
              {running && jobId && (
                <Button variant="default" onClick={() => cancel.mutate(jobId)}>
                  取消
                </Button>
              )}
              <Button onClick={() => start.mutate()} loading={start.isPending || running}>
                立即备份
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            工作台运行时每天自动备份一次到上述文件夹（保留最近 7 份自动备份）。备份中的数据库仍用本机密钥加密；恢复须由管理员在命令行执行（见使用说明）。请定期把备份文件夹复制到其他存储设备。
          </Text>
          {running && job && <JobProgress job={job} testId="backup-progress" />}
          {job?.state === 'failed' && <Alert color="red">{job.error}</Alert>}
        </Stack>
      </Paper>
      <Table withTableBorder striped data-testid="backup-list">
        <HeaderRow labels={['备份时间', '文件夹', '文件数', '大小', '程序版本', '校验']} />
        <Table.Tbody>
          {(data?.entries ?? []).length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">备份文件夹中还没有备份</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {(data?.entries ?? []).map((e) => (
            <Table.Tr key={e.folder}>
              <Table.Td>{e.createdAt ? formatOfficeTimestamp(e.createdAt) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{e.name}</Text>
                  {e.automatic && <Badge size="xs" variant="light" color="gray">自动</Badge>}
                </Group>
                {e.problem && <Text size="xs" c="red">{e.problem}</Text>}
              </Table.Td>
              <Table.Td>{e.files}</Table.Td>
              <Table.Td>{formatSize(e.size)}</Table.Td>
              <Table.Td>{e.appVersion ?? '—'}</Table.Td>
              <Table.Td>{!e.problem && <VerifyCell entry={e} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
