/**
 * 资金兑付 (payments): the pure domain of paying approved entitlements
 * exactly once and accounting for them to the fen. No database, no Node, no UI;
 * the backend reads facts, asks these functions, and persists in one transaction.
 *
 *   money.ts         isFen, requireFen, sumFen, formatYuan (12,345.67), plainYuan, parseYuan,
 *                    amountInChineseCapitals (人民币大写: 壹万贰仟叁佰肆拾伍元陆角柒分)
 *   periods.ts       YearMonth, MonthPeriod, Payee, PaymentKey; paymentKeys, findDoublePayments
 *                    (the unit is the calendar month; the key is payee + policy CODE + month)
 *   entitlements.ts  PaymentEntitlement (应发记录), entitlementProblems, toEnjoyedRecord
 *   batches.ts       BatchHeader, BatchLine, batchNumber, batchTransition (who may move a batch),
 *                    buildBatchLines, lineTransition, lineRef, lineClaim, controlTotals
 *   bank-file.ts     bankFileRows, bankFileSheet (银行代发文件), readBankResult (银行回盘, all or nothing)
 *   ledger.ts        PaymentEvent → LedgerLine (补贴发放台账): eventRefusal, postEvent, buildLedger,
 *                    ledgerFromLines (replay stored lines), sumLedger, ledgerTotalsBy,
 *                    Budget (预算额度), budgetProblems, budgetUsage
 *   controls.ts      releaseControls (拨付前核查): block or flag with a Chinese reason; unresolvedFindings
 */
export * from './money';
export * from './periods';
export * from './entitlements';
export * from './batches';
export * from './bank-file';
export * from './ledger';
export * from './controls';
