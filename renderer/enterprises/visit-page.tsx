import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { POLICY_INTEREST, VISIT_KINDS, VISIT_MODES, labelOf } from '../../shared/domain/enterprise-codes';
import { formatFen } from '../../shared/domain/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';

/** One visit as recorded; a visit recorded in error is cancelled with a reason, never deleted. */
export function VisitPage() {
  const id = Number(useParams().visitId);
  const queryClient = useQueryClient();
  const canWrite = useCan('enterprises.write');
  const [reason, setReason] = useState('');
  const visit = useQuery({ queryKey: ['enterprises.getVisit', id], queryFn: () => call('enterprises.getVisit', { id }) });
  const cancel = useMutation({
    mutationFn: () => call('enterprises.cancelVisit', { id, version: visit.data!.version, reason }),
    onSuccess: (v) => { queryClient.setQueryData(['enterprises.getVisit', id], v); void queryClient.invalidateQueries({ queryKey: ['enterprises.timeline'] }); },
  });
  if (visit.isError) return <Alert color="red">{errorMessage(visit.error)}</Alert>;
  const v = visit.data;
  if (!v) return null;
  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Group><Title order={2}>{labelOf(VISIT_KINDS, v.kind)}：{v.enterpriseName}</Title>{v.cancelledAt && <Badge color="gray">已作废</Badge>}</Group>
        <Button variant="default" component={Link} to={`/enterprises/${v.enterpriseId}`}>返回企业</Button>
      </Group>
      {v.cancelledAt && <Alert color="gray">作废原因：{v.cancelReason}</Alert>}
      <Paper withBorder p="lg">
        <SimpleGrid cols={4}>
          <div><Text size="xs" c="dimmed">日期</Text><Text>{v.visitDate}</Text></div>
          <div><Text size="xs" c="dimmed">方式</Text><Text>{labelOf(VISIT_MODES, v.mode)}</Text></div>
          <div><Text size="xs" c="dimmed">走访人员</Text><Text>{v.staff.map((s) => s.name).join('、')}</Text></div>
          <div><Text size="xs" c="dimmed">接待人</Text><Text>{v.contactName ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">职工人数</Text><Text>{v.headcount ?? '—'}</Text></div>
          <div><Text size="xs" c="dimmed">企业困难</Text><Text>{v.difficulties.map((d) => d.label + (d.note ? `（${d.note}）` : '')).join('、') || '—'}</Text></div>
          <div><Text size="xs" c="dimmed">宣讲政策</Text><Text>{v.policies.map((p) => `${p.label}（${labelOf(POLICY_INTEREST, p.interest)}）`).join('、') || '—'}</Text></div>
          <div><Text size="xs" c="dimmed">企业诉求</Text><Text>{v.requests ?? '—'}</Text></div>
        </SimpleGrid>
        {v.survey && (
          <SimpleGrid cols={4} mt="md">
            <div><Text size="xs" c="dimmed">调查季度 / 时点</Text><Text>{v.survey.quarter} / {v.survey.referenceDate}</Text></div>
            <div><Text size="xs" c="dimmed">上季度末人数</Text><Text>{v.survey.headcountPrevious ?? '—'}</Text></div>
            <div><Text size="xs" c="dimmed">变化原因</Text><Text>{v.survey.headcountChangeReason ?? '—'}</Text></div>
            <div><Text size="xs" c="dimmed">缺工 / 预计招用</Text><Text>{v.survey.shortageCount ?? '—'} / {v.survey.expectedHires ?? '—'}</Text></div>
            <div><Text size="xs" c="dimmed">平均起薪</Text><Text>{v.survey.startingPayFen !== null ? formatFen(v.survey.startingPayFen) : '—'}</Text></div>
          </SimpleGrid>
        )}
      </Paper>
      {v.hiringPlan.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={4} mb="xs">用工计划</Title>
          <Table withTableBorder>
            <Table.Tbody>{v.hiringPlan.map((l) => <Table.Tr key={l.id}><Table.Td>{l.title}</Table.Td><Table.Td>{l.occupationCode}</Table.Td><Table.Td>{l.quarter}</Table.Td><Table.Td>{l.openings} 人</Table.Td><Table.Td>{l.vacancyId ? '已发布为岗位' : '未发布'}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </Paper>
      )}
      {canWrite && !v.cancelledAt && (
        <Paper withBorder p="lg">
          <Group align="flex-end">
            <Textarea label="作废原因" w={420} maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button color="red" variant="light" disabled={!reason.trim()} loading={cancel.isPending} onClick={() => cancel.mutate()}>作废此记录</Button>
          </Group>
          {cancel.isError && <Alert color="red" mt="xs">{errorMessage(cancel.error)}</Alert>}
        </Paper>
      )}
    </Stack>
  );
}
