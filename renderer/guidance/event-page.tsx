import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { IdCardDoor } from '../fairs/check-in-panel';
import { eventTimes } from './events-page';

/** One group event: what, when and where, the door's 签到 and who came. */
export function GuidanceEventPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const canCheckIn = useCan('guidance.checkIn');
  const canRegister = useCan('persons.write');
  const read = useQuery({ queryKey: ['guidance.event', id], queryFn: () => call('guidance.event', { id }) });
  if (read.isError) return <Alert color="red">{errorMessage(read.error)}</Alert>;
  if (!read.data) return null;
  const { event, attendances } = read.data;
  return (
    <Stack maw={1100}>
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" component={Link} to="/counseling/events">← 团体指导活动</Button>
      </Group>
      <Group gap="sm">
        <Title order={2}>{event.title}</Title>
        <Badge variant="light">{event.kindLabel}</Badge>
      </Group>
      <SimpleGrid cols={4}>
        {[['日期', event.eventDate], ['时间', eventTimes(event)], ['地点', event.place], ['指导员', event.counselorName]].map(([label, value]) => (
          <Paper key={label} withBorder p="sm"><Text size="xs" c="dimmed">{label}</Text><Text fw={500}>{value}</Text></Paper>
        ))}
      </SimpleGrid>
      {event.notes && <Text size="sm">{event.notes}</Text>}
      {canCheckIn && (
        <IdCardDoor
          title="签到"
          verb="签到"
          canRegister={canRegister}
          submit={async (input) => {
            const { attendance, personRegistered } = await call('guidance.eventCheckIn', { eventId: id, ...input });
            return { ...attendance, personRegistered, remark: attendance.lateEntry ? '补录' : null };
          }}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ['guidance.event', id] })}
        />
      )}
      <Title order={4} data-testid="event-attended">已签到 {event.attended} / {event.capacity} 人</Title>
      <Table striped withTableBorder data-testid="event-attendances">
        <Table.Thead>
          <Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>手机号码</Table.Th><Table.Th>签到时间</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attendances.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td><Link to={`/persons/${a.personId}`}>{a.personName}</Link></Table.Td>
              <Table.Td>{a.idNumberMasked}</Table.Td><Table.Td>{a.phoneMasked ?? '—'}</Table.Td>
              <Table.Td>{formatOfficeTimestamp(a.checkedInAt)}</Table.Td>
              <Table.Td>
                {a.lateEntry && <Badge color="yellow" variant="light" mr={4}>补录</Badge>}
                {a.registeredAtDoor && <Badge color="gray" variant="light">现场建档</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {attendances.length === 0 && <Text c="dimmed">还没有人签到</Text>}
    </Stack>
  );
}
