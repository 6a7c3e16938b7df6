import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { RefusalNotice } from './notice-pages';

/**
 * 不予受理告知书: handed over at the window when a case is not taken on —
 * the case, the reason the front desk recorded, where to turn instead, and
 * the legal remedies. Numbered from the same yearly series as the receipts.
 */
export function DeclineNoticePage() {
  return (
    <RefusalNotice
      title="不予受理告知书"
      state="not_accepted"
      notReady="该业务未作出不予受理的决定，没有告知书。"
      opening={(c) => `您于${formatChineseDate(officeDate(new Date(c.createdAt)))}提出的${c.caseLabel}申请，经审查，我局于${formatChineseDate(officeDate(new Date(c.decidedAt!)))}决定不予受理。`}
    />
  );
}
