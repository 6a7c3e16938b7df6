import { Alert, Anchor, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { RateGrouping, RateMember, TrainingRate } from '../../shared/domain/training';
import { call, errorMessage } from '../api/client';
import { RATE_FOOTNOTES } from './rates-page';

/** The persons behind one number of 培训成效, each with what decided them (ID numbers masked). */
export function TrainingRateListPage() {
  const [params] = useSearchParams();
  const input = {
    from: params.get('from') ?? '', to: params.get('to') ?? '', rate: (params.get('rate') ?? 'employment') as TrainingRate,
    grouping: (params.get('grouping') ?? 'all') as RateGrouping, groupId: Number(params.get('groupId') ?? 0), member: (params.get('member') ?? 'denominator') as RateMember,
  };
  const list = useQuery({ queryKey: ['training.rateList', input], queryFn: () => call('training.rateList', input) });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={3}>{list.data?.title ?? '名单'}</Title>
        <Anchor component={Link} to={`/training/rates?${new URLSearchParams({ from: input.from, to: input.to })}`}>返回培训成效</Anchor>
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">共 {list.data.total} 人{list.data.total > list.data.items.length ? `，显示前 ${list.data.items.length} 人` : ''}</Text>
          <Table striped withTableBorder data-testid="rate-list">
            <Table.Thead>
              <Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>期次</Table.Th><Table.Th>结束日期</Table.Th><Table.Th>结果</Table.Th><Table.Th>依据</Table.Th><Table.Th>观察期/时点</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((it) => (
                <Table.Tr key={`${it.personId}-${it.classNumber}`}>
                  <Table.Td><Anchor component={Link} to={`/persons/${it.personId}`}>{it.personName}</Anchor></Table.Td>
                  <Table.Td>{it.idNumberMasked}</Table.Td><Table.Td>{it.classNumber}</Table.Td><Table.Td>{it.classEnd}</Table.Td>
                  <Table.Td>{it.outcomeLabel}</Table.Td><Table.Td>{it.evidence || '—'}</Table.Td><Table.Td>{it.windowEnd ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="sm">口径：{RATE_FOOTNOTES[input.rate]}</Text>
        </>
      )}
    </>
  );
}
