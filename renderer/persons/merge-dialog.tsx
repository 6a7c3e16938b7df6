import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonView } from '../../shared/contract';
import { call, errorMessage } from '../api/client';

/** Merges another (duplicate) record into this one; confirmation names both records. */
export function MergeDialog({ person, opened, onClose }: { person: PersonView; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [mergeId, setMergeId] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const merge = useMutation({
    mutationFn: () => call('persons.merge', { keepId: person.id, mergeId: Number(mergeId), reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      notifications.show({ color: 'green', message: `已将编号 ${mergeId} 的档案并入本档案` });
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="合并重复档案">
      <Stack>
        <Text size="sm">保留本档案（{person.name}，编号 {person.id}）。另一份档案的全部记录将移到本档案，另一份档案不再出现在查询结果中，但不会被删除。</Text>
        {error && <Alert color="red">{error}</Alert>}
        <NumberInput label="要并入的档案编号" min={1} value={mergeId} onChange={setMergeId} />
        <TextInput label="合并原因" withAsterisk maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button color="red" disabled={!mergeId || !reason.trim()} loading={merge.isPending} onClick={() => merge.mutate()}>
            确认合并
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
