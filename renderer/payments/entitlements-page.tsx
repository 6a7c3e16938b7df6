import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EntitlementStatus, EntitlementView, InputOf } from '../../shared/contract';
import type { FundSource } from '../../shared/domain/policies/definition';
import { ENTITLEMENT_STATUS_LABELS } from '../../shared/labels/payments';
import { call, errorMessage } from '../api/client';
import { useCan } from '../api/queries';
import { useSearchState } from '../api/search-state';
import { Pager } from '../shell/pager';
import { AccountDialog } from './account-dialog';
import { BuildBatchPanel } from './build-batch-panel';
import { FUND_OPTIONS, NOWRAP, PayeeCell, PaymentsAreaHeader, fundLabel, yuan, NowrapHeader } from './payments-text';

type Filters = Pick<InputOf<'payments.entitlements'>, 'fundSource' | 'status'>;
const FILTER_KEYS = ['fundSource', 'status'] as const;
const PAGE_SIZE = 50;
/** What a new batch may take: never paid, or paid again after a failure or a 退票. */
const PAYABLE: readonly EntitlementStatus[] = ['unpaid', 'failed', 'reversed'];
const STATUS_COLORS: Record<EntitlementStatus, string> = { unpaid: 'blue', in_batch: 'grape', paid: 'green', failed: 'red', reversed: 'orange' };

function AccountCell({ e, canManage, onEdit }: { e: EntitlementView; canManage: boolean; onEdit: () => void }) {
  return (
    <Group gap={6} wrap="nowrap">
      {e.account ? <div><Text size="sm" className="keep-whole">{e.account.accountMasked}</Text><Text size="xs" c="dimmed">{e.account.bankName}</Text></div> : <Text size="sm" c="red" className="keep-whole">未登记</Text>}
      {canManage && <Button size="compact-xs" variant="subtle" onClick={onEdit}>{e.account ? '更正' : '登记'}</Button>}
    </Group>
  );
}

/** 应发记录: what approved applications owe, by fund and status; accounts registered here; batches built from here. */
export function EntitlementsPage() {
  const canManage = useCan('payments.manage');
  const { page, filters, param, setParam, setPage } = useSearchState<Filters>(FILTER_KEYS);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<EntitlementView | null>(null);
  const list = useQuery({
    queryKey: ['payments.entitlements', filters, page],
    queryFn: () => call('payments.entitlements', { ...filters, page, pageSize: PAGE_SIZE }),
  });
  const items = list.data?.items ?? [];
  const payable = items.filter((e) => PAYABLE.includes(e.status));
  const toggle = (id: number) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const chosen = payable.filter((e) => selected.has(e.id));
  return (
    <Stack maw={1300}>
      <PaymentsAreaHeader />
      <Group align="flex-end">
        <Select label="资金来源" w={200} clearable placeholder="全部" data={FUND_OPTIONS} value={param('fundSource')} onChange={(v) => { setSelected(new Set()); setParam({ fundSource: v }); }} />
        <Select label="发放状态" w={160} clearable placeholder="全部" value={param('status')} onChange={(v) => { setSelected(new Set()); setParam({ status: v }); }}
          data={Object.entries(ENTITLEMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
      </Group>
      {canManage && <BuildBatchPanel key={filters.fundSource ?? 'all'} fund={filters.fundSource as FundSource | undefined} selectedIds={chosen.map((e) => e.id)} onBuilt={() => setSelected(new Set())} />}
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">共 {list.data.total} 条应发记录</Text>
          {list.data.total > 0 && (
            // Its own horizontal scroll on a narrow window, so names, account numbers and dates stay whole and the page does not widen.
            <Table.ScrollContainer minWidth={1040} type="native">
            <Table withTableBorder striped highlightOnHover data-testid="entitlements">
              <NowrapHeader labels={['', '对象', '政策 · 资金来源', '享受期间', '应发金额', '收款账户', '状态', '依据']} />
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {canManage && PAYABLE.includes(e.status) && <Checkbox aria-label={`选择 ${e.payee.name}`} checked={selected.has(e.id)} onChange={() => toggle(e.id)} />}
                    </Table.Td>
                    <Table.Td style={NOWRAP}><PayeeCell payee={e.payee} />{e.townshipName && <Text size="xs" c="dimmed">{e.townshipName}</Text>}</Table.Td>
                    <Table.Td miw={160}>
                      {e.policyName}
                      <Text size="xs" c="dimmed">{e.policyVersion !== null ? `第${e.policyVersion}版 · ` : ''}{fundLabel(e.fundSource)}</Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{e.periodText}</Table.Td>
                    <Table.Td style={NOWRAP} ta="right">{yuan(e.amountFen)}</Table.Td>
                    <Table.Td><AccountCell e={e} canManage={canManage} onEdit={() => setEditing(e)} /></Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Badge miw="max-content" variant="light" color={STATUS_COLORS[e.status]}>{ENTITLEMENT_STATUS_LABELS[e.status]}</Badge>
                      {e.lineRef && <Text size="xs" c="dimmed">{e.lineRef}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {e.caseId !== null ? <Link to={`/cases/${e.caseId}`} style={NOWRAP}>{e.receiptNo ?? '补贴申请'}</Link> : '—'}
                      <Text size="xs" c="dimmed" maw={160}>{e.basis === 'engine' ? '按政策计算' : `录入：${e.basisReason ?? ''}`}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            </Table.ScrollContainer>
          )}
          <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
      {editing && <AccountDialog payee={editing.payee} account={editing.account} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
