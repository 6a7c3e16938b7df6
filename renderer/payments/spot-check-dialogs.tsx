import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SpotCheckItemView } from '../../shared/contract';
import { SPOT_CHECK_FINDING_LABELS } from '../../shared/labels/payments';
import { call } from '../api/client';
import { ActionDialog, RefusalAlert, fieldErrorsOf } from './action-dialog';
import { yuan } from './payments-text';

const spotCheckKey = (id: number) => ['spotChecks.get', id] as const;

/** 记录抽查结论: 无误 or 有问题, with what the re-review found. */
export function FindingDialog({ checkId, item, onClose }: { checkId: number; item: SpotCheckItemView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [finding, setFinding] = useState<'confirmed' | 'irregular'>(item.finding ?? 'confirmed');
  const [note, setNote] = useState(item.note ?? '');
  const save = useMutation({
    mutationFn: () => call('spotChecks.record', { itemId: item.id, finding, note: note.trim() }),
    onSuccess: (view) => { queryClient.setQueryData(spotCheckKey(checkId), view); void queryClient.invalidateQueries({ queryKey: ['spotChecks.list'] }); onClose(); },
  });
  const fields = fieldErrorsOf(save.error);
  return (
    <Modal opened onClose={onClose} title={`记录抽查结论：${item.applicant.name}`} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); if (note.trim()) save.mutate(); }}>
        <Stack>
          <Text size="sm">{item.policyName}，{yuan(item.amountFen)}；{item.decidedBy ?? '—'} 于 {item.decidedAt?.slice(0, 10) ?? '—'} 审批。</Text>
          <RefusalAlert error={save.error} shownFields={['finding', 'note']} />
          <Radio.Group label="核查结论" withAsterisk value={finding} onChange={(v) => setFinding(v as 'confirmed' | 'irregular')} error={fields.finding}>
            <Group mt={4}>
              {(['confirmed', 'irregular'] as const).map((f) => <Radio key={f} value={f} label={SPOT_CHECK_FINDING_LABELS[f]} />)}
            </Group>
          </Radio.Group>
          <Textarea label="核查情况（必填）" data-autofocus maxLength={500} autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" disabled={!note.trim()} loading={save.isPending}>保存结论</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 登记追回 from an irregular finding, against the paid line of the application's entitlement; the recovery carries the finding, so the 追回 list links back. */
export function SpotRecoveryDialog({ checkId, item, onClose }: { checkId: number; item: SpotCheckItemView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const line = item.paidLine;
  const order = useMutation({
    mutationFn: ({ amountFen, on, reason }: { amountFen: number; on: string; reason: string }) =>
      call('payments.orderRecovery', { batchId: line!.batchId, lineNo: line!.lineNo, amountFen, on, reason, spotCheckItemId: item.id }),
    onSuccess: () => {
      for (const key of [spotCheckKey(checkId), ['payments.recoveries'], ['payments.ledger'], ['payments.batch']]) void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  return (
    <ActionDialog title={`登记追回：${item.applicant.name}`} reasonLabel="追回原因" withDate="追回决定日期"
      amount={{ label: '追回金额', initialFen: item.amountFen, field: 'amountFen' }} confirmLabel="确认追回"
      pending={order.isPending} error={order.error} onClose={onClose}
      onConfirm={(v) => line && order.mutate({ amountFen: v.amountFen!, on: v.on, reason: v.reason })}>
      <Text size="sm">抽查发现：{item.note}</Text>
      {line ? <Text size="sm">追回的发放：{line.lineRef}</Text> : <Text size="sm" c="red">该申请尚无已发放的款项，无需追回。</Text>}
    </ActionDialog>
  );
}
