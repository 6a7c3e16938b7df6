import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** A batch's id from its number, as 批次号#序号 names a line: batches are few (one per fund and month), so their list is read through. */
async function batchIdOf(lineRef: string): Promise<{ batchId: number; lineNo: number }> {
  const [number, lineNo] = lineRef.split('#');
  for (let page = 1; ; page += 1) {
    const { items, total } = await call('payments.batches', { page, pageSize: 200 });
    const found = items.find((b) => b.number === number);
    if (found) return { batchId: found.id, lineNo: Number(lineNo) };
    if (page * 200 >= total) throw new Error(`找不到批次${number}`);
  }
}

/**
 * 登记追回 from an irregular finding: the applicant's paid lines of this
 * policy are offered; the recovery carries the finding, so the 追回 list links back.
 */
export function SpotRecoveryDialog({ checkId, item, onClose }: { checkId: number; item: SpotCheckItemView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const payments = useQuery({
    queryKey: ['payments.forPayee', item.applicant.kind, item.applicant.id],
    queryFn: () => call('payments.forPayee', { payeeKind: item.applicant.kind, payeeId: item.applicant.id }),
  });
  const paid = (payments.data ?? []).filter((p) => p.kind === 'paid' && p.policyName === item.policyName);
  const [lineRef, setLineRef] = useState<string | null>(null);
  const chosen = lineRef ?? (paid.length === 1 ? paid[0]!.lineRef : null);
  const order = useMutation({
    mutationFn: async ({ amountFen, on, reason }: { amountFen: number; on: string; reason: string }) => {
      const line = await batchIdOf(chosen!);
      return call('payments.orderRecovery', { ...line, amountFen, on, reason, spotCheckItemId: item.id });
    },
    onSuccess: () => {
      for (const key of [spotCheckKey(checkId), ['payments.recoveries'], ['payments.ledger'], ['payments.batch']]) void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  const amount = paid.find((p) => p.lineRef === chosen)?.amountFen ?? item.amountFen;
  return (
    <ActionDialog key={chosen ?? 'none'} title={`登记追回：${item.applicant.name}`} reasonLabel="追回原因" withDate="追回决定日期"
      amount={{ label: '追回金额', initialFen: amount, field: 'amountFen' }} confirmLabel="确认追回"
      pending={order.isPending} error={order.error} onClose={onClose}
      onConfirm={(v) => chosen && order.mutate({ amountFen: v.amountFen!, on: v.on, reason: v.reason })}>
      <Text size="sm">抽查发现：{item.note}</Text>
      {payments.data && paid.length === 0 && <Text size="sm" c="red">该申请尚无已发放的款项，无需追回。</Text>}
      {paid.length > 0 && (
        <Select label="追回的发放（批次#序号）" withAsterisk value={chosen} onChange={setLineRef}
          data={paid.map((p) => ({ value: p.lineRef, label: `${p.lineRef} ${p.periodText} ${yuan(p.amountFen)}` }))} />
      )}
    </ActionDialog>
  );
}
