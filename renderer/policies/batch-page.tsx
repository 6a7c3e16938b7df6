import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BatchView } from '../../shared/contract';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { BATCH_DECISION_LABELS, BATCH_STATE_LABELS, FINDING_STATUS_LABELS } from '../../shared/labels/policies';
import { call, errorMessage } from '../api/client';
import { useCan, useSession } from '../api/queries';
import { HeaderRow } from '../shell/header-row';
import { Loaded } from '../shell/loaded';
import { RejectDialog, SampleDialog, type Decision } from './batch-decide';
import { Amount, NOWRAP } from './policy-text';
import { FINDINGS_KEY } from './sweep-panel';

export const batchKey = (id: number) => ['policies.batch', id] as const;
type Item = BatchView['items'][number];

/**
 * Where an item of the batch stands. The batch lists its items as work-list
 * rows, so this reads their status: still open is undecided, a prefilled
 * application means confirmed; the finding's own page names a rejection's reason.
 */
export function isUndecided(item: Item): boolean {
  return item.status === 'open' || item.status === 'contacted';
}

function DecisionCell({ item }: { item: Item }) {
  if (isUndecided(item)) return <Badge miw="max-content" color="gray" variant="light">{BATCH_DECISION_LABELS.pending}</Badge>;
  if (item.status === 'applied') return <Badge miw="max-content" color="green" variant="light">{BATCH_DECISION_LABELS.confirmed}</Badge>;
  return <Badge miw="max-content" color="red" variant="light">{FINDING_STATUS_LABELS[item.status]}</Badge>;
}

/**
 * 免申即享批次: the proposed applications of a no-application policy. A
 * reviewer who did not propose it confirms or rejects the items ticked (a
 * rejection with its reason), or the whole batch after checking a sample;
 * each confirmed item becomes a prefilled 补贴申请, and the applicants'
 * 告知书 print from here.
 */
export function BatchPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const canDecide = useCan('policies.decide');
  const me = useSession().data?.displayName;
  const batch = useQuery({ queryKey: batchKey(id), queryFn: () => call('policies.batch', { id }) });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'reject' | 'sample' | null>(null);
  const decide = useMutation({
    mutationFn: (decisions: Decision[]) => call('policies.decideBatch', { id, decisions }),
    onSuccess: (view, decisions) => {
      queryClient.setQueryData(batchKey(id), view);
      void queryClient.invalidateQueries({ queryKey: FINDINGS_KEY });
      const confirmed = decisions.filter((d) => d.decision === 'confirmed').length;
      notifications.show({ color: 'green', message: confirmed > 0 ? `已确认 ${confirmed} 条，已生成预填的补贴申请` : `已不予确认 ${decisions.length} 条` });
      setSelected(new Set());
      setDialog(null);
    },
  });
  return (
    <Loaded query={batch}>
      {(b) => {
        const undecided = b.items.filter(isUndecided);
        const confirmed = b.items.filter((i) => i.status === 'applied');
        const chosen = undecided.filter((i) => selected.has(i.id));
        const proposer = me !== undefined && me === b.createdBy;
        const mayDecide = canDecide && !proposer && undecided.length > 0;
        const toggle = (itemId: number) => setSelected((s) => (s.has(itemId) ? new Set([...s].filter((x) => x !== itemId)) : new Set([...s, itemId])));
        return (
          <Stack maw={1200}>
            <Group justify="space-between">
              <Group>
                <Title order={2}>免申即享批次 {b.id}：{b.policyName}</Title>
                <Badge miw="max-content" size="lg" color={b.state === 'decided' ? 'green' : 'orange'} data-testid="batch-state">{BATCH_STATE_LABELS[b.state]}</Badge>
              </Group>
              <Group>
                {confirmed.length > 0 && <Button variant="default" component={Link} to={`/policies/batches/${b.id}/notice`}>打印免申即享告知书</Button>}
                <Button variant="default" component={Link} to={`/policies/findings?policyCode=${b.policyCode}`}>返回政策找人</Button>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              第{b.policyVersion}版政策；{b.createdBy ?? '—'} 于 {formatOfficeTimestamp(b.createdAt)} 提出，共 {b.items.length} 条，待确认 {undecided.length} 条，已确认 {confirmed.length} 条。
            </Text>
            {decide.isError && dialog === null && <Alert color="red">{errorMessage(decide.error)}</Alert>}
            {canDecide && proposer && undecided.length > 0 && <Alert color="yellow">本批次由您提出，须由另一位审核员确认。</Alert>}
            {mayDecide && (
              <Paper withBorder p="sm">
                <Group>
                  <Checkbox label={`全选（已选 ${chosen.length} 条）`} checked={chosen.length === undecided.length}
                    indeterminate={chosen.length > 0 && chosen.length < undecided.length}
                    onChange={() => setSelected(chosen.length === undecided.length ? new Set() : new Set(undecided.map((i) => i.id)))} />
                  <Button disabled={chosen.length === 0} loading={decide.isPending}
                    onClick={() => decide.mutate(chosen.map((i) => ({ findingId: i.id, decision: 'confirmed' })))}>确认选中</Button>
                  <Button color="red" variant="light" disabled={chosen.length === 0} onClick={() => { decide.reset(); setDialog('reject'); }}>不予确认选中</Button>
                  <Button color="teal" variant="light" ml="auto" onClick={() => { decide.reset(); setDialog('sample'); }}>核查样本后整批确认</Button>
                </Group>
              </Paper>
            )}
            <Table withTableBorder striped data-testid="batch-items">
              <HeaderRow labels={['', '对象', '金额', '为什么符合', '确认', '申请']} />
              <Table.Tbody>
                {b.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      {mayDecide && isUndecided(item) && (
                        <Checkbox aria-label={`选择 ${item.subject.name}`} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/policies/findings/${item.id}`}>{item.subject.name}</Link>
                      <Text size="xs" c="dimmed">{item.subject.keyMasked}</Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}><Amount fen={item.amountFen} confirmed={item.amountConfirmed} /></Table.Td>
                    <Table.Td><Text size="sm" maw={520}>{item.headline}</Text></Table.Td>
                    <Table.Td style={NOWRAP}><DecisionCell item={item} /></Table.Td>
                    <Table.Td style={NOWRAP}>{item.caseId !== null ? <Link to={`/cases/${item.caseId}`}>补贴申请</Link> : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {dialog === 'reject' && (
              <RejectDialog count={chosen.length} opened onClose={() => setDialog(null)} pending={decide.isPending} error={decide.error}
                onReject={(reason) => decide.mutate(chosen.map((i) => ({ findingId: i.id, decision: 'rejected', reason })))} />
            )}
            {dialog === 'sample' && (
              <SampleDialog items={undecided} opened onClose={() => setDialog(null)} pending={decide.isPending} error={decide.error}
                onConfirm={() => decide.mutate(undecided.map((i) => ({ findingId: i.id, decision: 'confirmed' })))} />
            )}
          </Stack>
        );
      }}
    </Loaded>
  );
}
