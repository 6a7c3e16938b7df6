import { Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call } from '../api/client';
import { caseNumber } from '../shell/format';

/** 待办: open cases by due date, overdue first; "my queue" shows those one prepared or accepted. */
export function CasesPage() {
  const navigate = useNavigate();
  const [scope, setScope] = useState<'open' | 'mine'>('open');
  const list = useQuery({ queryKey: ['cases.list', scope], queryFn: () => call('cases.list', { scope, pageSize: 200 }) });
  return (
    <Stack maw={1100}>
      <Title order={2}>业务办理</Title>
      <SegmentedControl w={260} value={scope} onChange={(v) => setScope(v as 'open' | 'mine')} data={[{ value: 'open', label: '全部在办' }, { value: 'mine', label: '我的待办' }]} />
      <Text size="sm" c="dimmed">共 {list.data?.total ?? 0} 件</Text>
      <Table withTableBorder striped highlightOnHover>
        <Table.Thead>
          <Table.Tr><Table.Th>受理编号</Table.Th><Table.Th>业务</Table.Th><Table.Th>申请人</Table.Th><Table.Th>状态</Table.Th><Table.Th>受理日期</Table.Th><Table.Th>办结期限</Table.Th><Table.Th>经办人</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate(`/cases/${c.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/cases/${c.id}`)}>
              <Table.Td>{caseNumber(c.receiptNo)}</Table.Td><Table.Td>{c.caseLabel}</Table.Td><Table.Td>{c.applicantName}</Table.Td>
              <Table.Td>{STATE_LABELS[c.state]}</Table.Td><Table.Td>{c.acceptedOn ?? '—'}</Table.Td>
              <Table.Td>{c.dueDate ?? '—'} {c.overdue && <Badge color="red" size="xs">超期</Badge>}</Table.Td><Table.Td>{c.preparedByName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
