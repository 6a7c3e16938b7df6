import { Group, Table, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PayeeRef } from '../../shared/contract';
import { FUND_SOURCES, type FundSource } from '../../shared/domain/policies/definition';
import { FUND_SOURCE_LABELS, amountInChineseCapitals, formatYuan } from '../../shared/domain/payments';

/** Short cells (a date, an amount, a batch number) keep to one line. */
export const NOWRAP = { whiteSpace: 'nowrap' } as const;

export const FUND_OPTIONS = FUND_SOURCES.map(([value, label]) => ({ value, label }));
export const fundLabel = (fund: FundSource) => FUND_SOURCE_LABELS[fund];

/** 12,345.67 元. */
export const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** 人民币大写 of any sum the ledger shows, a net below zero (more refunded than paid in a month) as 负…. */
export function capitals(fen: number): string {
  return fen < 0 ? `负${amountInChineseCapitals(-fen)}` : amountInChineseCapitals(fen);
}

/** Who is paid: the name opens the person's or enterprise's page; the ID number or credit code masked under it. */
export function PayeeCell({ payee }: { payee: PayeeRef }) {
  return (
    <>
      <Link to={payee.kind === 'person' ? `/persons/${payee.id}` : `/enterprises/${payee.id}`}>{payee.name}</Link>
      <Text size="xs" c="dimmed">{payee.keyMasked}</Text>
    </>
  );
}

const TABS = [
  { path: '/payments', label: '应发记录' },
  { path: '/payments/batches', label: '发放批次' },
  { path: '/payments/recoveries', label: '追回' },
  { path: '/payments/ledger', label: '补贴发放台账' },
  { path: '/payments/spot-checks', label: '抽查' },
] as const;

/** The 资金兑付 area's head: its title, the page's actions, and its lists. */
export function PaymentsAreaHeader({ actions }: { actions?: ReactNode }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = [...TABS].reverse().find((t) => pathname.startsWith(t.path))?.path ?? '/payments';
  return (
    <>
      <Group justify="space-between" className="no-print">
        <Title order={2}>资金兑付</Title>
        {actions}
      </Group>
      <Tabs value={current} onChange={(v) => v && navigate(v)} className="no-print">
        <Tabs.List>
          {TABS.map((t) => <Tabs.Tab key={t.path} value={t.path}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
    </>
  );
}

/** A table's head whose titles never break (序号, 笔数, 追回 stood one character a line in narrow columns). */
export function NowrapHeader({ labels }: { labels: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>{labels.map((label, i) => <Table.Th key={i} style={NOWRAP}>{label}</Table.Th>)}</Table.Tr>
    </Table.Thead>
  );
}
