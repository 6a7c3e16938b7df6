import { Badge, Group, Paper, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { KeyGroupTag } from '../../shared/domain/key-groups';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call } from '../api/client';
import { PayeePaymentsTimeline } from '../payments/payee-payments-section';
import { CorrectionsSection } from '../shell/corrections-table';

/** Key-group badges; hovering shows the rule and the date it was computed for. */
export function KeyGroupBadges({ tags }: { tags: KeyGroupTag[] }) {
  if (tags.length === 0) return <Text size="sm" c="dimmed">不属于重点群体</Text>;
  return (
    <Group gap={6} data-testid="key-groups">
      {tags.map((t) => (
        <Tooltip key={t.code} label={`${t.rule}（按 ${t.asOf} 计算${t.until ? `，有效至 ${t.until}` : ''}）`} multiline w={320}>
          <Badge color="orange" variant="light">{t.label}</Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** 更正记录 on the profile, and a line saying there are none. */
export function PersonCorrections({ personId }: { personId: number }) {
  const corrections = useQuery({ queryKey: ['persons.corrections', personId], queryFn: () => call('persons.corrections', { id: personId }) });
  return <CorrectionsSection rows={corrections.data ?? []} emptyText="没有更正记录。" />;
}

/** Every service the person received, by kind; kinds without records yet say so. */
export function TimelineSections({ personId }: { personId: number }) {
  const timeline = useQuery({ queryKey: ['persons.timeline', personId], queryFn: () => call('persons.timeline', { id: personId }) });
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="sm">服务记录</Title>
      {(timeline.data ?? []).map((section) => (
        <div key={section.kind} style={{ marginBottom: 12 }}>
          <Text fw={600} size="sm" mb={4}>{section.label}</Text>
          {section.kind === 'payments' ? (
            // 补贴发放: the same events as the timeline's, drawn by the payments area (colour by kind, period, batch line).
            <PayeePaymentsTimeline payeeKind="person" payeeId={personId} />
          ) : section.events.length === 0 ? (
            <Text size="sm" c="dimmed">暂无记录</Text>
          ) : (
            <Timeline bulletSize={12} lineWidth={2}>
              {section.events.map((e, i) => (
                <Timeline.Item key={i} title={e.title}>
                  <Text size="xs" c="dimmed">{formatOfficeTimestamp(e.at)}{e.actor ? ` · ${e.actor}` : ''}{e.detail ? ` · ${e.detail}` : ''}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
      ))}
    </Paper>
  );
}
