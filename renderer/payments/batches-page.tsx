import { Alert, Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InputOf } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { BATCH_STATES, BATCH_STATE_LABELS, type BatchState, formatYearMonth } from '../../shared/domain/payments';
import { call, errorMessage } from '../api/client';
import { useSearchState } from '../api/search-state';
import { Pager } from '../shell/pager';
import { FUND_OPTIONS, NOWRAP, PaymentsAreaHeader, fundLabel, yuan, NowrapHeader } from './payments-text';

type Filters = Pick<InputOf<'payments.batches'>, 'fundSource' | 'state'>;
const FILTER_KEYS = ['fundSource', 'state'] as const;
const PAGE_SIZE = 30;

export const BATCH_STATE_COLORS: Record<BatchState, string> = { prepared: 'blue', reviewed: 'grape', released: 'orange', locked: 'green', cancelled: 'gray' };

export function BatchStateBadge({ state, size = 'md' }: { state: BatchState; size?: 'sm' | 'md' | 'lg' }) {
  return <Badge miw="max-content" size={size} variant="light" color={BATCH_STATE_COLORS[state]} data-testid="payment-batch-state">{BATCH_STATE_LABELS[state]}</Badge>;
}

/** 发放批次: every batch by fund and state, newest first; each opens its page. */
export function BatchesPage() {
  const { page, filters, param, setParam, setPage } = useSearchState<Filters>(FILTER_KEYS);
  const list = useQuery({ queryKey: ['payments.batches', filters, page], queryFn: () => call('payments.batches', { ...filters, page, pageSize: PAGE_SIZE }) });
  return (
    <Stack maw={1200}>
      <PaymentsAreaHeader />
      <Group align="flex-end">
        <Select label="资金来源" w={200} clearable placeholder="全部" data={FUND_OPTIONS} value={param('fundSource')} onChange={(v) => setParam({ fundSource: v })} />
        <Select label="批次状态" w={160} clearable placeholder="全部" value={param('state')} onChange={(v) => setParam({ state: v })}
          data={BATCH_STATES.map((s) => ({ value: s, label: BATCH_STATE_LABELS[s] }))} />
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">共 {list.data.total} 个发放批次</Text>
          {list.data.total > 0 && (
            <Table withTableBorder striped highlightOnHover data-testid="payment-batches">
              <NowrapHeader labels={['批次号', '资金来源', '发放月份', '状态', '笔数', '合计金额', '已发放', '失败', '编制人', '编制时间']} />
              <Table.Tbody>
                {list.data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td style={NOWRAP}><Link to={`/payments/batches/${b.id}`}>{b.number}</Link></Table.Td>
                    <Table.Td style={NOWRAP}>{fundLabel(b.fundSource)}</Table.Td>
                    <Table.Td style={NOWRAP}>{formatYearMonth(b.month)}</Table.Td>
                    <Table.Td><BatchStateBadge state={b.state} size="sm" /></Table.Td>
                    <Table.Td>{b.count}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(b.totalFen)}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(b.paidFen)}</Table.Td>
                    <Table.Td c={b.failedCount > 0 ? 'red' : undefined}>{b.failedCount}</Table.Td>
                    <Table.Td>{b.preparedBy ?? '—'}</Table.Td>
                    <Table.Td style={NOWRAP}>{formatOfficeTimestamp(b.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
