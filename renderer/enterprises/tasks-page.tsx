import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InputOf, TaskView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';

/** Follow-up tasks with their owner and due date; overdue ones stand out. */
export function TasksTable({ filter }: { filter: InputOf<'enterprises.tasks'> }) {
  const queryClient = useQueryClient();
  const canWrite = useCan('enterprises.write');
  const tasks = useQuery({ queryKey: ['enterprises.tasks', filter], queryFn: () => call('enterprises.tasks', filter) });
  const close = useMutation({
    mutationFn: ({ task, status }: { task: TaskView; status: 'done' | 'cancelled' }) => call('enterprises.closeTask', { id: task.id, version: task.version, status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['enterprises.tasks'] }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const rows = tasks.data ?? [];
  if (rows.length === 0) return <Text c="dimmed">没有跟进任务。</Text>;
  return (
    <Table withTableBorder data-testid="tasks">
      <Table.Thead><Table.Tr><Table.Th>企业</Table.Th><Table.Th>任务</Table.Th><Table.Th>负责人</Table.Th><Table.Th>完成期限</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td><Anchor component={Link} to={`/enterprises/${t.enterpriseId}`}>{t.enterpriseName}</Anchor></Table.Td>
            <Table.Td>{t.description}</Table.Td>
            <Table.Td>{t.ownerName}</Table.Td>
            <Table.Td>{t.dueDate} {t.overdue && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
            <Table.Td>{{ open: '待办', done: '已完成', cancelled: '已取消' }[t.status]}</Table.Td>
            <Table.Td>
              {canWrite && t.status === 'open' && (
                <Group gap={4}>
                  <Button size="compact-xs" variant="light" onClick={() => close.mutate({ task: t, status: 'done' })}>完成</Button>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => close.mutate({ task: t, status: 'cancelled' })}>取消</Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function TasksPage() {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>跟进任务</Title>
        <Group>
          <SegmentedControl data={[{ value: 'mine', label: '我的任务' }, { value: 'all', label: '全部任务' }]} value={scope} onChange={(v) => setScope(v as 'mine' | 'all')} />
          <Button variant="default" component={Link} to="/enterprises">返回企业</Button>
        </Group>
      </Group>
      <TasksTable filter={{ mine: scope === 'mine', status: 'open' }} />
    </>
  );
}
