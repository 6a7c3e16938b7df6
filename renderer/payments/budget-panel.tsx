import { Badge, Button, Group, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BudgetUsageView, LedgerView } from '../../shared/contract';
import { FUND_SOURCES } from '../../shared/domain/policies/definition';
import { yuanToFen } from '../../shared/domain/money';
import { formatYuan } from '../../shared/domain/payments';
import { useCan } from '../api/queries';
import { call } from '../api/client';
import { RefusalAlert, fieldErrorsOf } from './action-dialog';
import { capitals, fundLabel, yuan, NowrapHeader } from './payments-text';

/** 预算额度 of one fund and year, entered by the head: typed in 元, stored in 分. */
function BudgetInput({ b }: { b: BudgetUsageView }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(b.budgetFen === null ? '' : (b.budgetFen / 100).toFixed(2));
  const amountFen = yuanToFen(text);
  const save = useMutation({
    mutationFn: () => call('payments.setBudget', { fundSource: b.fundSource, year: b.year, amountFen: amountFen! }),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: `已录入${fundLabel(r.fundSource)}${r.year}年预算额度 ${yuan(r.budgetFen ?? 0)}` });
      void queryClient.invalidateQueries({ queryKey: ['payments.ledger'] });
    },
  });
  return (
    <>
      <Group gap="xs" wrap="nowrap" className="no-print">
        <TextInput aria-label={`${fundLabel(b.fundSource)}预算额度（元）`} w={160} size="xs" placeholder="元" value={text}
          onChange={(e) => { save.reset(); setText(e.currentTarget.value); }} error={fieldErrorsOf(save.error).amountFen ?? (text.trim() !== '' && amountFen === null ? '请输入金额（元）' : undefined)} />
        <Button size="compact-sm" variant="light" disabled={amountFen === null} loading={save.isPending} onClick={() => save.mutate()}>保存</Button>
      </Group>
      {save.error && !fieldErrorsOf(save.error).amountFen ? <RefusalAlert error={save.error} /> : null}
    </>
  );
}

/**
 * Every fund the ledger covers, whether or not it has a budget or spending yet,
 * so the head can enter a budget before the first payment of the year.
 */
function withEveryFund(ledger: Pick<LedgerView, 'year' | 'fundSource' | 'budgets'>): BudgetUsageView[] {
  const funds = ledger.fundSource ? [ledger.fundSource] : FUND_SOURCES.map(([code]) => code);
  return funds.map((fundSource) => ledger.budgets.find((b) => b.fundSource === fundSource)
    ?? { fundSource, year: ledger.year, budgetFen: null, spentFen: 0, remainingFen: null, overBudget: false });
}

/** The year's 预算额度 per fund against what the ledger spent (net), with what is left or over. */
export function BudgetTable({ ledger }: { ledger: Pick<LedgerView, 'year' | 'fundSource' | 'budgets'> }) {
  const canSet = useCan('payments.budget');
  const budgets = withEveryFund(ledger);
  return (
    <Table withTableBorder withColumnBorders mb="sm" data-testid="budgets">
      <NowrapHeader labels={['资金来源', '年度预算额度（元）', '已支出（净额，元）', '剩余（元）', '已支出大写']} />
      <Table.Tbody>
        {budgets.map((b) => (
          <Table.Tr key={b.fundSource}>
            <Table.Td>{fundLabel(b.fundSource)}</Table.Td>
            <Table.Td>
              <span className={canSet ? 'print-only' : undefined}>{b.budgetFen === null ? '未录入' : formatYuan(b.budgetFen)}</span>
              {canSet && <BudgetInput key={`${b.year}-${b.budgetFen}`} b={b} />}
            </Table.Td>
            <Table.Td ta="right">{formatYuan(b.spentFen)}</Table.Td>
            <Table.Td ta="right">
              {b.remainingFen === null ? '—' : formatYuan(b.remainingFen)}
              {b.overBudget && <Badge ml={4} color="red" miw="max-content">超出预算</Badge>}
            </Table.Td>
            <Table.Td>{capitals(b.spentFen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
