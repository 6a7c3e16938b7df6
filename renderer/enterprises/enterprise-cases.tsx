import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { caseNumber } from '../shell/format';

/** 单位申请的业务: subsidies the employer applied for, with a button to file a new one at the window. */
export function EnterpriseCases({ enterpriseId, active }: { enterpriseId: number; active: boolean }) {
  const canPrepare = useCan('cases.prepare');
  const canRead = useCan('cases.read');
  const list = useQuery({
    queryKey: ['cases.list', 'enterprise', enterpriseId],
    queryFn: () => call('cases.list', { scope: 'enterprise', enterpriseId, page: 1, pageSize: 50 }),
    enabled: canRead,
  });
  if (!canRead) return null;
  return (
    <Paper withBorder p="lg" data-testid="enterprise-cases">
      <Group justify="space-between" mb="sm">
        <Title order={4}>补贴申请</Title>
        {canPrepare && active && (
          <Button size="xs" variant="light" component={Link} to={`/cases/new?enterprise=${enterpriseId}&type=subsidy_application`}>申请补贴</Button>
        )}
      </Group>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">暂无申请。</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr><Table.Th>编号</Table.Th><Table.Th>事项</Table.Th><Table.Th>状态</Table.Th><Table.Th>受理日期</Table.Th><Table.Th>办结期限</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Anchor component={Link} to={`/cases/${c.id}`}>{caseNumber(c.receiptNo)}</Anchor></Table.Td>
                <Table.Td>{c.caseLabel}</Table.Td>
                <Table.Td>{STATE_LABELS[c.state]} {c.overdue && <Badge color="red" size="xs">已超期</Badge>}</Table.Td>
                <Table.Td>{c.acceptedOn ?? '—'}</Table.Td>
                <Table.Td>{c.dueDate ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
