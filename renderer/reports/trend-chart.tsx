import { Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { periodTick, slotX, valueAxis, valueY, type ChartBox } from './chart-scale';

export interface ChartPoint {
  period: string;
  /** Null where there is no figure (a ratio without jobseekers): a gap, not a zero. */
  value: number | null;
  /** The value as printed beside it: 12, 0.75. */
  text: string;
  /** The named list behind the point. */
  to: string;
}

const BOX: ChartBox = { width: 560, height: 220, left: 44, right: 8, top: 22, bottom: 40 };
const FONT = 13;
const BAR_COLOUR = 'var(--mantine-color-blue-6)';
const LINE_COLOUR = 'var(--mantine-color-teal-7)';

/**
 * One figure over the periods, drawn as plain SVG (the desk carries no chart
 * library): bars for a period's flow (new registrations), a line for a level
 * at the period's end or a ratio. Every bar or point is a link to the named
 * list it counts, named for screen readers and the tests by period, figure and
 * value; printed, the links are plain marks and the values stay readable.
 */
export function TrendChart({ title, unit, kind, points, decimals = 0, testId }: {
  title: string;
  unit: string;
  kind: 'bar' | 'line';
  points: ChartPoint[];
  decimals?: number;
  testId: string;
}) {
  const axis = valueAxis(Math.max(0, ...points.map((p) => p.value ?? 0)), decimals);
  const top = axis.top;
  const x = (i: number) => slotX(BOX, points.length, i);
  const y = (v: number) => valueY(BOX, top, v);
  const slot = (BOX.width - BOX.left - BOX.right) / Math.max(points.length, 1);
  const linePath = points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .reduce<string[]>((segments, xy, i) => {
      if (xy === null) return segments;
      const joined = i > 0 && points[i - 1]!.value !== null;
      segments.push(`${joined ? 'L' : 'M'}${xy}`);
      return segments;
    }, [])
    .join(' ');
  return (
    <Paper withBorder p="sm" className="trend-chart" data-testid={testId}>
      <Title order={5}>{title}<Text span size="xs" c="dimmed">（{unit}）</Text></Title>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width="100%" role="img" aria-label={title}>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={y(t)} y2={y(t)} stroke="#adb5bd" strokeWidth={t === 0 ? 1.2 : 0.5} />
            <text x={BOX.left - 6} y={y(t) + 4} textAnchor="end" fontSize={FONT} fill="#495057">{t}</text>
          </g>
        ))}
        {points.map((p, i) => {
          const tick = periodTick(p.period, i === 0);
          return (
            <text key={p.period} x={x(i)} y={BOX.height - BOX.bottom + 17} textAnchor="middle" fontSize={FONT} fill="#495057">
              {tick.month}
              {tick.year && <tspan x={x(i)} dy={16}>{tick.year}</tspan>}
            </text>
          );
        })}
        {kind === 'line' && <path d={linePath} fill="none" stroke={LINE_COLOUR} strokeWidth={2} />}
        {points.map((p, i) => {
          if (p.value === null) return null;
          const label = `${p.period} ${title} ${p.text}${unit === '倍' ? '' : unit}`;
          return (
            <Link key={p.period} to={p.to} aria-label={label} className="chart-mark">
              <title>{label}</title>
              {/* The whole column is the target, not only the mark: a point of a line is hard to hit. */}
              <rect x={x(i) - slot / 2} width={slot} y={BOX.top} height={y(0) - BOX.top} fill="transparent" />
              {kind === 'bar' ? (
                <rect x={x(i) - slot * 0.32} width={slot * 0.64} y={y(p.value)} height={Math.max(y(0) - y(p.value), 0.5)} fill={BAR_COLOUR} />
              ) : (
                <circle cx={x(i)} cy={y(p.value)} r={5} fill={LINE_COLOUR} stroke="#fff" strokeWidth={1.5} />
              )}
              <text x={x(i)} y={y(p.value) - 7} textAnchor="middle" fontSize={FONT} fill="#212529">{p.text}</text>
            </Link>
          );
        })}
      </svg>
    </Paper>
  );
}
