import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AccountView, PayeeRef } from '../../shared/contract';
import { PAYEE_KIND_LABELS } from '../../shared/domain/payments';
import { call } from '../api/client';
import { RefusalAlert, fieldErrorsOf } from './action-dialog';

/**
 * 收款账户: register a payee's bank account, or correct it (a failed payment's
 * usual cure), with the reason for a correction on record. The account shows
 * masked everywhere else; only the bank file carries it whole.
 */
export function AccountDialog({ payee, account, onClose }: { payee: PayeeRef; account: AccountView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [accountNumber, setAccountNumber] = useState('');
  const [bankName, setBankName] = useState(account?.bankName ?? '');
  const [reason, setReason] = useState('');
  const correcting = account !== null;
  const save = useMutation({
    mutationFn: () => call('payments.setAccount', {
      payeeKind: payee.kind, payeeId: payee.id, accountNumber: accountNumber.trim(), bankName: bankName.trim(),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    }),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: `已${correcting ? '更正' : '登记'}${r.payee.name}的收款账户：${r.account.bankName} ${r.account.accountMasked}` });
      for (const key of ['payments.entitlements', 'payments.batch']) void queryClient.invalidateQueries({ queryKey: [key] });
      onClose();
    },
  });
  const fields = fieldErrorsOf(save.error);
  const ready = accountNumber.trim() !== '' && bankName.trim() !== '' && (!correcting || reason.trim() !== '');
  return (
    <Modal opened onClose={onClose} title={`${correcting ? '更正' : '登记'}收款账户：${payee.name}`}>
      <form onSubmit={(e) => { e.preventDefault(); if (ready) save.mutate(); }}>
        <Stack>
          <Text size="sm" c="dimmed">
            {PAYEE_KIND_LABELS[payee.kind]}（{payee.keyMasked}）。{correcting ? `现账户：${account.bankName} ${account.accountMasked}。` : '尚未登记收款账户，编制批次时会被拒绝。'}
            {payee.kind === 'person' ? '个人填写社会保障卡金融账户。' : '单位填写基本存款账户。'}
          </Text>
          <RefusalAlert error={save.error} shownFields={['accountNumber', 'bankName', 'reason']} />
          <TextInput label="收款账号" withAsterisk data-autofocus maxLength={40} value={accountNumber} onChange={(e) => setAccountNumber(e.currentTarget.value)} error={fields.accountNumber} />
          <TextInput label="开户银行" withAsterisk maxLength={60} value={bankName} onChange={(e) => setBankName(e.currentTarget.value)} error={fields.bankName} />
          {correcting && (
            <Textarea label="更正理由（必填）" maxLength={200} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" disabled={!ready} loading={save.isPending}>保存收款账户</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
