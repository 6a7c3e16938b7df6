import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentBatchView, PaymentLineView } from '../../shared/contract';
import { LINE_STATE_LABELS, type LineState } from '../../shared/domain/payments';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { ActionDialog, type ActionValues } from './action-dialog';
import { useBatchRefresh } from './batch-cache';
import { NOWRAP, PayeeCell, yuan, NowrapHeader } from './payments-text';

const LINE_COLORS: Record<LineState, string> = { pending: 'blue', paid: 'green', failed: 'red', reversed: 'orange', rebatched: 'gray', cancelled: 'gray' };
type LineAction = 'remove' | 'reverse' | 'recover';

/**
 * 批次明细: each line masked (ID number, account), its state and the bank's
 * reason; 移出 before release, 退票 and 追回 on a paid line.
 */
export function BatchLines({ batch }: { batch: PaymentBatchView }) {
  const canManage = useCan('payments.manage');
  const refresh = useBatchRefresh();
  const [open, setOpen] = useState<{ line: PaymentLineView; action: LineAction } | null>(null);
  const act = useMutation({
    mutationFn: async ({ line, action, v }: { line: PaymentLineView; action: LineAction; v: ActionValues }) => {
      const ref = { batchId: batch.id, lineNo: line.lineNo };
      if (action === 'remove') return { view: await call('payments.removeLine', { ...ref, reason: v.reason }), message: `已将第${line.lineNo}笔移出批次` };
      if (action === 'reverse') return { view: await call('payments.reverseLine', { ...ref, on: v.on, reason: v.reason }), message: `已登记第${line.lineNo}笔退票` };
      const recovery = await call('payments.orderRecovery', { ...ref, amountFen: v.amountFen!, on: v.on, reason: v.reason });
      return { view: await call('payments.batch', { id: batch.id }), message: `已登记追回 ${recovery.number}：${yuan(recovery.amountFen)}` };
    },
    onSuccess: ({ view, message }) => { refresh(view); notifications.show({ color: 'green', message }); setOpen(null); },
  });
  const beforeRelease = batch.state === 'prepared' || batch.state === 'reviewed';
  const start = (line: PaymentLineView, action: LineAction) => { act.reset(); setOpen({ line, action }); };
  return (
    <>
      <Table withTableBorder striped data-testid="payment-lines">
        <NowrapHeader labels={['序号', '收款人', '收款账户', '政策', '享受期间', '金额', '状态', '原因', '']} />
        <Table.Tbody>
          {batch.lines.map((l) => (
            <Table.Tr key={l.lineNo} data-testid={`line-${l.lineNo}`}>
              <Table.Td>{l.lineNo}</Table.Td>
              <Table.Td><PayeeCell payee={l.payee} /></Table.Td>
              <Table.Td style={NOWRAP}><Text size="sm">{l.account.bankName}</Text><Text size="xs" c="dimmed">{l.account.accountMasked}</Text></Table.Td>
              <Table.Td>{l.policyName}</Table.Td>
              <Table.Td style={NOWRAP}>{l.periodText}</Table.Td>
              <Table.Td style={NOWRAP} ta="right">
                {yuan(l.amountFen)}
                {l.recoveredFen > 0 && <Text size="xs" c="orange">已追回 {yuan(l.recoveredFen)}</Text>}
              </Table.Td>
              <Table.Td>
                <Badge miw="max-content" variant="light" color={LINE_COLORS[l.state]}>{LINE_STATE_LABELS[l.state]}</Badge>
                {l.rebatchOf && <Text size="xs" c="dimmed">重发 {l.rebatchOf}</Text>}
              </Table.Td>
              <Table.Td>{l.reason ?? ''}</Table.Td>
              <Table.Td>
                {canManage && (
                  <Group gap={4} wrap="nowrap">
                    {beforeRelease && l.state === 'pending' && <Button size="compact-xs" variant="subtle" color="red" onClick={() => start(l, 'remove')}>移出</Button>}
                    {l.state === 'paid' && <Button size="compact-xs" variant="subtle" color="orange" onClick={() => start(l, 'reverse')}>退票</Button>}
                    {l.state === 'paid' && <Button size="compact-xs" variant="subtle" onClick={() => start(l, 'recover')}>追回</Button>}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && <LineDialog {...open} pending={act.isPending} error={act.error} onClose={() => setOpen(null)} onConfirm={(v) => act.mutate({ ...open, v })} />}
    </>
  );
}

function LineDialog({ line, action, pending, error, onClose, onConfirm }: {
  line: PaymentLineView; action: LineAction; pending: boolean; error: unknown; onClose: () => void; onConfirm: (v: ActionValues) => void;
}) {
  const who = `第${line.lineNo}笔：${line.payee.name}，${line.policyName} ${line.periodText}，${yuan(line.amountFen)}`;
  const common = { pending, error, onClose, onConfirm };
  if (action === 'remove') {
    return (
      <ActionDialog title="从批次中移出" reasonLabel="移出理由" confirmLabel="确认移出" color="red" {...common}>
        <Text size="sm">{who}。移出后该应发记录回到待发放，可编入以后的批次。</Text>
      </ActionDialog>
    );
  }
  if (action === 'reverse') {
    return (
      <ActionDialog title="登记银行退票" reasonLabel="退票原因" withDate="退票日期" confirmLabel="确认退票" color="orange" {...common}>
        <Text size="sm">{who}。款项退回资金账户，台账记一笔退票冲回；该笔可更正账户后重新编批。</Text>
      </ActionDialog>
    );
  }
  const left = line.amountFen - line.recoveredFen;
  return (
    <ActionDialog title="登记追回" reasonLabel="追回原因" withDate="追回决定日期" amount={{ label: '追回金额', initialFen: left, field: 'amountFen' }} confirmLabel="确认追回" {...common}>
      <Text size="sm">{who}{line.recoveredFen > 0 ? `；已追回 ${yuan(line.recoveredFen)}` : ''}。追回金额不能超过已发放未追回的 {yuan(left)}。</Text>
    </ActionDialog>
  );
}
