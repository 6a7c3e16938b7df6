import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../api/client';

/** 工作日历: the year's holidays and adjusted working days (调休), which time limits count with. */
export function CalendarPanel() {
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'holiday' | 'workday'>('holiday');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const days = useQuery({ queryKey: ['calendar.list', year], queryFn: () => call('calendar.list', { year }) });
  const save = useMutation({
    mutationFn: (input: { date: string; kind: 'holiday' | 'workday' | null; note?: string | null }) => call('calendar.set', input),
    onSuccess: (list, input) => {
      queryClient.setQueryData(['calendar.list', Number(input.date.slice(0, 4))], list);
      setError(null);
      setDate('');
      setNote('');
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack>
        <Text size="sm" c="dimmed">按国务院办公厅每年公布的放假安排登记节假日和调休上班日；业务办理时限按此计算工作日。未登记的年份按普通周一至周五计算。</Text>
        <NumberInput label="年份" w={120} min={2000} max={2100} value={year} onChange={(v) => setYear(Number(v) || year)} />
        {error && <Alert color="red">{error}</Alert>}
        <Group align="flex-end">
          <TextInput label="日期" placeholder="YYYY-MM-DD" w={140} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <SegmentedControl value={kind} onChange={(v) => setKind(v as 'holiday' | 'workday')} data={[{ value: 'holiday', label: '节假日' }, { value: 'workday', label: '调休上班' }]} />
          <TextInput label="说明" placeholder="如 国庆节" w={160} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button disabled={!date} loading={save.isPending} onClick={() => save.mutate({ date: date.trim(), kind, note: note.trim() || null })}>登记</Button>
        </Group>
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>日期</Table.Th><Table.Th>类型</Table.Th><Table.Th>说明</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(days.data ?? []).map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td>{d.date}</Table.Td>
                <Table.Td><Badge color={d.kind === 'holiday' ? 'red' : 'blue'} variant="light">{d.kind === 'holiday' ? '节假日' : '调休上班'}</Badge></Table.Td>
                <Table.Td>{d.note ?? ''}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" color="red" onClick={() => save.mutate({ date: d.date, kind: null })}>删除</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {days.data?.length === 0 && <Text size="sm" c="dimmed">{year}年尚未登记节假日。</Text>}
      </Stack>
    </Paper>
  );
}
