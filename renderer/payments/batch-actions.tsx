import { Button, Code, FileButton, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentBatchView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { BATCH_ACTION_LABELS, type BatchAction, type BatchState } from '../../shared/domain/payments';
import { call } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { fileToBase64 } from '../api/jobs';
import { useSession } from '../api/queries';
import { ActionDialog, RefusalAlert } from './action-dialog';
import { useBatchRefresh } from './batch-cache';
import { capitals, yuan } from './payments-text';

/** Which actions a batch in each state offers (the domain's batchTransition decides again on the server). */
const OFFERED: Record<BatchState, readonly BatchAction[]> = {
  prepared: ['review', 'cancel'], reviewed: ['release', 'return', 'cancel'], released: ['lock'], locked: [], cancelled: [],
};
const NEEDS_REASON: readonly BatchAction[] = ['return', 'cancel'];
const EXPLAIN: Record<BatchAction, string> = {
  review: '审核通过后，由审核人或另一位审核员、局领导拨付。',
  release: '拨付后即可导出银行代发文件；批次明细不再变动。',
  return: '退回编制人修改，审核记录作废。',
  lock: '锁定后批次的明细与合计不再改变；已发放的仍可登记退票与追回。',
  cancel: '作废后本批次各笔的应发记录回到待发放，可编入新的批次。',
};

/** 审核 / 退回 / 拨付 / 锁定 / 作废, each after a confirmation naming the batch and its total; 退回 and 作废 with a reason. */
export function TransitionButtons({ batch }: { batch: PaymentBatchView }) {
  const me = useSession().data?.userId;
  const refresh = useBatchRefresh();
  const [action, setAction] = useState<BatchAction | null>(null);
  const move = useMutation({
    mutationFn: ({ action: a, reason }: { action: BatchAction; reason: string }) => call('payments.transition', { id: batch.id, action: a, ...(reason ? { reason } : {}) }),
    onSuccess: (view, { action: a }) => {
      refresh(view);
      notifications.show({ color: 'green', message: `批次${view.number}已${BATCH_ACTION_LABELS[a]}` });
      setAction(null);
    },
  });
  const preparer = me !== undefined && me === batch.preparedById;
  const why = (a: BatchAction): string | null => {
    if ((a === 'review' || a === 'release') && preparer) return `编制人不能${BATCH_ACTION_LABELS[a]}自己编制的批次，须由另一人${BATCH_ACTION_LABELS[a]}`;
    if (a === 'release' && batch.unresolvedControls > 0) return `还有${batch.unresolvedControls}条核查结果未处理`;
    return null;
  };
  const offered = OFFERED[batch.state];
  if (offered.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {offered.map((a) => (
          <Button key={a} variant={a === 'cancel' || a === 'return' ? 'light' : 'filled'} color={a === 'cancel' ? 'red' : a === 'return' ? 'orange' : undefined}
            disabled={why(a) !== null} title={why(a) ?? undefined} onClick={() => { move.reset(); setAction(a); }}>
            {BATCH_ACTION_LABELS[a]}
          </Button>
        ))}
      </Group>
      {offered.some((a) => why(a) !== null) && <Text size="xs" c="dimmed">{offered.map(why).filter(Boolean).join('；')}</Text>}
      {action && (
        <ActionDialog title={`${BATCH_ACTION_LABELS[action]}批次 ${batch.number}`} reasonLabel={NEEDS_REASON.includes(action) ? `${BATCH_ACTION_LABELS[action]}理由` : null}
          confirmLabel={`确认${BATCH_ACTION_LABELS[action]}`} color={action === 'cancel' ? 'red' : undefined} pending={move.isPending} error={move.error}
          onClose={() => setAction(null)} onConfirm={({ reason }) => move.mutate({ action, reason })}>
          <Text size="sm">共 {batch.count} 笔，合计 {yuan(batch.totalFen)}（{capitals(batch.totalFen)}）。</Text>
          <Text size="sm" c="dimmed">{EXPLAIN[action]}</Text>
        </ActionDialog>
      )}
    </>
  );
}

/**
 * 银行代发文件 and 银行回盘: the file of a released batch (full ID numbers and
 * accounts, so its SM3 digest is recorded and shown), and the bank's answer,
 * refused whole when anything in it does not match the batch.
 */
export function BankFilePanel({ batch }: { batch: PaymentBatchView }) {
  const refresh = useBatchRefresh();
  const exportFile = useMutation({
    mutationFn: () => call('payments.bankFile', { id: batch.id }),
    onSuccess: (f) => {
      downloadBase64(f.fileName, f.base64, XLSX_TYPE);
      notifications.show({ color: 'green', message: `已导出银行代发文件：${f.count} 笔，${yuan(f.totalFen)}` });
      void call('payments.batch', { id: batch.id }).then(refresh);
    },
  });
  const result = useMutation({
    mutationFn: async (file: File) => call('payments.bankResult', { id: batch.id, fileName: file.name, base64: await fileToBase64(file) }),
    onSuccess: (r) => {
      refresh(r.batch);
      const missing = r.missing.length > 0 ? `；${r.missing.length} 笔未回盘（序号 ${r.missing.join('、')}）` : '';
      notifications.show({ color: r.failed > 0 ? 'orange' : 'green', message: `已导入银行回盘：成功 ${r.paid} 笔，失败 ${r.failed} 笔${missing}` });
    },
  });
  if (batch.state !== 'released' && batch.bankFile === null) return null;
  return (
    <Paper withBorder p="md" data-testid="bank-file">
      <Group justify="space-between">
        <div>
          <Text fw={600}>银行代发文件</Text>
          {batch.bankFile ? (
            <Text size="sm" data-testid="bank-file-digest">
              {formatOfficeTimestamp(batch.bankFile.at)} 导出，{batch.bankFile.count} 笔，{yuan(batch.bankFile.totalFen)}；SM3 摘要 <Code>{batch.bankFile.sm3}</Code>
            </Text>
          ) : <Text size="sm" c="dimmed">尚未导出。文件含完整证件号码和账号，导出记入审计日志。</Text>}
        </div>
        {batch.state === 'released' && (
          <Group>
            {batch.lines.some((l) => l.state === 'pending') && <Button variant="light" loading={exportFile.isPending} onClick={() => exportFile.mutate()}>导出银行文件</Button>}
            <FileButton onChange={(file) => { if (file) { result.reset(); result.mutate(file); } }} accept=".xlsx">
              {(props) => <Button variant="light" color="teal" {...props} loading={result.isPending}>导入银行回盘…</Button>}
            </FileButton>
          </Group>
        )}
      </Group>
      <RefusalAlert error={exportFile.error} />
      <RefusalAlert error={result.error} />
    </Paper>
  );
}
