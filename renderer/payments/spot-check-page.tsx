import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SpotCheckItemView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { SPOT_CHECK_FINDING_LABELS, SPOT_CHECK_STATE_LABELS } from '../../shared/labels/payments';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { Loaded } from '../shell/loaded';
import { RefusalAlert } from './action-dialog';
import { NOWRAP, PayeeCell, yuan, NowrapHeader } from './payments-text';
import { FindingDialog, SpotRecoveryDialog } from './spot-check-dialogs';

/** One 抽查: the sample drawn (with its seed), each re-review's finding, recoveries from irregular ones, and 结束抽查. */
export function SpotCheckPage() {
  const id = Number(useParams().id);
  const canManage = useCan('spotChecks.manage');
  const canRecover = useCan('payments.manage');
  const queryClient = useQueryClient();
  const check = useQuery({ queryKey: ['spotChecks.get', id], queryFn: () => call('spotChecks.get', { id }) });
  const [open, setOpen] = useState<{ item: SpotCheckItemView; what: 'finding' | 'recovery' } | null>(null);
  const finish = useMutation({
    mutationFn: () => call('spotChecks.finish', { id }),
    onSuccess: (view) => {
      queryClient.setQueryData(['spotChecks.get', id], view);
      void queryClient.invalidateQueries({ queryKey: ['spotChecks.list'] });
      notifications.show({ color: 'green', message: `抽查已结束：复核 ${view.checked} 件，有问题 ${view.irregular} 件` });
    },
  });
  return (
    <Loaded query={check}>
      {(s) => {
        const isOpen = s.state === 'open';
        return (
          <Stack maw={1300}>
            <Group justify="space-between">
              <Group>
                <Title order={2}>抽查：{s.name}</Title>
                <Badge size="lg" variant="light" color={isOpen ? 'blue' : 'green'} data-testid="spot-check-state">{SPOT_CHECK_STATE_LABELS[s.state]}</Badge>
              </Group>
              <Group>
                {canManage && isOpen && <Button color="green" loading={finish.isPending} onClick={() => finish.mutate()}>结束抽查</Button>}
                <Button variant="default" component={Link} to="/payments/spot-checks">返回抽查列表</Button>
              </Group>
            </Group>
            <Paper withBorder p="md">
              <Text size="sm">
                审批日期 {s.decidedFrom} 至 {s.decidedTo}，共 {s.population} 件，按 {s.sharePercent}% 抽取 {s.sampled} 件；已复核 {s.checked} 件，有问题 {s.irregular} 件。
                {s.createdBy ?? '—'} 于 {formatOfficeTimestamp(s.createdAt)} 发起；随机种子 {s.seed}。
              </Text>
            </Paper>
            <RefusalAlert error={finish.error} />
            <Table withTableBorder striped data-testid="spot-check-items">
              <NowrapHeader labels={['申请', '申请人', '补贴项目', '金额', '审批', '结论', '核查情况', '追回', '']} />
              <Table.Tbody>
                {s.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td style={NOWRAP}><Link to={`/cases/${i.caseId}`}>{i.receiptNo ?? `申请${i.caseId}`}</Link></Table.Td>
                    <Table.Td><PayeeCell payee={i.applicant} /></Table.Td>
                    <Table.Td>{i.policyName}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(i.amountFen)}</Table.Td>
                    <Table.Td style={NOWRAP}>{i.decidedBy ?? '—'}<Text size="xs" c="dimmed">{i.decidedAt ? formatOfficeTimestamp(i.decidedAt) : ''}</Text></Table.Td>
                    <Table.Td>
                      {i.finding
                        ? <Badge miw="max-content" variant="light" color={i.finding === 'irregular' ? 'red' : 'green'}>{SPOT_CHECK_FINDING_LABELS[i.finding]}</Badge>
                        : <Text size="sm" c="dimmed">待复核</Text>}
                    </Table.Td>
                    <Table.Td>{i.note ?? ''}{i.checkedBy && <Text size="xs" c="dimmed">{i.checkedBy} {i.checkedAt ? formatOfficeTimestamp(i.checkedAt) : ''}</Text>}</Table.Td>
                    <Table.Td style={NOWRAP}>{i.recoveryNumber ? <Link to="/payments/recoveries">{i.recoveryNumber}</Link> : ''}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {canManage && isOpen && <Button size="compact-xs" variant="light" onClick={() => setOpen({ item: i, what: 'finding' })}>{i.finding ? '修改结论' : '记录结论'}</Button>}
                        {canRecover && i.finding === 'irregular' && !i.recoveryNumber && <Button size="compact-xs" variant="light" color="orange" onClick={() => setOpen({ item: i, what: 'recovery' })}>登记追回</Button>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {open?.what === 'finding' && <FindingDialog checkId={s.id} item={open.item} onClose={() => setOpen(null)} />}
            {open?.what === 'recovery' && <SpotRecoveryDialog checkId={s.id} item={open.item} onClose={() => setOpen(null)} />}
          </Stack>
        );
      }}
    </Loaded>
  );
}
