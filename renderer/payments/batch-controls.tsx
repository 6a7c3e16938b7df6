import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ControlFindingView, PaymentBatchView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { ActionDialog } from './action-dialog';
import { NOWRAP, NowrapHeader } from './payments-text';
import { useBatchRefresh } from './batch-cache';

/**
 * 拨付前核查: a 拦截 must leave the batch (移出) before release; a 提示 is
 * acknowledged by the releaser with what they checked.
 */
export function BatchControls({ batch }: { batch: PaymentBatchView }) {
  const canManage = useCan('payments.manage');
  const refresh = useBatchRefresh();
  const [open, setOpen] = useState<ControlFindingView | null>(null);
  const acknowledge = useMutation({
    mutationFn: ({ f, note }: { f: ControlFindingView; note: string }) => call('payments.acknowledge', { batchId: batch.id, lineNo: f.lineNo, code: f.code, note }),
    onSuccess: (view) => { refresh(view); setOpen(null); },
  });
  const beforeRelease = batch.state === 'prepared' || batch.state === 'reviewed';
  return (
    <Paper withBorder p="md" data-testid="batch-controls">
      <Title order={4} mb="xs">拨付前核查</Title>
      {batch.controls.length === 0 ? <Text size="sm" c="dimmed">未发现需要拦截或提示的情况。</Text> : (
        <>
          <Text size="sm" c={batch.unresolvedControls > 0 && beforeRelease ? 'red' : 'dimmed'} mb="xs">
            {batch.unresolvedControls > 0 && beforeRelease ? `有 ${batch.unresolvedControls} 条未处理：拦截的须移出该笔，提示的须核实确认，之后才能拨付。` : beforeRelease ? '核查结果均已处理。' : '拨付前的核查结果如下。'}
          </Text>
          <Table withTableBorder>
            <NowrapHeader labels={['序号', '核查项', '', '情况', '处理']} />
            <Table.Tbody>
              {batch.controls.map((f) => (
                <Table.Tr key={`${f.lineNo}:${f.code}`}>
                  <Table.Td>{f.lineNo}</Table.Td>
                  <Table.Td style={NOWRAP}>{f.label}</Table.Td>
                  <Table.Td><Badge miw="max-content" color={f.severity === 'block' ? 'red' : 'orange'}>{f.severity === 'block' ? '拦截' : '提示'}</Badge></Table.Td>
                  <Table.Td>{f.message}</Table.Td>
                  <Table.Td>
                    {f.acknowledged
                      ? <Text size="sm">{f.acknowledged.by} 于 {formatOfficeTimestamp(f.acknowledged.at)} 确认：{f.acknowledged.note}</Text>
                      : f.severity === 'flag' && canManage && beforeRelease
                        ? <Button size="compact-xs" variant="light" onClick={() => { acknowledge.reset(); setOpen(f); }}>核实确认</Button>
                        : <Text size="sm" c="dimmed">{f.severity === 'block' ? '须移出该笔' : '未确认'}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {open && (
        <ActionDialog title={`核实确认：第${open.lineNo}笔 ${open.label}`} reasonLabel="核实情况" confirmLabel="确认已核实" pending={acknowledge.isPending} error={acknowledge.error}
          onClose={() => setOpen(null)} onConfirm={({ reason }) => acknowledge.mutate({ f: open, note: reason })}>
          <Text size="sm">{open.message}</Text>
        </ActionDialog>
      )}
    </Paper>
  );
}
