import { Alert, Anchor, Button, Group, List, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TrainingRateFigureView, TrainingRateRow } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { EMPLOYMENT_WINDOW_DAYS, TRAINING_RATES, type TrainingRate } from '../../shared/domain/training';
import { call, errorMessage } from '../api/client';

const GROUPING_LABELS: Record<TrainingRateRow['grouping'], string> = { all: '合计', provider: '培训机构', programme: '培训项目', class: '期次' };

/** The footnotes of the report: how each rate is counted (docs/training-rates.md). */
export const RATE_FOOTNOTES: Record<TrainingRate, string> = {
  employment: `就业培训上岗率：统计期内结业的就业技能培训学员中，自开班之日起至结业后${EMPLOYMENT_WINDOW_DAYS}天内就业的人数占比。就业以就业登记的就业日期、职业指导推荐的录用日期或社保缴费的参保起始日期为准；第${EMPLOYMENT_WINDOW_DAYS + 1}天起就业的不计入。`,
  entrepreneurship: '创业培训合格率：统计期内结业并已考核的创业培训学员中，考核合格且证书未被撤销的人数占比；尚未考核的列为观察期未满。',
  retention6: '职工培训稳岗率（6个月）：统计期内结业的岗位技能提升培训职工中，结业6个月后第一份社保缴费数据仍由原单位缴费的人数占比。',
  retention12: '职工培训稳岗率（12个月）：同上，结业12个月后。尚无该时点之后的社保缴费数据的，列为观察期未满。',
};

function RateCell({ figure, link }: { figure: TrainingRateFigureView | null; link: (member: string) => string }) {
  if (!figure) return <Text c="dimmed">—</Text>;
  return (
    <>
      <Text fw={600}>{figure.percent === null ? '—' : `${figure.percent.toFixed(1)}%`}</Text>
      <Text size="sm">
        <Anchor component={Link} to={link('numerator')}>{figure.numerator}</Anchor> / <Anchor component={Link} to={link('denominator')}>{figure.denominator}</Anchor>
        {figure.pending > 0 && <> · 观察期未满 <Anchor component={Link} to={link('pending')}>{figure.pending}</Anchor></>}
      </Text>
    </>
  );
}

/** 培训成效: the three rates for classes that ended in a period, by provider, programme and class; every number opens its list. */
export function TrainingRatesPage() {
  const [params, setParams] = useSearchParams();
  const year = officeDate(new Date()).slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const [draft, setDraft] = useState({ from, to });
  const report = useQuery({ queryKey: ['training.rates', from, to], queryFn: () => call('training.rates', { from, to }) });
  const link = (row: TrainingRateRow, rate: TrainingRate) => (member: string) =>
    `/training/rates/list?${new URLSearchParams({ from, to, rate, grouping: row.grouping, groupId: String(row.groupId), member })}`;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>培训成效（就业培训上岗率、创业培训合格率、职工培训稳岗率）</Title>
        <Anchor component={Link} to="/training">返回职业培训</Anchor>
      </Group>
      <form onSubmit={(e) => { e.preventDefault(); setParams({ from: draft.from.trim(), to: draft.to.trim() }); }}>
        <Group align="flex-end" mb="md">
          <TextInput label="期次结束日期自" w={150} maxLength={10} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput label="至" w={150} maxLength={10} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" variant="light">统计</Button>
        </Group>
      </form>
      {report.isError && <Alert color="red" mb="md">{errorMessage(report.error)}</Alert>}
      {report.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">统计日 {report.data.asOf}；点击人数查看名单</Text>
          <Table withTableBorder striped data-testid="rates-table">
            <Table.Thead>
              <Table.Tr><Table.Th>分组</Table.Th><Table.Th>名称</Table.Th>{TRAINING_RATES.map(([code, label]) => <Table.Th key={code}>{label}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((row) => (
                <Table.Tr key={`${row.grouping}-${row.groupId}`} fw={row.grouping === 'all' ? 700 : undefined}>
                  <Table.Td>{GROUPING_LABELS[row.grouping]}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  {TRAINING_RATES.map(([code]) => <Table.Td key={code}><RateCell figure={row.figures[code]} link={link(row, code)} /></Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5} mt="md">指标口径</Title>
          <List size="sm" type="ordered">
            {TRAINING_RATES.map(([code]) => <List.Item key={code}>{RATE_FOOTNOTES[code]}</List.Item>)}
            <List.Item>按人计：同一人在同一分组内参加多个期次只计一次，任一期次达标即计为达标；观察期未满的学员只列名单，不计入分子分母。</List.Item>
          </List>
        </>
      )}
    </>
  );
}
