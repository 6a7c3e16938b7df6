import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CASE_TYPES, CASE_TYPE_CODES } from '../../shared/domain/case-types';
import { formatChineseDate } from '../../shared/domain/dates';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { printRecorded } from '../shell/print-toolbar';
import { BreakdownCharts } from './breakdown-charts';
import { TrendCharts } from './trend-charts';

function Stat({ label, value, note, to, color }: { label: string; value: number | undefined; note?: string; to: string; color?: string }) {
  return (
    <Paper withBorder p="md" data-testid={`stat-${label}`}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Anchor component={Link} to={to} fz={28} fw={700} c={color}>{value ?? '…'}</Anchor>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Paper>
  );
}

/** 在办、超期业务 by the staff member responsible and case type; each number opens that queue. */
function CasesByStaff() {
  const table = useQuery({ queryKey: ['reports.casesByStaff'], queryFn: () => call('reports.casesByStaff', {}) });
  const queue = (staff: number, type: string, overdue: boolean) => `/reports/queue?staff=${staff}&type=${type}${overdue ? '&overdue=1' : ''}`;
  return (
    <Paper withBorder p="md" data-testid="cases-by-staff" className="dashboard-screen-only">
      <Title order={4} mb="xs">在办 / 超期业务（按经办人、业务类型）</Title>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr><Table.Th>经办人</Table.Th>{CASE_TYPE_CODES.map((t) => <Table.Th key={t}>{CASE_TYPES[t].label}<Text span size="xs" c="dimmed"> 在办/超期</Text></Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(table.data ?? []).map((row) => (
            <Table.Tr key={row.staffUserId}>
              <Table.Td>{row.staffName}</Table.Td>
              {row.cells.map((c) => (
                <Table.Td key={c.caseType}>
                  <Anchor component={Link} to={queue(row.staffUserId, c.caseType, false)}>{c.open}</Anchor>
                  {' / '}
                  <Anchor component={Link} to={queue(row.staffUserId, c.caseType, true)} c={c.overdue ? 'red' : undefined} fw={c.overdue ? 700 : undefined}>{c.overdue}</Anchor>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {table.data?.length === 0 && <Table.Tr><Table.Td colSpan={CASE_TYPE_CODES.length + 1}>目前没有在办业务</Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * The head's charts: the trends and the breakdowns, printed together on
 * landscape A4 without the rest of the dashboard (print.css).
 */
function HeadCharts({ period }: { period: string | undefined }) {
  return (
    <Stack className="print-document trend-charts" data-testid="head-charts">
      <Group justify="space-between" className="no-print">
        <Title order={3}>图表</Title>
        <Button variant="default" disabled={!period} onClick={() => void printRecorded({ document: `工作台图表（${period}）`, entityType: 'report', entityId: period ?? '' })}>
          打印图表
        </Button>
      </Group>
      <TrendCharts />
      <BreakdownCharts />
    </Stack>
  );
}

/** 工作台: the first screen of the head and the reviewers. */
export function DashboardPage() {
  const figures = useQuery({ queryKey: ['reports.dashboard'], queryFn: () => call('reports.dashboard', {}) });
  const head = useCan('reports.read');
  const d = figures.data;
  return (
    <Stack>
      <Group justify="space-between" className="dashboard-screen-only">
        <Title order={2}>工作台</Title>
        <Text c="dimmed">{d ? `${formatChineseDate(d.today)} · 本报告期 ${d.period}` : ''}</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} className="dashboard-screen-only">
        <Stat label="在办业务" value={d?.openCases} to="/reports/queue" />
        <Stat label="超期业务" value={d?.overdueCases} to="/reports/queue?overdue=1" color={d?.overdueCases ? 'red' : undefined} />
        <Stat label="两个工作日内到期" value={d?.dueSoonCases} note={d ? `截至 ${d.dueSoonUntil}` : undefined} to="/cases" />
        <Stat label="本期新增失业登记" value={d?.newRegistrationsThisPeriod} to={d && head ? `/reports/list?period=${d.period}&figure=new_unemployment` : '/cases'} />
        <Stat label="在招岗位" value={d?.openVacancies} note={d ? `招聘 ${d.openVacancyOpenings} 人` : undefined} to="/enterprises/vacancies" />
      </SimpleGrid>
      {head && <HeadCharts period={d?.period} />}
      {head && <CasesByStaff />}
    </Stack>
  );
}
