import { Alert, Badge, Button, Code, FileButton, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ExchangeExportResult, ExchangePackageView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { fileToBase64, useJobMutation } from '../api/jobs';
import { useCan } from '../api/queries';
import { formatSize } from '../shell/format';
import { JobProgress } from '../shell/job-progress';
import { Blocker, EXCHANGE_STATUS_KEY, KeysPanel, SettingsPanel } from './exchange-settings';
import { HeaderRow } from '../shell/header-row';
import { ProvinceFeedPanel } from './province-feed-panel';
import { ProvincePoliciesPanel } from './province-policies-panel';

const HISTORY_KEY = ['exchange.history'] as const;
const REJECTED_KEY = ['exchange.rejected'] as const;
const ENTITY_LABELS: Record<string, string> = { persons: '人员', cases: '事项', enterprises: '企业', enterprise_visits: '走访', vacancies: '岗位' };

function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([entity, n]) => `${ENTITY_LABELS[entity] ?? entity} ${n}`)
    .join('，') || '—';
}

/** "Export now": a background job with a progress bar; the history row appears when it is done. */
function ExportNow({ disabled, pending }: { disabled: boolean; pending: number }) {
  const queryClient = useQueryClient();
  const { start, job } = useJobMutation(() => call('exchange.exportStart', {}));
  useEffect(() => {
    if (job?.state !== 'done') return;
    const result = job.result as ExchangeExportResult;
    notifications.show({
      color: 'green',
      message: result.sequence === null ? '没有新的变更，未生成数据包' : `已生成第 ${result.sequence} 号数据包（${result.records} 条记录）并放入发送目录`,
    });
    void queryClient.invalidateQueries({ queryKey: HISTORY_KEY });
    void queryClient.invalidateQueries({ queryKey: EXCHANGE_STATUS_KEY });
  }, [job?.state, job?.result, queryClient]);
  const running = job?.state === 'running';
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={4}>导出</Title>
          <Text size="sm" c="dimmed">自上次导出以来有 {pending} 项变更待发送</Text>
        </Stack>
        <Button onClick={() => start.mutate()} disabled={disabled || running} loading={start.isPending}>立即导出</Button>
      </Group>
      {running && job && <JobProgress job={job} testId="export-progress" mt="md" />}
      {job?.state === 'failed' && <Alert color="red" mt="md">{job.error}</Alert>}
    </Paper>
  );
}

function PackageStatus({ p }: { p: ExchangePackageView }) {
  if (p.status === 'sent') return <Badge color="blue" variant="light">已发送，待回执</Badge>;
  return (
    <Group gap={4}>
      <Badge color="green" variant="light">接受 {p.accepted}</Badge>
      {(p.rejected ?? 0) > 0 && <Badge color="red" variant="light">退回 {p.rejected}</Badge>}
    </Group>
  );
}

function History() {
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: HISTORY_KEY, queryFn: () => call('exchange.history', { limit: 100 }) });
  const resend = useMutation({
    mutationFn: (sequence: number) => call('exchange.resend', { sequence }),
    onSuccess: (r) => notifications.show({ color: 'green', message: `已重新放入发送目录：${r.outboxPath}` }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const receipt = useMutation({
    mutationFn: async (file: File) => call('exchange.importReceipt', { fileName: file.name, base64: await fileToBase64(file) }),
    onSuccess: (r) => {
      notifications.show({ color: r.rejected ? 'orange' : 'green', message: `第 ${r.sequence} 号数据包回执已导入：接受 ${r.accepted} 条，退回 ${r.rejected} 条` });
      for (const key of [HISTORY_KEY, REJECTED_KEY, EXCHANGE_STATUS_KEY]) void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e), autoClose: false }),
  });
  if (history.isError) return <Alert color="red">{errorMessage(history.error)}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>导出历史</Title>
        <FileButton onChange={(file) => file && receipt.mutate(file)} accept=".receipt">
          {(props) => <Button variant="light" {...props} loading={receipt.isPending}>导入省级回执…</Button>}
        </FileButton>
      </Group>
      <Table withTableBorder striped data-testid="export-history">
        <HeaderRow labels={['序号', '生成时间', '记录', '大小', '摘要（SM3）', '状态', '']} />
        <Table.Tbody>
          {(history.data ?? []).map((p) => (
            <Table.Tr key={p.sequence} data-testid={`package-${p.sequence}`}>
              <Table.Td>{p.sequence}</Table.Td>
              <Table.Td>{formatOfficeTimestamp(p.createdAt)}</Table.Td>
              <Table.Td>{countsText(p.counts)}</Table.Td>
              <Table.Td>{formatSize(p.size)}</Table.Td>
              <Table.Td><Code title={p.packageHash}>{p.packageHash.slice(0, 16)}…</Code></Table.Td>
              <Table.Td><PackageStatus p={p} /></Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => resend.mutate(p.sequence)}>重发</Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {history.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}><Text c="dimmed" ta="center">尚未导出过数据包</Text></Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The front desk's work list: what the province sent back, and why. */
export function RejectedList() {
  const rejected = useQuery({ queryKey: REJECTED_KEY, queryFn: () => call('exchange.rejected', { limit: 200 }) });
  if (rejected.isError) return <Alert color="red">{errorMessage(rejected.error)}</Alert>;
  return (
    <Table withTableBorder striped data-testid="rejected-list">
      <HeaderRow labels={['类别', '记录', '退回原因', '数据包', '回执时间']} />
      <Table.Tbody>
        {(rejected.data ?? []).map((r) => (
          <Table.Tr key={`${r.entity}-${r.entityId}`}>
            <Table.Td>{r.entityTitle}</Table.Td>
            <Table.Td>{r.entity === 'persons' ? <a href={`#/persons/${r.entityId}`}>{r.label}</a> : r.entity === 'enterprises' ? <a href={`#/enterprises/${r.entityId}`}>{r.label}</a> : r.label}</Table.Td>
            <Table.Td>{r.reason}</Table.Td>
            <Table.Td>第 {r.packageSequence} 号</Table.Td>
            <Table.Td>{formatOfficeTimestamp(r.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
        {rejected.data?.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}><Text c="dimmed" ta="center">没有被省级退回的记录</Text></Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

export function ExchangePage() {
  const canManage = useCan('exchange.manage');
  const status = useQuery({ queryKey: EXCHANGE_STATUS_KEY, queryFn: () => call('exchange.status', {}), enabled: canManage });
  if (!canManage) {
    return (
      <Stack maw={1100}>
        <Title order={2}>省级退回的记录</Title>
        <Text size="sm" c="dimmed">以下记录被省级系统退回，请核实更正后保存，下次导出时会重新发送。</Text>
        <RejectedList />
      </Stack>
    );
  }
  if (status.isError) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  if (!status.data) return null;
  return (
    <Stack maw={1100}>
      <Title order={2}>省级数据交换</Title>
      <Tabs defaultValue="export">
        <Tabs.List>
          <Tabs.Tab value="export">导出与历史</Tabs.Tab>
          <Tabs.Tab value="settings">密钥与设置</Tabs.Tab>
          <Tabs.Tab value="rejected">退回记录</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export" pt="md">
          <Stack>
            <Blocker status={status.data} />
            <ExportNow disabled={status.data.blocker !== null} pending={status.data.pendingChanges} />
            <ProvinceFeedPanel />
            <ProvincePoliciesPanel />
            <History />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <Stack>
            <KeysPanel status={status.data} />
            <SettingsPanel key={`${status.data.outboxDir}-${JSON.stringify(status.data.schedule)}`} status={status.data} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="rejected" pt="md">
          <RejectedList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
