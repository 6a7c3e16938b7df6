import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, errorMessage } from '../api/client';
import { HeaderRow } from '../shell/header-row';

const STANDING_COLORS = { overdue: 'red', today: 'orange', upcoming: 'blue' } as const;

/** 我的工作台 for a counselor: today's follow-ups, open plan items, caseload, referrals awaiting an answer, this month's outcomes. */
export function CounselorDesk() {
  const desk = useQuery({ queryKey: ['guidance.desk'], queryFn: () => call('guidance.desk', {}) });
  const d = desk.data;
  if (desk.isError) return <Alert color="red">{errorMessage(desk.error)}</Alert>;
  if (!d) return <Text c="dimmed">正在加载…</Text>;
  const more = (shown: number, total: number) => (total > shown ? <Text size="xs" c="dimmed">另有 {total - shown} 项未列出</Text> : null);
  return (
    <Stack data-testid="counselor-desk">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={5} mb="xs">今日回访（含逾期）：{d.followUpsTotal} 项</Title>
          {d.followUps.length === 0 ? <Text c="dimmed">今天没有要回访的人。</Text> : (
            <Table withTableBorder data-testid="desk-follow-ups">
              <HeaderRow labels={['回访日期', '服务对象', '原因', '']} />
              <Table.Tbody>
                {d.followUps.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.dueOn}</Table.Td>
                    <Table.Td><Anchor component={Link} to={`/persons/${f.personId}`}>{f.personName}</Anchor></Table.Td>
                    <Table.Td>{f.reasonLabel}{f.about && <Text size="xs" c="dimmed">{f.about}</Text>}</Table.Td>
                    <Table.Td>{f.standing && <Badge variant="light" color={STANDING_COLORS[f.standing]}>{f.standing === 'overdue' ? '已逾期' : '今天'}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {more(d.followUps.length, d.followUpsTotal)}
        </Paper>
        <Paper withBorder p="md">
          <Title order={5} mb="xs">未完成的行动计划：{d.planItemsTotal} 项</Title>
          {d.planItems.length === 0 ? <Text c="dimmed">没有未完成的计划事项。</Text> : (
            <Table withTableBorder data-testid="desk-plan-items">
              <HeaderRow labels={['期限', '服务对象', '事项']} />
              <Table.Tbody>
                {d.planItems.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td c={i.dueOn < d.today ? 'red' : undefined}>{i.dueOn}</Table.Td>
                    <Table.Td><Anchor component={Link} to={`/persons/${i.personId}`}>{i.personName}</Anchor></Table.Td>
                    <Table.Td>{i.description}（{i.ownerLabel}）</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {more(d.planItems.length, d.planItemsTotal)}
        </Paper>
        <Paper withBorder p="md">
          <Title order={5} mb="xs">待答复的推荐：{d.awaitingTotal} 项</Title>
          {d.awaiting.length === 0 ? <Text c="dimmed">没有等待答复的推荐。</Text> : (
            <Table withTableBorder data-testid="desk-awaiting">
              <HeaderRow labels={['推荐日期', '服务对象', '去向', '进展']} />
              <Table.Tbody>
                {d.awaiting.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.referredOn}</Table.Td>
                    <Table.Td><Anchor component={Link} to={`/persons/${r.personId}`}>{r.personName}</Anchor></Table.Td>
                    <Table.Td>{r.target}</Table.Td>
                    <Table.Td>{r.stateLabel}，已等 {r.waitingDays} 天</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {more(d.awaiting.length, d.awaitingTotal)}
        </Paper>
        <Paper withBorder p="md">
          <Title order={5} mb="xs">我的服务对象（登记失业，按登记时长）</Title>
          <Group gap="xs" data-testid="desk-caseload">
            {d.caseload.map((c) => <Badge key={c.band} size="lg" variant="light" color={c.band === '1年以上' ? 'red' : 'blue'}>{c.band}：{c.persons} 人</Badge>)}
          </Group>
          <Title order={5} mt="md" mb="xs">本月推荐结果</Title>
          <Group gap="xs" data-testid="desk-outcomes">
            {d.outcomesThisMonth.map((o) => <Badge key={o.code} size="lg" variant="light" color={o.code === 'hired' || o.code === 'taken_up' ? 'green' : 'gray'}>{o.label}：{o.count}</Badge>)}
          </Group>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
