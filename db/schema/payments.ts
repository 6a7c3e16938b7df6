import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { refersTo, rowMeta } from './columns';
import { users } from './system';

/**
 * 资金兑付 (payments), in the shapes of shared/domain/payments. Amounts are
 * integers in fen; months are `YYYY-MM`. A payee is a person or an enterprise
 * (payee_kind, payee_id), as in the domain.
 */

/** 收款账户: where a person (社保卡金融账户) or an enterprise (基本户) is paid; corrected, never deleted. */
export const payeeAccounts = sqliteTable(
  'payee_accounts',
  {
    payeeKind: text('payee_kind', { enum: ['person', 'enterprise'] }).notNull(),
    payeeId: integer('payee_id').notNull(),
    accountNumber: text('account_number').notNull(),
    bankName: text('bank_name').notNull(),
    ...rowMeta,
  },
  (t) => [uniqueIndex('payee_accounts_payee').on(t.payeeKind, t.payeeId), index('payee_accounts_number').on(t.accountNumber)],
);

/** 应发记录: what an approved application owes one payee for one policy and period (shared/domain/payments/entitlements.ts). */
export const paymentEntitlements = sqliteTable(
  'payment_entitlements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    payeeKind: text('payee_kind', { enum: ['person', 'enterprise'] }).notNull(),
    payeeId: integer('payee_id').notNull(),
    beneficiaryPersonId: integer('beneficiary_person_id'),
    policyCode: text('policy_code').notNull(),
    /** The policy version in force on approval; null when the catalogue item has no policy definition. */
    policyVersion: integer('policy_version'),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    amountFen: integer('amount_fen').notNull(),
    fundSource: text('fund_source', { enum: ['employment_subsidy_fund', 'unemployment_insurance_fund', 'startup_loan_interest'] }).notNull(),
    basis: text('basis', { enum: ['engine', 'entered'] }).notNull(),
    basisReason: text('basis_reason'),
    engineAmountFen: integer('engine_amount_fen'),
    caseId: integer('case_id').references(() => cases.id),
    townshipCode: text('township_code'),
    approvedOn: text('approved_on').notNull(),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('payment_entitlements_case').on(t.caseId).where(sql`${t.caseId} is not null`),
    index('payment_entitlements_payee').on(t.payeeKind, t.payeeId),
    index('payment_entitlements_fund').on(t.fundSource, t.approvedOn),
    check('payment_entitlements_amount', sql`${t.amountFen} > 0`),
    check('payment_entitlements_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/** 发放批次: one fund and one month of payment; its life in shared/domain/payments/batches.ts. */
export const paymentBatches = sqliteTable(
  'payment_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    fundSource: text('fund_source', { enum: ['employment_subsidy_fund', 'unemployment_insurance_fund', 'startup_loan_interest'] }).notNull(),
    month: text('month').notNull(),
    sequence: integer('sequence').notNull(),
    state: text('state', { enum: ['prepared', 'reviewed', 'released', 'locked', 'cancelled'] }).notNull(),
    preparedBy: refersTo('prepared_by', () => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    releasedBy: integer('released_by').references(() => users.id),
    /** The bank file as exported: its SM3 digest (hex), when, and its control totals. */
    bankFileSm3: text('bank_file_sm3'),
    bankFileAt: text('bank_file_at'),
    bankFileCount: integer('bank_file_count'),
    bankFileTotalFen: integer('bank_file_total_fen'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('payment_batches_fund_month_seq').on(t.fundSource, t.month, t.sequence), index('payment_batches_state').on(t.state)],
);

/** What happened to a batch: prepared, reviewed, returned, released, the bank file, the result, locked. */
export const paymentBatchEvents = sqliteTable(
  'payment_batch_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: refersTo('batch_id', () => paymentBatches.id),
    action: text('action').notNull(),
    note: text('note'),
    by: integer('by').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('payment_batch_events_batch').on(t.batchId)],
);

/** 批次明细: one payee, one entitlement, the account and name as sent to the bank. */
export const paymentLines = sqliteTable(
  'payment_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: refersTo('batch_id', () => paymentBatches.id),
    lineNo: integer('line_no').notNull(),
    entitlementId: refersTo('entitlement_id', () => paymentEntitlements.id),
    payeeKind: text('payee_kind', { enum: ['person', 'enterprise'] }).notNull(),
    payeeId: integer('payee_id').notNull(),
    payeeName: text('payee_name').notNull(),
    payeeIdNumber: text('payee_id_number').notNull(),
    accountNumber: text('account_number').notNull(),
    bankName: text('bank_name').notNull(),
    policyCode: text('policy_code').notNull(),
    policyName: text('policy_name').notNull(),
    policyVersion: integer('policy_version'),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    amountFen: integer('amount_fen').notNull(),
    state: text('state', { enum: ['pending', 'paid', 'failed', 'reversed', 'rebatched', 'cancelled'] }).notNull(),
    reason: text('reason'),
    /** The failed or reversed line of an earlier batch this one pays again. */
    rebatchOfLineId: integer('rebatch_of_line_id'),
    resultOn: text('result_on'),
  },
  (t) => [
    uniqueIndex('payment_lines_batch_line').on(t.batchId, t.lineNo),
    index('payment_lines_entitlement').on(t.entitlementId),
    index('payment_lines_payee').on(t.payeeKind, t.payeeId),
    index('payment_lines_account').on(t.accountNumber),
    check('payment_lines_amount', sql`${t.amountFen} > 0`),
  ],
);

/**
 * 重复发放键: one row per (payee, policy code, month) of every line that holds
 * its months (pending or paid). The unique index is the guarantee: two
 * connections racing to pay the same month cannot both commit.
 */
export const paymentMonths = sqliteTable(
  'payment_months',
  {
    lineId: refersTo('line_id', () => paymentLines.id),
    payeeKind: text('payee_kind').notNull(),
    payeeId: integer('payee_id').notNull(),
    policyCode: text('policy_code').notNull(),
    month: text('month').notNull(),
  },
  (t) => [uniqueIndex('payment_months_key').on(t.payeeKind, t.payeeId, t.policyCode, t.month), index('payment_months_line').on(t.lineId)],
);

/** A flag the releaser acknowledged (核实情况), keyed by line and control code. */
export const paymentAcknowledgements = sqliteTable(
  'payment_acknowledgements',
  {
    batchId: refersTo('batch_id', () => paymentBatches.id),
    lineNo: integer('line_no').notNull(),
    code: text('code').notNull(),
    note: text('note').notNull(),
    by: refersTo('by', () => users.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('payment_acknowledgements_key').on(t.batchId, t.lineNo, t.code)],
);

/** 追回: a decision that a payee owes back part or all of a paid line. */
export const paymentRecoveries = sqliteTable(
  'payment_recoveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    lineId: refersTo('line_id', () => paymentLines.id),
    amountFen: integer('amount_fen').notNull(),
    repaidFen: integer('repaid_fen').notNull().default(0),
    reason: text('reason').notNull(),
    orderedOn: text('ordered_on').notNull(),
    spotCheckItemId: integer('spot_check_item_id'),
    ...rowMeta,
  },
  (t) => [index('payment_recoveries_line').on(t.lineId), check('payment_recoveries_amounts', sql`${t.amountFen} > 0 and ${t.repaidFen} between 0 and ${t.amountFen}`)],
);

/**
 * 补贴发放台账: every money event of a line (shared/domain/payments/ledger.ts),
 * with what the ledger groups by copied in, so a figure's list is its rows.
 */
export const paymentLedger = sqliteTable(
  'payment_ledger',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    on: text('on').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: ['paid', 'failed', 'reversal', 'recovery_ordered', 'repayment_received'] }).notNull(),
    lineId: refersTo('line_id', () => paymentLines.id),
    lineRef: text('line_ref').notNull(),
    recoveryId: integer('recovery_id').references(() => paymentRecoveries.id),
    payeeKind: text('payee_kind').notNull(),
    payeeId: integer('payee_id').notNull(),
    payeeName: text('payee_name').notNull(),
    policyCode: text('policy_code').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    fundSource: text('fund_source').notNull(),
    townshipCode: text('township_code'),
    paidFen: integer('paid_fen').notNull().default(0),
    reversedFen: integer('reversed_fen').notNull().default(0),
    recoveryOrderedFen: integer('recovery_ordered_fen').notNull().default(0),
    repaidFen: integer('repaid_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    reason: text('reason'),
    by: integer('by').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [
    index('payment_ledger_month').on(t.month, t.fundSource),
    index('payment_ledger_line').on(t.lineId),
    index('payment_ledger_payee').on(t.payeeKind, t.payeeId),
    // A line is paid once: the ledger itself refuses a second `paid` row.
    uniqueIndex('payment_ledger_paid_once').on(t.lineId).where(sql`${t.kind} = 'paid'`),
  ],
);

