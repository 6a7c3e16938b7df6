import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatFen } from '../../shared/domain/money';
import { call } from '../api/client';

function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      {children}
    </Stack>
  );
}

/** 画像: where the person stands, at a glance above the guidance records. */
export function PersonProfilePanel({ personId }: { personId: number }) {
  const read = useQuery({ queryKey: ['guidance.profile', personId], queryFn: () => call('guidance.profile', { personId }) });
  const p = read.data;
  if (!p) return null;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="person-portrait">
      <SimpleGrid cols={3} spacing="md" verticalSpacing="xs">
        <Cell label="重点群体">
          {p.keyGroups.length === 0 ? <Text size="sm">—</Text> : <Group gap={4}>{p.keyGroups.map((g) => <Badge key={g} variant="light" size="sm">{g}</Badge>)}</Group>}
        </Cell>
        <Cell label="就业状态与失业登记">
          <Text size="sm">{p.employmentStatus}{p.registration && `，${p.registration.since}登记，已${p.registration.days}天`}{p.registration && p.registration.days >= 365 && <Badge ml={4} color="orange" size="xs">长期失业</Badge>}</Text>
        </Cell>
        <Cell label="最近联系">
          <Text size="sm">{p.lastContact ? `${p.lastContact.on} ${p.lastContact.what}（${p.lastContact.daysAgo}天前）` : '—'}</Text>
        </Cell>
        <Cell label="接受的服务与结果">
          <Text size="sm">{p.services.length === 0 ? '—' : p.services.map((s) => `${s.label}${s.count}次${s.outcome ? `（${s.outcome}）` : ''}`).join('；')}</Text>
        </Cell>
        <Cell label="享受政策">
          <Text size="sm">{p.policies.length === 0 ? '—' : p.policies.map((x) => `${x.name} ¥${formatFen(x.amountFen)}`).join('；')}</Text>
          {p.openFindings > 0 && <Text size="xs" c="orange">疑似符合、尚未享受的政策 {p.openFindings} 项</Text>}
        </Cell>
        <Cell label={`未完成的计划事项（${p.openPlanItemsTotal}）`}>
          <Text size="sm">{p.openPlanItems.length === 0 ? '—' : p.openPlanItems.map((i) => `${i.description}（${i.dueOn}前）`).join('；')}</Text>
        </Cell>
      </SimpleGrid>
    </Paper>
  );
}
