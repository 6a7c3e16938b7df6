import { Alert, Button, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';

/** The monthly reporting period around today: the 21st of last month to the 20th of this one. */
function currentPeriod(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const end = d > 20 ? new Date(Date.UTC(y, m, 20)) : new Date(Date.UTC(y, m - 1, 20));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 21));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** 服务站工作量 (the head): cases accepted and persons registered in a period, by 就业服务站. */
export function StationSummaryPage() {
  const [period, setPeriod] = useState(() => currentPeriod(officeDate(new Date())));
  const [draft, setDraft] = useState(period);
  const summary = useQuery({ queryKey: ['stations.summary', period], queryFn: () => call('stations.summary', period) });
  const rows = summary.data?.rows ?? [];
  return (
    <>
      <Title order={2} mb="md">服务站工作量</Title>
      <form onSubmit={(e) => { e.preventDefault(); setPeriod({ from: draft.from.trim(), to: draft.to.trim() }); }}>
        <Group align="flex-end" mb="md">
          <TextInput label="统计期起" w={140} maxLength={10} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="统计期止" w={140} maxLength={10} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" variant="light">统计</Button>
        </Group>
      </form>
      {summary.isError && <Alert color="red">{errorMessage(summary.error)}</Alert>}
      {summary.data && (
        <Table withTableBorder striped maw={1100} data-testid="station-summary">
          <Table.Thead><Table.Tr><Table.Th>服务站</Table.Th><Table.Th>乡镇（街道）</Table.Th><Table.Th ta="right">受理业务（件）</Table.Th><Table.Th ta="right">登记人员（人）</Table.Th><Table.Th ta="right">职业指导（次）</Table.Th><Table.Th ta="right">联系记录（次）</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.stationId ?? 'hall'}><Table.Td>{r.stationName}</Table.Td><Table.Td>{r.townshipName || '—'}</Table.Td><Table.Td ta="right">{r.casesAccepted}</Table.Td><Table.Td ta="right">{r.personsRegistered}</Table.Td><Table.Td ta="right">{r.guidanceSessions}</Table.Td><Table.Td ta="right">{r.contacts}</Table.Td></Table.Tr>
            ))}
            <Table.Tr fw={700}><Table.Td>合计</Table.Td><Table.Td /><Table.Td ta="right">{rows.reduce((n, r) => n + r.casesAccepted, 0)}</Table.Td><Table.Td ta="right">{rows.reduce((n, r) => n + r.personsRegistered, 0)}</Table.Td><Table.Td ta="right">{rows.reduce((n, r) => n + r.guidanceSessions, 0)}</Table.Td><Table.Td ta="right">{rows.reduce((n, r) => n + r.contacts, 0)}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="sm" maw={1100}>
        受理业务：统计期内受理的业务按受理人当时所属的服务站计；登记人员：统计期内建立的人员档案按登记人现在所属的服务站计（档案本身尚不记录服务站）。未属服务站的工作人员计入局办事大厅。
      </Text>
    </>
  );
}
