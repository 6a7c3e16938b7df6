import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import type { PaymentBatchView } from '../../shared/contract';

export const paymentBatchKey = (id: number) => ['payments.batch', id] as const;

/** After a write on a batch: its page shows the batch returned, and every list its money appears in is read again. */
export function refreshAfterBatchWrite(queryClient: QueryClient, batch: PaymentBatchView): void {
  queryClient.setQueryData(paymentBatchKey(batch.id), batch);
  for (const key of ['payments.batches', 'payments.entitlements', 'payments.ledger', 'payments.ledgerLines', 'payments.recoveries', 'payments.forPayee']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

export function useBatchRefresh(): (batch: PaymentBatchView) => void {
  const queryClient = useQueryClient();
  return (batch) => refreshAfterBatchWrite(queryClient, batch);
}
