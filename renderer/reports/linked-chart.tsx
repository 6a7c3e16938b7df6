import { BarChart, LineChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import type { BarShapeProps, DotItemDotProps, XAxisTickContentProps } from 'recharts';

/** One bar or point of a chart: what it counts and the named list it opens. */
export interface LinkedPoint {
  /** The category under the bar (11月, 审核中). */
  label: string;
  /** Null where there is no figure (a ratio without jobseekers): a gap, not a zero. */
  value: number | null;
  /** The value as printed beside it: 12, 0.75. */
  text: string;
  /** The named list behind the bar or point. */
  to: string;
  /** Its accessible name, which the tests click by: "2026-11 期末登记失业人数 12人". */
  name: string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined);

/** A bar as a link to its list; its whole slot is the target, since a short bar is hard to hit. */
function barMark(props: BarShapeProps): ReactElement {
  const p = props.payload as LinkedPoint;
  const slot = props.background;
  return (
    <Link to={p.to} aria-label={p.name} className="chart-mark">
      <title>{p.name}</title>
      {slot && <rect x={num(slot.x)} y={num(slot.y)} width={num(slot.width)} height={num(slot.height)} fill="transparent" />}
      <rect x={num(props.x)} y={num(props.y)} width={num(props.width)} height={Math.max(num(props.height) ?? 0, 0)} fill={props.fill} />
    </Link>
  );
}

/** A point of a line as a link to its list, with a wider ring than the dot as its target. */
function pointMark(props: DotItemDotProps): ReactElement {
  const p = props.payload as LinkedPoint;
  const cx = num(props.cx);
  const cy = num(props.cy);
  if (p.value === null || cx === undefined || cy === undefined || Number.isNaN(cx) || Number.isNaN(cy)) return <g key={`gap-${props.index}`} />;
  return (
    <Link key={`point-${props.index}`} to={p.to} aria-label={p.name} className="chart-mark">
      <title>{p.name}</title>
      <circle cx={cx} cy={cy} r={14} fill="transparent" />
      <circle cx={cx} cy={cy} r={5} fill="var(--mantine-color-teal-7)" stroke="#fff" strokeWidth={1.5} />
    </Link>
  );
}

/** A category label on the axis, a line break in it printing a second line (the year under a month). */
function CategoryTick({ x, y, payload }: XAxisTickContentProps): ReactElement {
  const lines = String(payload?.value ?? '').split('\n');
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={12} fill="currentColor">
      {lines.map((line, i) => <tspan key={line} x={x} dy={i === 0 ? 14 : 15}>{line}</tspan>)}
    </text>
  );
}

const SERIES = 'value';
const HEIGHT = 220;

/**
 * One figure drawn with Mantine's charts (recharts underneath): bars for
 * counts of a period or a category, a line for a level or a ratio over the
 * periods. Every bar and point is a link to the named list it counts, named
 * for screen readers and the tests; its value is printed on it, so the paper
 * reads without a tooltip. The chart is sized by its box (recharts measures
 * its container); printed, the SVG scales by its viewBox (print.css).
 */
export function LinkedChart({ title, unit, kind, points, decimals = 0, testId, horizontal = false, categoryWidth = 150 }: {
  title: string;
  unit: string;
  kind: 'bar' | 'line';
  points: LinkedPoint[];
  decimals?: number;
  testId: string;
  /** Bars across, for categories whose names are long (职业大类, 重点群体). */
  horizontal?: boolean;
  /** The width of the category names beside horizontal bars, in px. */
  categoryWidth?: number;
}) {
  const data = points.map((p) => ({ ...p, [SERIES]: p.value }));
  // recharts hands the labels of a gap (a ratio without jobseekers) a null.
  const format = (v: number | null) => (typeof v !== 'number' ? '' : decimals ? v.toFixed(decimals) : String(v));
  const valueAxis = { allowDecimals: decimals > 0 };
  const categoryAxis = { interval: 0, height: 40, tick: CategoryTick };
  const common = {
    h: horizontal ? Math.max(HEIGHT, 34 * points.length + 30) : HEIGHT,
    data,
    dataKey: 'label',
    series: [{ name: SERIES, label: title, color: kind === 'bar' ? 'blue.6' : 'teal.7' }],
    withTooltip: false,
    valueForcase: format,
    gridAxis: 'y' as const,
    className: horizontal && points.length > 5 ? 'linked-chart-plot linked-chart-tall' : 'linked-chart-plot',
  };
  return (
    <Paper withBorder p="sm" className="trend-chart" data-testid={testId}>
      <Title order={5}>{title}<Text span size="xs" c="dimmed">（{unit}）</Text></Title>
      {points.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">暂无数据</Text>
      ) : kind === 'bar' ? (
        <BarChart
          {...common}
          orientation={horizontal ? 'vertical' : 'horizontal'}
          withBarValueLabel
          valueLabelProps={{ fill: '#212529', fontSize: 12 }}
          maxBarWidth={36}
          gridAxis={horizontal ? 'x' : 'y'}
          yAxisProps={horizontal ? { width: categoryWidth, interval: 0 } : valueAxis}
          xAxisProps={horizontal ? valueAxis : categoryAxis}
          barProps={{ background: { fill: 'transparent' }, shape: barMark }}
        />
      ) : (
        <LineChart
          {...common}
          withPointLabels
          connectNulls={false}
          curveType="linear"
          yAxisProps={valueAxis}
          xAxisProps={categoryAxis}
          lineProps={{ dot: pointMark, activeDot: false, isAnimationActive: false }}
        />
      )}
    </Paper>
  );
}
