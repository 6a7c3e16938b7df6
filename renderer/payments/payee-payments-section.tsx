import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PayeePaymentView } from '../../shared/contract';
import type { PaymentEventKind } from '../../shared/domain/payments';
import { call } from '../api/client';
import { yuan } from './payments-text';

const COLORS: Record<PaymentEventKind, string> = { paid: 'green', failed: 'red', reversal: 'orange', recovery_ordered: 'orange', repayment_received: 'blue' };

/** 已发放：灵活就业社会保险补贴 900.00 元; a failed payment moved no money, so no amount. */
const titleOf = (p: PayeePaymentView) => `${p.kindLabel}：${p.policyName}${p.kind === 'failed' ? '' : ` ${yuan(p.amountFen)}`}`;

/** Every yuan paid to one person or enterprise, failed, returned or recovered, as timeline items (the timeline's 补贴发放). */
export function PayeePaymentsTimeline({ payeeKind, payeeId }: { payeeKind: 'person' | 'enterprise'; payeeId: number }) {
  const payments = useQuery({ queryKey: ['payments.forPayee', payeeKind, payeeId], queryFn: () => call('payments.forPayee', { payeeKind, payeeId }) });
  if (payments.isError || !payments.data) return null;
  if (payments.data.length === 0) return <Text size="sm" c="dimmed">暂无记录</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="payee-payments">
      {payments.data.map((p, i) => (
        <Timeline.Item key={i} color={COLORS[p.kind]} title={titleOf(p)}>
          <Text size="xs" c="dimmed">{p.on} · 享受期间 {p.periodText} · {p.lineRef}</Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** 补贴发放记录 on an enterprise's page, beside its timeline. */
export function PayeePaymentsSection({ payeeKind, payeeId }: { payeeKind: 'person' | 'enterprise'; payeeId: number }) {
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="sm">补贴发放记录</Title>
      <PayeePaymentsTimeline payeeKind={payeeKind} payeeId={payeeId} />
    </Paper>
  );
}
