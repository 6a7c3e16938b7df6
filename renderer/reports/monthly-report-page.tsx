import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { TrendCharts } from './trend-charts';
import type { FigureBreakdown, MonthlyReport } from '../../shared/contract';
import { REPORT_FIGURE_LABELS, type ReportFigure } from '../../shared/contract/reports';
import { formatYuan } from '../../shared/domain/payments/money';
import { TRAINING_KINDS } from '../../shared/domain/training';
import { formatPeriodChinese, formatPeriodMonth, reportPeriod } from '../../shared/domain/statistics';
import { call, errorMessage } from '../api/client';
import { printRecorded } from '../shell/print-toolbar';
import { useCan } from '../api/queries';
import { ExternalFiguresForm } from './external-figures-form';
import { dimensionLabel, listLink, recentPeriods } from './labels';
import { PrintSignatures } from '../shell/print-signatures';

function Figure({ r, figure, children }: { r: MonthlyReport; figure: ReportFigure; children?: React.ReactNode }) {
  return (
    <Anchor component={Link} to={listLink(r.period, figure)} data-testid={`figure-${figure}`} title="查看实名制台账">
      {children ?? r.counts[figure]}
    </Anchor>
  );
}

function MainFigures({ r }: { r: MonthlyReport }) {
  const rows: Array<[string, React.ReactNode, string]> = [
    ['城镇新增就业人数', <span key="n">{r.newUrbanEmployment}（<Figure r={r} figure="new_employment" /> − 自然减员 {r.external.naturalAttrition}）</span>, '人'],
    ['期末登记失业人数', <Figure key="u" r={r} figure="registered_unemployed" />, '人'],
    ['本期新增失业登记人数', <Figure key="nu" r={r} figure="new_unemployment" />, '人'],
    ['城镇登记失业率', r.registeredUnemploymentRate === null ? '未录入城镇从业人员数' : `${r.registeredUnemploymentRate}%`, ''],
    ['城镇调查失业率（统计部门）', r.external.surveyedUnemploymentRate === null ? '未录入' : `${r.external.surveyedUnemploymentRate}%`, ''],
    ['本期登记岗位数 / 招聘人数', <span key="v"><Figure r={r} figure="vacancies" /> 个 / {r.vacancyOpenings}</span>, '人'],
    ['本期求职人数', <Figure key="j" r={r} figure="jobseekers" />, '人'],
    ['求人倍率', r.jobsToSeekersRatio ?? '—（本期无求职人员）', ''],
    ['新认定就业困难人员', <Figure key="d" r={r} figure="difficulty_certified" />, '人'],
    ['就业困难人员实现就业', <Figure key="de" r={r} figure="difficulty_employed" />, '人'],
    ['本期补贴发放对象（个人和单位）', r.subsidyPayments.payees, '个'],
    ['本期补贴发放金额（扣除退票、追回到账后净额）', `${formatYuan(r.subsidyPayments.netFen)}（发放 ${formatYuan(r.subsidyPayments.paidFen)}，退回 ${formatYuan(r.subsidyPayments.returnedFen)}）`, '元'],
    ...TRAINING_KINDS.map(([kind, label]) => [`本期培训结业人数：${label}`, r.training.completedByKind[kind], '人'] as [string, React.ReactNode, string]),
    ['本期取得职业技能等级证书人数', r.training.certified, '人'],
  ];
  return (
    <Table withTableBorder withColumnBorders mb="md" data-testid="main-figures">
      <Table.Thead><Table.Tr><Table.Th>指标</Table.Th><Table.Th>数值</Table.Th><Table.Th w={60}>单位</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map(([label, value, unit]) => <Table.Tr key={label}><Table.Td>{label}</Table.Td><Table.Td>{value}</Table.Td><Table.Td>{unit}</Table.Td></Table.Tr>)}
      </Table.Tbody>
    </Table>
  );
}

/** More categories than fit side by side on A4 (a county's townships): listed as 乡镇 | 人数 pairs, four to a row. */
const CELLS_IN_ONE_ROW = 8;
const PAIRS_PER_ROW = 4;

