import { Alert, Anchor, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BuildPaymentBatchResult } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import type { FundSource } from '../../shared/domain/policies/definition';
import { call } from '../api/client';
import { RefusalAlert, fieldErrorsOf } from './action-dialog';
import { FUND_OPTIONS, yuan, NowrapHeader } from './payments-text';

/**
 * 编制批次: one fund and one 发放月份, from the entitlements ticked in the list
 * (or every one that may be paid). What the batch could not take is listed
 * with the reason, so the clerk fixes it (an account, a period) and builds again.
 */
export function BuildBatchPanel({ fund, selectedIds, onBuilt }: { fund: FundSource | undefined; selectedIds: readonly number[]; onBuilt: () => void }) {
  const queryClient = useQueryClient();
  const [fundSource, setFundSource] = useState<FundSource | null>(fund ?? null);
  const [month, setMonth] = useState(officeDate(new Date()).slice(0, 7));
  const [result, setResult] = useState<BuildPaymentBatchResult | null>(null);
  const build = useMutation({
    mutationFn: () => call('payments.buildBatch', { fundSource: fundSource!, month: month.trim(), ...(selectedIds.length > 0 ? { entitlementIds: [...selectedIds] } : {}) }),
    onSuccess: (r) => {
      setResult(r);
      onBuilt();
      for (const key of ['payments.entitlements', 'payments.batches']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
    onMutate: () => setResult(null),
  });
  const fields = fieldErrorsOf(build.error);
  return (
    <Paper withBorder p="md" data-testid="build-batch">
      <Group align="flex-end">
        <Select label="资金来源" withAsterisk w={200} data={FUND_OPTIONS} value={fundSource} onChange={(v) => setFundSource(v as FundSource | null)} error={fields.fundSource} />
        <TextInput label="发放月份" withAsterisk w={140} maxLength={7} placeholder="YYYY-MM" value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={fields.month} />
        <Button disabled={!fundSource || !month.trim()} loading={build.isPending} onClick={() => build.mutate()}>
          {selectedIds.length > 0 ? `用选中的 ${selectedIds.length} 条编制批次` : '编制批次（全部可发放的）'}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>只编入该资金来源、享受期间不晚于发放月份、已登记收款账户的应发记录；同一对象同一政策同一月份只能发放一次。</Text>
      <RefusalAlert error={build.error} shownFields={['fundSource', 'month']} />
      {result && (
        <Alert color={result.refused.length > 0 ? 'orange' : 'green'} mt="sm" data-testid="build-result">
          <Text size="sm">
            已编制批次 <Anchor component={Link} to={`/payments/batches/${result.batch.id}`}>{result.batch.number}</Anchor>：
            {result.batch.count} 笔，合计 {yuan(result.batch.totalFen)}
            {result.refused.length > 0 ? `；${result.refused.length} 条未编入：` : '。'}
          </Text>
          {result.refused.length > 0 && (
            <Table mt="xs" data-testid="build-refused">
              <NowrapHeader labels={['应发记录', '对象', '未编入原因']} />
              <Table.Tbody>
                {result.refused.map((r) => (
                  <Table.Tr key={r.entitlementId}><Table.Td>{r.entitlementId}</Table.Td><Table.Td>{r.payeeName}</Table.Td><Table.Td>{r.message}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Paper>
  );
}
