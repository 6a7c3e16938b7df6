import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { STATE_LABELS } from '../../shared/domain/workflow';
import { call, errorMessage } from '../api/client';
import { OCCUPATION_GROUP_SHORT } from './labels';
import { LinkedChart, type LinkedPoint } from './linked-chart';

const persons = (n: number) => `${n}人`;
const cases = (n: number) => `${n}件`;

/**
 * The head's breakdown charts: open cases by state and overdue cases by
 * staff (each bar opening that queue), open vacancies by occupation group
 * (the vacancy sheet of the group), persons by key group (the persons search
 * of the group). Each bar counts the list it opens.
 */
export function BreakdownCharts() {
  const charts = useQuery({ queryKey: ['reports.dashboardCharts'], queryFn: () => call('reports.dashboardCharts', {}) });
  const staff = useQuery({ queryKey: ['reports.casesByStaff'], queryFn: () => call('reports.casesByStaff', {}) });
  const c = charts.data;
  const byState: LinkedPoint[] = (c?.casesByState ?? []).map((s) => ({
    label: STATE_LABELS[s.state], value: s.count, text: String(s.count), to: `/reports/queue?state=${s.state}`, name: `在办业务 ${STATE_LABELS[s.state]} ${cases(s.count)}`,
  }));
  const overdue: LinkedPoint[] = (staff.data ?? []).map((row) => {
    const n = row.cells.reduce((sum, cell) => sum + cell.overdue, 0);
    return { label: row.staffName, value: n, text: String(n), to: `/reports/queue?staff=${row.staffUserId}&overdue=1`, name: `超期业务 ${row.staffName} ${cases(n)}` };
  });
  const byGroup: LinkedPoint[] = (c?.vacanciesByGroup ?? []).map((g) => ({
    label: OCCUPATION_GROUP_SHORT[g.group] ?? g.label, value: g.openings, text: String(g.openings),
    to: `/enterprises/vacancies/sheet?occupationGroup=${g.group}`, name: `在招岗位 ${g.label} 招聘${persons(g.openings)} ${g.vacancies}个岗位`,
  }));
  const keyGroups: LinkedPoint[] = (c?.keyGroups ?? []).map((g) => ({
    label: g.label, value: g.persons, text: String(g.persons), to: `/persons?keyGroup=${g.code}`, name: `重点群体 ${g.label} ${persons(g.persons)}`,
  }));
  const error = charts.error ?? staff.error;
  return (
    <Stack className="chart-section" data-testid="breakdown-charts">
      <div>
        <Title order={4}>业务与服务对象分布（截至今日）</Title>
        <Text size="sm" c="dimmed" className="no-print">点击柱查看其名单</Text>
      </div>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {c && staff.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} className="trend-chart-grid">
          <LinkedChart testId="chart-cases-by-state" title="在办业务（按状态）" unit="件" kind="bar" points={byState} />
          <LinkedChart testId="chart-overdue-by-staff" title="超期业务（按经办人）" unit="件" kind="bar" horizontal points={overdue} />
          <LinkedChart testId="chart-vacancies-by-group" title="在招岗位招聘人数（按职业大类）" unit="人" kind="bar" horizontal points={byGroup} />
          <LinkedChart testId="chart-key-groups" title="重点群体人数" unit="人" kind="bar" horizontal categoryWidth={200} points={keyGroups} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
