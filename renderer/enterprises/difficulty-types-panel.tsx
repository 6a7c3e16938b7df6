import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DifficultyType } from '../../shared/contract';
import { call, errorMessage } from '../api/client';

/** 企业困难类型: the list staff tick on a visit; a retired type leaves the form but stays on old visits. */
export function DifficultyTypesPanel() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ code: '', label: '', sortOrder: 100 as number | string });
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['enterprises.difficultyTypes'], queryFn: () => call('enterprises.difficultyTypes', {}) });
  const save = useMutation({
    mutationFn: (t: DifficultyType) => call('enterprises.setDifficultyType', t),
    onSuccess: (types) => {
      queryClient.setQueryData(['enterprises.difficultyTypes'], types);
      setError(null);
      setDraft({ code: '', label: '', sortOrder: 100 });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack>
        <Text size="sm" c="dimmed">走访企业时可勾选的困难类型。停用的类型不再出现在走访表单中，已有走访记录保持不变。</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group align="flex-end">
          <TextInput label="代码" placeholder="如 logistics" w={140} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })} />
          <TextInput label="名称" placeholder="如 物流成本" w={160} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })} />
          <NumberInput label="排序" w={90} value={draft.sortOrder} onChange={(v) => setDraft({ ...draft, sortOrder: v })} />
          <Button disabled={!draft.code || !draft.label} loading={save.isPending} onClick={() => save.mutate({ code: draft.code.trim(), label: draft.label.trim(), sortOrder: Number(draft.sortOrder) || 0, active: true })}>添加</Button>
        </Group>
        <Table withTableBorder data-testid="difficulty-types">
          <Table.Thead><Table.Tr><Table.Th>名称</Table.Th><Table.Th>代码</Table.Th><Table.Th>排序</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((t) => (
              <Table.Tr key={t.code}>
                <Table.Td>{t.label}</Table.Td><Table.Td ff="monospace">{t.code}</Table.Td><Table.Td>{t.sortOrder}</Table.Td>
                <Table.Td>{t.active ? <Badge variant="light">在用</Badge> : <Badge color="gray" variant="light">已停用</Badge>}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => save.mutate({ ...t, active: !t.active })}>{t.active ? '停用' : '恢复'}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
