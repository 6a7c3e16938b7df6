import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InputOf, RecoveryView } from '../../shared/contract';
import { formatYuan } from '../../shared/domain/payments';
import { RECOVERY_STATE_LABELS } from '../../shared/labels/payments';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { useSearchState } from '../api/search-state';
import { Pager } from '../shell/pager';
import { ActionDialog, type ActionValues } from './action-dialog';
import { NOWRAP, PayeeCell, PaymentsAreaHeader, yuan, NowrapHeader } from './payments-text';

type Filters = Pick<InputOf<'payments.recoveries'>, 'state'>;
const FILTER_KEYS = ['state'] as const;
const PAGE_SIZE = 30;

function Repayments({ r }: { r: RecoveryView }) {
  if (r.repayments.length === 0) return null;
  return (
    <>
      {r.repayments.map((p, i) => (
        <Text key={i} size="xs" c="dimmed" title={[p.by, p.note].filter(Boolean).join('：')}>{p.on} 到账 {formatYuan(p.amountFen)}</Text>
      ))}
    </>
  );
}

/** 追回: what was ordered back, what has come in, and 登记到账 for the rest. */
export function RecoveriesPage() {
  const canManage = useCan('payments.manage');
  const queryClient = useQueryClient();
  const { page, filters, param, setParam, setPage } = useSearchState<Filters>(FILTER_KEYS);
  const list = useQuery({ queryKey: ['payments.recoveries', filters, page], queryFn: () => call('payments.recoveries', { ...filters, page, pageSize: PAGE_SIZE }) });
  const [open, setOpen] = useState<RecoveryView | null>(null);
  const repay = useMutation({
    mutationFn: ({ r, v }: { r: RecoveryView; v: ActionValues }) => call('payments.recordRepayment', { recoveryId: r.id, amountFen: v.amountFen!, on: v.on, ...(v.reason ? { note: v.reason } : {}) }),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: `${r.number} 已登记到账，尚欠 ${yuan(r.outstandingFen)}` });
      for (const key of ['payments.recoveries', 'payments.ledger', 'payments.ledgerLines', 'payments.batch', 'payments.forPayee']) void queryClient.invalidateQueries({ queryKey: [key] });
      setOpen(null);
    },
  });
  return (
    <Stack maw={1300}>
      <PaymentsAreaHeader />
      <Group align="flex-end">
        <Select label="追回状态" w={160} clearable placeholder="全部" value={param('state')} onChange={(v) => setParam({ state: v })}
          data={Object.entries(RECOVERY_STATE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">共 {list.data.total} 笔追回</Text>
          {list.data.total > 0 && (
            <Table withTableBorder striped data-testid="recoveries">
              <NowrapHeader labels={['追回编号', '批次#序号', '对象', '政策', '追回金额', '已到账', '尚欠', '原因', '决定', '状态', '']} />
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={NOWRAP}>{r.number}</Table.Td>
                    <Table.Td style={NOWRAP}>{r.lineRef}</Table.Td>
                    <Table.Td><PayeeCell payee={r.payee} /></Table.Td>
                    <Table.Td miw={120}>{r.policyName}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(r.amountFen)}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(r.repaidFen)}<Repayments r={r} /></Table.Td>
                    <Table.Td style={NOWRAP} ta="right" c={r.outstandingFen > 0 ? 'red' : undefined}>{yuan(r.outstandingFen)}</Table.Td>
                    <Table.Td miw={120}>
                      {r.reason}
                      {r.spotCheckId !== null && <Text size="xs"><Link to={`/payments/spot-checks/${r.spotCheckId}`}>来自抽查</Link></Text>}
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{r.orderedOn}<Text size="xs" c="dimmed">{r.orderedBy ?? ''}</Text></Table.Td>
                    <Table.Td><Badge miw="max-content" variant="light" color={r.state === 'open' ? 'orange' : 'green'}>{RECOVERY_STATE_LABELS[r.state]}</Badge></Table.Td>
                    <Table.Td>
                      {canManage && r.state === 'open' && <Button size="compact-xs" variant="light" onClick={() => { repay.reset(); setOpen(r); }}>登记到账</Button>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
      {open && (
        <ActionDialog title={`登记追回款到账：${open.number}`} reasonLabel="备注" reasonRequired={false} withDate="到账日期"
          amount={{ label: '到账金额', initialFen: open.outstandingFen, field: 'amountFen' }} confirmLabel="确认到账"
          pending={repay.isPending} error={repay.error} onClose={() => setOpen(null)} onConfirm={(v) => repay.mutate({ r: open, v })}>
          <Text size="sm">{open.payee.name}，{open.policyName}：追回 {yuan(open.amountFen)}，已到账 {yuan(open.repaidFen)}，尚欠 {yuan(open.outstandingFen)}。</Text>
        </ActionDialog>
      )}
    </Stack>
  );
}
