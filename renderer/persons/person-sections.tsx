import { Badge, Group, Paper, Table, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { KeyGroupTag } from '../../shared/domain/key-groups';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { fieldLabel } from '../../shared/labels/zh-CN';
import { call } from '../api/client';

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

export function CorrectionsSection({ personId }: { personId: number }) {
  const corrections = useQuery({ queryKey: ['persons.corrections', personId], queryFn: () => call('persons.corrections', { id: personId }) });
  const rows = corrections.data ?? [];
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="sm">更正记录</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">没有更正记录。</Text>
      ) : (
        <Table withTableBorder data-testid="corrections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>时间</Table.Th><Table.Th>项目</Table.Th><Table.Th>原值</Table.Th><Table.Th>新值</Table.Th><Table.Th>原因</Table.Th><Table.Th>经办人</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatOfficeTimestamp(c.correctedAt)}</Table.Td>
                <Table.Td>{c.field === 'mergedFrom' ? '合并档案' : fieldLabel(c.field)}</Table.Td>
                <Table.Td>{c.oldValue ?? '—'}</Table.Td>
                <Table.Td>{c.newValue ?? '—'}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.correctedBy ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
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
          {section.events.length === 0 ? (
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
