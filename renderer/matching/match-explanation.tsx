import { Alert, Badge, List, Stack, Text } from '@mantine/core';
import type { MatchFilterReport } from '../../shared/contract';

/** A result's score as a badge: green from 80, blue from 60, grey below. */
export function ScoreBadge({ score }: { score: number }) {
  return <Badge size="lg" variant="light" miw={68} styles={{ label: { overflow: 'visible' } }} color={score >= 80 ? 'green' : score >= 60 ? 'blue' : 'gray'} aria-label={`匹配度 ${score} 分`}>{score}分</Badge>;
}

/** Why a result ranks where it does, strongest reason first. */
export function Reasons({ reasons }: { reasons: string[] }) {
  return (
    <List size="xs" spacing={2}>
      {reasons.map((r) => <List.Item key={r}>{r}</List.Item>)}
    </List>
  );
}

/** What the ranking went by, the candidates it looked at, and whom a requirement removed. */
export function MatchBasis({ basis, scope, considered, filters, unit }: { basis: string[]; scope: string; considered: number; filters: MatchFilterReport[]; unit: '个岗位' | '人' }) {
  return (
    <Stack gap={6}>
      <Text size="sm">{basis.join('；')}</Text>
      <Text size="sm" c="dimmed">
        范围：{scope}，参与排序 {considered}{unit}。性别、民族、年龄、婚姻状况不参与排序。
      </Text>
      {filters.map((f) => (
        <Alert key={f.filter} color="yellow" p="xs" data-testid="match-filter">
          {f.label}：{f.rule}，排除 {f.removed}{unit}{f.examples.length > 0 ? `（${f.examples.join('、')}${f.removed > f.examples.length ? ' 等' : ''}）` : ''}。
        </Alert>
      ))}
    </Stack>
  );
}
