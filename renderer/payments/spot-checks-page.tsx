import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SpotCheckListItem } from '../../shared/contract';
import { formatOfficeTimestamp, officeDate } from '../../shared/domain/dates';
import { SPOT_CHECK_STATE_LABELS } from '../../shared/labels/payments';
import { call } from '../api/client';
import { useCan } from '../api/queries';
import { usePolicyList } from '../policies/policies-page';
import { PagedList } from '../shell/paged-list';
import { RefusalAlert, fieldErrorsOf } from './action-dialog';
import { NOWRAP, PaymentsAreaHeader } from './payments-text';

/** 发起抽查: a period of decisions, optionally one policy, and the share to sample. */
function CreateSpotCheck() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const policies = usePolicyList();
  const today = officeDate(new Date());
  const [name, setName] = useState(`${today.slice(0, 4)}年补贴发放抽查`);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [policyCode, setPolicyCode] = useState<string | null>(null);
  const [share, setShare] = useState<number | string>(10);
  const create = useMutation({
    mutationFn: () => call('spotChecks.create', {
      name: name.trim(), decidedFrom: from.trim(), decidedTo: to.trim(), sharePercent: Number(share), ...(policyCode ? { policyCode } : {}),
    }),
    onSuccess: (view) => { void queryClient.invalidateQueries({ queryKey: ['spotChecks.list'] }); navigate(`/payments/spot-checks/${view.id}`); },
  });
  const fields = fieldErrorsOf(create.error);
  return (
    <Paper withBorder p="md" data-testid="create-spot-check">
      <Title order={4} mb="xs">发起抽查</Title>
      <Text size="sm" c="dimmed" mb="xs">从审批日期在期间内的补贴申请中随机抽取一定比例，由未参与审批的人员复核；有问题的可登记追回。</Text>
      <Group align="flex-start">
        <TextInput label="抽查名称" withAsterisk w={240} maxLength={60} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
        <TextInput label="审批日期起" withAsterisk w={140} maxLength={10} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fields.decidedFrom} />
        <TextInput label="审批日期止" withAsterisk w={140} maxLength={10} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fields.decidedTo} />
        <Select label="补贴项目" w={220} clearable placeholder="全部" value={policyCode} onChange={setPolicyCode} error={fields.policyCode}
          data={(policies.data ?? []).map((p) => ({ value: p.code, label: p.name }))} />
        <NumberInput label="抽查比例（%）" withAsterisk w={120} min={1} max={100} allowDecimal={false} value={share} onChange={setShare} error={fields.sharePercent} />
        <Button mt={24} loading={create.isPending} disabled={!name.trim() || !from.trim() || !to.trim() || share === ''} onClick={() => create.mutate()}>发起抽查</Button>
      </Group>
      <RefusalAlert error={create.error} shownFields={['name', 'decidedFrom', 'decidedTo', 'policyCode', 'sharePercent']} />
    </Paper>
  );
}

/** 抽查: the campaigns so far, and a new one for whoever may run them. */
export function SpotChecksPage() {
  const canManage = useCan('spotChecks.manage');
  return (
    <Stack maw={1200}>
      <PaymentsAreaHeader />
      {canManage && <CreateSpotCheck />}
      <PagedList<{ items: SpotCheckListItem[]; total: number }>
        method="spotChecks.list"
        fetchPage={(page, pageSize) => call('spotChecks.list', { page, pageSize })}
        pageSize={30}
        testId="spot-checks"
        summary={(d) => <Text size="sm" c="dimmed">共 {d.total} 次抽查</Text>}
        columns={['抽查名称', '审批期间', '比例', '总数', '抽取', '已复核', '有问题', '状态', '发起']}
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td><Link to={`/payments/spot-checks/${s.id}`}>{s.name}</Link></Table.Td>
            <Table.Td style={NOWRAP}>{s.decidedFrom} 至 {s.decidedTo}</Table.Td>
            <Table.Td>{s.sharePercent}%</Table.Td>
            <Table.Td>{s.population}</Table.Td>
            <Table.Td>{s.sampled}</Table.Td>
            <Table.Td>{s.checked}</Table.Td>
            <Table.Td c={s.irregular > 0 ? 'red' : undefined}>{s.irregular}</Table.Td>
            <Table.Td><Badge miw="max-content" variant="light" color={s.state === 'open' ? 'blue' : 'green'}>{SPOT_CHECK_STATE_LABELS[s.state]}</Badge></Table.Td>
            <Table.Td style={NOWRAP}>{s.createdBy ?? '—'}<Text size="xs" c="dimmed">{formatOfficeTimestamp(s.createdAt)}</Text></Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
