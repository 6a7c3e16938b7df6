import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InputOf } from '../../shared/contract';
import { FINDING_STATUSES } from '../../shared/contract/policy-findings';
import { officeDate } from '../../shared/domain/dates';
import { FINDING_STATUS_LABELS, OUTREACH_CHANNEL_LABELS, OUTREACH_OUTCOME_LABELS, labelFor } from '../../shared/labels/policies';
import { call, errorMessage } from '../api/client';
import { useSearchState } from '../api/search-state';
import { HeaderRow } from '../shell/header-row';
import { Pager } from '../shell/pager';
import { usePolicyList } from './policies-page';
import { Amount, NOWRAP, PolicyAreaHeader, VerdictBadge } from './policy-text';
import { FINDINGS_KEY, SweepPanel } from './sweep-panel';

type FindingFilters = Pick<InputOf<'policies.findings'>, 'policyCode' | 'status'>;
const PAGE_SIZE = 20;
const FILTER_KEYS = ['policyCode', 'status'] as const;

/** 汇总为批次: the open findings of a no-application policy, proposed together for a reviewer to confirm. */
function ProposeBatchButton({ policyCode }: { policyCode: string }) {
  const navigate = useNavigate();
  const propose = useMutation({
    mutationFn: () => call('policies.proposeBatch', { policyCode }),
    onSuccess: (batch) => navigate(`/policies/batches/${batch.id}`),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return <Button variant="light" color="teal" loading={propose.isPending} onClick={() => propose.mutate()}>汇总为免申即享批次</Button>;
}

/**
 * 政策找人: the work list of 疑似符合、尚未享受 the sweep leaves, by policy and
 * status, a page at a time; each row opens the finding. Above it the sweep
 * and its history.
 */
export function FindingsPage() {
  const policies = usePolicyList();
  const search = useSearchState<FindingFilters>(FILTER_KEYS);
  const { page, filters, param, setParam, setPage } = search;
  const list = useQuery({
    queryKey: [...FINDINGS_KEY, filters, page],
    queryFn: () => call('policies.findings', { ...filters, page, pageSize: PAGE_SIZE }),
  });
  const chosen = policies.data?.find((p) => p.code === filters.policyCode);
  return (
    <Stack maw={1200}>
      <PolicyAreaHeader />
      <SweepPanel />
      <Group align="flex-end">
        <Select label="政策" w={280} clearable searchable placeholder="全部政策" value={param('policyCode')} onChange={(v) => setParam({ policyCode: v })}
          data={(policies.data ?? []).filter((p) => p.activeVersion !== null).map((p) => ({ value: p.code, label: p.noApplication ? `${p.name}（免申即享）` : p.name }))} />
        <Select label="状态" w={200} clearable placeholder="待联系和已联系" value={param('status')} onChange={(v) => setParam({ status: v })}
          data={FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] }))} />
        {chosen?.noApplication && <ProposeBatchButton policyCode={chosen.code} />}
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">共 {list.data.total} 条{filters.status ? '' : '待联系或已联系的'}疑似符合记录</Text>
          {list.data.total > 0 && (
            <Table withTableBorder striped highlightOnHover data-testid="findings">
              <HeaderRow labels={['对象', '政策', '判定', '金额', '为什么符合', '状态', '最近联系', '发现日期']} />
              <Table.Tbody>
                {list.data.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Link to={`/policies/findings/${f.id}`}>{f.subject.name}</Link>
                      <Text size="xs" c="dimmed">{f.subject.keyMasked}</Text>
                    </Table.Td>
                    <Table.Td>{f.policyName}</Table.Td>
                    <Table.Td style={NOWRAP}><VerdictBadge result={f.result} size="sm" /></Table.Td>
                    <Table.Td style={NOWRAP}><Amount fen={f.amountFen} confirmed={f.amountConfirmed} /></Table.Td>
                    <Table.Td><Text size="sm" maw={420} lineClamp={2} title={f.headline}>{f.headline}</Text></Table.Td>
                    <Table.Td style={NOWRAP}>
                      {FINDING_STATUS_LABELS[f.status]}
                      {f.batchId !== null && <Badge miw="max-content" ml={4} size="xs" color="teal" variant="light" component={Link} to={`/policies/batches/${f.batchId}`} style={{ cursor: 'pointer' }}>批次{f.batchId}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {f.lastOutreach
                        ? `${f.lastOutreach.contactedOn} ${labelFor(OUTREACH_CHANNEL_LABELS, f.lastOutreach.channel)}，${labelFor(OUTREACH_OUTCOME_LABELS, f.lastOutreach.outcome)}`
                        : '—'}
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{officeDate(new Date(f.firstFoundAt))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
