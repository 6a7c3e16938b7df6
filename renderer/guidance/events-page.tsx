import { Alert, Button, Group, Pagination, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GuidanceEventView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { EventFormDialog } from './event-form-dialog';

const PAGE_SIZE = 20;

export const eventTimes = (e: Pick<GuidanceEventView, 'startTime' | 'endTime'>) => (e.endTime ? `${e.startTime}–${e.endTime}` : e.startTime);

/** 职业指导 → 团体指导活动: 讲座、工作坊、职业体验, latest first, with how many signed in. */
export function GuidanceEventsPage() {
  const navigate = useNavigate();
  const canPlan = useCan('guidance.write');
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['guidance.events', page], queryFn: () => call('guidance.events', { page, pageSize: PAGE_SIZE }) });
  const totalPages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const open = (id: number) => navigate(`/counseling/events/${id}`);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" component={Link} to="/counseling">← 跟踪服务</Button>
          <Title order={2}>团体指导活动</Title>
        </Group>
        {canPlan && <Button onClick={() => setCreating(true)}>新建活动</Button>}
      </Group>
      {list.isError && <Alert color="red" mb="md">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">共 {list.data.total} 场</Text>
          <Table striped highlightOnHover withTableBorder data-testid="event-list">
            <Table.Thead>
              <Table.Tr><Table.Th>日期</Table.Th><Table.Th>时间</Table.Th><Table.Th>类型</Table.Th><Table.Th>活动名称</Table.Th><Table.Th>地点</Table.Th><Table.Th>指导员</Table.Th><Table.Th>签到/名额</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => (
                <Table.Tr key={e.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => open(e.id)} onKeyDown={(k) => k.key === 'Enter' && open(e.id)}>
                  <Table.Td>{e.eventDate}</Table.Td><Table.Td>{eventTimes(e)}</Table.Td><Table.Td>{e.kindLabel}</Table.Td><Table.Td>{e.title}</Table.Td>
                  <Table.Td>{e.place}</Table.Td><Table.Td>{e.counselorName}</Table.Td><Table.Td>{e.attended} / {e.capacity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.items.length === 0 && <Text c="dimmed" mt="sm">还没有团体指导活动</Text>}
          {totalPages > 1 && <Pagination mt="md" total={totalPages} value={page} onChange={setPage} />}
        </>
      )}
      {creating && <EventFormDialog onClose={() => setCreating(false)} onSaved={(e) => open(e.id)} />}
    </>
  );
}
