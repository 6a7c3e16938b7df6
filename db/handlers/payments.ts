import type { DomainHandlers } from '../router';
import * as bank from '../services/payment-bank';
import * as batches from '../services/payment-batches';
import * as entitlements from '../services/payment-entitlements';
import * as ledger from '../services/payment-ledger';
import * as payees from '../services/payment-payees';
import * as recoveries from '../services/payment-recoveries';

export const paymentsHandlers = {
  'payments.entitlements': entitlements.entitlements,
  'payments.setAccount': payees.setAccount,
  'payments.buildBatch': batches.buildBatch,
  'payments.batches': batches.batches,
  'payments.batch': batches.batch,
  'payments.transition': batches.transition,
  'payments.removeLine': batches.removeLine,
  'payments.acknowledge': batches.acknowledge,
  'payments.bankFile': bank.bankFile,
  'payments.bankResult': bank.bankResult,
  'payments.reverseLine': bank.reverseLine,
  'payments.recoveries': recoveries.recoveries,
  'payments.orderRecovery': recoveries.orderRecovery,
  'payments.recordRepayment': recoveries.recordRepayment,
  'payments.ledger': ledger.ledger,
  'payments.ledgerLines': ledger.ledgerLines,
  'payments.ledgerXlsx': ledger.ledgerXlsx,
  'payments.setBudget': ledger.setBudget,
  'payments.forPayee': ledger.forPayee,
} satisfies DomainHandlers<'payments'>;
