import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { PaymentBatchView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { formatYearMonth } from '../../shared/domain/payments';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { Field } from '../shell/field';
import { Loaded } from '../shell/loaded';
import { BankFilePanel, TransitionButtons } from './batch-actions';
import { paymentBatchKey } from './batch-cache';
import { BatchControls } from './batch-controls';
import { BatchLines } from './batch-lines';
import { BatchStateBadge } from './batches-page';
import { fundLabel, yuan, NowrapHeader } from './payments-text';

function Events({ batch }: { batch: PaymentBatchView }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">批次记录</Title>
      <Table data-testid="batch-events">
        <NowrapHeader labels={['时间', '事项', '经办人', '说明']} />
        <Table.Tbody>
          {batch.events.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatOfficeTimestamp(e.at)}</Table.Td>
              <Table.Td>{e.label}</Table.Td>
              <Table.Td>{e.by ?? '—'}</Table.Td>
              <Table.Td>{e.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * 发放批次: its header with the total in figures and 大写, the actions its
 * state allows (a second person reviews and releases), the controls before
 * release, the bank file and result, each line, and what happened to it.
 */
export function PaymentBatchPage() {
  const id = Number(useParams().id);
  const canManage = useCan('payments.manage');
  const batch = useQuery({ queryKey: paymentBatchKey(id), queryFn: () => call('payments.batch', { id }) });
  return (
    <Loaded query={batch}>
      {(b) => (
        <Stack maw={1300}>
          <Group justify="space-between">
            <Group>
              <Title order={2} data-testid="batch-number">发放批次 {b.number}</Title>
              <BatchStateBadge state={b.state} size="lg" />
            </Group>
            <Button variant="default" component={Link} to="/payments/batches">返回批次列表</Button>
          </Group>
          <Paper withBorder p="md">
            <SimpleGrid cols={4}>
              <Field label="资金来源" value={fundLabel(b.fundSource)} />
              <Field label="发放月份" value={formatYearMonth(b.month)} />
              <Field label="笔数" value={`${b.count} 笔${b.failedCount > 0 ? `（失败 ${b.failedCount} 笔）` : ''}`} />
              <Field label="已发放" value={yuan(b.paidFen)} />
              <Field label="编制" value={`${b.preparedBy ?? '—'}（${formatOfficeTimestamp(b.createdAt)}）`} />
              <Field label="审核" value={b.reviewedBy} />
              <Field label="拨付" value={b.releasedBy} />
            </SimpleGrid>
            <Group mt="sm" gap="xl" data-testid="batch-total">
              <Text>合计金额：<b>{yuan(b.totalFen)}</b></Text>
              <Text>大写：<b>人民币{b.totalInCapitals}</b></Text>
            </Group>
          </Paper>
          {canManage && <TransitionButtons batch={b} />}
          {/* The backend reads the controls before release only (a released batch's view carries none). */}
          {(b.state === 'prepared' || b.state === 'reviewed') && <BatchControls batch={b} />}
          {canManage && <BankFilePanel batch={b} />}
          <BatchLines batch={b} />
          <Events batch={b} />
        </Stack>
      )}
    </Loaded>
  );
}
