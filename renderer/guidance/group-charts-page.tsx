import { Alert, Button, Group, Pagination, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, errorMessage } from '../api/client';
import { LinkedChart } from '../reports/linked-chart';

const listTo = (dimension: 'barrier' | 'duration', key: string) => `/counseling/groups/list?dimension=${dimension}&key=${key}`;

/** 群体画像 (the head): the registered unemployed by barrier and by time since registration; each bar opens its named list. */
export function GuidanceGroupChartsPage() {
  const read = useQuery({ queryKey: ['guidance.groupCharts'], queryFn: () => call('guidance.groupCharts', {}) });
  const c = read.data;
  return (
    <Stack maw={1200}>
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" component={Link} to="/counseling">← 跟踪服务</Button>
        <Title order={2}>群体画像</Title>
      </Group>
      {read.isError && <Alert color="red">{errorMessage(read.error)}</Alert>}
      {c && (
        <>
          <Text size="sm" c="dimmed">截至 {c.today}，登记失业人员 {c.total} 人。就业障碍取每人最近一次职业指导的评估（可有多项）；点击柱条查看人员名单。</Text>
          <SimpleGrid cols={2}>
            <LinkedChart
              title="按就业障碍" unit="人" kind="bar" horizontal categoryWidth={110} testId="chart-by-barrier"
              points={c.byBarrier.map((b) => ({ label: b.label, value: b.count, text: String(b.count), to: listTo('barrier', b.code), name: `就业障碍 ${b.label} ${b.count}人` }))}
            />
            <LinkedChart
              title="按登记时长" unit="人" kind="bar" testId="chart-by-duration"
              points={c.byDuration.map((b) => ({ label: b.label, value: b.count, text: String(b.count), to: listTo('duration', b.code), name: `登记时长 ${b.label} ${b.count}人` }))}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

const PAGE_SIZE = 50;

/** The named list behind one bar of 群体画像. */
export function GuidanceGroupListPage() {
  const [params] = useSearchParams();
  const dimension = params.get('dimension') === 'barrier' ? 'barrier' : 'duration';
  const key = params.get('key') ?? '';
  const [page, setPage] = useState(1);
  const read = useQuery({ queryKey: ['guidance.groupList', dimension, key, page], queryFn: () => call('guidance.groupList', { dimension, key, page, pageSize: PAGE_SIZE }) });
  const l = read.data;
  return (
    <Stack maw={1000}>
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" component={Link} to="/counseling/groups">← 群体画像</Button>
        <Title order={2}>{l?.title ?? '人员名单'}</Title>
      </Group>
      {read.isError && <Alert color="red">{errorMessage(read.error)}</Alert>}
      {l && (
        <>
          <Text size="sm" c="dimmed">共 {l.total} 人</Text>
          <Table striped withTableBorder data-testid="group-list">
            <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>失业登记日期</Table.Th><Table.Th>已登记天数</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {l.items.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td><Link to={`/persons/${m.personId}`}>{m.name}</Link></Table.Td><Table.Td>{m.idNumberMasked}</Table.Td><Table.Td>{m.registeredOn}</Table.Td><Table.Td>{m.days}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {l.total > PAGE_SIZE && <Pagination total={Math.ceil(l.total / PAGE_SIZE)} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
