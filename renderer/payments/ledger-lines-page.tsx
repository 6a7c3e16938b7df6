import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InputOf, LedgerTotalsView } from '../../shared/contract';
import { formatYearMonth, formatYuan } from '../../shared/domain/payments';
import type { FundSource } from '../../shared/domain/policies/definition';
import { call, errorMessage } from '../api/client';
import { Pager } from '../shell/pager';
import { PrintToolbar } from '../shell/print-toolbar';
import { NOWRAP, capitals, fundLabel, NowrapHeader } from './payments-text';

const PAGE_SIZE = 200;
const MONEY: readonly (keyof Omit<LedgerTotalsView, 'lines' | 'outstandingRecoveryFen'>)[] = ['paidFen', 'reversedFen', 'recoveryOrderedFen', 'repaidFen', 'netFen'];

/** 台账明细: the named list behind one figure of the ledger (payees masked), printable. */
export function LedgerLinesPage() {
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const get = (k: string) => params.get(k) ?? undefined;
  const filter: Omit<InputOf<'payments.ledgerLines'>, 'page' | 'pageSize'> = {
    year: Number(params.get('year') ?? new Date().getFullYear()),
    ...(get('fundSource') ? { fundSource: get('fundSource') as FundSource } : {}),
    ...(get('policyCode') ? { policyCode: get('policyCode') } : {}),
    ...(get('townshipCode') ? { townshipCode: get('townshipCode') } : {}),
    ...(get('month') ? { month: get('month') } : {}),
  };
  const list = useQuery({ queryKey: ['payments.ledgerLines', filter, page], queryFn: () => call('payments.ledgerLines', { ...filter, page, pageSize: PAGE_SIZE }) });
  const l = list.data;
  const scope = [
    `${filter.year}年度`, filter.fundSource ? fundLabel(filter.fundSource) : '', filter.month ? formatYearMonth(filter.month) : '',
    l?.items[0] && filter.policyCode ? l.items[0].policyName : '', l?.items[0] && filter.townshipCode ? (l.items[0].townshipName ?? '乡镇不详') : '',
  ].filter(Boolean).join(' ');
  const back = `/payments/ledger?year=${filter.year}${filter.fundSource ? `&fundSource=${filter.fundSource}` : ''}`;
  return (
    <Stack>
      <PrintToolbar back={{ to: back, label: '返回台账' }} record={{ document: `补贴发放台账明细 ${scope}`.slice(0, 60), entityType: 'payment_ledger', entityId: String(filter.year) }} disabled={!l} />
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {l && (
        <div className="print-document compact-table landscape" data-testid="ledger-lines">
          <Title order={3} ta="center" mb="xs">补贴发放台账明细</Title>
          <Text ta="center" mb="sm">{scope}</Text>
          <Text size="sm" mb="xs">共 {l.total} 笔记账；净额 {formatYuan(l.totals.netFen)} 元（大写：人民币{capitals(l.totals.netFen)}）</Text>
          <Table withTableBorder withColumnBorders striped className="keep-lines" style={NOWRAP}>
            <NowrapHeader labels={['序号', '日期', '事项', '批次#序号', '收款人', '证件号码', '政策', '享受期间', '乡镇（街道）', '已发放', '退票冲回', '追回', '退款到账', '净额', '原因']} />
            <Table.Tbody>
              {l.items.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td>{r.seq}</Table.Td>
                  <Table.Td>{r.on}</Table.Td>
                  <Table.Td>{r.kindLabel}</Table.Td>
                  <Table.Td>{r.lineRef}</Table.Td>
                  <Table.Td><Link to={r.payee.kind === 'person' ? `/persons/${r.payee.id}` : `/enterprises/${r.payee.id}`}>{r.payee.name}</Link></Table.Td>
                  <Table.Td>{r.payee.keyMasked}</Table.Td>
                  <Table.Td>{r.policyName}</Table.Td>
                  <Table.Td>{r.periodText}</Table.Td>
                  <Table.Td>{r.townshipName ?? '—'}</Table.Td>
                  {MONEY.map((f) => <Table.Td key={f} ta="right" style={NOWRAP}>{r[f] === 0 ? '' : formatYuan(r[f])}</Table.Td>)}
                  <Table.Td style={{ whiteSpace: 'normal' }} miw={160}>{r.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td colSpan={9}>合计</Table.Td>
                {MONEY.map((f) => <Table.Td key={f} ta="right" style={NOWRAP}>{formatYuan(l.totals[f])}</Table.Td>)}
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Pager className="no-print" mt="sm" total={l.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </div>
      )}
    </Stack>
  );
}
