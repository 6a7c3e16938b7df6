import { Anchor, Button, Group, NumberInput, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { call } from '../api/client';

/** The head's lists: enterprises not visited in N months, visits by staff and month, demand by occupation group, difficulties. */
export function EnterpriseReportsPage() {
  const today = officeDate(new Date());
  const [months, setMonths] = useState<number | string>(6);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const period = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const notVisited = useQuery({ queryKey: ['enterprises.notVisited', months], queryFn: () => call('enterprises.notVisited', { months: Number(months) }), enabled: Number(months) >= 1 });
  const byStaff = useQuery({ queryKey: ['enterprises.visitsByStaff', from, to], queryFn: () => call('enterprises.visitsByStaff', { from, to }), enabled: period });
  const demand = useQuery({ queryKey: ['enterprises.hiringDemand'], queryFn: () => call('enterprises.hiringDemand', {}) });
  const tally = useQuery({ queryKey: ['enterprises.difficultyTally', from, to], queryFn: () => call('enterprises.difficultyTally', { from, to }), enabled: period });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>走访统计</Title>
        <Button variant="default" component={Link} to="/enterprises">返回企业</Button>
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput label="统计期间自" w={130} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="至" w={130} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <SimpleGrid cols={2}>
        <Paper withBorder p="md" data-testid="not-visited">
          <Group justify="space-between" mb="xs">
            <Title order={4}>长期未走访企业</Title>
            <NumberInput w={140} min={1} max={60} allowDecimal={false} suffix=" 个月" value={months} onChange={setMonths} aria-label="未走访月数" />
          </Group>
          <Text size="sm" c="dimmed" mb="xs">{notVisited.data ? `自 ${notVisited.data.since} 以来未走访：${notVisited.data.items.length} 家` : ''}</Text>
          <Table withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>企业</Table.Th><Table.Th>乡镇（街道）</Table.Th><Table.Th>参保人数</Table.Th><Table.Th>最近走访</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(notVisited.data?.items ?? []).slice(0, 100).map((e) => (
                <Table.Tr key={e.id}><Table.Td><Anchor component={Link} to={`/enterprises/${e.id}`}>{e.name}</Anchor></Table.Td><Table.Td>{e.townshipName ?? '—'}</Table.Td><Table.Td>{e.insuredCount ?? '—'}</Table.Td><Table.Td>{e.lastVisitDate ?? '从未走访'}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" data-testid="visits-by-staff">
          <Title order={4} mb="xs">走访情况（按人员、月份）</Title>
          <Table withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>人员</Table.Th><Table.Th>月份</Table.Th><Table.Th>走访</Table.Th><Table.Th>用工调查</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(byStaff.data ?? []).map((r) => <Table.Tr key={`${r.userId}-${r.month}`}><Table.Td>{r.displayName}</Table.Td><Table.Td>{r.month}</Table.Td><Table.Td>{r.visits}</Table.Td><Table.Td>{r.surveys}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" data-testid="hiring-demand">
          <Title order={4} mb="xs">用工需求（按职业大类）</Title>
          <Table withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>职业大类</Table.Th><Table.Th>在招岗位</Table.Th><Table.Th>招聘人数</Table.Th><Table.Th>计划用工（本季度起）</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(demand.data ?? []).map((r) => <Table.Tr key={r.groupCode}><Table.Td>{r.groupCode} {r.groupLabel}</Table.Td><Table.Td>{r.openVacancies}</Table.Td><Table.Td>{r.openings}</Table.Td><Table.Td>{r.plannedOpenings}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" data-testid="difficulty-tally">
          <Title order={4} mb="xs">企业困难汇总</Title>
          <Table withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>困难</Table.Th><Table.Th>反映次数</Table.Th><Table.Th>企业数</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(tally.data ?? []).map((r) => <Table.Tr key={r.code}><Table.Td>{r.label}</Table.Td><Table.Td>{r.visits}</Table.Td><Table.Td>{r.enterprises}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
    </>
  );
}
