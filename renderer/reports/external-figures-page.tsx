import { Select, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPeriodChinese, formatPeriodMonth, reportPeriod } from '../../shared/domain/statistics';
import { call } from '../api/client';
import { ExternalFiguresForm } from './external-figures-form';
import { recentPeriods } from './labels';

/** For the administrator, who enters the report's external figures without seeing the report's named lists. */
export function ExternalFiguresPage() {
  const periods = recentPeriods();
  const [period, setPeriod] = useState(periods[1]!);
  const figures = useQuery({ queryKey: ['reports.externalFigures', period], queryFn: () => call('reports.externalFigures', { period }) });
  return (
    <Stack maw={800}>
      <Title order={2}>月报外部数据</Title>
      <Select
        label="报告期"
        // The whole period must show: 2026年11月（2026年10月26日至2026年11月25日）.
        w={430}
        value={period}
        data={periods.map((p) => ({ value: p, label: `${formatPeriodMonth(p)}（${formatPeriodChinese(reportPeriod(p))}）` }))}
        onChange={(v) => v && setPeriod(v)}
        allowDeselect={false}
      />
      {figures.data && <ExternalFiguresForm figures={figures.data} />}
    </Stack>
  );
}