function Breakdown({ r, b }: { r: MonthlyReport; b: FigureBreakdown }) {
  const title = `${REPORT_FIGURE_LABELS[b.figure]} · 按${dimensionLabel(b.dimension)}`;
  const count = (c: FigureBreakdown['cells'][number]) => <Anchor component={Link} to={listLink(r.period, b.figure, b.dimension, c.value)}>{c.count}</Anchor>;
  if (b.cells.length > CELLS_IN_ONE_ROW) {
    const rows = Array.from({ length: Math.ceil(b.cells.length / PAIRS_PER_ROW) }, (_, i) => b.cells.slice(i * PAIRS_PER_ROW, (i + 1) * PAIRS_PER_ROW));
    return (
      <Table withTableBorder withColumnBorders mb="sm" className="keep-lines">
        <Table.Thead>
          <Table.Tr><Table.Th colSpan={PAIRS_PER_ROW * 2}>{title}</Table.Th></Table.Tr>
          <Table.Tr>{rows[0]!.map((c) => [<Table.Th key={`${c.value}-l`}>{dimensionLabel(b.dimension)}</Table.Th>, <Table.Th key={`${c.value}-n`}>人数</Table.Th>])}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((c) => [<Table.Td key={`${c.value}-l`}>{c.label}</Table.Td>, <Table.Td key={`${c.value}-n`}>{count(c)}</Table.Td>])}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Table withTableBorder withColumnBorders mb="sm">
      <Table.Thead>
        <Table.Tr><Table.Th colSpan={b.cells.length}>{title}</Table.Th></Table.Tr>
        <Table.Tr>{b.cells.map((c) => <Table.Th key={c.value}>{c.label}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          {b.cells.length === 0 && <Table.Td>无</Table.Td>}
          {b.cells.map((c) => <Table.Td key={c.value}>{count(c)}</Table.Td>)}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** 就业失业情况月报: pick a period, click any figure for the persons behind it, print on A4. */
export function MonthlyReportPage() {
  const [params, setParams] = useSearchParams();
  const periods = recentPeriods();
  const period = params.get('period') ?? periods[1]!;
  const canEnter = useCan('reports.figures');
  const report = useQuery({ queryKey: ['reports.monthly', period], queryFn: () => call('reports.monthly', { period }) });
  const r = report.data;
  return (
    <Stack maw={960}>
      <Group justify="space-between" className="no-print">
        <Group align="flex-end">
          <Title order={2}>就业失业情况月报</Title>
          <Select
            label="报告期"
            // The whole period must show: 2026年11月（2026年10月26日至2026年11月25日）.
            w={430}
            value={period}
            data={periods.map((p) => ({ value: p, label: `${formatPeriodMonth(p)}（${formatPeriodChinese(reportPeriod(p))}）` }))}
            onChange={(v) => v && setParams({ period: v })}
            allowDeselect={false}
          />
        </Group>
        <Button onClick={() => void printRecorded({ document: `就业失业情况月报（${period}）`, entityType: 'report', entityId: period })} disabled={!r}>打印</Button>
      </Group>
      {report.isError && <Alert color="red">{errorMessage(report.error)}</Alert>}
      {r && canEnter && <ExternalFiguresForm figures={r.external} />}
      {r && (
        <div className="print-document compact-table" data-testid="monthly-report">
          <Text ta="center">{r.bureauName}</Text>
          <Title order={2} ta="center">{formatPeriodMonth(r.period)}就业失业情况月报</Title>
          <Text ta="center" mb="md" data-testid="report-period">报告期：{formatPeriodChinese(reportPeriod(r.period))}</Text>
          <MainFigures r={r} />
          <Text size="sm" c="dimmed" mb="sm" className="no-print">点击数字查看其实名制台账（人员名单）。</Text>
          {r.breakdowns.map((b) => <Breakdown key={`${b.figure}-${b.dimension}`} r={r} b={b} />)}
          <Text size="sm" mt="sm">
            说明：城镇登记失业率 = 期末登记失业人数 ÷（城镇从业人员数 + 期末登记失业人数）；城镇从业人员数、城镇调查失业率、自然减员为录入的外部数据；求人倍率 = 本期岗位招聘人数 ÷ 本期求职人数；本期培训结业人数 = 结业日期在报告期内的学员（按培训项目类别，同一人同类只计一次）；本期取得职业技能等级证书人数 = 发证日期在报告期内且未撤销的持证人。
          </Text>
          <PrintSignatures />
          <div className="report-charts-page">
            <TrendCharts period={r.period} />
          </div>
        </div>
      )}
    </Stack>
  );
}
