import { Anchor, Badge, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import { OPEN_CASE_STATES } from '../../shared/contract/reports';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call } from '../api/client';
import { caseNumber } from '../shell/format';

/** The open (or overdue) cases behind a number of the 工作台, each opening the case. */
export function CaseQueuePage() {
  const [params] = useSearchParams();
  const staff = params.get('staff');
  const type = params.get('type') as CaseTypeCode | null;
  const overdueOnly = params.get('overdue') === '1';
  const state = OPEN_CASE_STATES.find((s) => s === params.get('state'));
  const [page, setPage] = useState(1);
  const input = { ...(staff ? { staffUserId: Number(staff) } : {}), ...(type ? { caseType: type } : {}), ...(state ? { state } : {}), overdueOnly, page };
  const queue = useQuery({ queryKey: ['reports.caseQueue', input], queryFn: () => call('reports.caseQueue', input) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{overdueOnly ? '超期业务' : '在办业务'}{type ? ` · ${CASE_TYPES[type].label}` : ''}{state ? ` · ${STATE_LABELS[state]}` : ''}</Title>
        <Button variant="default" component={Link} to="/dashboard">返回工作台</Button>
      </Group>
      <Text size="sm" c="dimmed">共 {queue.data?.total ?? '…'} 件</Text>
      <Table withTableBorder striped data-testid="case-queue">
        <Table.Thead><Table.Tr><Table.Th>受理编号</Table.Th><Table.Th>业务</Table.Th><Table.Th>申请人</Table.Th><Table.Th>受理日期</Table.Th><Table.Th>办结期限</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(queue.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor component={Link} to={`/cases/${c.id}`}>{caseNumber(c.receiptNo)}</Anchor></Table.Td>
              <Table.Td>{c.caseLabel}</Table.Td>
              <Table.Td>{c.applicantName}</Table.Td>
              <Table.Td>{c.acceptedOn ?? '—'}</Table.Td>
              <Table.Td>{c.dueDate ?? '—'} {c.overdue && <Badge color="red" size="sm">超期</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(queue.data?.total ?? 0) > 50 && <Pagination total={Math.ceil((queue.data?.total ?? 0) / 50)} value={page} onChange={setPage} />}
    </Stack>
  );
}
