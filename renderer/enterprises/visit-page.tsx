import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { VisitView } from '../../shared/contract';
import { POLICY_INTEREST, VISIT_KINDS, VISIT_MODES, labelOf } from '../../shared/domain/enterprise-codes';
import { formatFen } from '../../shared/domain/money';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { Field } from '../shell/field';
import { Loaded } from '../shell/loaded';

/** A visit recorded in error is cancelled with a reason, never deleted. */
function CancelVisit({ visit }: { visit: VisitView }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => call('enterprises.cancelVisit', { id: visit.id, version: visit.version, reason }),
    onSuccess: (v) => { queryClient.setQueryData(['enterprises.getVisit', visit.id], v); void queryClient.invalidateQueries({ queryKey: ['enterprises.timeline'] }); },
  });
  return (
    <Paper withBorder p="lg">
      <Group align="flex-end">
        <Textarea label="作废原因" w={420} maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button color="red" variant="light" disabled={!reason.trim()} loading={cancel.isPending} onClick={() => cancel.mutate()}>作废此记录</Button>
      </Group>
      {cancel.isError && <Alert color="red" mt="xs">{errorMessage(cancel.error)}</Alert>}
    </Paper>
  );
}

/** One visit as recorded. */
export function VisitPage() {
  const id = Number(useParams().visitId);
  const canWrite = useCan('enterprises.write');
  const visit = useQuery({ queryKey: ['enterprises.getVisit', id], queryFn: () => call('enterprises.getVisit', { id }) });
  return <Loaded query={visit}>{(v) => (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Group><Title order={2}>{labelOf(VISIT_KINDS, v.kind)}：{v.enterpriseName}</Title>{v.cancelledAt && <Badge color="gray">已作废</Badge>}</Group>
        <Button variant="default" component={Link} to={`/enterprises/${v.enterpriseId}`}>返回企业</Button>
      </Group>
      {v.cancelledAt && <Alert color="gray">作废原因：{v.cancelReason}</Alert>}
      <Paper withBorder p="lg">
        <SimpleGrid cols={4}>
          <Field label="日期" value={v.visitDate} />
          <Field label="方式" value={labelOf(VISIT_MODES, v.mode)} />
          <Field label="走访人员" value={v.staff.map((s) => s.name).join('、')} />
          <Field label="接待人" value={v.contactName ?? '—'} />
          <Field label="职工人数" value={v.headcount ?? '—'} />
          <Field label="企业困难" value={v.difficulties.map((d) => d.label + (d.note ? `（${d.note}）` : '')).join('、') || '—'} />
          <Field label="宣讲政策" value={v.policies.map((p) => `${p.label}（${labelOf(POLICY_INTEREST, p.interest)}）`).join('、') || '—'} />
          <Field label="企业诉求" value={v.requests ?? '—'} />
        </SimpleGrid>
        {v.survey && (
          <SimpleGrid cols={4} mt="md">
            <Field label="调查季度 / 时点" value={`${v.survey.quarter} / ${v.survey.referenceDate}`} />
            <Field label="上季度末人数" value={v.survey.headcountPrevious ?? '—'} />
            <Field label="变化原因" value={v.survey.headcountChangeReason ?? '—'} />
            <Field label="缺工 / 预计招用" value={`${v.survey.shortageCount ?? '—'} / ${v.survey.expectedHires ?? '—'}`} />
            <Field label="平均起薪" value={v.survey.startingPayFen !== null ? formatFen(v.survey.startingPayFen) : '—'} />
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
      {canWrite && !v.cancelledAt && <CancelVisit visit={v} />}
    </Stack>
  )}</Loaded>;
}
