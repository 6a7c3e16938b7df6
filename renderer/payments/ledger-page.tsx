import { Alert, Anchor, Button, Group, MultiSelect, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { LedgerDimensionName, LedgerGroupView, LedgerTotalsView, LedgerView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import type { FundSource } from '../../shared/domain/policies/definition';
import { LEDGER_DIMENSION_LABELS } from '../../shared/labels/payments';
import { call, errorMessage } from '../api/client';
import { downloadBase64, XLSX_TYPE } from '../api/download';
import { useDeskStatus } from '../api/queries';
import { printRecorded } from '../shell/print-toolbar';
import { BudgetTable } from './budget-panel';
import { FUND_OPTIONS, NOWRAP, PaymentsAreaHeader, capitals, fundLabel } from './payments-text';
import { formatYuan } from '../../shared/domain/payments';
import { PrintSignatures } from '../shell/print-signatures';

const DIMENSIONS = Object.keys(LEDGER_DIMENSION_LABELS) as LedgerDimensionName[];
/** The filter of ledgerLines each dimension's key becomes. */
const FILTER_OF: Record<LedgerDimensionName, string> = { fund: 'fundSource', policy: 'policyCode', township: 'townshipCode', month: 'month' };

export function ledgerYears(): number[] {
  const year = Number(officeDate(new Date()).slice(0, 4));
  return [year, year - 1, year - 2, year - 3];
}

/** The named list behind a figure: the year, the page's fund, and the group's keys. */
function linesLink(ledger: LedgerView, group: LedgerGroupView | null): string {
  const params = new URLSearchParams({ year: String(ledger.year) });
  if (ledger.fundSource) params.set('fundSource', ledger.fundSource);
  group?.key.forEach((k, i) => params.set(FILTER_OF[ledger.dimensions[i]!], k));
  return `/payments/ledger/lines?${params.toString()}`;
}

const FIGURES: readonly [keyof LedgerTotalsView, string][] = [
  ['paidFen', '已发放'], ['reversedFen', '退票冲回'], ['recoveryOrderedFen', '追回'], ['repaidFen', '退款到账'], ['netFen', '净额'],
];

function TotalsCells({ totals, to }: { totals: LedgerTotalsView; to: string }) {
  return (
    <>
      <Table.Td ta="right"><Anchor inherit component={Link} to={to}>{totals.lines}</Anchor></Table.Td>
      {FIGURES.map(([field]) => (
        <Table.Td key={field} ta="right" style={NOWRAP}><Anchor inherit component={Link} to={to} title="查看明细名单">{formatYuan(totals[field])}</Anchor></Table.Td>
      ))}
      <Table.Td>{capitals(totals.netFen)}</Table.Td>
    </>
  );
}

function LedgerTable({ ledger }: { ledger: LedgerView }) {
  const names = ledger.dimensions.map((d) => LEDGER_DIMENSION_LABELS[d]);
  return (
    <Table withTableBorder withColumnBorders striped mb="sm" data-testid="ledger">
      <Table.Thead>
        <Table.Tr>
          {[...names, '笔数', ...FIGURES.map(([, label]) => `${label}（元）`), '净额大写'].map((n) => <Table.Th key={n} style={NOWRAP}>{n}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ledger.groups.map((g) => (
          <Table.Tr key={g.key.join('|')}>
            {g.labels.map((l, i) => <Table.Td key={i} style={NOWRAP}>{l}</Table.Td>)}
            <TotalsCells totals={g.totals} to={linesLink(ledger, g)} />
          </Table.Tr>
        ))}
        <Table.Tr fw={700} data-testid="ledger-total">
          <Table.Td colSpan={names.length}>合计</Table.Td>
          <TotalsCells totals={ledger.totals} to={linesLink(ledger, null)} />
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * 补贴发放台账: the year's money by fund, policy, township or month against
 * its budget; every figure opens the lines behind it. Prints on A4 (landscape)
 * with each net amount in figures and in 大写, and saves as xlsx.
 */
export function LedgerPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? ledgerYears()[0]);
  const fundSource = (params.get('fundSource') ?? undefined) as FundSource | undefined;
  const dims = (params.get('dims')?.split(',').filter((d): d is LedgerDimensionName => DIMENSIONS.includes(d as LedgerDimensionName)) ?? ['fund', 'policy']);
  const dimensions = dims.length > 0 ? dims : (['fund', 'policy'] as LedgerDimensionName[]);
  const bureau = useDeskStatus().data?.bureauName ?? '';
  const filter = { year, ...(fundSource ? { fundSource } : {}) };
  const ledger = useQuery({ queryKey: ['payments.ledger', filter, dimensions], queryFn: () => call('payments.ledger', { ...filter, dimensions }) });
  const xlsx = useMutation({ mutationFn: () => call('payments.ledgerXlsx', filter), onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX_TYPE) });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    setParams(next);
  };
  const l = ledger.data;
  const title = `${year}年度${fundSource ? fundLabel(fundSource) : ''}补贴发放台账`;
  return (
    <Stack maw={1300}>
      <PaymentsAreaHeader actions={
        <Group className="no-print">
          <Button variant="default" loading={xlsx.isPending} disabled={!l} onClick={() => xlsx.mutate()}>导出Excel</Button>
          <Button disabled={!l} onClick={() => void printRecorded({ document: title, entityType: 'payment_ledger', entityId: String(year) })}>打印</Button>
        </Group>
      } />
      <Group align="flex-end" className="no-print">
        <Select label="年度" w={120} allowDeselect={false} value={String(year)} data={ledgerYears().map(String)} onChange={(v) => v && set({ year: v })} />
        <Select label="资金来源" w={200} clearable placeholder="全部" data={FUND_OPTIONS} value={fundSource ?? null} onChange={(v) => set({ fundSource: v })} />
        <MultiSelect label="汇总维度（最多三个）" w={380} maxValues={3} value={dimensions} onChange={(v) => v.length > 0 && set({ dims: v.join(',') })}
          data={DIMENSIONS.map((d) => ({ value: d, label: LEDGER_DIMENSION_LABELS[d] }))} />
      </Group>
      {ledger.isError && <Alert color="red">{errorMessage(ledger.error)}</Alert>}
      {xlsx.isError && <Alert color="red">{errorMessage(xlsx.error)}</Alert>}
      {l && (
        <div className="print-document compact-table landscape" data-testid="ledger-document">
          <Text ta="center">{bureau}</Text>
          <Title order={2} ta="center" mb="sm">{title}</Title>
          <Text size="sm" mb="xs">单位：元。净额 = 已发放 − 退票冲回 − 退款到账；追回未到账的仍计入支出。</Text>
          <Text size="sm" c="dimmed" mb="xs" className="no-print">点击数字查看其明细名单。</Text>
          <LedgerTable ledger={l} />
          <Text mb="md" data-testid="ledger-net">合计净额：{formatYuan(l.totals.netFen)} 元（大写：人民币{l.netInCapitals}）</Text>
          <Title order={4} mb="xs">年度预算执行</Title>
          <BudgetTable ledger={l} />
          <PrintSignatures />
        </div>
      )}
    </Stack>
  );
}
