import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FairParticipation, FairView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { ParticipationDialog } from './add-enterprise-dialog';
import { AttendanceList } from './attendance-list';
import { CheckInPanel } from './check-in-panel';
import { FairFormDialog } from './fair-form-dialog';
import { campaignLabel, channelLabel, fairDates, STATUS_COLORS, statusLabel, targetGroupLabel } from './options';

export const COUNT_LABELS = [['enterprises', '参会企业'], ['vacancies', '岗位数'], ['positions', '招聘人数'], ['checkIns', '入场人数'], ['intentions', '达成意向'], ['hires', '录用人数']] as const;

function Counts({ fair }: { fair: FairView }) {
  return (
    <SimpleGrid cols={6} data-testid="fair-counts">
      {COUNT_LABELS.map(([key, label]) => (
        <Paper key={key} withBorder p="sm">
          <Text size="xs" c="dimmed">{label}</Text>
          <Text fw={700} size="xl" data-testid={`count-${key}`}>{fair.counts[key]}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function StatusActions({ fair }: { fair: FairView }) {
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const set = useMutation({
    mutationFn: (input: { status: 'held' | 'cancelled'; reason?: string }) => call('fairs.setStatus', { id: fair.id, version: fair.version, ...input }),
    onSuccess: (view) => {
      queryClient.setQueryData(['fairs.get', fair.id], view);
      void queryClient.invalidateQueries({ queryKey: ['fairs.list'] });
      setCancelling(false);
      notifications.show({ color: 'green', message: `招聘会${statusLabel(view.status)}` });
    },
    onError: (e) => { if (!cancelling) notifications.show({ color: 'red', message: errorMessage(e) }); },
  });
  if (fair.status !== 'planned') return null;
  const markHeld = () =>
    modals.openConfirmModal({
      title: '标记为已举办', children: <Text size="sm">标记后状态不能再改回筹备中。入场登记和意向登记仍可继续补录。</Text>,
      labels: { confirm: '确认已举办', cancel: '返回' }, onConfirm: () => set.mutate({ status: 'held' }),
    });
  return (
    <>
      <Button variant="light" onClick={markHeld}>标记已举办</Button>
      <Button variant="light" color="red" onClick={() => { set.reset(); setCancelling(true); }}>取消招聘会</Button>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title="取消招聘会">
        <form noValidate onSubmit={(e) => { e.preventDefault(); set.mutate({ status: 'cancelled', reason: reason.trim() }); }}>
          <Stack>
            {set.isError && <Alert color="red">{errorMessage(set.error)}</Alert>}
            <Text size="sm">取消后不能再添加企业或入场登记，记录保留备查。</Text>
            <Textarea label="取消原因" withAsterisk data-autofocus maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(false)}>返回</Button>
              <Button type="submit" color="red" loading={set.isPending}>确认取消</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function Enterprises({ fair, canWrite }: { fair: FairView; canWrite: boolean }) {
  const [editing, setEditing] = useState<FairParticipation | 'new' | null>(null);
  const open = fair.status !== 'cancelled';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>参会企业（{fair.enterprises.length}）</Title>
        {canWrite && open && <Button size="compact-md" onClick={() => setEditing('new')}>添加参会企业</Button>}
      </Group>
      <Table withTableBorder striped data-testid="fair-enterprises">
        <Table.Thead>
          <Table.Tr><Table.Th>展位</Table.Th><Table.Th>企业</Table.Th><Table.Th>参会岗位</Table.Th><Table.Th>招聘人数</Table.Th><Table.Th>达成意向</Table.Th><Table.Th>录用</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fair.enterprises.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.boothNumber ?? '—'}</Table.Td>
              <Table.Td><Link to={`/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link></Table.Td>
              <Table.Td>{p.vacancies.map((v) => v.title).join('、') || '—'}</Table.Td>
              <Table.Td>{p.vacancies.reduce((n, v) => n + v.openings, 0)}</Table.Td>
              <Table.Td>{p.intentions}</Table.Td><Table.Td>{p.hires}</Table.Td>
              <Table.Td>{canWrite && open && <Button size="compact-sm" variant="subtle" onClick={() => setEditing(p)}>修改</Button>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ParticipationDialog fair={fair} participation={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** One fair: its facts and counts, the enterprises at their booths, the door, and the people who came. */
export function FairPage() {
  const id = Number(useParams().id);
  const canWrite = useCan('fairs.write');
  const canCheckIn = useCan('fairs.checkIn');
  const canRegister = useCan('persons.write');
  const [editing, setEditing] = useState(false);
  const view = useQuery({ queryKey: ['fairs.get', id], queryFn: () => call('fairs.get', { id }) });
  if (view.isError) return <Alert color="red">{errorMessage(view.error)}</Alert>;
  const fair = view.data;
  if (!fair) return null;
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Group>
          <Title order={2} data-testid="fair-name">{fair.name}</Title>
          <Badge color={STATUS_COLORS[fair.status]} variant="light" size="lg">{statusLabel(fair.status)}</Badge>
        </Group>
        <Group>
          <Button variant="default" component={Link} to="/fairs">返回列表</Button>
          <Button variant="default" component={Link} to={`/fairs/${fair.id}/summary`}>情况统计表</Button>
          {canWrite && fair.status !== 'cancelled' && <Button variant="default" onClick={() => setEditing(true)}>修改</Button>}
          {canWrite && <StatusActions fair={fair} />}
        </Group>
      </Group>
      <Text size="sm">
        {campaignLabel(fair.campaign)} · 服务对象：{targetGroupLabel(fair.targetGroup)} · {channelLabel(fair.channel)} · {fairDates(fair)}
        {fair.venue ? ` · ${fair.venue}` : ''}{fair.organizer ? ` · 主办：${fair.organizer}` : ''}
      </Text>
      {fair.status === 'cancelled' && <Alert color="gray">已取消：{fair.cancelReason}</Alert>}
      <Counts fair={fair} />
      {canCheckIn && fair.status !== 'cancelled' && <CheckInPanel fairId={fair.id} canRegister={canRegister} />}
      <Enterprises fair={fair} canWrite={canWrite} />
      <AttendanceList fair={fair} canWrite={canWrite} />
      {editing && <FairFormDialog fair={fair} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </Stack>
  );
}
