import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReportFigure } from '../../shared/contract/reports';
import { formatPeriodMonth } from '../../shared/domain/statistics';
import type { TrendPoint } from '../../shared/domain/trends';
import { call, errorMessage } from '../api/client';
import { periodAxisLabel } from './chart-scale';
import { listLink } from './labels';
import { LinkedChart, type LinkedPoint } from './linked-chart';

interface Series {
  title: string;
  unit: string;
  kind: 'bar' | 'line';
  /** The named list a point opens. */
  figure: ReportFigure;
  value: (p: TrendPoint) => number | null;
  text: (p: TrendPoint) => string;
  decimals?: number;
}

const count = (pick: (p: TrendPoint) => number) => ({ value: pick, text: (p: TrendPoint) => String(pick(p)) });

/** The head's charts, each point opening the named list of its period and figure. */
const SERIES: Series[] = [
  { title: '期末登记失业人数', unit: '人', kind: 'line', figure: 'registered_unemployed', ...count((p) => p.registeredUnemployed) },
  { title: '本期新增失业登记', unit: '人', kind: 'bar', figure: 'new_unemployment', ...count((p) => p.newUnemployment) },
  { title: '新增就业人员（就业登记）', unit: '人', kind: 'bar', figure: 'new_employment', ...count((p) => p.newEmployment) },
  {
    title: '求人倍率（岗位数 ÷ 求职人数）', unit: '倍', kind: 'line', figure: 'vacancies', decimals: 2,
    value: (p) => (p.jobsToSeekersRatio === null ? null : Number(p.jobsToSeekersRatio)), text: (p) => p.jobsToSeekersRatio ?? '—',
  },
  { title: '批准补贴申请人数（个人）', unit: '人', kind: 'bar', figure: 'subsidies_approved', ...count((p) => p.subsidiesApproved) },
];

function points(series: Series, periods: TrendPoint[]): LinkedPoint[] {
  return periods.map((p, i) => ({
    label: periodAxisLabel(p.period, i === 0),
    value: series.value(p),
    text: series.text(p),
    to: listLink(p.period, series.figure),
    name: `${p.period} ${series.title} ${series.text(p)}${series.unit === '倍' ? '' : series.unit}`,
  }));
}

/**
 * 主要指标走势: the 13 reporting periods ending with `period` (today's when
 * none), on the head's 工作台 and on the monthly report's last printed page.
 */
export function TrendCharts({ period }: { period?: string }) {
  const input = period ? { period } : {};
  const trends = useQuery({ queryKey: ['reports.trends', input], queryFn: () => call('reports.trends', input) });
  const periods = trends.data?.periods ?? [];
  const span = periods.length ? `${formatPeriodMonth(periods[0]!.period)}—${formatPeriodMonth(periods[periods.length - 1]!.period)}` : '';
  return (
    <Stack className="chart-section" data-testid="trend-charts">
      <div>
        <Title order={4}>主要指标走势（近13个报告期）</Title>
        <Text size="sm" c="dimmed">{span}{span && '，每期为上月21日至本月20日'}<span className="no-print">{span && '；点击柱或点查看实名制台账'}</span></Text>
      </div>
      {trends.isError && <Alert color="red">{errorMessage(trends.error)}</Alert>}
      {trends.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} className="trend-chart-grid">
          {SERIES.map((s) => (
            <LinkedChart key={s.figure} testId={`chart-${s.figure}`} title={s.title} unit={s.unit} kind={s.kind} decimals={s.decimals ?? 0} points={points(s, periods)} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