/** 预算额度 of a fund for a year, in fen. */
export const paymentBudgets = sqliteTable(
  'payment_budgets',
  {
    fundSource: text('fund_source').notNull(),
    year: integer('year').notNull(),
    amountFen: integer('amount_fen').notNull(),
    ...rowMeta,
  },
  (t) => [uniqueIndex('payment_budgets_fund_year').on(t.fundSource, t.year), check('payment_budgets_amount', sql`${t.amountFen} >= 0`)],
);

/** 抽查: a sample of decided subsidy applications for re-review. */
export const spotChecks = sqliteTable('spot_checks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  decidedFrom: text('decided_from').notNull(),
  decidedTo: text('decided_to').notNull(),
  policyCode: text('policy_code'),
  sharePercent: integer('share_percent').notNull(),
  population: integer('population').notNull(),
  seed: text('seed').notNull(),
  state: text('state', { enum: ['open', 'finished'] }).notNull(),
  ...rowMeta,
});

export const spotCheckItems = sqliteTable(
  'spot_check_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spotCheckId: refersTo('spot_check_id', () => spotChecks.id),
    caseId: refersTo('case_id', () => cases.id),
    finding: text('finding', { enum: ['confirmed', 'irregular'] }),
    note: text('note'),
    checkedBy: integer('checked_by').references(() => users.id),
    checkedAt: text('checked_at'),
  },
  (t) => [uniqueIndex('spot_check_items_case').on(t.spotCheckId, t.caseId)],
);
